import Foundation

/// Throughput of the whole pipeline over a folder of pages, on `jobs` workers, with
/// the inputs read and gunzipped before timing starts (they are repeated, not copied,
/// to reach large page counts, so memory reflects the pipeline, not the input set).
public struct SpeedBench {
    public struct Result: Sendable {
        public var pages = 0
        public var bytes = 0
        public var seconds: Double = 0
        public var rejected = 0
        public var peakRSSKiB: Int?
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
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
        var result = Result()
        guard !documents.isEmpty else { return result }
        let total = documents.count * max(1, times)
        let rejected = Slots<Int>(count: jobs)
        let started = DispatchTime.now().uptimeNanoseconds
        let pipeline = self.pipeline
        let workers = jobs
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var stats: [StageStats] = []
            var failures = 0
            var index = worker
            while index < total {
                if case .failure = pipeline.process(documents[index % documents.count], stats: &stats) { failures += 1 }
                index += workers
            }
            rejected[worker] = failures
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result.pages = total
        result.bytes = documents.reduce(0) { $0 + ($1.raw?.count ?? 0) } * max(1, times)
        result.rejected = (0..<workers).reduce(0) { $0 + (rejected[$1] ?? 0) }
        result.peakRSSKiB = Self.peakRSSKiB()
        return result
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
