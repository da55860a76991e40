import Foundation
import ScourCore

/// Runs one fuzz target over one input and checks what every reader promises: the input
/// ends in output or in rejects (with a reason), and a written record is one JSONL line.
/// The libFuzzer driver and the replay test share it, so a crasher replays exactly.
public struct FuzzHarness: Sendable {
    let resources: Resources
    let pipeline: Pipeline
    let read: ReadStage
    /// Kept small so a fuzzed gzip or WARC block cannot hold the fuzzer's memory.
    let maxBytes = 4 << 20

    public init() throws {
        resources = try Resources.load()
        let config = PipelineConfig.defaults(resources: resources)
        pipeline = Pipeline(config: config)
        guard let read = config.stages.first as? ReadStage else {
            throw FuzzViolation.harnessSetup("the default pipeline does not start with the read stage")
        }
        self.read = read
    }

    @discardableResult
    public func run(_ target: FuzzTarget, _ bytes: [UInt8]) throws(FuzzViolation) -> FuzzOutcome {
        var outcome = FuzzOutcome()
        switch target {
        case .html:
            try clean(Document(source: "fuzz.html", raw: bytes, format: .html), target, &outcome)
        case .text:
            try clean(Document(source: "fuzz.txt", raw: bytes, format: .text), target, &outcome)
            try clean(Document(source: "fuzz.md", raw: bytes, format: .markdown), target, &outcome)
        case .decode:
            try decode(bytes, &outcome)
        case .warc:
            try warc(bytes, &outcome)
        case .jsonl:
            try jsonl(bytes, &outcome)
        case .config:
            try config(bytes, &outcome)
        case .feed:
            try feed(bytes, &outcome)
        }
        return outcome
    }

    /// The pipeline over one document, then the record the writer would write.
    func clean(_ document: Document, _ target: FuzzTarget, _ outcome: inout FuzzOutcome,
               with pipeline: Pipeline? = nil) throws(FuzzViolation) {
        switch (pipeline ?? self.pipeline).process(document) {
        case let .failure(rejection):
            try note(rejection.reason, target, &outcome)
        case let .success(cleaned):
            guard !cleaned.keptBlocks.isEmpty else { throw .writtenWithoutText(target: target) }
            let line = OutputRecord.json(for: cleaned, includeEvidence: true).serialized()
            guard !line.utf8.contains(0x0A), !line.utf8.contains(0x0D) else { throw .recordNotOneLine(target: target) }
            outcome.written += 1
        }
    }

    func note(_ reason: String, _ target: FuzzTarget, _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyReason(target: target) }
        outcome.rejected.append(reason)
    }

    /// Each item a source hands over: a document is cleaned, a rejection counted.
    func drain<Source: DocumentSource>(_ source: inout Source, _ target: FuzzTarget, _ outcome: inout FuzzOutcome,
                                       limit: Int) throws(FuzzViolation) -> Int {
        var items = 0
        while let item = source.next() {
            items += 1
            switch item {
            case let .document(document): try clean(document, target, &outcome)
            case let .rejected(_, rejection): try note(rejection.reason, target, &outcome)
            case .unchanged: outcome.written += 1
            }
            // More items than bytes means the source is not moving forward.
            if items > limit { throw .unaccounted(target: target, expected: limit, got: items) }
        }
        return items
    }

    func warc(_ bytes: [UInt8], _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        let file = try TemporaryInput(bytes, suffix: ".warc")
        defer { file.remove() }
        var source = WARCSource(path: file.path, maxBytes: maxBytes)
        _ = try drain(&source, .warc, &outcome, limit: bytes.count + 1)
    }

    /// Every line that is not blank is one record, and each ends in output or rejects.
    func jsonl(_ bytes: [UInt8], _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        let file = try TemporaryInput(bytes, suffix: ".jsonl")
        defer { file.remove() }
        guard let handle = FileHandle(forReadingAtPath: file.path) else { throw .harnessSetup("cannot open \(file.path)") }
        defer { try? handle.close() }
        var source = JSONLRecordSource(handle: handle, name: "stdin")
        let items = try drain(&source, .jsonl, &outcome, limit: bytes.count + 1)
        let records = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
            .filter { line in !line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
        guard items == records else { throw .unaccounted(target: .jsonl, expected: records, got: items) }
    }

    /// A config either loads or says what is wrong; one that loads must clean a page without trouble.
    func config(_ bytes: [UInt8], _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        let config: PipelineConfig
        do {
            config = try PipelineConfig.parse(data: Data(bytes), path: "fuzz.json", resources: resources)
        } catch {
            try note(error.description, .config, &outcome)
            return
        }
        try clean(Document(source: "page.html", raw: Array(Self.samplePage.utf8), format: .html), .config, &outcome,
                  with: Pipeline(config: config))
    }

    static let samplePage = """
        <html><head><title>A page</title><meta name="author" content="Ann Lee"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>A page</h1>
        <p>The first paragraph has enough words in it to be kept as the body of the page.</p>
        <p>A second paragraph, with a date: 5 March 2024, and some more words after it.</p></article>
        <footer>Copyright 2024</footer></body></html>
        """
}

/// The bytes in a file of their own, for the readers that take a path or a handle.
struct TemporaryInput {
    let path: String

    init(_ bytes: [UInt8], suffix: String) throws(FuzzViolation) {
        path = NSTemporaryDirectory() + "/scour-fuzz-\(getpid())-\(UUID().uuidString)\(suffix)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw .harnessSetup("cannot write \(path)")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
