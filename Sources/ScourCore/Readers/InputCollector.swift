import Foundation

/// One thing to read: a file on disk (or, later, a record or a URL).
public struct InputItem: Sendable, Equatable {
    public var source: String
    public var format: InputFormat?
    /// Why this item cannot be read at all; it goes straight to rejects.
    public var problem: String?
    /// A WARC archive (`.warc`, `.warc.gz`): many documents, read record by record.
    public var isArchive = false

    public init(source: String, format: InputFormat?, problem: String? = nil) {
        self.source = source
        self.format = format
        self.problem = problem
    }
}

/// Expands `--input` paths (files or folders, recursively) into input items in a stable order.
public enum InputCollector {
    static let textExtensions: Set<String> = ["txt", "text"]
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]

    public static func collect(_ paths: [String]) -> [InputItem] {
        var items: [InputItem] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                items.append(InputItem(source: path, format: nil, problem: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let base = path.hasSuffix("/") ? String(path.dropLast()) : path
                guard let enumerator = manager.enumerator(atPath: path) else {
                    items.append(InputItem(source: path, format: nil, problem: "folder cannot be listed"))
                    continue
                }
                var files: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                        continue
                    }
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { continue }
                    files.append(base + "/" + relative)
                }
                items += files.sorted().map(item(forFile:))
            } else {
                items.append(item(forFile: path))
            }
        }
        return items
    }

    static func item(forFile path: String) -> InputItem {
        let name = (path as NSString).lastPathComponent.lowercased()
        let parts = name.split(separator: ".")
        var ext = parts.count > 1 ? String(parts.last!) : ""
        var compressed = false
        if ext == "gz", parts.count > 2 {
            compressed = true
            ext = String(parts[parts.count - 2])
        }
        if ext == "warc" {
            var archive = InputItem(source: path, format: nil)
            archive.isArchive = true
            return archive
        }
        if htmlExtensions.contains(ext) { return InputItem(source: path, format: .html) }
        if compressed { return InputItem(source: path, format: nil, problem: "unsupported compressed file type .\(ext).gz") }
        if textExtensions.contains(ext) { return InputItem(source: path, format: .text) }
        if markdownExtensions.contains(ext) { return InputItem(source: path, format: .markdown) }
        if ext.isEmpty { return InputItem(source: path, format: nil) }
        return InputItem(source: path, format: nil, problem: "unsupported file type .\(ext)")
    }

    /// Loads an item's bytes (gunzipping `.gz`) and decides the format of extension-less files.
    public static func load(_ item: InputItem) -> Result<Document, Rejection> {
        if let problem = item.problem { return .failure(Rejection(stage: "input", reason: problem)) }
        if item.isArchive {
            return .failure(Rejection(stage: "input", reason: "a WARC archive holds many pages: give it to scour run, which reads it record by record"))
        }
        guard let data = FileManager.default.contents(atPath: item.source) else {
            return .failure(Rejection(stage: "input", reason: "cannot read file (permission denied or not a regular file)"))
        }
        var bytes = [UInt8](data)
        if item.source.lowercased().hasSuffix(".gz") {
            switch Gzip.decompress(bytes) {
            case let .success(plain): bytes = plain
            case let .failure(error): return .failure(Rejection(stage: "input", reason: error.description))
            }
        }
        let format = item.format ?? sniff(bytes)
        return .success(Document(source: item.source, raw: bytes, format: format))
    }

    /// An extension-less file is HTML when it starts like markup, else text.
    static func sniff(_ bytes: [UInt8]) -> InputFormat {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml") && head.contains("<html") {
            return .html
        }
        return .text
    }
}
