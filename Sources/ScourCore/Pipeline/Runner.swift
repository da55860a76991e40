import Foundation

/// Reads every input, runs the pipeline and writes output and rejects; with a state,
/// skips unchanged inputs, finds duplicates across runs and records what it wrote.
public struct Runner {
    public var pipeline: Pipeline
    public var output: OutputConfig
    public var stateConfig = StateConfig()
    public var duplicates = DuplicatesConfig()
    /// Documents cleaned at once; output order never depends on it.
    public var jobs: Int
    /// Ignore the state's memory of inputs: process everything again.
    public var full = false
    /// Hash of the config file, written to the manifest.
    public var configHash: String?
    /// Documents shown in each run's `report.html` (runs layout); 0 writes no report.
    public var reportDocuments = 200
    /// Streams to use instead of the output and rejects files (`--stdout`).
    public var outputSink: (any LineSink)?
    public var rejectsSink: (any LineSink)?
    /// Only this shard of the inputs: (index, count).
    public var shard: (index: Int, count: Int)?
    public var stop = StopRequest()
    /// Called after each group of outcomes is written, with the inputs done so far; for progress display.
    public var progress: ((Int) -> Void)?

    public init(pipeline: Pipeline, output: OutputConfig, jobs: Int = 1) {
        self.pipeline = pipeline
        self.output = output
        self.jobs = max(1, jobs)
    }

    public init(config: PipelineConfig, jobs: Int = 1) {
        self.init(pipeline: Pipeline(config: config), output: config.output, jobs: jobs)
        stateConfig = config.state
        duplicates = config.duplicates
        reportDocuments = config.output.reportDocuments
    }

    /// `warn` receives per-input messages (rejects, decoding notes) as they happen.
    public func run(inputs: [String], warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            try run(sharded: makeFileSource(inputs, state: state), state: state, warn: warn)
        }
    }

    /// Incremental runs (`runs` layout without `--full`) skip inputs the state knows unchanged.
    var incremental: Bool { output.layout == .runs && !full }

    /// The files and folders of a run. With a state every file gets a fingerprint (recorded at
    /// the commit); in an incremental run, those the state knows unchanged are not read again.
    func makeFileSource(_ inputs: [String], state: RunState?) -> FileSource {
        FileSource(paths: inputs, maxBytes: pipeline.maxInputBytes, previous: incremental ? { path in
            guard let record = try? state?.input(path) else { return nil }
            return InputFingerprint(size: record.size, modified: record.modified, contentHash: record.contentHash)
        } : (state != nil ? { _ in nil } : nil))
    }

    /// Streaming mode: JSONL records (`{"url", "html"}` or `{"source", "text"}`) from a stream.
    public func run(records handle: FileHandle, warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            try run(sharded: JSONLRecordSource(handle: handle, stop: stop), state: state, warn: warn)
        }
    }

    func run<Source: DocumentSource>(sharded source: Source, state: RunState?,
                                             warn: (String) -> Void) throws(RunError) -> RunSummary {
        if let shard {
            var filtered = ShardFilter(source, index: shard.index, count: shard.count)
            return try run(source: &filtered, state: state, warn: warn)
        }
        var plain = source
        return try run(source: &plain, state: state, warn: warn)
    }

    /// Opens the state (when enabled) under its lock for the length of `body`.
    func withState(_ body: (RunState?) throws(RunError) -> RunSummary) throws(RunError) -> RunSummary {
        guard stateConfig.enabled else { return try body(nil) }
        return try stateConfig.withLockedState(body)
    }

    /// Cleans everything `source` hands over and writes it; see `OutputSession` for what is
    /// written when, and `WindowCleaner` for how documents are cleaned.
    public func run<Source: DocumentSource>(source: inout Source, state: RunState? = nil,
                                            warn: (String) -> Void) throws(RunError) -> RunSummary {
        let session = try OutputSession(settings: self, state: state, warn: warn)
        let cleaner = WindowCleaner(pipeline: pipeline, jobs: jobs, evidence: output.evidence,
                                   minHash: duplicates.enabled ? MinHash(shingleSize: duplicates.shingleSize) : nil)
        var stats: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
        do throws(RunError) {
            try cleaner.clean(&source, stop: stop, stats: &stats) { outcomes throws(RunError) in try session.write(outcomes, warn: warn) }
            let summary = try session.commit(stats: stats, interruptedBy: stop.isRequested ? stop.signalName : nil)
            session.refreshIndex(warn: warn)
            return summary
        } catch {
            session.abandon()
            throw error
        }
    }

    static func rejectRecord(source: String, _ rejection: Rejection) -> JSONValue {
        var fields: [(String, JSONValue)] = [("source", .string(source)), ("reason", .string(rejection.reason)),
                                             ("stage", .string(rejection.stage))]
        if let status = rejection.status { fields.append(("status", .int(status))) }
        if let known = rejection.metadata.map(OutputRecord.knownMetadata), !known.isEmpty {
            fields.append(("metadata", .object(known)))
        }
        return .object(fields)
    }
}
