import CLibXML2
import Foundation

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
        let cpuStarted = Self.cpuSeconds()
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
        result.cpuSeconds = Self.cpuSeconds() - cpuStarted
        result.pages = total
        result.bytes = documents.reduce(0) { $0 + ($1.raw?.count ?? 0) } * max(1, times)
        result.rejected = (0..<workers).reduce(0) { $0 + (rejected[$1] ?? 0) }
        result.peakRSSKiB = Self.peakRSSKiB()
        return result
    }

    /// The floor under the pipeline: libxml2 building (and freeing) a tree from the same
    /// HTML bytes, with the same encoding choice, on the same number of workers.
    public func parseFloor(_ documents: [Document], repeat times: Int) -> Result {
        var result = Result()
        let pages = documents.filter { $0.format == .html }
        guard !pages.isEmpty else { return result }
        let total = pages.count * max(1, times)
        let workers = jobs
        let cpuStarted = Self.cpuSeconds()
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < total {
                let page = pages[index % pages.count]
                let bytes = page.raw ?? []
                let charset = HTMLCharset.choose(bytes, declared: page.declaredCharset)
                Self.parseWithLibXMLTree(bytes, encoding: charset.encoding)
                index += workers
            }
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        result.cpuSeconds = Self.cpuSeconds() - cpuStarted
        result.pages = total
        result.bytes = pages.reduce(0) { $0 + ($1.raw?.count ?? 0) } * max(1, times)
        return result
    }

    /// libxml2's own parse: its tree built and freed, the reference the issue measures against
    /// (the pipeline itself builds a compact tree from libxml2's SAX events instead).
    static func parseWithLibXMLTree(_ bytes: [UInt8], encoding: String) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
        scour_xml_silence_errors()
        var errors: Int32 = 0
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                scour_html_read(pointer, Int32(buffer.count), encoding, &errors)
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
