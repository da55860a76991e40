import Foundation

/// What a run did, for the summary line and `--log-format json`.
public struct RunSummary: Sendable {
    public var inputs = 0
    public var written = 0
    public var rejected = 0
    public var stages: [StageStats] = []
    public var rejectReasons: [String: Int] = [:]
    public var seconds: Double = 0

    public var line: String {
        "scour: \(inputs) inputs, \(written) written, \(rejected) rejected in \(String(format: "%.2f", seconds))s"
    }

    /// One line per stage: documents in, kept, rejected, and blocks removed per rule.
    public var stageLines: [String] {
        stages.map { stats in
            let rules = stats.blocksRemoved.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "  \(stats.stage): in \(stats.documentsIn), kept \(stats.documentsKept), rejected \(stats.documentsRejected)"
                + (rules.isEmpty ? "" : "; removed \(rules)")
        }
    }
}

/// Reads every input, runs the pipeline and writes output and rejects.
public struct Runner {
    public var pipeline: Pipeline
    public var output: OutputConfig
    /// Documents cleaned at once; 1 keeps everything on the calling thread's pace.
    public var jobs: Int

    public init(pipeline: Pipeline, output: OutputConfig, jobs: Int = 1) {
        self.pipeline = pipeline
        self.output = output
        self.jobs = max(1, jobs)
    }

    /// `warn` receives per-input messages (rejects, decoding notes) as they happen.
    public func run(inputs: [String], warn: (String) -> Void) throws(OutputError) -> RunSummary {
        var source = FileSource(paths: inputs)
        return try run(source: &source, warn: warn)
    }

    public func run<Source: DocumentSource>(source: inout Source, warn: (String) -> Void) throws(OutputError) -> RunSummary {
        let started = Date()
        var summary = RunSummary()
        let writer = try AtomicFileWriter(path: output.path)
        let rejects: AtomicFileWriter
        do {
            rejects = try AtomicFileWriter(path: output.rejects)
        } catch {
            writer.abandon()
            throw error
        }
        var stats: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
        // Documents are cleaned in batches across `jobs` workers and written in input order,
        // so memory stays bounded by the batch and output does not depend on parallelism.
        let batchSize = max(1, jobs) * 16
        var batch: [SourceItem] = []
        batch.reserveCapacity(batchSize)
        func flush() throws(OutputError) {
            for outcome in process(batch, stats: &stats) {
                summary.inputs += 1
                switch outcome.result {
                case let .success((document, line)):
                    for note in document.notes { warn("\(document.source): \(note)") }
                    try writer.writeLine(line)
                    summary.written += 1
                case let .failure(rejection):
                    warn("\(outcome.source): rejected at \(rejection.stage): \(rejection.reason)")
                    try rejects.writeLine(Self.rejectRecord(source: outcome.source, rejection).serialized())
                    summary.rejected += 1
                    summary.rejectReasons[rejection.reason, default: 0] += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while let item = source.next() {
                batch.append(item)
                if batch.count >= batchSize { try flush() }
            }
            try flush()
            try writer.commit()
            try rejects.commit()
        } catch {
            writer.abandon()
            rejects.abandon()
            throw error
        }
        summary.stages = stats
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// One input's result: the document with its serialized record, or why it was rejected.
    struct Outcome: Sendable {
        var source: String
        var result: Result<(Document, String), Rejection>
    }

    /// Cleans a batch on `jobs` workers; results come back in the batch's order.
    func process(_ batch: [SourceItem], stats: inout [StageStats]) -> [Outcome] {
        let count = batch.count
        guard count > 0 else { return [] }
        let slots = Slots<Outcome>(count: count)
        let workerStats = Slots<[StageStats]>(count: max(1, min(jobs, count)))
        let workers = workerStats.count
        let pipeline = self.pipeline
        let evidence = output.evidence
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
            var index = worker
            while index < count {
                switch batch[index] {
                case let .document(document):
                    let result = pipeline.process(document, stats: &local).map { cleaned in
                        (cleaned, OutputRecord.json(for: cleaned, includeEvidence: evidence).serialized())
                    }
                    slots[index] = Outcome(source: document.source, result: result)
                case let .rejected(name, rejection):
                    slots[index] = Outcome(source: name, result: .failure(rejection))
                }
                index += workers
            }
            workerStats[worker] = local
        }
        for worker in 0..<workers {
            guard let local = workerStats[worker] else { continue }
            for (position, entry) in local.enumerated() { stats[position].merge(entry) }
        }
        return (0..<count).compactMap { slots[$0] }
    }

    static func rejectRecord(source: String, _ rejection: Rejection) -> JSONValue {
        .object([("source", .string(source)), ("reason", .string(rejection.reason)), ("stage", .string(rejection.stage))])
    }
}

/// Fixed-size result slots that concurrent workers fill at distinct indices.
/// Each index is written by exactly one worker and read only after all have finished.
final class Slots<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>
    let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    subscript(index: Int) -> Element? {
        get { buffer[index] }
        set { buffer[index] = newValue }
    }
}
