import CLibXML2
import Foundation
import Synchronization

/// Throughput of the whole pipeline over a folder of pages, on `jobs` workers, with
/// the inputs read and gunzipped before timing starts (they are repeated, not copied,
/// to reach large page counts, so memory reflects the pipeline, not the input set).
public struct SpeedBench {
    public struct Result: Sendable {
        public var pages = 0
        public var bytes = 0
        public var seconds: Double = 0
        /// User plus system CPU time of the process over the run: steadier than wall time on a shared machine.
        public var cpuSeconds: Double = 0
        public var rejected = 0
        public var peakRSSKiB: Int?
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
        public var pagesPerCPUSecond: Double { cpuSeconds > 0 ? Double(pages) / cpuSeconds : 0 }

        /// Adds another pass's counts and times.
        mutating func add(_ other: Result) {
            pages += other.pages
            bytes += other.bytes
            seconds += other.seconds
            cpuSeconds += other.cpuSeconds
            rejected += other.rejected
        }

        /// Times `work` (wall and process CPU) as the processing of `pages` pages.
        mutating func measure(pages: Int, _ work: () -> Void) {
            let cpuStarted = SpeedBench.cpuSeconds()
            let started = DispatchTime.now().uptimeNanoseconds
            work()
            seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            cpuSeconds = SpeedBench.cpuSeconds() - cpuStarted
            self.pages = pages
        }
    }

    public var pipeline: Pipeline
    public var jobs: Int

    public init(pipeline: Pipeline, jobs: Int) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
    }

    /// Loads every readable input under the paths (rejects are skipped: they are not pages).
    public static func load(_ paths: [String]) -> [Document] {
        InputCollector.collect(paths).compactMap { try? InputCollector.load($0).get() }
    }

    public func run(_ documents: [Document], repeat times: Int) -> Result {
        run(documents, repeat: times, workers: jobs)
    }

    /// The floor under the pipeline: libxml2 building (and freeing) a tree from the same
    /// HTML bytes, with the same encoding choice, on the same number of workers.
    public func parseFloor(_ documents: [Document], repeat times: Int) -> Result {
        parseFloor(documents, repeat: times, workers: jobs)
    }

    /// The pipeline, the parse floor and (when given) the run path over `rounds` passes each,
    /// in alternating rounds (the order turns each round). On a shared machine, speed drifts by
    /// more than the gap measured between two runs made one after the other; alternating gives
    /// all three the same conditions.
    public func runBesideFloor(_ documents: [Document], rounds: Int,
                               runPath: RunPathBench? = nil) -> (pipeline: Result, floor: Result, runPath: Result?) {
        var pipeline = Result(), floor = Result(), whole = Result()
        for round in 0..<max(1, rounds) {
            var passes: [() -> Void] = [
                { pipeline.add(run(documents, repeat: 1)) },
                { floor.add(parseFloor(documents, repeat: 1)) },
            ]
            if let runPath { passes.append { whole.add(runPath.run()) } }
            for turn in 0..<passes.count { passes[(round + turn) % passes.count]() }
        }
        pipeline.peakRSSKiB = Self.peakRSSKiB()
        if runPath != nil { whole.bytes = pipeline.bytes }
        return (pipeline, floor, runPath == nil ? nil : whole)
    }

    func run(_ documents: [Document], repeat times: Int, workers: Int) -> Result {
        var result = Result()
        guard !documents.isEmpty else { return result }
        let total = documents.count * max(1, times)
        let rejected = Slots<Int>(count: workers)
        let pipeline = self.pipeline
        result.measure(pages: total) {
            Self.share(total, among: workers) { worker, next in
                var stats: [StageStats] = []
                var failures = 0
                while let index = next() {
                    if case .failure = pipeline.process(documents[index % documents.count], stats: &stats) { failures += 1 }
                }
                rejected[worker] = failures
            }
        }
        result.bytes = documents.reduce(0) { $0 + ($1.raw?.count ?? 0) } * max(1, times)
        result.rejected = (0..<workers).reduce(0) { $0 + (rejected[$1] ?? 0) }
        result.peakRSSKiB = Self.peakRSSKiB()
        return result
    }

    func parseFloor(_ documents: [Document], repeat times: Int, workers: Int) -> Result {
        var result = Result()
        let pages = documents.filter { $0.format == .html }
        guard !pages.isEmpty else { return result }
        let total = pages.count * max(1, times)
        result.measure(pages: total) {
            Self.share(total, among: workers) { _, next in
                while let index = next() {
                    let page = pages[index % pages.count]
                    let bytes = page.raw ?? []
                    let charset = HTMLCharset.choose(bytes, declared: page.declaredCharset)
                    Self.parseWithLibXMLTree(TextDecoder.read(bytes, as: charset).utf8, encoding: "UTF-8", checkedUTF8: true)
                }
            }
        }
        result.bytes = pages.reduce(0) { $0 + ($1.raw?.count ?? 0) } * max(1, times)
        return result
    }

    /// How much faster `jobs` workers go than one, for the pipeline and for libxml2's parse
    /// alone, timed in alternating rounds (one pass over the pages each). Separate runs on a
    /// shared machine differ by more than the effect measured; alternating puts both sides
    /// of the ratio in the same conditions, and the order flips each round so a drift
    /// in machine speed favours neither.
    public struct Scaling: Sendable {
        public var rounds = 0
        public var pipeline = Ratio()
        public var parseFloor = Ratio()

        public struct Ratio: Sendable {
            public var oneWorkerSeconds: [Double] = []
            public var manyWorkersSeconds: [Double] = []
            /// Total time on one worker over total time on many.
            public var speedUp: Double { ratio(oneWorkerSeconds.reduce(0, +), manyWorkersSeconds.reduce(0, +)) }
            /// Fastest round on one worker over fastest round on many: each side as it runs
            /// when nothing else on the machine slows it down (timeit's rule).
            public var bestSpeedUp: Double { ratio(oneWorkerSeconds.min() ?? 0, manyWorkersSeconds.min() ?? 0) }
            /// Per-round speed-ups, to show the spread.
            public var perRound: [Double] { zip(oneWorkerSeconds, manyWorkersSeconds).map { ratio($0, $1) } }

            private func ratio(_ one: Double, _ many: Double) -> Double { many > 0 ? one / many : 0 }
        }
    }

    public func scaling(_ documents: [Document], rounds: Int) -> Scaling {
        var scaling = Scaling()
        scaling.rounds = max(1, rounds)
        for round in 0..<scaling.rounds {
            let order = round % 2 == 0 ? [1, jobs] : [jobs, 1]
            var seconds: [Int: (pipeline: Double, floor: Double)] = [:]
            for workers in order {
                seconds[workers] = (run(documents, repeat: 1, workers: workers).seconds,
                                    parseFloor(documents, repeat: 1, workers: workers).seconds)
            }
            let one = seconds[1]!, many = seconds[jobs]!
            scaling.pipeline.add(one: one.pipeline, many: many.pipeline)
            scaling.parseFloor.add(one: one.floor, many: many.floor)
        }
        return scaling
    }

    /// Runs `body` on `workers` threads; each takes the next of `total` indices until none are left,
    /// so a worker that drew small pages is not idle while another finishes large ones.
    private static func share(_ total: Int, among workers: Int,
                              _ body: @Sendable (_ worker: Int, _ next: () -> Int?) -> Void) {
        let counter = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            body(worker) {
                let index = counter.wrappingAdd(1, ordering: .relaxed).oldValue
                return index < total ? index : nil
            }
        }
    }

    /// libxml2's own parse: its tree built and freed, the reference the issue measures against
    /// (the pipeline itself builds a compact tree from libxml2's SAX events instead). Pages
    /// the pipeline reads without libxml2's UTF-8 converter are read so here too.
    static func parseWithLibXMLTree(_ bytes: [UInt8], encoding: String, checkedUTF8: Bool) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
        scour_xml_silence_errors()
        var errors: Int32 = 0
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                scour_html_read_as(pointer, Int32(buffer.count), encoding, checkedUTF8 ? 1 : 0, &errors)
            }
        }
        if let document { xmlFreeDoc(document) }
    }

    /// User plus system CPU seconds of this process so far.
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// VmHWM from /proc/self/status: the most resident memory the process has had.
    public static func peakRSSKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "")
        }
        return nil
    }
}

extension SpeedBench.Scaling.Ratio {
    mutating func add(one: Double, many: Double) {
        oneWorkerSeconds.append(one)
        manyWorkersSeconds.append(many)
    }
}
