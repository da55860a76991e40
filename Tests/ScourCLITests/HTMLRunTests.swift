import Foundation
import XCTest

/// HTML inputs through the real binary: files, gzip, JSONL records, rejects and explain.
final class HTMLRunTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    static let article = """
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge reopens | City Desk</title>
    <meta property="og:site_name" content="City Desk"><link rel="canonical" href="https://citydesk.example/bridge">
    </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Bridge reopens</h1><div class="entry-content">
    <p>The old iron bridge over the river reopened on Monday after two years of repairs, and the first cars crossed it shortly after dawn.</p>
    <p>Repair crews replaced more than four hundred rivets and repainted the whole span, the city engineer told reporters at the ceremony.</p>
    </div><div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Ferry timetable changes this winter</a></li></ul></div></article>
    <footer>© 2024 City Desk</footer></body></html>
    """

    func testHTMLFilesGzipAndGarbageEndUpInOutputOrRejects() throws {
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(Self.article.utf8).write(to: inputs.appendingPathComponent("bridge.html"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -c bridge.html > bridge2.html.gz"]
        gzip.currentDirectoryURL = inputs
        try gzip.run()
        gzip.waitUntilExit()
        var garbage = [UInt8](repeating: 0, count: 2048)
        for index in garbage.indices { garbage[index] = UInt8((index * 131 + 7) % 256) }
        try Data(garbage).write(to: inputs.appendingPathComponent("broken.html"))
        try Data("<html><body><script>only()</script></body></html>".utf8).write(to: inputs.appendingPathComponent("script.htm"))

        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--output", output.path, "--rejects", rejects.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("4 inputs, 2 written, 2 rejected"), result.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.count, 2)
        let record = try XCTUnwrap(records.first)
        XCTAssertEqual(record["title"] as? String, "Bridge reopens")
        XCTAssertEqual(record["url"] as? String, "https://citydesk.example/bridge")
        XCTAssertEqual(record["language"] as? String, "en")
        let text = try XCTUnwrap(record["text"] as? String)
        XCTAssertTrue(text.hasPrefix("The old iron bridge"), text)
        XCTAssertTrue(text.hasSuffix("at the ceremony."), text)
        XCTAssertFalse(text.contains("Ferry") || text.contains("Home") || text.contains("City Desk"), text)
        // The gzip copy is the same page with the same canonical URL: the same document id, not a duplicate of another.
        XCTAssertEqual(records[1]["id"] as? String, record["id"] as? String)
        XCTAssertEqual(records[1]["text"] as? String, text)

        let rejected = try CLIRunner.jsonLines(rejects)
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map { ((($0["source"] as? String ?? "") as NSString).lastPathComponent, $0["reason"] as? String ?? "") })
        XCTAssertEqual(reasons["broken.html"], "binary content, not HTML")
        XCTAssertEqual(reasons["script.htm"], "no text in input")
    }

    /// A page that names no language in its markup, in a script without spaces between words:
    /// the stopword counts cannot place it, its script does, and `explain` says so.
    func testLanguageOfAChinesePageWithoutALanguageTag() throws {
        let page = """
        <html><head><title>短缺药品保供稳价</title></head><body><article><h1>短缺药品保供稳价</h1>
        <p>记者17日从国家卫生健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测预警与分级应对体系。</p>
        <p>据了解，短缺药品信息监测共享正在多维度推进。国家卫生健康委依托全国公立医疗卫生机构短缺药品信息直报系统开展监测预警。</p>
        </article></body></html>
        """
        let file = work.appendingPathComponent("yaopin.html")
        try Data(page.utf8).write(to: file)
        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--input", file.path, "--output", output.path, "--rejects", rejects.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let record = try XCTUnwrap(try CLIRunner.jsonLines(output).first)
        XCTAssertEqual(record["language"] as? String, "zh")
        let explained = try CLIRunner.run(["explain", file.path])
        XCTAssertTrue(explained.stdout.contains("language: zh (script)"), explained.stdout)
    }

    /// `og:title` "Headline - BusinessWeek" beside `og:site_name` "BusinessWeek": the title loses the
    /// site's name, so the headline above the story is found and read as the title, and the byline
    /// under it leaves the body. A part that only holds the site's name stays ("Welpen kaufen").
    func testTheSitesNameLeavesTheMarkupsHeadline() throws {
        func page(_ ogTitle: String, site: String, headline: String) -> String {
            """
            <html><head><title>\(ogTitle)</title><meta property="og:title" content="\(ogTitle)">
            <meta property="og:site_name" content="\(site)"></head><body><nav><a href="/">Home</a></nav>
            <div class="story"><h1>\(headline)</h1><p>By Brad Shaw</p>
            <p>At the store we first realized we needed to have a real conversation with our customers back in 2007, when a post drew thousands of comments.</p>
            <p>Social media has since become a way for us to improve our customer service, not merely a vehicle for us to talk about it.</p>
            </div></body></html>
            """
        }
        let named = work.appendingPathComponent("named.html"), holding = work.appendingPathComponent("holding.html")
        try Data(page("Five Social Media Lessons for Business - BusinessWeek", site: "BusinessWeek",
                      headline: "Five Social Media Lessons for Business").utf8).write(to: named)
        try Data(page("Welpen kaufen – Tipps zu jeder Hunderasse", site: "Welpen",
                      headline: "Welpen kaufen – Tipps zu jeder Hunderasse").utf8).write(to: holding)
        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--input", named.path, "--input", holding.path, "--output", output.path, "--rejects", rejects.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.count, 2)
        let first = try XCTUnwrap(records.first { ($0["source"] as? String)?.hasSuffix("named.html") == true })
        XCTAssertEqual(first["title"] as? String, "Five Social Media Lessons for Business")
        XCTAssertEqual(first["authors"] as? [String], ["Brad Shaw"])
        let text = try XCTUnwrap(first["text"] as? String)
        XCTAssertTrue(text.hasPrefix("At the store we first realized"), text)
        let second = try XCTUnwrap(records.first { ($0["source"] as? String)?.hasSuffix("holding.html") == true })
        XCTAssertEqual(second["title"] as? String, "Welpen kaufen – Tipps zu jeder Hunderasse")
    }

    /// The speed bench counts what it timed: every pass of the pipeline, of `scour run`'s whole
    /// path and of libxml2's parse alone, and the alternating scaling rounds (figures are printed, never asserted).
    func testSpeedBenchTimesPipelineBesideParseFloorAndScaling() throws {
        let inputs = work.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for index in 0..<3 {
            try Data(Self.article.replacingOccurrences(of: "Monday", with: "day \(index)").utf8)
                .write(to: inputs.appendingPathComponent("page-\(index).html"))
        }
        try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/001_99100116381ce573.txt"),
                                         to: inputs.appendingPathComponent("seed.txt"))
        let result = try CLIRunner.run(["bench", "--input", inputs.path, "--jobs", "2", "--repeat", "3", "--scaling-rounds", "2"],
                                       timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pipeline: 12 pages ("), result.stdout)
        XCTAssertTrue(result.stdout.contains("on 2 job(s)"), result.stdout)
        XCTAssertTrue(result.stdout.contains(", 0 rejected;"), result.stdout)
        XCTAssertTrue(result.stdout.contains("libxml2 parse only: 9 HTML pages in"), result.stdout)
        XCTAssertTrue(result.stdout.contains("pipeline / parse floor: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("peak RSS: "), result.stdout)
        // The run path: `scour run` over the same four files, once per pass, its lines discarded.
        XCTAssertTrue(result.stdout.contains("output discarded): 12 pages in "), result.stdout)
        XCTAssertTrue(result.stdout.contains("run path / pipeline: "), result.stdout)
        let scaling = try XCTUnwrap(result.stdout.split(separator: "\n").first { $0.hasPrefix("speed-up from 1 to 2 workers over 2 alternating rounds: pipeline ") },
                                    result.stdout)
        XCTAssertTrue(scaling.contains("; libxml2 parse only "), String(scaling))
    }

    func testJSONLRecordWithHTMLOnStdin() throws {
        let record = try JSONSerialization.data(withJSONObject: ["url": "https://citydesk.example/bridge?utm=1", "html": Self.article])
        let result = try CLIRunner.run(["run", "--stdin", "--stdout"], stdin: record + Data("\n".utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let line = try XCTUnwrap(result.stdout.split(separator: "\n").first)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertTrue((object["text"] as? String)?.hasPrefix("The old iron bridge") == true, "\(object)")
    }

    func testExplainShowsWhyEachHTMLBlockWent() throws {
        let page = work.appendingPathComponent("bridge.html")
        try Data(Self.article.utf8).write(to: page)
        let result = try CLIRunner.run(["explain", page.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("+") && $0.contains("The old iron bridge") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("-") && $0.contains("[read:markup-boilerplate:nav]") && $0.contains("Home") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("-") && $0.contains("markup-boilerplate:related") && $0.contains("Ferry") }, result.stdout)
    }
}
