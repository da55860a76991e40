import Foundation

/// JSONL records on a stream, one document each: `{"url": …, "html": …}` or
/// `{"source": …, "text": …}` (optional `"format": "markdown"`, `"charset"`).
/// Lines are read as they come, so an engine can pipe any amount through.
public struct JSONLRecordSource: DocumentSource {
    private let handle: FileHandle
    private let name: String
    private var buffer = Data()
    private var finished = false
    private var lineNumber = 0

    public init(handle: FileHandle, name: String = "stdin") {
        self.handle = handle
        self.name = name
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
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            let chunk = handle.availableData
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
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
