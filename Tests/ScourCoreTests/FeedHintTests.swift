import XCTest
@testable import ScourCore

/// A feed entry's data as metadata: it fills only what the page leaves empty, with the feed's evidence.
final class FeedHintTests: XCTestCase {
    static let prose = "<p>The city council approved the new budget on Tuesday after a long debate about road repairs, "
        + "and members agreed that the money would be spent on the worst streets first.</p>"

    static let entry = FeedEntry(url: "https://example.org/a", feed: "https://example.org/rss.xml", title: "Feed title",
                                 authors: ["Rita Reporter", "Sam Scribe"], date: "2025-01-06T09:15:00Z",
                                 dateEvidence: "feed:rss.pubDate", categories: ["politics", "city"], outlet: "Test Gazette")

    private func tagged(_ html: String, entry: FeedEntry = entry) throws -> Document {
        var document = Document(source: entry.url, raw: Array(html.utf8), format: .html)
        document.feedHints = FeedHints.hints(for: entry)
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        return document
    }

    func testFeedFillsWhatThePageLeavesEmpty() throws {
        let document = try tagged("<html><body><article>\(Self.prose)\(Self.prose)</article></body></html>")
        let meta = document.metadata
        XCTAssertEqual(meta.date, "2025-01-06")
        XCTAssertEqual(meta.evidence["date"]?.rule, "feed:rss.pubDate")
        XCTAssertEqual(meta.authors, ["Rita Reporter", "Sam Scribe"])
        XCTAssertEqual(meta.evidence["authors"]?.rule, "feed:author")
        XCTAssertEqual(meta.tags, ["politics", "city"])
        XCTAssertEqual(meta.evidence["tags"]?.rule, "feed:category")
        XCTAssertEqual(meta.outlet, "Test Gazette")
        XCTAssertEqual(meta.evidence["outlet"]?.rule, "feed:outlet")
    }

    func testThePagesOwnMarkupWins() throws {
        let head = """
        <head><title>Page headline</title><meta property="article:published_time" content="2024-05-05T10:00:00Z">
        <meta name="author" content="Paula Page"><meta property="og:site_name" content="Page Post">
        <meta property="article:tag" content="budget"></head>
        """
        let document = try tagged("<html>\(head)<body><article><h1>Page headline</h1>\(Self.prose)\(Self.prose)</article></body></html>")
        let meta = document.metadata
        XCTAssertEqual(meta.date, "2024-05-05")
        XCTAssertEqual(meta.authors, ["Paula Page"])
        XCTAssertEqual(meta.outlet, "Page Post")
        XCTAssertEqual(meta.title, "Page headline")
        for field in ["date", "authors", "outlet", "title"] {
            XCTAssertFalse(meta.evidence[field]?.rule.hasPrefix("feed:") ?? true, "\(field): \(meta.evidence[field]?.rule ?? "none")")
        }
    }

    func testSitemapEntriesNameTheirKindInTheEvidence() {
        let entry = FeedEntry(url: "https://example.org/n", feed: "https://example.org/news.xml", title: "News title",
                              date: "2025-01-19", dateEvidence: "sitemap:news.publication_date", outlet: "Sitemap Times")
        let rules = FeedHints.hints(for: entry).map { "\($0.field.rawValue)=\($0.origin.description)" }
        XCTAssertEqual(rules, ["title=sitemap:title", "date=sitemap:news.publication_date", "outlet=sitemap:outlet"])
    }
}
