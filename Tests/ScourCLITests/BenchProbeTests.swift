import Foundation
import XCTest

/// `scour bench --hide-metadata` on a set on disk: the date only the page's markup gave is lost, and
/// the figure says so.
final class BenchProbeTests: XCTestCase {
    func testHideMetadataTakesTheMarkupDateAway() throws {
        let set = try CLIRunner.temporaryDirectory().appendingPathComponent("dates-probe")
        defer { try? FileManager.default.removeItem(at: set.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: set.appendingPathComponent("html"), withIntermediateDirectories: true)
        let paragraph = "<p>The council delayed its vote on the budget again on Monday, after the unions asked for more time to read the plan and the mayor agreed to wait.</p>"
        let page = #"<html><head><title>Budget vote delayed</title><meta property="article:published_time" content="2024-02-14T16:15:30Z">"#
            + #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-14"}</script></head><body><article><h1>Budget vote delayed</h1>"#
            + String(repeating: paragraph, count: 4) + "</article></body></html>"
        try Data(page.utf8).write(to: set.appendingPathComponent("html/p1.html"))
        try Data(#"{"id": "p1.html", "url": "https://citydesk.example/budget", "date": "2024-02-14"}"#.utf8 + [0x0A])
            .write(to: set.appendingPathComponent("truth.jsonl"))
        func row(_ arguments: [String]) throws -> String {
            let result = try CLIRunner.run(["bench"] + arguments + [set.path], timeout: 60)
            XCTAssertEqual(result.status, 0, result.stderr)
            return try XCTUnwrap(result.stdout.split(separator: "\n").first { $0.hasPrefix("dates-probe") }.map(String.init), result.stdout)
        }
        XCTAssertTrue(try row([]).contains("1.000"))
        XCTAssertTrue(try row(["--hide-metadata"]).contains("0.000"))
    }
}
