import Foundation
import XCTest

/// `index.html` over real runs of the binary in the `runs` layout: five ordinary runs of the
/// seeds, one whose inputs are half binary files, one ordinary again. The page's figures (the
/// `data-` attributes of its bars, points and boxes) must equal the manifests', and the unusual
/// run must be flagged, with links to its report.
final class RunIndexTests: XCTestCase {
    var work: URL!
    var inputs: URL!
    var config: URL!
    var out: URL { work.appendingPathComponent("out") }

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repoRoot.appendingPathComponent("seeds").path) {
            try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/\(name)"), to: inputs.appendingPathComponent(name))
        }
        config = work.appendingPathComponent("cron.json")
        try Data("""
        {"inputs": ["\(inputs.path)"], "output": {"layout": "runs", "dir": "\(out.path)"},
         "state": {"enabled": true, "path": "\(out.path)/.scour/state.sqlite"}}
        """.utf8).write(to: config)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func runScour() throws {
        // --full: every run reads every input again, so ordinary runs have the same figures.
        let result = try CLIRunner.run(["run", "--config", config.path, "--full", "--jobs", "2"], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// Binary files (a fixed byte pattern with NULs) named as HTML pages: rejected at read.
    func addBinaryInputs(_ count: Int) throws -> [URL] {
        try (0..<count).map { index in
            let url = inputs.appendingPathComponent("blob\(index).html")
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ index &* 11) }).write(to: url)
            return url
        }
    }

    /// The attributes of every element of `page` whose start tag begins with `prefix`.
    func elements(_ page: String, _ prefix: String) -> [[String: String]] {
        var found: [[String: String]] = []
        var rest = page[...]
        while let start = rest.range(of: prefix) {
            let end = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = String(rest[start.lowerBound..<end])
            var attributes: [String: String] = [:]
            let pattern = try! NSRegularExpression(pattern: #"([a-z-]+)=(?:"([^"]*)"|([^\s"/>]+))"#)
            for match in pattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
                let name = String(tag[Range(match.range(at: 1), in: tag)!])
                let value = Range(match.range(at: 2), in: tag).map { String(tag[$0]) } ?? String(tag[Range(match.range(at: 3), in: tag)!])
                attributes[name] = value
            }
            found.append(attributes)
            rest = rest[end...]
        }
        return found
    }

    /// The part of the page from `<svg … data-chart=NAME` to its `</svg>`.
    func chart(_ page: String, _ name: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "data-chart=\(name) "), "no \(name) chart")
        let end = try XCTUnwrap(page[start.upperBound...].range(of: "</svg>"))
        return String(page[start.lowerBound..<end.upperBound])
    }

    func testIndexFiguresEqualTheManifestsAndTheUnusualRunIsFlagged() throws {
        for _ in 0..<5 { try runScour() }
        let blobs = try addBinaryInputs(5)
        try runScour()
        for blob in blobs { try FileManager.default.removeItem(at: blob) }
        try runScour()

        let manifest = try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl"))
        XCTAssertEqual(manifest.count, 7)
        let ids = manifest.map { $0["run_id"] as? String ?? "" }
        let unusual = ids[5]
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertFalse(page.contains("<script"), "the page needs no script")
        XCTAssertFalse(page.contains("http://") || page.contains("https://"), "the page fetches nothing")
        // An unquoted attribute value right before "/>" would swallow the slash (class "o0/").
        XCTAssertNil(page.range(of: #"=[^"\s>]+/>"#, options: .regularExpression), "unquoted value before />")

        // Documents: one group per run, figures as in the manifest (no duplicates here, so
        // written and rejected are the manifest's own).
        let groups = elements(try chart(page, "documents"), "<g class=run ")
        XCTAssertEqual(groups.map { $0["data-run"] ?? "" }, ids)
        for (group, line) in zip(groups, manifest) {
            for key in ["inputs", "written", "duplicates", "rejected", "unchanged"] {
                XCTAssertEqual(group["data-" + key], "\(line[key] as? Int ?? -1)", "\(key) of \(group["data-run"] ?? "")")
            }
        }
        XCTAssertEqual(groups[5]["data-inputs"], "10")
        XCTAssertEqual(groups[5]["data-rejected"], "5")

        let bars = elements(try chart(page, "time"), "<rect ")
        XCTAssertEqual(bars.map { $0["data-run"] ?? "" }, ids)
        for (bar, line) in zip(bars, manifest) {
            let seconds = Double(try XCTUnwrap(bar["data-seconds"])) ?? -1
            XCTAssertEqual(seconds, Double(line["duration_ms"] as? Int ?? -1) / 1000, accuracy: 0.0005)
        }

        let rejectGroups = elements(try chart(page, "rejects"), "<g class=run ")
        XCTAssertEqual(rejectGroups.map { $0["data-rejected"] ?? "" }, ["0", "0", "0", "0", "0", "5", "0"])
        XCTAssertTrue(page.contains("binary content, not HTML"), "the reason is in the legend")

        // Rule shares: one value per run, equal to the manifest's removals.
        let series = elements(try chart(page, "rules"), "<path class=series ")
        XCTAssertFalse(series.isEmpty)
        for line in series {
            let rule = try XCTUnwrap(line["data-rule"])
            let values = try XCTUnwrap(line["data-values"]).split(separator: ",").map { Double($0) ?? -1 }
            XCTAssertEqual(values.count, 7, rule)
            for (value, run) in zip(values, manifest) {
                let (removed, total) = Self.removals(run, rule: rule)
                XCTAssertEqual(value, Double(removed) / Double(total), accuracy: 0.0001, rule)
            }
        }

        // Words per host: the last runs' medians as listed.
        let boxes = elements(page, "<g class=box ")
        XCTAssertFalse(boxes.isEmpty)
        for box in boxes {
            let run = try XCTUnwrap(manifest.first { $0["run_id"] as? String == box["data-run"] })
            let host = try XCTUnwrap((run["hosts"] as? [[String: Any]])?.first { $0["host"] as? String == box["data-host"] })
            XCTAssertEqual(box["data-median"], "\(host["median"] as? Int ?? -1)")
            XCTAssertEqual(box["data-documents"], "\(host["documents"] as? Int ?? -1)")
        }

        // Flags: the unusual run, for its rejects and inputs, linking to its report; no other
        // run is flagged for a count (time may vary on a busy machine, so it is not checked).
        let flags = elements(page, "<tr class=flag ")
        let unusualFigures = Set(flags.filter { $0["data-run"] == unusual }.map { $0["data-figure"] ?? "" })
        XCTAssertTrue(unusualFigures.isSuperset(of: ["rejected", "inputs", "rejected share"]), "\(unusualFigures)")
        let counts: Set<String> = ["inputs", "written", "duplicates", "rejected", "unchanged", "rejected share"]
        XCTAssertEqual(flags.filter { $0["data-run"] != unusual && counts.contains($0["data-figure"] ?? "") }.count, 0, "\(flags)")
        XCTAssertTrue(page.contains("<a href=\"\(unusual)/report.html\">\(unusual)</a>"))
        let marks = elements(page, "<a class=flag ")
        XCTAssertTrue(marks.contains { $0["data-run"] == unusual && $0["href"] == "\(unusual)/report.html" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(unusual)/report.html").path))

        // `scour report` makes the same page from the same manifests.
        try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
        let report = try CLIRunner.run(["report", out.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), page)
    }

    func testReportWithoutManifestSaysWhatToDo() throws {
        let result = try CLIRunner.run(["report", work.appendingPathComponent("nothing-here").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("manifest.jsonl: no such file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("layout \"runs\""), result.stderr)
    }

    /// Blocks removed by `stage/rule` and by every rule, in one manifest line.
    static func removals(_ run: [String: Any], rule: String) -> (Int, Int) {
        var removed = 0, total = 0
        for stage in run["stages"] as? [[String: Any]] ?? [] {
            for (name, count) in stage["removed"] as? [String: Int] ?? [:] {
                total += count
                if "\(stage["stage"] as? String ?? "")/\(name)" == rule { removed += count }
            }
        }
        return (removed, total)
    }
}
