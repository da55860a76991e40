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

    public init(pipeline: Pipeline, output: OutputConfig) {
        self.pipeline = pipeline
        self.output = output
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
        do {
            while let item = source.next() {
                summary.inputs += 1
                let outcome: Result<Document, Rejection>
                let sourceName: String
                switch item {
                case let .document(document):
                    sourceName = document.source
                    outcome = pipeline.process(document, stats: &stats)
                case let .rejected(name, rejection):
                    sourceName = name
                    outcome = .failure(rejection)
                }
                switch outcome {
                case let .success(document):
                    for note in document.notes { warn("\(document.source): \(note)") }
                    try writer.writeLine(OutputRecord.json(for: document, includeEvidence: output.evidence).serialized())
                    summary.written += 1
                case let .failure(rejection):
                    warn("\(sourceName): rejected at \(rejection.stage): \(rejection.reason)")
                    try rejects.writeLine(Self.rejectRecord(source: sourceName, rejection).serialized())
                    summary.rejected += 1
                    summary.rejectReasons[rejection.reason, default: 0] += 1
                }
            }
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

    static func rejectRecord(source: String, _ rejection: Rejection) -> JSONValue {
        .object([("source", .string(source)), ("reason", .string(rejection.reason)), ("stage", .string(rejection.stage))])
    }
}
