import Foundation
import XCTest
@testable import ScourCore

/// The feed parser on hand-written fixtures shaped like real feeds (Tests/ScourCoreTests/Fixtures/feeds).
final class FeedParserTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/feeds")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    func entries(_ name: String, url: String, contentType: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [FeedEntry] {
        let result = FeedParser().parse(try Self.fixture(name), url: url, contentType: contentType)
        guard case let .success(.entries(entries)) = result else {
            XCTFail("\(name): expected entries, got \(result)", file: file, line: line)
            return []
        }
        return entries
    }

    func testRSS2ItemsWithRelativeLinksPermalinkGuidsTrackingAndDuplicates() throws {
        let feed = "https://www.example.com/feed.xml"
        let got = try entries("rss2.xml", url: feed)
        XCTAssertEqual(got, [
            FeedEntry(url: "https://www.example.com/news/2026/12/04/bridge?id=7", feed: feed, title: "Council approves the new bridge",
                      authors: ["Jane Doe"], date: "2026-12-04T18:30:00Z", dateEvidence: "feed:rss.pubDate",
                      categories: ["Local", "Transport"], outlet: "The Example Gazette"),
            FeedEntry(url: "https://www.example.com/news/2026/12/05/storm", feed: feed, title: "Storm warning for the coast",
                      authors: ["Sam Reporter"], date: "2026-12-05T07:05:00-05:00", dateEvidence: "feed:rss.pubDate",
                      outlet: "The Example Gazette"),
            FeedEntry(url: "https://www.example.com/news/2026/12/03/guid-only", feed: feed, title: "Only a permalink guid",
                      date: "2026-12-03T09:00:00+02:00", dateEvidence: "feed:rss.pubDate", outlet: "The Example Gazette"),
        ])
    }

    func testRSS091WithItsNetscapeDoctypeAndLatin1() throws {
        let got = try entries("rss091.xml", url: "http://oldschool.example.org/rss.xml")
        XCTAssertEqual(got.map(\.url), ["http://oldschool.example.org/stories/cafe.html"])
        XCTAssertEqual(got.first?.title, "Café opens downtown")
        XCTAssertEqual(got.first?.outlet, "Old School News")
        XCTAssertNil(got.first?.date)
    }

    func testRSS1RDFUsesDublinCoreAndRdfAbout() throws {
        let feed = "https://rdf.example.net/index.rdf"
        let got = try entries("rss1.rdf", url: feed)
        XCTAssertEqual(got, [
            FeedEntry(url: "https://rdf.example.net/a/one", feed: feed, title: "First RDF story", authors: ["Ann Author"],
                      date: "2026-11-30T08:00:00+01:00", dateEvidence: "feed:rss.dc.date", categories: ["Science"], outlet: "RDF Weekly"),
            FeedEntry(url: "https://rdf.example.net/a/two", feed: feed, title: "Second RDF story",
                      date: "2026-12-01", dateEvidence: "feed:rss.dc.date", outlet: "RDF Weekly"),
        ])
    }

    func testAtomXMLBaseAlternateLinksDatesAuthorsAndCategories() throws {
        let feed = "https://blog.example.org/journal/atom.xml"
        let got = try entries("atom.xml", url: feed)
        XCTAssertEqual(got, [
            FeedEntry(url: "https://blog.example.org/journal/2026/12/tides.html", feed: feed, title: "Tides & moons",
                      authors: ["Ada Writer", "Bo Second"], date: "2026-12-04T09:15:00-05:00", dateEvidence: "feed:atom.published",
                      categories: ["science", "sea"], outlet: "Example Journal"),
            FeedEntry(url: "https://blog.example.org/other/post-2", feed: feed, title: "Relative to the entry base",
                      date: "2026-12-03T12:00:00Z", dateEvidence: "feed:atom.updated", outlet: "Example Journal"),
            FeedEntry(url: "https://blog.example.org/journal/only-id", feed: feed, title: "Only an id",
                      date: "2026-12-02", dateEvidence: "feed:atom.updated", outlet: "Example Journal"),
        ])
    }

    func testAtomRelativeLinksUseTheFeedURLWhenThereIsNoXMLBase() throws {
        let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
        <entry><title>E</title><link href="../posts/e?utm_source=x#frag"/><id>urn:x</id></entry></feed>
        """
        let result = FeedParser().parse(Array(atom.utf8), url: "https://redirected.example.com/feeds/all/atom.xml", contentType: "application/atom+xml")
        guard case let .success(.entries(got)) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(got.map(\.url), ["https://redirected.example.com/feeds/posts/e"])
    }

    func testJSONFeed11And10() throws {
        let feed = "https://json.example.com/feed.json"
        let got = try entries("feed.json", url: feed)
        XCTAssertEqual(got, [
            FeedEntry(url: "https://json.example.com/2026/12/first?page=2", feed: feed, title: "First JSON item", authors: ["Jo Json"],
                      date: "2026-12-05T08:00:00+01:00", dateEvidence: "feed:json.date_published", categories: ["tech", "web"],
                      outlet: "JSON Times"),
            FeedEntry(url: "https://json.example.com/2026/12/second", feed: feed, title: "Second, id only",
                      date: "2026-12-04T10:00:00Z", dateEvidence: "feed:json.date_modified", outlet: "JSON Times"),
            FeedEntry(url: "https://json.example.com/relative/third", feed: feed, outlet: "JSON Times"),
        ])
        let old = try entries("feed10.json", url: "https://json10.example.com/feed.json")
        XCTAssertEqual(old.map(\.authors), [["Single Author"]])
        XCTAssertEqual(old.map(\.date), ["2026-12-01T00:00:00Z"])
    }

    func testNewsSitemapWithImageExtension() throws {
        let feed = "https://news.example.com/sitemaps/news.xml"
        let got = try entries("news-sitemap.xml", url: feed)
        XCTAssertEqual(got, [
            FeedEntry(url: "https://news.example.com/world/2026/12/05/summit", feed: feed, title: "Leaders meet at the summit",
                      date: "2026-12-05T06:30:00+01:00", dateEvidence: "sitemap:news.publication_date", outlet: "Example News"),
            FeedEntry(url: "https://news.example.com/sport/final", feed: feed, date: "2026-12-04", dateEvidence: "sitemap:lastmod"),
            FeedEntry(url: "https://news.example.com/undated", feed: feed),
        ])
    }

    func testGzippedSitemapIsInflatedAndItsLimitHolds() throws {
        let plain = try Self.fixture("news-sitemap.xml")
        let gzipped = try XCTUnwrap(GzipMember.compress(plain))
        let url = "https://news.example.com/sitemaps/news.xml.gz"
        let parsed = FeedParser().parse(gzipped, url: url, contentType: "application/x-gzip")
        let expected = FeedParser().parse(plain, url: url, contentType: nil)
        XCTAssertEqual(parsed, expected)
        guard case let .success(.entries(got)) = parsed else { return XCTFail("\(parsed)") }
        XCTAssertEqual(got.count, 3)
        // Inflated size above the limit: refused without inflating it all.
        let small = FeedParser(limits: FeedLimits(maxBytes: 200)).parse(gzipped, url: url, contentType: nil)
        XCTAssertEqual(small, .failure(.tooLarge(limit: 200)))
        XCTAssertEqual(FeedParser().parse([0x1F, 0x8B, 0x08, 0x00, 0x01], url: url, contentType: nil).failureDescription?.hasPrefix("feed is not readable gzip"), true)
    }

    func testSitemapIndexListsChildSitemapsOnce() throws {
        let result = FeedParser().parse(try Self.fixture("sitemap-index.xml"), url: "https://news.example.com/sitemap_index.xml", contentType: "text/xml")
        XCTAssertEqual(result, .success(.sitemapIndex(["https://news.example.com/sitemaps/news.xml.gz",
                                                       "https://news.example.com/sitemaps/archive-2026.xml"])))
    }

    func testTextSitemap() throws {
        let got = try entries("sitemap.txt", url: "https://text.example.com/sitemap.txt", contentType: "text/plain")
        XCTAssertEqual(got.map(\.url), ["https://text.example.com/a", "https://text.example.com/b", "https://text.example.com/c"])
    }

    func testHomePageFeedLinksResolvedAgainstBase() throws {
        let result = FeedParser().parse(try Self.fixture("home.html"), url: "https://home.example.com/index.html", contentType: "text/html; charset=utf-8")
        XCTAssertEqual(result, .success(.homePage(feeds: ["https://home.example.com/site/feed.rss", "https://home.example.com/atom.xml",
                                                          "https://home.example.com/site/feed.json"])))
    }

    func testHTMLOpeningWithACommentIsStillAHomePage() {
        let page = "<!-- cached 2026-12-05 -->\n<!DOCTYPE html><html><head><link rel=alternate type=application/rss+xml href=/f.xml></head><body><p>x<br></body></html>"
        let result = FeedParser().parse(Array(page.utf8), url: "https://x.example.com/", contentType: nil)
        XCTAssertEqual(result, .success(.homePage(feeds: ["https://x.example.com/f.xml"])))
    }

    func testNonFeeds() throws {
        let page = FeedParser().parse(try Self.fixture("no-feeds.html"), url: "https://plain.example.com/", contentType: nil)
        XCTAssertEqual(page, .success(.homePage(feeds: [])))
        let json = FeedParser().parse(try Self.fixture("not-a-feed.json"), url: "https://x.example.com/package.json", contentType: "application/json")
        XCTAssertEqual(json.failureDescription,
                       "not a feed or sitemap: JSON without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        let xml = FeedParser().parse(try Self.fixture("unknown-root.xml"), url: "https://x.example.com/config.xml", contentType: nil)
        XCTAssertEqual(xml, .failure(.notAFeed(lookedLike: "XML whose root element is <config>")))
        let binary = FeedParser().parse([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], url: "https://x.example.com/a.png", contentType: "image/png")
        XCTAssertEqual(binary.failureDescription?.hasPrefix("not a feed or sitemap: neither XML, JSON nor a list of URLs"), true)
        let broken = FeedParser().parse(Array("{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [,]}".utf8), url: "https://x.example.com/f.json", contentType: nil)
        guard case let .failure(.malformed(message, line)) = broken else { return XCTFail("\(broken)") }
        XCTAssertTrue(message.hasPrefix("invalid JSON"), message)
        XCTAssertEqual(line, 2)
    }

    func testTruncatedFeedIsMalformedWithItsLine() throws {
        let result = FeedParser().parse(try Self.fixture("truncated.xml"), url: "https://cut.example.com/feed.xml", contentType: nil)
        guard case let .failure(error) = result, case let .malformed(message, line) = error else { return XCTFail("\(result)") }
        XCTAssertFalse(message.isEmpty)
        XCTAssertGreaterThanOrEqual(line, 10)
        XCTAssertTrue(error.description.hasPrefix("malformed feed at line \(line): "), error.description)
    }

    func testEntryLimit() throws {
        let limited = FeedParser(limits: FeedLimits(maxEntries: 2)).parse(try Self.fixture("news-sitemap.xml"), url: "https://news.example.com/s.xml", contentType: nil)
        XCTAssertEqual(limited, .failure(.tooManyEntries(limit: 2)))
        XCTAssertEqual(limited.failureDescription, "feed lists more than 2 entries")
    }

    func testUTF16FeedIsRead() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Ünï</title><item><link>https://u.example.com/ü</link></item></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = FeedParser().parse(bytes, url: "https://u.example.com/feed", contentType: nil)
        guard case let .success(.entries(got)) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(got.map(\.url), ["https://u.example.com/%C3%BC"])
        XCTAssertEqual(got.map(\.outlet), ["Ünï"])
    }
}

extension Result where Failure == FeedParseError {
    var failureDescription: String? {
        if case let .failure(error) = self { return error.description }
        return nil
    }
}
