import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// JSONL records on a stream, one document each: `{"url": …, "html": …}` or
/// `{"source": …, "text": …}` (optional `"format": "markdown"`, `"charset"`).
/// Lines are read as they come, so an engine can pipe any amount through.
public struct JSONLRecordSource: DocumentSource {
    private let handle: FileHandle
    private let name: String
    private var lines = LineBuffer()
    private var finished = false
    private var lineNumber = 0
    /// A stop ends the reading between records even while the stream is quiet (`StreamWait`).
    private let stop: StopRequest?
    private var stopped = false

    public init(handle: FileHandle, name: String = "stdin", stop: StopRequest? = nil) {
        self.handle = handle
        self.name = name
        self.stop = stop
    }

    public mutating func next() -> SourceItem? {
        while true {
            guard let line = nextLine() else { return nil }
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return Self.item(from: line, fallbackSource: "\(name):\(lineNumber)")
        }
    }

    static func item(from line: Data, fallbackSource: String) -> SourceItem {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            return .rejected(source: fallbackSource, Rejection(stage: "input", reason: "not a JSON object"))
        }
        let url = object["url"] as? String
        let source = object["source"] as? String ?? url ?? fallbackSource
        var document: Document
        if let html = object["html"] as? String {
            document = Document(source: source, raw: Array(html.utf8), format: .html, declaredCharset: "utf-8")
        } else if let text = object["text"] as? String {
            let format: InputFormat = (object["format"] as? String) == "markdown" ? .markdown : .text
            document = Document(source: source, raw: Array(text.utf8), format: format)
        } else {
            return .rejected(source: source, Rejection(stage: "input", reason: "record has neither \"html\" nor \"text\""))
        }
        document.metadata.url = url
        if url != nil { document.metadata.evidence["url"] = Evidence(rule: "record-url") }
        return .document(document)
    }

    private mutating func nextLine() -> Data? {
        while true {
            if let line = lines.nextLine() { return line }
            // After a stop, a record half received is no record: it is not handed on as one.
            if stopped { return nil }
            if finished { return lines.rest() }
            guard StreamWait.readable(handle.fileDescriptor, stop: stop) else {
                stopped = true
                continue
            }
            if !lines.fill(from: handle.fileDescriptor) { finished = true }
        }
    }
}

/// Bytes read from a stream, cut into lines. The search for a line's end resumes where the
/// last one stopped and consumed lines are dropped in bulk, so a record of any length costs
/// time linear in its bytes however many reads it arrives in (re-searching the whole buffer
/// after every read made one 8 MB record take over a minute).
struct LineBuffer {
    private var bytes: [UInt8] = []
    /// Start of the line not yet handed out.
    private var start = 0
    /// Bytes from `start` up to here hold no line feed.
    private var searched = 0
    /// Bytes asked of the stream per read.
    static let readSize = 1 << 20

    /// The next complete line (without its line feed), or nil until more bytes come.
    mutating func nextLine() -> Data? {
        let end = bytes.count
        let found: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard searched < end, let base = buffer.baseAddress,
                  let hit = memchr(base + searched, 0x0A, end - searched) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let newline = found else {
            searched = end
            return nil
        }
        let line = Data(bytes[start..<newline])
        start = newline + 1
        searched = start
        return line
    }

    /// What is left after the last line feed, once the stream has ended (nil when nothing is).
    mutating func rest() -> Data? {
        guard start < bytes.count else { return nil }
        defer { bytes.removeAll(); start = 0; searched = 0 }
        return Data(bytes[start...])
    }

    /// Appends one read's worth of bytes; false at the end of the stream (or on a read error).
    mutating func fill(from descriptor: Int32) -> Bool {
        compact()
        let old = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.readSize))
        let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            while true {
                let result = read(descriptor, buffer.baseAddress! + old, Self.readSize)
                if result < 0, errno == EINTR { continue }
                return result
            }
        }
        bytes.removeLast(Self.readSize - max(0, got))
        return got > 0
    }

    /// Appends bytes directly (tests feed chunks of any size through this).
    mutating func append(_ chunk: [UInt8]) {
        compact()
        bytes.append(contentsOf: chunk)
    }

    /// Drops handed-out lines once they are most of the buffer: each byte is moved at most once more.
    private mutating func compact() {
        guard start > 0, start >= bytes.count / 2 else { return }
        bytes.removeFirst(start)
        searched -= start
        start = 0
    }
}

/// Keeps only the items of one shard: a stable hash of the source picks the shard, so
/// N independent jobs given `--shard 0/N` … `--shard N-1/N` split one input set with no coordination.
public struct ShardFilter<Base: DocumentSource>: DocumentSource {
    var base: Base
    let index: Int
    let count: Int

    public init(_ base: Base, index: Int, count: Int) {
        self.base = base
        self.index = index
        self.count = count
    }

    public mutating func next() -> SourceItem? {
        while let item = base.next() {
            let source: String
            switch item {
            case let .document(document): source = document.source
            case let .rejected(name, _), let .unchanged(name): source = name
            }
            if Self.shard(of: source, count: count) == index { return item }
        }
        return nil
    }

    public static func shard(of source: String, count: Int) -> Int {
        Int(MinHash.fnv(source) % UInt64(max(1, count)))
    }
}
