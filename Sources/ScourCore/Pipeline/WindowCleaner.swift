import Foundation

/// Cleans a run's documents on `jobs` worker threads through a sliding window: the calling thread
/// reads inputs into the window and writes finished ones strictly in input order, while the workers
/// take the next unclaimed input as they get free. Memory stays bounded by the window, output order
/// (input order) does not depend on parallelism, and no worker waits for a batch's slowest page.
struct WindowCleaner {
    var pipeline: Pipeline
    /// Documents cleaned at once.
    var jobs: Int
    /// Output records carry each metadata field's evidence.
    var evidence: Bool
    /// Set when duplicates are looked for: the workers make each document's fingerprint.
    var minHash: MinHash?

    /// Worker threads: `jobs`, but no more than the cores (as `concurrentPerform` ran before):
    /// cleaning is CPU work, and each thread more is memory and a chance to fail to start.
    var workerCount: Int { max(1, min(jobs, ProcessInfo.processInfo.activeProcessorCount)) }
    /// Inputs read but not yet written: enough that a slow page at the head does not idle the
    /// workers for long, few enough that memory stays bounded (each may hold up to `max_bytes`).
    var windowSize: Int { workerCount * 32 }
    /// Finished outcomes handed to `write` at once (one flush of the output files each), unless
    /// nothing else can be done first.
    static let writeGroup = 16

    /// One input's result: nil for unchanged inputs, else the cleaned document or why it was rejected.
    struct Outcome: Sendable {
        struct Cleaned: Sendable {
            var document: Document
            var id: String
            var line: String
            /// For near-duplicate lookup; made on the worker (shingling is per-document work).
            var contentPrint: DuplicateDetector.Fingerprint?

            /// What the writer needs of a cleaned document, on the worker: the body text and the
            /// id are made once and serve the JSON line and the fingerprint alike.
            init(_ document: Document, evidence: Bool, minHash: MinHash?) {
                let text = document.bodyText
                let id = OutputRecord.documentID(source: document.source, url: document.metadata.url)
                self.document = document
                self.id = id
                line = OutputRecord.json(for: document, includeEvidence: evidence, id: id, text: text).serialized()
                contentPrint = minHash.map { DuplicateDetector.fingerprint(of: text, minHash: $0) }
            }
        }

        var source: String
        var fingerprint: InputFingerprint?
        var result: Result<Cleaned, Rejection>?
    }

    /// Reads `source` until it ends or `stop` is requested, cleans every input read and hands the
    /// outcomes to `write` in input order, in groups. The first error from `write` ends the run:
    /// nothing more is read (a live stream could hold the run) and the workers stop.
    func clean<Source: DocumentSource>(_ source: inout Source, stop: StopRequest, stats: inout [StageStats],
                                       write: ([Outcome]) throws(RunError) -> Void) throws(RunError) {
        let window = CleaningWindow(capacity: windowSize)
        let workers = (0..<workerCount).map { _ in startWorker(on: window) }
        defer {
            window.cancel()
            for worker in workers { worker.wait() }
        }
        var sourceOpen = true
        var ready: [Outcome] = []
        while true {
            let inWindow = window.takeFinished(into: &ready)
            let canRead = sourceOpen && inWindow < window.capacity
            let finished = !sourceOpen && inWindow == 0
            // Reading comes first while there is room (it keeps the workers fed); finished outcomes
            // are written in groups, or at once when there is nothing to read.
            if !ready.isEmpty, ready.count >= Self.writeGroup || !canRead {
                try write(ready)
                ready.removeAll(keepingCapacity: true)
                continue
            }
            if finished { break }
            if canRead {
                if !stop.isRequested, let item = source.next() {
                    window.add(item)
                } else {
                    sourceOpen = false
                    window.closeInput()
                }
                continue
            }
            window.waitForHead()
        }
        for worker in workers {
            worker.wait()
            for (position, entry) in worker.stats.enumerated() { stats[position].merge(entry) }
        }
    }

    /// One worker thread: cleans the window's next unclaimed input until the input is closed and drained.
    private func startWorker(on window: CleaningWindow) -> WorkerThread {
        let pipeline = self.pipeline
        let evidence = self.evidence
        let minHash = self.minHash
        return WorkerThread { () -> [StageStats] in
            var local: [StageStats] = pipeline.stages.map { StageStats(stage: $0.name) }
            while let (index, item) = window.claim() {
                let outcome: Outcome
                switch item {
                case let .document(document):
                    let result = pipeline.process(document, stats: &local).map { cleaned in
                        Outcome.Cleaned(cleaned, evidence: evidence, minHash: minHash)
                    }
                    outcome = Outcome(source: document.source, fingerprint: document.fingerprint, result: result)
                case let .rejected(name, rejection):
                    outcome = Outcome(source: name, fingerprint: nil, result: .failure(rejection))
                case let .unchanged(name):
                    outcome = Outcome(source: name, fingerprint: nil, result: nil)
                }
                window.finish(index, outcome)
            }
            return local
        }
    }
}

/// The window shared by the reading and writing thread and the workers: a ring of inputs read and
/// not yet claimed, and of outcomes finished and not yet written, indexed by input number modulo
/// the capacity. One condition guards it all (a few threads, milliseconds of work per input).
final class CleaningWindow: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var items: [SourceItem?]
    private var outcomes: [WindowCleaner.Outcome?]
    /// Inputs added, inputs claimed by a worker, outcomes taken for writing (all counts from the start).
    private var added = 0, claimed = 0, taken = 0
    private var inputClosed = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
        items = Array(repeating: nil, count: capacity)
        outcomes = Array(repeating: nil, count: capacity)
    }

    /// Adds the next input; the caller keeps fewer than `capacity` inputs in the window.
    func add(_ item: SourceItem) {
        condition.lock()
        precondition(added - taken < capacity, "window overfilled")
        items[added % capacity] = item
        added += 1
        // Only workers wait while the reading thread adds: one of them can take the input.
        condition.signal()
        condition.unlock()
    }

    /// No more inputs come; the workers finish those in the window and stop.
    func closeInput() {
        condition.lock()
        inputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The workers stop after the input in hand (the run ended early, by a failed write).
    func cancel() {
        condition.lock()
        inputClosed = true
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next unclaimed input and its number, waiting for one; nil once the input is closed and
    /// every input is claimed, or the run was cancelled.
    func claim() -> (Int, SourceItem)? {
        condition.lock()
        defer { condition.unlock() }
        while claimed == added && !inputClosed { condition.wait() }
        guard !cancelled, claimed < added else { return nil }
        let index = claimed
        claimed += 1
        guard let item = items[index % capacity] else { preconditionFailure("window slot \(index) claimed before it was added") }
        items[index % capacity] = nil
        return (index, item)
    }

    func finish(_ index: Int, _ outcome: WindowCleaner.Outcome) {
        condition.lock()
        precondition(outcomes[index % capacity] == nil, "outcome slot \(index) still full")
        outcomes[index % capacity] = outcome
        if index == taken { condition.broadcast() }
        condition.unlock()
    }

    /// Moves the finished outcomes at the head of the window, in input order, to `ready`; returns
    /// how many inputs are still in the window (read, not yet taken for writing).
    func takeFinished(into ready: inout [WindowCleaner.Outcome]) -> Int {
        condition.lock()
        defer { condition.unlock() }
        while taken < added, let outcome = outcomes[taken % capacity] {
            outcomes[taken % capacity] = nil
            ready.append(outcome)
            taken += 1
        }
        return added - taken
    }

    /// Waits until the outcome at the head of the window is finished (the caller has nothing else to do).
    func waitForHead() {
        condition.lock()
        while taken < added, outcomes[taken % capacity] == nil { condition.wait() }
        condition.unlock()
    }
}

/// A worker on a thread of its own, whose result (its stage counts) is read after `wait`.
final class WorkerThread: @unchecked Sendable {
    private(set) var stats: [StageStats] = []
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ body: @escaping @Sendable () -> [StageStats]) {
        let thread = Thread { [self] in
            stats = body()
            done.signal()
        }
        // glibc's default for threads, set rather than left to `ulimit -s`.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the worker to end; later calls return at once.
    func wait() {
        guard !waited else { return }
        done.wait()
        waited = true
    }
}
