import Foundation

/// Synthetic run histories for measuring `index.html`: manifest lines shaped like a nightly
/// run's (a hundred removal rules, a few reject reasons, twenty hosts), made from a fixed seed.
public struct RunIndexBench: Sendable {
    public struct Row: Sendable {
        public var listedRuns: Int
        public var drawnRuns: Int
        public var bytes: Int
        /// Best of three, reading the manifest and writing the page.
        public var seconds: Double
    }

    public init() {}

    /// Writes `count` manifest lines to `root/manifest.jsonl` (replacing it).
    public static func writeHistory(root: String, count: Int, seed: UInt64 = 18) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var random = SplitMix(state: seed)
        var text = ""
        let start = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01
        for index in 0..<count {
            text += line(index: index, started: start.addingTimeInterval(Double(index) * 86_400), random: &random) + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/manifest.jsonl"))
    }

    static func line(index: Int, started: Date, random: inout SplitMix) -> String {
        let inputs = 900 + Int(random.next() % 200)
        let rejected = 20 + Int(random.next() % 20)
        let duplicates = 10 + Int(random.next() % 10)
        let unchanged = 300 + Int(random.next() % 50)
        var rules: [(String, JSONValue)] = []
        for rule in 0..<100 { rules.append(("markup-boilerplate:token\(rule)", .int(Int(random.next() % UInt64(2000 / (rule + 1) + 1))))) }
        let hosts: [JSONValue] = (0..<20).map { host in
            let median = 300 + Int(random.next() % 400)
            return .object([("host", .string("site\(host).example")), ("documents", .int(5 + Int(random.next() % 40))),
                            ("min", .int(40)), ("p25", .int(median / 2)), ("median", .int(median)),
                            ("p75", .int(median * 3 / 2)), ("max", .int(median * 4))])
        }
        let seconds = 60 + Int(random.next() % 20)
        let runID = RunFolder.newRunID(at: started).prefix(15) + String(format: "Z-%04x", index % 0xFFFF)
        return JSONValue.object([
            ("run_id", .string(String(runID))), ("scour_version", .string(ScourVersion.current)),
            ("started", .string(RunSummary.iso(started))), ("ended", .string(RunSummary.iso(started.addingTimeInterval(Double(seconds))))),
            ("status", .string("complete")), ("inputs", .int(inputs)), ("unchanged", .int(unchanged)),
            ("written", .int(inputs - unchanged - rejected)), ("duplicates", .int(duplicates)), ("rejected", .int(rejected)),
            ("reject_reasons", .object([("no body text left after cleaning", .int(rejected - 5)), ("binary content, not HTML", .int(3)),
                                        ("input is \(1000 + index) bytes, over max_bytes 1000", .int(2))])),
            ("stages", .array([.object([("stage", .string("boilerplate")), ("in", .int(inputs)), ("kept", .int(inputs)),
                                        ("rejected", .int(0)), ("removed", .object(rules))])])),
            ("duration_ms", .int(seconds * 1000)), ("duplicates_exact", .int(duplicates / 2)),
            ("peak_rss_bytes", .int(200_000_000)), ("hosts", .array(hosts)),
        ]).serialized()
    }

    /// For each size, a history of that many runs in a temporary folder and the index made from it.
    public func run(sizes: [Int], report: (Row) -> Void) throws {
        for size in sizes {
            let root = NSTemporaryDirectory() + "scour-index-bench-\(ProcessInfo.processInfo.processIdentifier)-\(size)"
            defer { try? FileManager.default.removeItem(atPath: root) }
            try Self.writeHistory(root: root, count: size)
            var best = Double.infinity
            for _ in 0..<3 {
                let clock = ContinuousClock.now
                try RunIndexPage.refresh(root: root)
                let elapsed = ContinuousClock.now - clock
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: root + "/index.html")[.size] as? Int) ?? 0
            report(Row(listedRuns: size, drawnRuns: min(size, RunIndexPage.defaultRuns), bytes: bytes, seconds: best))
        }
    }
}

/// A small seeded generator (SplitMix64), so synthetic histories are the same on every run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
