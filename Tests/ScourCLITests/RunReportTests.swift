import Foundation
import XCTest

/// The run's `report.html`, made by the real binary from a real run: its charts hold the
/// figures of the run's manifest, its table has one row per written document with the
/// record's figures, its filters offer what the run found, and page text is escaped.
final class RunReportTests: XCTestCase {
    var work: URL!
    var out: URL { work.appendingPathComponent("out") }

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let seeds = CLIRunner.repoRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        // A page whose title and outlet hold markup and quotes; a French page with fourteen
        // boilerplate containers (more rules than a chart shows); a duplicate; two rejects.
        let fixtures = CLIRunner.repoRoot.appendingPathComponent("Tests/ScourCLITests/Fixtures/report")
        for name in ["escape.html", "portal-fr.html"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("000_c6cf82f3579e74d0.txt"),
                                         to: inputs.appendingPathComponent("copy.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        try Data("x".utf8).write(to: inputs.appendingPathComponent("photo.png"))
        try Data("""
        {"inputs": ["\(inputs.path)"], "output": {"layout": "runs", "dir": "\(out.path)"},
         "state": {"enabled": true, "path": "\(out.path)/.scour/state.sqlite"}}
        """.utf8).write(to: work.appendingPathComponent("cron.json"))
        let run = try CLIRunner.run(["run", "--config", work.appendingPathComponent("cron.json").path], timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func latest(_ name: String) -> URL { out.appendingPathComponent("latest/\(name)") }

    func report() throws -> ReportHTML {
        ReportHTML(try String(contentsOf: latest("report.html"), encoding: .utf8))
    }

    func manifest() throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: latest("manifest.json"))) as? [String: Any])
    }

    func testChartsHoldTheManifestFigures() throws {
        let page = try report(), manifest = try manifest()
        let outcomes = try XCTUnwrap(page.chart("chart-outcomes"))
        XCTAssertEqual(outcomes.bars.map(\.label), ["written", "duplicates", "rejected", "unchanged"])
        XCTAssertEqual(outcomes.bars.map(\.count), ["written", "duplicates", "rejected", "unchanged"].map { manifest[$0] as? Int })
        XCTAssertEqual(outcomes.bars.map(\.count), [8, 1, 2, 0])

        let rejects = try XCTUnwrap(page.chart("chart-rejects"))
        let reasons = try XCTUnwrap(manifest["reject_reasons"] as? [String: Int])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: rejects.bars.map { ($0.label, $0.count) }), reasons)
        XCTAssertEqual(rejects.declaredBars, 2)

        let stages = try XCTUnwrap(manifest["stages"] as? [[String: Any]])
        var charted = 0
        for stage in stages {
            let name = try XCTUnwrap(stage["stage"] as? String), removed = try XCTUnwrap(stage["removed"] as? [String: Int])
            guard !removed.isEmpty else {
                XCTAssertNil(page.chart("chart-rules-\(name)"), name)
                continue
            }
            charted += 1
            let chart = try XCTUnwrap(page.chart("chart-rules-\(name)"), name)
            let sorted = removed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            XCTAssertEqual(chart.declaredBars, chart.bars.count, name)
            if sorted.count > 11 {
                // Ten rules, then one bar for the rest, which adds up to the stage's total.
                XCTAssertEqual(chart.bars.count, 11, name)
                XCTAssertEqual(chart.bars.prefix(10).map(\.label), sorted.prefix(10).map(\.key), name)
                XCTAssertEqual(chart.bars.prefix(10).map(\.count), sorted.prefix(10).map(\.value), name)
                let other = try XCTUnwrap(chart.bars.last)
                XCTAssertEqual(other.grouped, sorted.count - 10, name)
                XCTAssertEqual(other.label, "other (\(sorted.count - 10) rules)")
                XCTAssertEqual(other.count, sorted.dropFirst(10).reduce(0) { $0 + $1.value }, name)
            } else {
                XCTAssertEqual(chart.bars.map(\.label), sorted.map(\.key), name)
                XCTAssertEqual(chart.bars.map(\.count), sorted.map(\.value), name)
            }
        }
        XCTAssertGreaterThanOrEqual(charted, 3)
        // The portal page's fourteen containers make the read stage group some of its rules.
        XCTAssertEqual(page.chart("chart-rules-read")?.bars.last?.grouped, 4)
    }

    func testTableHasOneRowPerWrittenDocumentWithItsFigures() throws {
        let page = try report()
        let records = try CLIRunner.jsonLines(latest("part-00000.jsonl"))
        let rows = page.rows
        XCTAssertEqual(rows.count, records.count)
        XCTAssertEqual(rows.count, 8)
        XCTAssertEqual(page.firstMatch(#"<table id=docs data-rows=(\d+)"#), "8")
        XCTAssertEqual(page.firstMatch(#"<output id=shown data-shown=(\d+)"#), "8")
        for (index, (row, record)) in zip(rows, records).enumerated() {
            XCTAssertEqual(row.number, index + 1)
            XCTAssertEqual(row.words, record["word_count"] as? Int)
            XCTAssertEqual(row.outlet, record["outlet"] as? String)
            XCTAssertEqual(row.language, record["language"] as? String)
            XCTAssertEqual(row.duplicate, record["duplicate_of"] != nil)
            XCTAssertTrue((0...1).contains(row.removed))
            XCTAssertEqual(row.title, record["title"] as? String ?? record["source"] as? String)
            XCTAssertEqual(row.source, record["source"] as? String)
            XCTAssertEqual(row.duplicateOf, record["duplicate_of"] as? String)
            // Each row links to the document's own section, which is still there.
            XCTAssertTrue(row.detailed, "row \(row.number)")
            XCTAssertTrue(page.html.contains("<section id=doc-\(row.number)><h2>"), "section \(row.number)")
        }
        XCTAssertEqual(rows.filter(\.duplicate).count, 1)
        // The portal page lost most of its words to boilerplate; the seeds lost little.
        let portal = try XCTUnwrap(rows.first { $0.language == "fr" })
        XCTAssertGreaterThan(portal.removed, 0.5)
        XCTAssertEqual(portal.outlet, "Le Quotidien")
    }

    func testFiltersOfferTheOutletsAndLanguagesPresent() throws {
        let page = try report()
        let records = try CLIRunner.jsonLines(latest("part-00000.jsonl"))
        func counts(_ key: String) -> [String: Int] {
            var counts: [String: Int] = [:]
            for record in records { counts[record[key] as? String ?? "(none)", default: 0] += 1 }
            return counts
        }
        XCTAssertEqual(page.options("outlet"), counts("outlet"))
        XCTAssertEqual(page.options("lang"), counts("language"))
        XCTAssertEqual(page.options("lang"), ["en": 7, "fr": 1])
        XCTAssertEqual(page.options("outlet")["The \"Quoted\" <b>Gazette</b>"], 1)
    }

    func testTextFromPagesIsEscaped() throws {
        let page = try report()
        // Two script elements: the rows' data and the page's own script.
        XCTAssertEqual(page.html.components(separatedBy: "<script").count, 3)
        XCTAssertEqual(page.html.components(separatedBy: "</script>").count, 3)
        XCTAssertFalse(page.html.contains("alert(\"x\")"))
        XCTAssertFalse(page.html.contains("<b>Gazette"))
        let title = "Council votes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'quotes' on the &quot;new&quot; budget"
        XCTAssertTrue(page.html.contains("<h2>\(title)</h2>"), "the section's heading")
        // In the rows' data, markup characters are JSON escapes, and the row reads back as it was.
        XCTAssertTrue(page.html.contains(#""Council votes \u003cscript\u003ealert(\"x\")\u003c/script\u003e \u0026 'quotes'"#))
        XCTAssertTrue(page.rows.contains { $0.outlet == "The \"Quoted\" <b>Gazette</b>" && $0.title?.hasPrefix("Council votes <script>") == true })
    }
}

/// What the tests read from a report: charts, bars, rows and filter options, found by the
/// attributes the page writes for its script (the page is generated, its shape is fixed).
struct ReportHTML {
    struct Bar { var label: String; var count: Int; var grouped: Int }
    struct Chart { var declaredBars: Int; var bars: [Bar] }
    struct Row {
        var number: Int, title: String?, source: String?, outlet: String?, language: String?, date: String?
        var words: Int, removed: Double, duplicateOf: String?, detailed: Bool
        var duplicate: Bool { duplicateOf != nil }
    }

    let html: String
    init(_ html: String) { self.html = html }

    func chart(_ id: String) -> Chart? {
        guard let figure = matches(#"<figure class=chart id="\#(id)" data-bars=(\d+)[^>]*>(.*?)</figure>"#, in: html).first else { return nil }
        let bars = matches(#"<g class="bar(?: other)?" data-label="([^"]*)" data-count=(\d+)(?: data-grouped=(\d+))?>"#, in: figure[2])
            .map { Bar(label: Self.unescape($0[1]), count: Int($0[2]) ?? -1, grouped: Int($0[3]) ?? 0) }
        return Chart(declaredBars: Int(figure[1]) ?? -1, bars: bars)
    }

    /// The table's rows, from the JSON the page's script draws them from.
    var rows: [Row] {
        guard let text = firstMatch(#"<script type=application/json id=rows>(.*?)</script>"#),
              let entries = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] else { return [] }
        return entries.map { entry in
            Row(number: entry[0] as? Int ?? -1, title: entry[1] as? String, source: entry[2] as? String,
                outlet: entry[3] as? String, language: entry[4] as? String, date: entry[5] as? String,
                words: entry[6] as? Int ?? -1, removed: (entry[7] as? NSNumber)?.doubleValue ?? -1,
                duplicateOf: entry[8] as? String, detailed: entry[9] as? Int == 1)
        }
    }

    /// A filter's choices and their counts, without the "all" choice.
    func options(_ name: String) -> [String: Int] {
        guard let select = matches(#"<select name=\#(name)>(.*?)</select>"#, in: html).first else { return [:] }
        var counts: [String: Int] = [:]
        for option in matches(#"<option value="([^"]+)">[^<]* \((\d+)\)</option>"#, in: select[1]) {
            counts[Self.unescape(option[1])] = Int(option[2])
        }
        return counts
    }

    func firstMatch(_ pattern: String) -> String? { matches(pattern, in: html).first?[1] }

    /// Every match of `pattern`, each as its groups (index 0 the whole match; "" for a group that did not take part).
    func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
