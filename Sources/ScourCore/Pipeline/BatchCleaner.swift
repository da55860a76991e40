import Synchronization
import Foundation

/// Cleans a run's documents in batches on `jobs` workers, while one more thread writes the
/// batch before and reads the batch after: memory stays bounded by the batch, and output
/// order (input order) does not depend on parallelism.
struct BatchCleaner {
    var pipeline: Pipeline
    /// Documents cleaned at once.
    var jobs: Int
    /// Output records carry each metadata field's evidence.
    var evidence: Bool
    /// Set when duplicates are looked for: the workers make each document's fingerprint.
    var minHash: MinHash?

    var batchSize: Int { max(1, jobs) * 16 }

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

    /// Reads `source` until it ends or `stop` is requested, cleans it batch by batch and hands
    /// each cleaned batch to `write` in input order. The first error from `write` ends the run.
    func clean<Source: DocumentSource>(_ source: inout Source, stop: StopRequest, stats: inout [StageStats],
                                       write: ([Outcome]) throws(RunError) -> Void) throws(RunError) {
        // While the workers clean one batch, one more thread writes the batch before it
        // (in order, so duplicate decisions stay those of a serial run) and then reads the
        // next (files opened, gunzipped, hashed): the workers never wait for either.
        let batchSize = self.batchSize
        var batch: [SourceItem] = []
        batch.reserveCapacity(batchSize)
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
        let evidence = self.evidence
        let minHash = self.minHash
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
                            Outcome.Cleaned(cleaned, evidence: evidence, minHash: minHash)
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
