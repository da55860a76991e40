import Foundation

/// One thing to read: a file on disk (or, later, a record or a URL).
public struct InputItem: Sendable, Equatable {
    public var source: String
    public var format: InputFormat?
    /// Why this item cannot be read at all; it goes straight to rejects.
    public var problem: String?
    /// A WARC archive (`.warc`, `.warc.gz`): many documents, read record by record.
    public var isArchive = false
    /// An extension that names no format Scour knows (`.php`, `.aspx`, wget's `index.html?id=3`):
    /// read as HTML when the bytes start like a page, else rejected as this type.
    public var unknownExtension: String?

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
    /// Files a mirror holds beside its pages, rejected by name without being read. Any other
    /// extension is sniffed: a mirror saves server-side pages as `.php`, `.aspx`, `.jsp`, `.shtml`.
    static let nonPageExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "css", "js", "mjs", "map",
        "woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "tar", "tgz", "bz2", "xz", "zst", "7z", "rar",
        "mp3", "mp4", "m4a", "webm", "ogg", "wav", "avi", "mov", "json", "jsonl", "ndjson", "csv", "exe", "dmg", "iso", "apk",
    ]

    public static func collect(_ paths: [String]) -> [InputItem] {
        var items: [InputItem] = []
        for path in paths {
            let bytes = Array(path.utf8)
            var info = stat()
            guard SourceName.withCPath(bytes, { stat($0, &info) }) == 0 else {
                items.append(InputItem(source: SourceName.escape(bytes), format: nil, problem: "no such file or folder"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                var base = bytes
                if base.last == UInt8(ascii: "/") { base.removeLast() }
                var files: [String] = []
                guard listFiles(in: base, into: &files) else {
                    items.append(InputItem(source: SourceName.escape(bytes), format: nil, problem: "folder cannot be listed"))
                    continue
                }
                items += files.sorted().map(item(forFile:))
            } else {
                items.append(item(forFile: SourceName.escape(bytes)))
            }
        }
        return items
    }

    /// Every file under `folder` (recursively, hidden names and hidden folders left out),
    /// as sources. Names are read as bytes, so names that are not UTF-8 are kept exactly.
    private static func listFiles(in folder: [UInt8], into files: inout [String]) -> Bool {
        guard let directory = SourceName.withCPath(folder, { opendir($0) }) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            guard !name.isEmpty, name.first != UInt8(ascii: ".") else { continue }
            let path = folder + [UInt8(ascii: "/")] + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = SourceName.withCPath(path, { lstat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                // A subfolder that cannot be listed is skipped, as before.
                _ = listFiles(in: path, into: &files)
            } else {
                files.append(SourceName.escape(path))
            }
        }
        return true
    }

    static func item(forFile path: String) -> InputItem {
        var name = (path as NSString).lastPathComponent.lowercased()
        // wget keeps a page's query in its file name: "index.html?id=3" is an .html page.
        if let query = name.firstIndex(of: "?") { name = String(name[..<query]) }
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
        if textExtensions.contains(ext) { return InputItem(source: path, format: .text) }
        if markdownExtensions.contains(ext) { return InputItem(source: path, format: .markdown) }
        let shown = compressed ? ext + ".gz" : ext
        if nonPageExtensions.contains(ext) { return InputItem(source: path, format: nil, problem: "unsupported file type .\(shown)") }
        var item = InputItem(source: path, format: nil)
        if !ext.isEmpty { item.unknownExtension = shown }
        return item
    }

    /// Loads an item's bytes (gunzipping `.gz`) and decides the format of extension-less files.
    /// The size is checked before a byte is read, and gunzipping stops at `maxBytes`.
    public static func load(_ item: InputItem, maxBytes: Int = 64 << 20) -> Result<Document, Rejection> {
        if let problem = item.problem { return .failure(Rejection(stage: "input", reason: problem)) }
        if item.isArchive {
            return .failure(Rejection(stage: "input", reason: "a WARC archive holds many pages: give it to scour run, which reads it record by record"))
        }
        var bytes: [UInt8]
        var gunzipped = item.source.lowercased().hasSuffix(".gz")
        var notes: [String] = []
        switch FileBytes.read(SourceName.bytes(of: item.source), maxBytes: maxBytes, gunzip: gunzipped) {
        case let .success(read): bytes = read
        case .failure(.gzip(.corrupt)):
            // Named .gz but not gzip at all (a crawler that named every file so): read as it is.
            guard case let .success(read) = FileBytes.read(SourceName.bytes(of: item.source), maxBytes: maxBytes, gunzip: false),
                  !read.starts(with: CompressedContent.gzipMagic.prefix(2)) else { return .failure(Rejection(stage: "input", reason: "gzip data is corrupt")) }
            bytes = read
            gunzipped = false
            notes.append("named .gz but not gzip-compressed; read as it is")
        case let .failure(problem): return .failure(problem.rejection)
        }
        if bytes.isEmpty { return .failure(Rejection(stage: "read", reason: "empty file")) }
        // Inflated here, before an extension-less file's format is sniffed from its bytes.
        switch CompressedContent.inflate(bytes, maxBytes: maxBytes, layersBefore: gunzipped ? 1 : 0) {
        case .plain: break
        case let .inflated(inflated, note): bytes = inflated; notes.append(note)
        case let .rejected(rejection): return .failure(rejection)
        }
        var format = item.format ?? sniff(bytes)
        if let ext = item.unknownExtension {
            guard format == .html else { return .failure(Rejection(stage: "input", reason: "unsupported file type .\(ext)")) }
            notes.append("a .\(ext) file that starts like an HTML page; read as HTML")
            format = .html
        }
        var document = Document(source: item.source, raw: bytes, format: format)
        document.notes = notes
        return .success(document)
    }

    /// An extension-less file is HTML when it starts like markup, else text: a doctype, `<html>`,
    /// `<head>`, or an XML declaration or comment before `<html>`.
    static func sniff(_ bytes: [UInt8]) -> InputFormat {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
            || (trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!--")) && head.contains("<html") {
            return .html
        }
        return .text
    }
}
