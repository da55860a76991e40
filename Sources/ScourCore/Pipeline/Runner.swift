import Synchronization
import Foundation

/// What a run did, for the summary line, the manifest and `--log-format json`.
public struct RunSummary: Sendable {
    public var runID: String?
    public var inputs = 0
    public var unchanged = 0
    public var written = 0
    public var duplicates = 0
    public var rejected = 0
    public var stages: [StageStats] = []
    public var rejectReasons: [String: Int] = [:]
    /// Written documents whose decoding replaced byte sequences with U+FFFD, and how many sequences.
    public var documentsWithReplacements = 0
    public var replacedSequences = 0
    public var started = Date()
    public var seconds: Double = 0
    /// Set when SIGINT/SIGTERM stopped the run early; what was done is written.
    public var interruptedBy: String?
    public var outputFile: String?
    public var rejectsFile: String?

    public var line: String {
        var text = "scour: \(inputs) inputs, \(written) written, \(rejected) rejected"
        if unchanged > 0 { text += ", \(unchanged) unchanged" }
        if duplicates > 0 { text += ", \(duplicates) duplicates" }
        text += " in \(String(format: "%.2f", seconds))s"
        if let interruptedBy { text += " (stopped by \(interruptedBy))" }
        return text
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

    /// The run as JSON: the run manifest and the `--log-format json` summary.
    public func json(configHash: String?) -> JSONValue {
        let stageValues = stages.map { stats in
            JSONValue.object([
                ("stage", .string(stats.stage)), ("in", .int(stats.documentsIn)), ("kept", .int(stats.documentsKept)),
                ("rejected", .int(stats.documentsRejected)),
                ("removed", .object(stats.blocksRemoved.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])
        }
        return .object([
            ("run_id", .optional(runID)),
            ("scour_version", .string(ScourVersion.current)),
            ("config_hash", .optional(configHash)),
            ("started", .string(Self.iso(started))),
            ("ended", .string(Self.iso(started.addingTimeInterval(seconds)))),
            ("status", .string(interruptedBy == nil ? "complete" : "interrupted")),
            ("inputs", .int(inputs)), ("unchanged", .int(unchanged)), ("written", .int(written)),
            ("duplicates", .int(duplicates)), ("rejected", .int(rejected)),
            ("reject_reasons", .object(rejectReasons.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("decoding", .object([("documents_with_replacements", .int(documentsWithReplacements)),
                                  ("replaced_sequences", .int(replacedSequences))])),
            ("output", .optional(outputFile)), ("rejects", .optional(rejectsFile)),
            ("stages", .array(stageValues)),
        ])
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

public enum RunError: Error, Sendable, CustomStringConvertible {
    case locked(RunLock.Failure)
    case output(OutputError)
    case state(StateError)

    public var description: String {
        switch self {
        case let .locked(failure): return failure.description
        case let .output(error): return error.description
        case let .state(error): return error.description
        }
    }
}

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
    /// Called after each batch with (inputs done so far); for progress display.
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
            let incremental = output.layout == "runs" && !full
            let source = FileSource(paths: inputs, previous: incremental ? { path in
                guard let record = try? state?.input(path) else { return nil }
                return InputFingerprint(size: record.size, modified: record.modified, contentHash: record.contentHash)
            } : (state != nil ? { _ in nil } : nil))
            return try run(sharded: source, state: state, warn: warn)
        }
    }

    /// Streaming mode: JSONL records (`{"url", "html"}` or `{"source", "text"}`) from a stream.
    public func run(records handle: FileHandle, warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            try run(sharded: JSONLRecordSource(handle: handle), state: state, warn: warn)
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

    public func run<Source: DocumentSource>(source: inout Source, state: RunState? = nil,
                                            warn: (String) -> Void) throws(RunError) -> RunSummary {
        var summary = RunSummary()
        var folder: RunFolder?
        if output.layout == "runs", let state {
            do {
                for leftover in try RunFolder.recover(root: output.directory, state: state) {
                    warn("\(leftover): removed, left by an interrupted run")
                }
                let runFolder = RunFolder(root: output.directory, runID: RunFolder.newRunID(at: summary.started))
                try state.beginRun(id: runFolder.runID, started: RunSummary.iso(summary.started), configHash: configHash ?? "")
                folder = runFolder
            } catch {
                throw .state(error)
            }
        }
        summary.runID = folder?.runID
        summary.outputFile = folder?.partPath ?? output.path
        summary.rejectsFile = folder?.rejectsPath ?? output.rejects
        let writer: any LineSink, rejects: any LineSink
        do throws(OutputError) {
            if let outputSink { writer = outputSink } else { writer = try AtomicFileWriter(path: summary.outputFile!) }
            do throws(OutputError) {
                if let rejectsSink { rejects = rejectsSink } else { rejects = try AtomicFileWriter(path: summary.rejectsFile!) }
            } catch {
                writer.abandon()
                throw error
            }
        } catch {
            throw .output(error)
        }
        if outputSink != nil { summary.outputFile = nil }
        let detector = duplicates.enabled ? DuplicateDetector(config: duplicates, state: state) : nil
        var report: RunReport?
        if let folder, reportDocuments > 0 {
            do { report = try RunReport(path: folder.reportPath, documentLimit: reportDocuments) } catch { throw .output(error) }
        }
        defer { report?.abandon() }
        var stats: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
        var inputRecords: [InputRecord] = []
        var documentRecords: [DocumentRecord] = []

        // Documents are cleaned in batches across `jobs` workers and written in input order,
        // so memory stays bounded by the batch and output does not depend on parallelism.
        let batchSize = max(1, jobs) * 16
        var batch: [SourceItem] = []
        batch.reserveCapacity(batchSize)
        func reject(_ source: String, _ rejection: Rejection, fingerprint: InputFingerprint?) throws(OutputError) {
            warn("\(source): rejected at \(rejection.stage): \(rejection.reason)")
            try rejects.writeLine(Self.rejectRecord(source: source, rejection).serialized())
            summary.rejected += 1
            summary.rejectReasons[rejection.reason, default: 0] += 1
            if let fingerprint {
                inputRecords.append(InputRecord(source: source, size: fingerprint.size, modified: fingerprint.modified,
                                                contentHash: fingerprint.contentHash, outcome: "rejected", documentID: nil))
            }
        }
        /// Writes a cleaned batch in input order: duplicate checks, output and reject lines.
        func write(_ outcomes: [Outcome]) throws(RunError) {
            guard !outcomes.isEmpty else { return }
            do {
                for outcome in outcomes {
                    summary.inputs += 1
                    switch outcome.result {
                    case .none:
                        summary.unchanged += 1
                    case let .failure(rejection)?:
                        try reject(outcome.source, rejection, fingerprint: outcome.fingerprint)
                    case let .success(cleaned)?:
                        var line = cleaned.line
                        var outcomeName = "written"
                        var duplicateOf: String?
                        if let detector {
                            let fingerprint = cleaned.contentPrint ?? detector.fingerprint(of: cleaned.document.bodyText)
                            let original: String?
                            do { original = try detector.original(of: cleaned.id, fingerprint) } catch { throw RunError.state(error) }
                            if let original {
                                summary.duplicates += 1
                                if duplicates.action == "drop" {
                                    try reject(outcome.source, Rejection(stage: "duplicates", reason: "duplicate of \(original)"),
                                               fingerprint: outcome.fingerprint)
                                    continue
                                }
                                line = OutputRecord.json(for: cleaned.document, includeEvidence: output.evidence,
                                                         duplicateOf: original).serialized()
                                duplicateOf = original
                                outcomeName = "duplicate"
                            } else {
                                detector.remember(cleaned.id, fingerprint)
                                documentRecords.append(DocumentRecord(id: cleaned.id, contentHash: fingerprint.normalizedHash,
                                                                      signature: fingerprint.signature, shingles: fingerprint.shingleCount,
                                                                      source: outcome.source,
                                                                      outputFile: summary.outputFile ?? ""))
                            }
                        }
                        for note in cleaned.document.notes { warn("\(outcome.source): \(note)") }
                        if cleaned.document.replacedSequences > 0 {
                            summary.documentsWithReplacements += 1
                            summary.replacedSequences += cleaned.document.replacedSequences
                        }
                        report?.add(cleaned.document, id: cleaned.id, duplicateOf: outcomeName == "duplicate" ? duplicateOf : nil)
                        try writer.writeLine(line)
                        summary.written += 1
                        if let fingerprint = outcome.fingerprint {
                            inputRecords.append(InputRecord(source: outcome.source, size: fingerprint.size,
                                                            modified: fingerprint.modified, contentHash: fingerprint.contentHash,
                                                            outcome: outcomeName, documentID: cleaned.id))
                        }
                    }
                }
            } catch let error as RunError {
                throw error
            } catch let error as OutputError {
                throw .output(error)
            } catch {
                throw .output(.writeFailed(path: summary.outputFile ?? "", reason: "\(error)"))
            }
            do {
                try writer.flushBatch()
                try rejects.flushBatch()
            } catch {
                throw .output(error)
            }
            progress?(summary.inputs)
        }
        do throws(RunError) {
            // While the workers clean one batch, one more thread writes the batch before it
            // (in order, so duplicate decisions stay those of a serial run) and then reads the
            // next (files opened, gunzipped, hashed): the workers never wait for either.
            var next: [SourceItem] = []
            next.reserveCapacity(batchSize)
            var written: [Outcome] = []
            func read(into items: inout [SourceItem]) {
                while !stop.isRequested, items.count < batchSize, let item = source.next() { items.append(item) }
            }
            read(into: &batch)
            repeat {
                var writeError: RunError?
                let cleaned = process(batch, stats: &stats, alongside: {
                    do throws(RunError) { try write(written) } catch { writeError = error }
                    // After a failed write the run ends: no reading (which may wait on a live stream).
                    if writeError == nil { read(into: &next) }
                })
                if let writeError { throw writeError }
                written = cleaned
                swap(&batch, &next)
                next.removeAll(keepingCapacity: true)
            } while !batch.isEmpty
            try write(written)
            if stop.isRequested { summary.interruptedBy = stop.signalName }
            // Output first (synced, renamed into place), then the state: a crash in between
            // leaves a run the state never committed, which the next run removes and redoes.
            do {
                try writer.commit()
                try rejects.commit()
            } catch {
                throw RunError.output(error)
            }
            summary.stages = stats
            summary.seconds = Date().timeIntervalSince(summary.started)
            if let state, let id = folder?.runID ?? Optional("file-\(RunFolder.newRunID(at: summary.started))") {
                do {
                    if folder == nil {
                        try state.beginRun(id: id, started: RunSummary.iso(summary.started), configHash: configHash ?? "")
                    }
                    try state.commitRun(id: id, ended: RunSummary.iso(Date()), outputFile: summary.outputFile,
                                        inputs: inputRecords, documents: documentRecords,
                                        bands: MinHash(shingleSize: duplicates.shingleSize))
                } catch {
                    throw RunError.state(error)
                }
            }
            if let folder {
                do {
                    try report?.finish(summary: summary)
                    try folder.publish(manifest: summary.json(configHash: configHash))
                } catch {
                    throw RunError.output(error)
                }
            }
        } catch {
            writer.abandon()
            rejects.abandon()
            throw error
        }
        return summary
    }

    /// One input's result: nil for unchanged inputs, else the cleaned document or why it was rejected.
    struct Outcome: Sendable {
        struct Cleaned: Sendable {
            var document: Document
            var id: String
            var line: String
            /// For near-duplicate lookup; made on the worker (shingling is per-document work).
            var contentPrint: DuplicateDetector.Fingerprint?
        }

        var source: String
        var fingerprint: InputFingerprint?
        var result: Result<Cleaned, Rejection>?
    }

    /// Cleans a batch on `jobs` workers; results come back in the batch's order.
    /// `alongside` runs on a thread of its own beside the workers (the runner writes the previous
    /// batch and reads the next one there).
    func process(_ batch: [SourceItem], stats: inout [StageStats], alongside: () -> Void = {}) -> [Outcome] {
        let count = batch.count
        guard count > 0 else { return [] }
        let slots = Slots<Outcome>(count: count)
        let workerStats = Slots<[StageStats]>(count: max(1, min(jobs, count)))
        let workers = workerStats.count
        let pipeline = self.pipeline
        let evidence = output.evidence
        let minHash = duplicates.enabled ? MinHash(shingleSize: duplicates.shingleSize) : nil
        // Pages differ tenfold in cost: workers take the next page as they get free, not a fixed share.
        let nextIndex = Atomic<Int>(0)
        withoutActuallyEscaping(alongside) { alongside in
            // The closure touches only the source, the writers and the duplicate index, which no
            // worker touches. It gets a thread of its own: concurrentPerform runs at most one iteration per core at a time,
            // so as one more iteration it would wait for the workers whenever they fill every core.
            let reader = ReaderThread(alongside)
            defer { reader.wait() }
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var local: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
                while true {
                    let index = nextIndex.add(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    switch batch[index] {
                    case let .document(document):
                        let result = pipeline.process(document, stats: &local).map { cleaned in
                            Outcome.Cleaned(document: cleaned, id: OutputRecord.documentID(source: cleaned.source, url: cleaned.metadata.url),
                                            line: OutputRecord.json(for: cleaned, includeEvidence: evidence).serialized(),
                                            contentPrint: minHash.map { DuplicateDetector.fingerprint(of: cleaned.bodyText, minHash: $0) })
                        }
                        slots[index] = Outcome(source: document.source, fingerprint: document.fingerprint, result: result)
                    case let .rejected(name, rejection):
                        slots[index] = Outcome(source: name, fingerprint: nil, result: .failure(rejection))
                    case let .unchanged(name):
                        slots[index] = Outcome(source: name, fingerprint: nil, result: nil)
                    }
                }
                workerStats[worker] = local
            }
        }
        for worker in 0..<workers {
            guard let local = workerStats[worker] else { continue }
            for (position, entry) in local.enumerated() { stats[position].merge(entry) }
        }
        return (0..<count).compactMap { slots[$0] }
    }

    static func rejectRecord(source: String, _ rejection: Rejection) -> JSONValue {
        var fields: [(String, JSONValue)] = [("source", .string(source)), ("reason", .string(rejection.reason)),
                                             ("stage", .string(rejection.stage))]
        if let status = rejection.status { fields.append(("status", .int(status))) }
        return .object(fields)
    }
}

/// Runs a closure on a thread of its own. The thread lets go of the closure before it
/// reports done, so when `wait` returns nothing holds it (withoutActuallyEscaping checks).
final class ReaderThread: @unchecked Sendable {
    private var body: (() -> Void)?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) {
        self.body = body
        Thread { [self] in
            self.body?()
            self.body = nil
            done.signal()
        }.start()
    }

    func wait() { done.wait() }
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
