import Foundation

/// URL list files read line by line: one URL a line (`#` starts a comment), or JSONL
/// records with a `url` field. Lines that are not fetchable URLs become rejects naming
/// the file and line.
public struct URLList {
    public enum Entry: Equatable {
        case url(String)
        case rejected(source: String, reason: String)
    }

    private var paths: IndexingIterator<[String]>
    private var current: (path: String, lines: LineReader)?
    private var lineNumber = 0
    /// URLs known in memory (a feed crawl's articles), handed out after the files' lines.
    private var extra: IndexingIterator<[String]>

    public init(paths: [String], then urls: [String] = []) {
        self.paths = paths.makeIterator()
        extra = urls.makeIterator()
    }

    public mutating func next() -> Entry? {
        while true {
            if current == nil {
                guard let path = paths.next() else { return extra.next().map(Entry.url) }
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    let reason = FileManager.default.fileExists(atPath: path) ? "cannot read URL list (permission denied)" : "no such URL list file"
                    return .rejected(source: path, reason: reason)
                }
                current = (path, LineReader(handle: handle))
                lineNumber = 0
            }
            guard let line = current!.lines.next() else {
                current = nil
                continue
            }
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { continue }
            return Self.entry(text, source: "\(current!.path):\(lineNumber)")
        }
    }

    static func entry(_ text: String, source: String) -> Entry {
        var url = text
        if text.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return .rejected(source: source, reason: "not a JSON object")
            }
            if object["html"] != nil || object["text"] != nil {
                return .rejected(source: source, reason: "record carries its content (\"html\"/\"text\"): give it to --stdin or --input, not --urls")
            }
            guard let value = object["url"] as? String else { return .rejected(source: source, reason: "record has no \"url\"") }
            url = value.trimmingCharacters(in: .whitespaces)
        }
        guard Fetcher.target(of: url) != nil else {
            return .rejected(source: source, reason: "not an http(s) URL: \(url.prefix(200))")
        }
        return .url(url)
    }
}

/// Lines of a file or pipe, read in chunks.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                return buffer[position..<newline]
            }
            if finished {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return buffer[position...]
            }
            let chunk = handle.readData(ofLength: 64 * 1024)
            if chunk.isEmpty {
                finished = true
            } else {
                buffer.removeFirst(position)
                position = 0
                buffer += chunk
            }
        }
    }
}
