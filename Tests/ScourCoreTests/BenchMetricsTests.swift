import Foundation
import XCTest
@testable import ScourCore

final class BenchMetricsTests: XCTestCase {
    func testTokensAreUnicodeWordRuns() {
        XCTAssertEqual(BenchMetrics.tokens("Hello, wörld! it's 2021_05 — ok").map(String.init), ["Hello", "wörld", "it", "s", "2021_05", "ok"])
    }

    func testShinglesAreFourGramsOrOneShorter() {
        XCTAssertEqual(BenchMetrics.shingles("a b c d e"), ["a b c d": 1, "b c d e": 1])
        XCTAssertEqual(BenchMetrics.shingles("a b"), ["a b": 1])
        XCTAssertEqual(BenchMetrics.shingles(""), [:])
    }

    func testPagePrecisionAndRecall() {
        // truth: 6 tokens → 3 shingles; output drops the last token and adds two → 2 shared, 2 extra, 1 missing.
        let page = BenchMetrics.shinglePage(output: "one two three four five six seven", truth: "zero one two three four five six")
        XCTAssertEqual(page.precision!, 3.0 / 4.0, accuracy: 1e-9)
        XCTAssertEqual(page.recall!, 3.0 / 4.0, accuracy: 1e-9)
        let perfect = BenchMetrics.shinglePage(output: "a b c d", truth: "a b c d")
        XCTAssertEqual(perfect.precision, 1)
        XCTAssertEqual(perfect.recall, 1)
        let empty = BenchMetrics.shinglePage(output: "", truth: "a b c d")
        XCTAssertNil(empty.precision, "an empty output does not count toward precision")
        XCTAssertEqual(empty.recall, 0)
    }

    func testAuthorsCompareFoldedInAnyOrder() {
        XCTAssertTrue(BenchMetrics.sameAuthors(["Jane  Doe", "john roe"], ["John Roe", "jane doe"]))
        XCTAssertFalse(BenchMetrics.sameAuthors(["Jane Doe"], ["Jane Doe", "John Roe"]))
    }

    /// A tiny set on disk, scored end to end through the real pipeline.
    func testRunnerScoresABodySet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("text"), withIntermediateDirectories: true)
        let body = "The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending."
        try Data("Home\n\nShare on facebook\n\n\(body)\n\nLeave a Reply".utf8).write(to: folder.appendingPathComponent("text/p1.txt"))
        try Data(#"{"id": "p1", "url": "https://x.example/a", "text": "\#(body)"}"#.utf8 + Data("\n".utf8))
            .write(to: folder.appendingPathComponent("truth.jsonl"))
        let report = try BenchRunner(pipeline: Pipeline(config: TestSupport.defaultConfig)).run(setDirectory: folder.path)
        XCTAssertEqual(report.kind, .articleBody)
        XCTAssertEqual(report.pages, 1)
        XCTAssertEqual(report.precision, 1)
        XCTAssertEqual(report.recall, 1)
    }

    /// A labelled author set names the set whose pages it labels; unsure labels score nothing, and a
    /// page labelled with nobody is right only when no author is found.
    func testRunnerScoresAnAuthorSetOverAnotherSetsPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scour-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = root.appendingPathComponent("news/html"), labels = root.appendingPathComponent("labels")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: labels, withIntermediateDirectories: true)
        let body = "<p>The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.</p>"
        for (id, meta) in [("a", "<meta name=\"author\" content=\"Jane Doe\">"), ("b", ""), ("c", "<meta name=\"author\" content=\"John Roe\">")] {
            try Data("<html><head><title>Budget</title>\(meta)</head><body><article>\(body)\(body)</article></body></html>".utf8)
                .write(to: pages.appendingPathComponent(id))
        }
        let truth = [#"{"id": "a", "set": "news", "authors": ["jane  doe"], "sure": true}"#,
                     #"{"id": "b", "set": "news", "authors": [], "sure": true}"#,
                     #"{"id": "c", "set": "news", "authors": ["Someone Else"], "sure": false}"#]
        try Data((truth.joined(separator: "\n") + "\n").utf8).write(to: labels.appendingPathComponent("truth.jsonl"))
        let runner = BenchRunner(pipeline: Pipeline(config: TestSupport.defaultConfig), pagesRoot: root.path)
        let report = try runner.run(setDirectory: labels.path)
        XCTAssertEqual(report.kind, .authors)
        XCTAssertEqual(report.pages, 2)
        XCTAssertEqual(report.metadataAccuracy, 1)
    }

    /// The outlet audit: every page's outlet is counted, and checked to read as a publication name.
    func testRunnerAuditsOutlets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
        let body = "The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending."
        for (id, siteName) in [("p1", "The Metro Herald"), ("p2", "https://www.metroherald.com/")] {
            let page = "<html><head><title>Budget delayed</title><meta property=\"og:site_name\" content=\"\(siteName)\"></head>"
                + "<body><article><p>\(body)</p><p>\(body)</p></article></body></html>"
            try Data(page.utf8).write(to: folder.appendingPathComponent("html/\(id)"))
        }
        let truth = ["p1", "p2"].map { #"{"id": "\#($0)", "url": "https://metroherald.com/a", "text": "\#(body) \#(body)"}"# }
        try Data((truth.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("truth.jsonl"))
        let report = try BenchRunner(pipeline: Pipeline(config: TestSupport.defaultConfig)).run(setDirectory: folder.path)
        XCTAssertEqual(report.pages, 2)
        XCTAssertEqual(report.outletsNamed, 2)
        XCTAssertTrue(report.outletProblems.isEmpty, "\(report.outletProblems.map(\.outlet))")
    }

    func testSetScoreHalvesAreFixedAndScoredByTheSetsMetric() {
        // FNV-1a of the id, mod 2 (values worked out independently).
        XCTAssertEqual(SetScore.half(of: "page-1"), 0)
        XCTAssertEqual(SetScore.half(of: "page-2"), 1)
        var body = SetScore()
        body.addBody(precision: 1, recall: 0.5)
        body.addBody(precision: 0.5, recall: nil)
        body.finish(kind: .articleBody)
        XCTAssertEqual(body.precision, 0.75)
        XCTAssertEqual(body.recall, 0.5)
        XCTAssertEqual(body.f1, 0.6, accuracy: 1e-9)
        XCTAssertNil(body.metadataAccuracy)
        var snippets = SetScore()
        snippets.addSnippets(found: 3, missed: 1, leaked: 1)
        snippets.addMetadata(right: true)
        snippets.addMetadata(right: false)
        snippets.finish(kind: .snippets)
        XCTAssertEqual(snippets.precision, 0.75)
        XCTAssertEqual(snippets.recall, 0.75)
        XCTAssertEqual(snippets.metadataAccuracy, 0.5)
    }
}
