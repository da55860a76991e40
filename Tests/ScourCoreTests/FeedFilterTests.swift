import Foundation
import XCTest
@testable import ScourCore

/// Dates, tracking parameters, entry filters, `since` and robots.txt sitemap lines.
final class FeedFilterTests: XCTestCase {
    func testDateForms() {
        let dates = FeedDates.bundled
        let cases: [(String, String?)] = [
            ("Sat, 05 Dec 2026 10:00:00 GMT", "2026-12-05T10:00:00Z"),
            ("Sat, 05 Dec 2026 10:00:00 +0000", "2026-12-05T10:00:00Z"),
            ("Sat, 5 Dec 2026 10:00 EST", "2026-12-05T10:00:00-05:00"),
            ("Sat, 05 Dec 2026 10:00:00 PDT", "2026-12-05T10:00:00-07:00"),
            ("Sat, 05 Dec 2026 10:00:00 +05:30", "2026-12-05T10:00:00+05:30"),
            ("05 December 2026 23:59:60 UT", "2026-12-05T23:59:59Z"),
            ("Sat, 05 Dec 26 10:00:00 GMT", "2026-12-05T10:00:00Z"),
            ("Sat, 05 Dec 2026", "2026-12-05"),
            ("Sat, 05 Dec 2026 10:00:00", "2026-12-05T10:00:00"),
            ("Sa, 05 Dez 2026 10:00:00 +0100", "2026-12-05T10:00:00+01:00"),
            ("2026-12-05", "2026-12-05"),
            ("2026-12", "2026-12"),
            ("2026", "2026"),
            ("2026-12-05T10:00Z", "2026-12-05T10:00:00Z"),
            ("2026-12-05T10:00:00.123456+01:00", "2026-12-05T10:00:00+01:00"),
            ("2026-12-05 10:00:00-0330", "2026-12-05T10:00:00-03:30"),
            ("2026-02-30", nil),
            ("Sat, 31 Feb 2026 10:00:00 GMT", nil),
            ("yesterday", nil),
            ("", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(dates.normalize(text), expected, text)
        }
    }

    func testTrackingParametersFromTheDataFileAndConfigurable() {
        let tracking = TrackingParameters.default
        XCTAssertEqual(tracking.clean("https://a.example/x?utm_source=rss&id=3&fbclid=1&UTM_Medium=m&gclid=2&mc_cid=a&mc_eid=b#c"),
                       "https://a.example/x?id=3")
        XCTAssertEqual(tracking.clean("https://a.example/x?utm_source=rss#top"), "https://a.example/x")
        XCTAssertEqual(tracking.clean("https://a.example/x?q=utm_source&page=2"), "https://a.example/x?q=utm_source&page=2")
        let custom = TrackingParameters(names: ["ref"], prefixes: ["itm_"])
        XCTAssertEqual(custom.clean("https://a.example/x?ref=home&itm_a=1&utm_source=kept"), "https://a.example/x?utm_source=kept")
        XCTAssertEqual(tracking.adding(names: ["ref"], prefixes: []).clean("https://a.example/x?ref=home&utm_source=a"), "https://a.example/x")
        // The parser uses the caller's list.
        let rss = "<rss><channel><item><link>https://a.example/x?ref=home&amp;utm_source=kept</link></item></channel></rss>"
        let result = FeedParser(tracking: custom).parse(Array(rss.utf8), url: "https://a.example/feed", contentType: nil)
        XCTAssertEqual(result, .success(.entries([FeedEntry(url: "https://a.example/x?utm_source=kept", feed: "https://a.example/feed")])))
    }

    func testEntryURLsAreResolvedAndNormalized() {
        let urls = FeedURL(tracking: .default)
        XCTAssertEqual(urls.entryURL("../b/c d?x=1#f", base: "https://Example.COM/a/feed.xml"), "https://example.com/b/c%20d?x=1")
        XCTAssertEqual(urls.entryURL("//cdn.example.com/p", base: "https://example.com/feed"), "https://cdn.example.com/p")
        XCTAssertEqual(urls.entryURL("HTTPS://example.com", base: nil), "https://example.com/")
        XCTAssertEqual(urls.entryURL("/p/%7euser", base: "http://example.com/"), "http://example.com/p/~user")
        XCTAssertNil(urls.entryURL("javascript:alert(1)", base: "https://example.com/"))
        XCTAssertNil(urls.entryURL("file:///etc/passwd", base: "https://example.com/"))
        XCTAssertNil(urls.entryURL("mailto:a@example.com", base: "https://example.com/"))
        XCTAssertNil(urls.entryURL("   ", base: "https://example.com/"))
    }

    func entry(_ url: String, _ date: String? = nil) -> FeedEntry {
        FeedEntry(url: url, feed: "https://www.example.com/feed", date: date)
    }

    func testSinceKeepsNewAndUndatedEntries() throws {
        let now = try XCTUnwrap(FeedDates.span("2026-12-05T12:00:00Z")?.start)
        let since = try XCTUnwrap(SinceSpec.parse("2d", now: now))
        let entries = [entry("https://www.example.com/old", "2026-12-02T23:00:00Z"), entry("https://www.example.com/new", "2026-12-04T09:00:00+01:00"),
                       entry("https://www.example.com/day", "2026-12-03"), entry("https://www.example.com/undated"),
                       entry("https://www.example.com/zoned", "2026-12-03T13:00:00+02:00")]
        let kept = FeedFilter(since: since, include: [], exclude: [], sameHostOnly: false, maxPerFeed: nil).apply(entries, feedURL: "https://www.example.com/feed")
        XCTAssertEqual(kept.map(\.url), ["https://www.example.com/new", "https://www.example.com/day", "https://www.example.com/undated"])
    }

    func testIncludeExcludeSameHostAndMaximum() {
        let entries = [entry("https://www.example.com/news/a", "2026-12-01"), entry("https://example.com/news/b", "2026-12-04"),
                       entry("https://cdn.example.com/news/c", "2026-12-03"), entry("https://other.example.net/news/d", "2026-12-05"),
                       entry("https://www.example.com/video/e", "2026-12-05"), entry("https://www.example.com/news/f")]
        let feed = "https://www.example.com/feed"
        let sameHost = FeedFilter(since: nil, include: [], exclude: [], sameHostOnly: true, maxPerFeed: nil).apply(entries, feedURL: feed)
        XCTAssertEqual(sameHost.map(\.url).count, 5)
        XCTAssertFalse(sameHost.contains { $0.url.contains("other.example.net") })
        let patterns = FeedFilter(since: nil, include: ["/NEWS/"], exclude: ["*://cdn.*"], sameHostOnly: false, maxPerFeed: nil).apply(entries, feedURL: feed)
        XCTAssertEqual(patterns.map(\.url), ["https://www.example.com/news/a", "https://example.com/news/b", "https://other.example.net/news/d",
                                             "https://www.example.com/news/f"])
        let glob = FeedFilter(since: nil, include: ["https://www.example.com/*/?"], exclude: [], sameHostOnly: false, maxPerFeed: nil).apply(entries, feedURL: feed)
        XCTAssertEqual(glob.map(\.url), ["https://www.example.com/news/a", "https://www.example.com/video/e", "https://www.example.com/news/f"])
        let newest = FeedFilter(since: nil, include: [], exclude: [], sameHostOnly: false, maxPerFeed: 3).apply(entries, feedURL: feed)
        XCTAssertEqual(newest.map(\.url), ["https://example.com/news/b", "https://other.example.net/news/d", "https://www.example.com/video/e"])
    }

    func testSinceSpec() throws {
        let now = try XCTUnwrap(FeedDates.span("2026-12-05T12:00:00Z")?.start)
        XCTAssertEqual(SinceSpec.parse("2d", now: now), now.addingTimeInterval(-2 * 86400))
        XCTAssertEqual(SinceSpec.parse("12h", now: now), now.addingTimeInterval(-12 * 3600))
        XCTAssertEqual(SinceSpec.parse("30m", now: now), now.addingTimeInterval(-1800))
        XCTAssertEqual(SinceSpec.parse("1w", now: now), now.addingTimeInterval(-7 * 86400))
        XCTAssertEqual(SinceSpec.parse("2026-12-01", now: now), FeedDates.span("2026-12-01")?.start)
        XCTAssertEqual(SinceSpec.parse("2026-12-01T06:00:00+01:00", now: now), FeedDates.span("2026-12-01T05:00:00Z")?.start)
        XCTAssertNil(SinceSpec.parse("2 days", now: now))
        XCTAssertNil(SinceSpec.parse("-2d", now: now))
        XCTAssertNil(SinceSpec.parse("d", now: now))
        XCTAssertNil(SinceSpec.parse("2026-13-01", now: now))
    }

    func testRobotsSitemapLines() {
        let robots = """
        User-agent: *
        Disallow: /private
        Sitemap: https://www.example.com/sitemap_index.xml
        sitemap:https://www.example.com/news-sitemap.xml # news
        SITEMAP: /relative.xml
        Sitemap: https://www.example.com/sitemap_index.xml
        # Sitemap: https://www.example.com/commented.xml
        Sitemap: ftp://www.example.com/x.xml
        """
        XCTAssertEqual(RobotsSitemaps.urls(in: robots), ["https://www.example.com/sitemap_index.xml", "https://www.example.com/news-sitemap.xml"])
    }
}
