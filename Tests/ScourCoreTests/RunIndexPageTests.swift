import Foundation
import XCTest
@testable import ScourCore

/// The index over runs on synthetic histories: its size grows with the drawn runs only (never
/// with the length of manifest.jsonl), old manifest lines still read, and the flag rules.
final class RunIndexPageTests: XCTestCase {
    var work: String!

    override func setUpWithError() throws {
        work = NSTemporaryDirectory() + "scour-index-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: work)
    }

    func pageBytes(history runs: Int, drawn: Int) throws -> Int {
        try RunIndexBench.writeHistory(root: work, count: runs)
        try RunIndexPage.refresh(root: work, runs: drawn)
        return try XCTUnwrap(FileManager.default.attributesOfItem(atPath: work + "/index.html")[.size] as? Int)
    }

    /// 365 runs well under 1 MB; bytes per drawn run about constant (linear growth); a history
    /// three times longer draws the same 365 runs in a page of the same size.
    func testPageSizeIsLinearInDrawnRunsAndBoundedInHistory() throws {
        let small = try pageBytes(history: 100, drawn: 100)
        let year = try pageBytes(history: 365, drawn: 365)
        let longer = try pageBytes(history: 1100, drawn: 365)
        XCTAssertLessThan(year, 600_000, "365 runs: \(year) bytes")
        let perRunSmall = Double(small) / 100, perRunYear = Double(year) / 365
        XCTAssertLessThan(abs(perRunYear / perRunSmall - 1), 0.25, "bytes per run \(perRunSmall) → \(perRunYear)")
        XCTAssertLessThan(abs(Double(longer) / Double(year) - 1), 0.05, "\(year) → \(longer)")
        let page = try String(contentsOfFile: work + "/index.html", encoding: .utf8)
        XCTAssertEqual(page.components(separatedBy: "<g class=run ").count - 1, 365 * 2, "documents and rejects: one group per run")
        XCTAssertEqual(page.components(separatedBy: "class=bar ").count - 1, 365)
    }

    func testHistoryReadsOnlyTheLastLines() throws {
        try RunIndexBench.writeHistory(root: work, count: 600)
        let lines = try String(contentsOfFile: work + "/manifest.jsonl", encoding: .utf8).split(separator: "\n")
        let history = try RunHistory.read(root: work, count: 379)
        XCTAssertEqual(history.runs.count, 379)
        XCTAssertEqual(history.runs.first, RunFigures(manifestLine: Data(lines[600 - 379].utf8)))
        XCTAssertEqual(history.runs.last, RunFigures(manifestLine: Data(lines[599].utf8)))
        XCTAssertEqual(history.unreadableLines, 0)
        // Asking for more than there are gives them all, a cut or bad line is skipped.
        try Data((lines.prefix(3).joined(separator: "\n") + "\n{not json\n").utf8).write(to: URL(fileURLWithPath: work + "/manifest.jsonl"))
        let short = try RunHistory.read(root: work, count: 50)
        XCTAssertEqual(short.runs.count, 3)
        XCTAssertEqual(short.unreadableLines, 1)
    }

    /// A line as older versions wrote it (no duration_ms, exact duplicates or hosts; duplicates
    /// dropped into the rejects) and a recovered run's (no stages).
    func testOldManifestLinesRead() throws {
        let old = #"{"run_id":"20260101T000000Z-0001","started":"2026-01-01T00:00:00Z","ended":"2026-01-01T00:01:30Z","status":"complete","inputs":10,"unchanged":2,"written":5,"duplicates":2,"rejected":3,"reject_reasons":{"duplicate of abc":1,"duplicate of def":1,"input is 12 bytes, over max_bytes 10":1},"stages":[{"stage":"boilerplate","removed":{"share":4}}]}"#
        let run = try XCTUnwrap(RunFigures(manifestLine: Data(old.utf8)))
        XCTAssertEqual(run.seconds, 90)
        XCTAssertEqual([run.written, run.duplicates, run.rejected, run.unchanged], [5, 2, 1, 2])
        XCTAssertEqual(run.written + run.duplicates + run.rejected + run.unchanged, run.inputs)
        XCTAssertEqual(run.rejectClasses, ["input is N bytes, over max_bytes N": 1])
        XCTAssertEqual(run.removedByRule, ["boilerplate/share": 4])
        XCTAssertEqual(run.hosts, [])
        let recovered = #"{"run_id":"r2","recovered":true,"started":"2026-01-02T00:00:00Z","inputs":3,"written":3}"#
        XCTAssertEqual(RunFigures(manifestLine: Data(recovered.utf8))?.written, 3)
        XCTAssertNil(RunFigures(manifestLine: Data(#"{"no_id":1}"#.utf8)))
    }

    func run(_ id: Int, written: Int, seconds: Double = 10, rejected: Int = 0) -> RunFigures {
        var run = RunFigures(runID: "r\(id)", started: "2026-01-\(String(format: "%02d", id % 28 + 1))T00:00:00Z")
        run.inputs = written + rejected
        run.written = written
        run.rejected = rejected
        run.seconds = seconds
        return run
    }

    func testFlagsNeedHistoryAndRespectTheFloor() {
        // A flat history: MAD 0, so the floor decides (5% of 100 = 5 documents; 3 MADs = 15).
        var runs = (0..<6).map { run($0, written: 100) }
        runs.append(run(6, written: 110))
        runs.append(run(7, written: 130))
        let flags = RunFlags.find(in: runs, rules: [])
        XCTAssertEqual(flags.map(\.runID), ["r7", "r7"], "\(flags)")
        XCTAssertEqual(Set(flags.map(\.figure)), ["written", "inputs"])
        XCTAssertEqual(flags.first?.median, 100)
        XCTAssertEqual(flags.first?.mad, 5)
        // Fewer than minimumHistory earlier runs: nothing is compared.
        XCTAssertEqual(RunFlags.find(in: Array(runs.prefix(4)) + [run(9, written: 500)], rules: []), [])
        // One odd run in the window does not widen the range for the next.
        var spiky = (0..<8).map { run($0, written: 100) }
        spiky[4] = run(4, written: 1000)
        spiky.append(run(8, written: 200))
        XCTAssertTrue(RunFlags.find(in: spiky, rules: []).contains { $0.runID == "r8" && $0.figure == "written" })
        // Time: 10 s ± floor 1 s; 12 s is usual, 14 s is not.
        let slow = (0..<6).map { run($0, written: 100) } + [run(6, written: 100, seconds: 12), run(7, written: 100, seconds: 14)]
        XCTAssertEqual(RunFlags.find(in: slow, rules: []).map(\.runID), ["r7"])
    }

    func testRuleShareAndHostWordsAreFlagged() {
        var runs: [RunFigures] = (0..<6).map { index in
            var figures = run(index, written: 50)
            figures.removedByRule = ["boilerplate/share": 20, "boilerplate/related": 80]
            figures.hosts = [HostWordStats(host: "example.com", documents: 50, min: 100, p25: 400, median: 500, p75: 600, max: 900)]
            return figures
        }
        var changed = run(6, written: 50)
        changed.removedByRule = ["boilerplate/share": 70, "boilerplate/related": 30]
        changed.hosts = [HostWordStats(host: "example.com", documents: 50, min: 10, p25: 40, median: 60, p75: 90, max: 200)]
        runs.append(changed)
        let figures = Set(RunFlags.find(in: runs, rules: RunIndexPage.topRules(runs)).map(\.figure))
        XCTAssertEqual(figures, ["removal share boilerplate/share", "removal share boilerplate/related", "median words example.com"])
    }

    func testRejectReasonClassesAreBounded() {
        XCTAssertEqual(RejectReasonClasses.classify("input is 7340032 bytes, over max_bytes 67108864"), "input is N bytes, over max_bytes N")
        // An address names one input: the class says what happened to it.
        XCTAssertEqual(RejectReasonClasses.classify("redirected to https://example.com/a?b=1, HTTP 404"), "redirected to URL, HTTP N")
        XCTAssertEqual(RejectReasonClasses.classify("a redirect page (meta refresh to http://x.example/p), not the article"),
                       "a redirect page (meta refresh to URL), not the article")
        XCTAssertEqual(RejectReasonClasses.withoutAddresses("httpd said no; see https://a.example"), "httpd said no; see URL")
        var reasons: [String: Int] = ["duplicate of 0123": 4]
        for index in 0..<30 { reasons["reason \(Character(UnicodeScalar(65 + index)!))"] = index + 1 }
        let bounded = RejectReasonClasses.bounded(RejectReasonClasses.counts(reasons))
        XCTAssertEqual(bounded.count, RejectReasonClasses.namedClasses + 1)
        XCTAssertEqual(bounded.first?.name, "reason ^")
        XCTAssertEqual(bounded.last?.name, "other")
        XCTAssertEqual(bounded.reduce(0) { $0 + $1.count }, (1...30).reduce(0, +), "every reject counted once, duplicates left out")
        XCTAssertEqual(RejectReasonClasses.droppedDuplicates(reasons), 4)
    }

    func testFixedNumbers() {
        XCTAssertEqual(SVGChart.fixed(2.5, decimals: 3), "2.500")
        XCTAssertEqual(SVGChart.fixed(0.12345, decimals: 4), "0.1235")
        XCTAssertEqual(SVGChart.fixed(0.0042, decimals: 4), "0.0042")
        XCTAssertEqual(SVGChart.number(12.04), "12")
        XCTAssertEqual(SVGChart.number(-3.26), "-3.3")
        XCTAssertEqual(SVGChart.number(-0.04), "0")
    }

    func testHostWordQuantilesAreNearestRank() {
        var counts = HostWordCounts()
        for words in [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] { counts.add(host: "a.example", words: words) }
        counts.add(host: "b.example", words: 7)
        XCTAssertEqual(counts.stats(), [
            HostWordStats(host: "a.example", documents: 10, min: 10, p25: 30, median: 50, p75: 80, max: 100),
            HostWordStats(host: "b.example", documents: 1, min: 7, p25: 7, median: 7, p75: 7, max: 7),
        ])
        XCTAssertEqual(counts.stats(limit: 1).count, 1)
    }

    func testMetricsTextEscapesLabelsAndCarriesTheLastSuccess() {
        var summary = RunSummary()
        summary.inputs = 2
        summary.rejected = 2
        summary.rejectReasons = ["a \"quoted\" \\ reason\nwith a line": 1, "plain": 1]
        summary.interruptedBy = "SIGTERM"
        let text = MetricsFile(outcome: .finished(summary), ended: Date(timeIntervalSince1970: 2000), previousSuccess: 1000.5).text
        XCTAssertTrue(text.contains(#"scour_run_rejects{reason="a \"quoted\" \\ reason\nwith a line"} 1"#), text)
        XCTAssertTrue(text.contains("scour_last_run_success 0\n"))
        XCTAssertTrue(text.contains("scour_last_run_timestamp_seconds 2000\n"))
        XCTAssertTrue(text.contains("scour_last_success_timestamp_seconds 1000.5\n"), "an interrupted run is not a success")
        let failedFirst = MetricsFile(outcome: .failed, ended: Date(timeIntervalSince1970: 2000)).text
        XCTAssertFalse(failedFirst.contains("scour_last_success_timestamp_seconds"), "no success yet: the series is absent")
    }
}
