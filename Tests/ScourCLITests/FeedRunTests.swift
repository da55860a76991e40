import Foundation
import ScourCore
import XCTest

/// Feeds and sitemaps through the built binary, against the fixture server on 127.0.0.1
/// (Fixtures/feed_routes.py): `scour run --feeds`, the `feeds` config key, `scour feeds`.
final class FeedRunTests: HTTPServerTestCase {

    /// Short timeouts so every scenario ends in a few seconds; `extra` adds top-level keys.
    private func writeConfig(_ extra: String = "", output: String = #""evidence": true"#, fetch: String = "") throws -> String {
        let path = work.appendingPathComponent("pipeline.json").path
        let text = """
        {"fetch": {\(fetch)"delay_ms": 0, "timeout_s": 2, "connect_timeout_s": 1, "retries": 0, "concurrency": 8, "per_host": 4},
         "output": {\(output)}\(extra)}
        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func writeFeeds(_ paths: [String]) throws -> String {
        let path = work.appendingPathComponent("feeds.urls").path
        let lines = ["# feeds"] + paths.map { $0.hasPrefix("http") ? $0 : server.base + $0 }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func relative(_ url: Any?) -> String? {
        (url as? String)?.replacingOccurrences(of: server.base, with: "")
    }

    /// Article paths requested so far, in order.
    private func articleRequests() throws -> [String] {
        try server.accessLog().map(\.path).filter { $0.hasPrefix("/articles/") }
    }

    private func evidenceRule(_ record: [String: Any], _ field: String) -> String? {
        ((record["evidence"] as? [String: Any])?[field] as? [String: Any])?["rule"] as? String
    }

    // MARK: scour run --feeds

    /// RSS, Atom (relative links) and JSON Feed: every article once, in feed order, tracking
    /// parameters and fragments gone; the feed's data fills what the page lacks, never what it
    /// has; a failing feed is a reject line; feeds are archived with the pages.
    func testFeedsOfEveryKindFetchEachArticleOnceWithFeedHints() throws {
        let feeds = try writeFeeds(["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/missing"])
        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let config = try writeConfig(fetch: #""warc": "raw", "#)
        let result = try CLIRunner.run(["run", "--config", config, "--feeds", feeds, "--output", output.path,
                                        "--rejects", rejects.path, "--jobs", "2"], in: work, timeout: 90)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("feeds: 4 fetched, 0 not modified, 5 new article URLs, 1 failed"), result.stderr)

        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.map { relative($0["source"]) },
                       ["/articles/rss-1", "/articles/rss-2", "/articles/dated", "/articles/atom-1", "/articles/json-1"])
        // Listed by the RSS and the Atom feed: fetched once.
        XCTAssertEqual(try articleRequests().filter { $0 == "/articles/rss-1" }.count, 1)
        let requested = try articleRequests()
        XCTAssertFalse(requested.contains { $0.contains("utm_") || $0.contains("#") }, requested.description)

        let bySource = Dictionary(uniqueKeysWithValues: records.map { (relative($0["source"]) ?? "", $0) })
        let rss = try XCTUnwrap(bySource["/articles/rss-1"])
        XCTAssertEqual(rss["authors"] as? [String], ["Rita Reporter"])
        XCTAssertEqual(evidenceRule(rss, "authors"), "feed:author")
        XCTAssertEqual((rss["date"] as? String)?.prefix(10), "2025-01-06")
        XCTAssertEqual(evidenceRule(rss, "date"), "feed:rss.pubDate")
        XCTAssertEqual(rss["tags"] as? [String], ["politics"])
        XCTAssertEqual(rss["title"] as? String, "Article rss-1", "the page's headline wins over the feed's title")
        let atom = try XCTUnwrap(bySource["/articles/atom-1"])
        XCTAssertEqual(evidenceRule(atom, "date"), "feed:atom.published")
        XCTAssertEqual(atom["authors"] as? [String], ["Ann Atom"])
        let json = try XCTUnwrap(bySource["/articles/json-1"])
        XCTAssertEqual(evidenceRule(json, "date"), "feed:json.date_published")
        XCTAssertEqual(json["tags"] as? [String], ["science"])
        // The page's own date beats the feed's.
        let dated = try XCTUnwrap(bySource["/articles/dated"])
        XCTAssertEqual((dated["date"] as? String)?.prefix(10), "2025-03-03")
        XCTAssertNotEqual(evidenceRule(dated, "date"), "feed:rss.pubDate")

        let rejected = try CLIRunner.jsonLines(rejects)
        XCTAssertEqual(rejected.count, 1, "\(rejected)")
        XCTAssertEqual(relative(rejected.first?["source"]), "/missing")
        XCTAssertEqual(rejected.first?["stage"] as? String, "feed")
        XCTAssertEqual(rejected.first?["status"] as? Int, 404)

        // The feeds are in the WARC archive beside the pages.
        let archive = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("raw").path)
            .first { $0.hasSuffix(".warc.gz") })
        let reader = try WARCReader(path: work.appendingPathComponent("raw/\(archive)").path)
        var targets: [String] = []
        while let record = try reader.next(), targets.count < 200 {
            if record.header["WARC-Type"] == "response" { targets.append(relative(record.header["WARC-Target-URI"]) ?? "?") }
        }
        for path in ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/articles/json-1"] {
            XCTAssertTrue(targets.contains(path), "\(path) archived: \(targets)")
        }
    }

    /// An entity bomb and an external entity are rejected with their reason and nothing is
    /// requested for them (not the entity's target, not their articles); a feed under a
    /// robots.txt Disallow is not requested; an XML file that is no feed says so. The run goes on.
    func testUnsafeAndUnreadableFeedsAreRejectedWithTheirReason() throws {
        let feeds = try writeFeeds(["/feeds/bomb.xml", "/feeds/xxe.xml", "/private/feed.xml", "/feeds/not-a-feed.xml",
                                    "/feeds/feed.json"])
        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--config", try writeConfig(), "--feeds", feeds, "--output", output.path,
                                        "--rejects", rejects.path], in: work, timeout: 90)
        XCTAssertEqual(result.status, 0, result.stderr)
        var reasons: [String: String] = [:]
        for record in try CLIRunner.jsonLines(rejects) {
            XCTAssertEqual(record["stage"] as? String, "feed")
            reasons[relative(record["source"]) ?? "?"] = record["reason"] as? String
        }
        XCTAssertEqual(Set(reasons.keys), ["/feeds/bomb.xml", "/feeds/xxe.xml", "/private/feed.xml", "/feeds/not-a-feed.xml"])
        XCTAssertTrue(reasons["/feeds/bomb.xml"]?.contains("entit") ?? false, reasons.description)
        XCTAssertTrue(reasons["/feeds/xxe.xml"]?.contains("external") ?? false, reasons.description)
        XCTAssertEqual(reasons["/private/feed.xml"], "disallowed by robots.txt")
        XCTAssertTrue(reasons["/feeds/not-a-feed.xml"]?.contains("not a feed") ?? false, reasons.description)
        let paths = try server.accessLog().map(\.path)
        XCTAssertFalse(paths.contains("/feeds/xxe-target"), "the external entity was fetched: \(paths)")
        XCTAssertFalse(paths.contains("/private/feed.xml"))
        XCTAssertEqual(try articleRequests(), ["/articles/json-1"])
        XCTAssertEqual(try CLIRunner.jsonLines(output).map { relative($0["source"]) }, ["/articles/json-1"])
    }

    /// The cron case: the `feeds` key of a `runs` config. The second run asks only for the new
    /// article; a feed answering 304 adds nothing; a feed that now fails is a reject line in the
    /// second run and the first run's article from it stays; `--full` asks for every article again.
    func testSecondRunRequestsOnlyNewArticles() throws {
        let out = work.appendingPathComponent("out")
        let config = try writeConfig("""
        , "inputs": [],
         "state": {"enabled": true, "path": "\(out.path)/.scour/state.sqlite"},
         "feeds": {"urls": ["\(server.base)/feeds/growing.xml", "\(server.base)/feeds/etag.xml", "\(server.base)/feeds/once.xml"],
                   "max_depth": 1}
        """, output: #""layout": "runs", "dir": "\#(out.path)""#, fetch: #""warc": "\#(work.path)/raw", "#)
        let first = try CLIRunner.run(["run", "--config", config], in: work, timeout: 90)
        XCTAssertEqual(first.status, 0, first.stderr)
        // Requests run side by side: their order is the server's; the output's is the feeds'.
        XCTAssertEqual(try articleRequests().sorted(), ["/articles/etag-1", "/articles/grow-1", "/articles/grow-2", "/articles/once-1"])

        let second = try CLIRunner.run(["run", "--config", config], in: work, timeout: 90)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("feeds: 3 fetched, 1 not modified, 1 new article URLs, 1 failed"), second.stderr)
        XCTAssertEqual(try articleRequests().dropFirst(4), ["/articles/grow-3"])
        let runs = try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl")).compactMap { $0["run_id"] as? String }
        XCTAssertEqual(runs.count, 2)
        let secondRecords = try CLIRunner.jsonLines(out.appendingPathComponent("\(runs[1])/part-00000.jsonl"))
        XCTAssertEqual(secondRecords.map { relative($0["source"]) }, ["/articles/grow-3"])
        let secondRejects = try CLIRunner.jsonLines(out.appendingPathComponent("\(runs[1])/rejects.jsonl"))
        XCTAssertEqual(secondRejects.map { relative($0["source"]) }, ["/feeds/once.xml"])
        XCTAssertEqual(secondRejects.first?["reason"] as? String, "HTTP 500 after 1 attempt")
        XCTAssertEqual(secondRejects.first?["stage"] as? String, "feed")
        let firstRecords = try CLIRunner.jsonLines(out.appendingPathComponent("\(runs[0])/part-00000.jsonl"))
        XCTAssertEqual(firstRecords.map { relative($0["source"]) },
                       ["/articles/grow-1", "/articles/grow-2", "/articles/etag-1", "/articles/once-1"])

        // The 304 feed is archived as a revisit of the capture its validators came with.
        var revisits: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("raw").path) where name.hasSuffix(".warc.gz") {
            let reader = try WARCReader(path: work.appendingPathComponent("raw/\(name)").path)
            while let record = try reader.next() {
                if record.header["WARC-Type"] == "revisit" {
                    revisits.append((relative(record.header["WARC-Target-URI"]) ?? "?") + " " + (record.header["WARC-Refers-To"] == nil ? "-" : "refers"))
                }
            }
        }
        XCTAssertEqual(revisits, ["/feeds/etag.xml refers"])

        let full = try CLIRunner.run(["run", "--config", config, "--full"], in: work, timeout: 90)
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertTrue(full.stderr.contains("feeds: 3 fetched, 0 not modified, 4 new article URLs, 1 failed"), full.stderr)
        XCTAssertEqual(try articleRequests().dropFirst(5).sorted(), ["/articles/etag-1", "/articles/grow-1", "/articles/grow-2", "/articles/grow-3"])
        let fullRun = try XCTUnwrap(try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl")).last?["run_id"] as? String)
        XCTAssertEqual(try CLIRunner.jsonLines(out.appendingPathComponent("\(fullRun)/part-00000.jsonl")).map { relative($0["source"]) },
                       ["/articles/grow-3", "/articles/grow-1", "/articles/grow-2", "/articles/etag-1"])
    }

    // MARK: scour feeds

    private func discover(_ paths: [String], _ extra: [String] = [], fetch: String = "") throws -> (CLIRunner.Result, [[String: Any]]) {
        let result = try CLIRunner.run(["feeds", "--config", try writeConfig(fetch: fetch), try writeFeeds(paths)] + extra,
                                       in: work, timeout: 60)
        let lines = try result.stdout.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (result, lines)
    }

    /// A sitemap index pointing at a gzipped news sitemap and a text sitemap: news data as the
    /// entries' date, title and outlet, each URL once; no article is fetched.
    func testSitemapIndexWithGzippedNewsSitemap() throws {
        let (result, lines) = try discover(["/feeds/sitemap-index.xml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(lines.map { relative($0["url"]) }, ["/articles/news-1", "/articles/news-2", "/articles/plain-1"])
        let news = try XCTUnwrap(lines.first)
        XCTAssertEqual(relative(news["feed"]), "/feeds/news-sitemap.xml.gz")
        XCTAssertEqual(news["date_evidence"] as? String, "sitemap:news.publication_date")
        XCTAssertEqual((news["date"] as? String)?.prefix(10), "2025-01-19")
        XCTAssertEqual(news["title"] as? String, "News news-1")
        XCTAssertEqual(news["outlet"] as? String, "Sitemap Times")
        XCTAssertEqual(Set(news.keys), ["url", "feed", "date", "date_evidence", "title", "authors", "categories", "outlet"])
        XCTAssertEqual(try articleRequests(), [])
        // max_depth 0: the index's sitemaps are not followed, and the index is a failure that says why.
        let (shallow, none) = try discover(["/feeds/sitemap-index.xml"], ["--max-depth", "0"])
        XCTAssertEqual(shallow.status, 1, shallow.stderr)
        XCTAssertEqual(none.count, 0)
        XCTAssertTrue(shallow.stderr.contains("max_depth"), shallow.stderr)
    }

    /// A home page: the feed it links (relative href) and the Sitemap: lines of its robots.txt.
    func testHomePageLinksItsFeedAndRobotsSitemaps() throws {
        let (result, lines) = try discover(["/site/"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(lines.map { relative($0["url"]) }, ["/articles/site-1", "/articles/robots-1"])
        XCTAssertEqual(relative(lines.first?["feed"]), "/feeds/site-rss.xml")
        XCTAssertEqual(lines.first?["outlet"] as? String, "Site News")
        XCTAssertEqual(lines.first?["authors"] as? [String], ["Hugo Home"])
        XCTAssertEqual(relative(lines.last?["feed"]), "/feeds/robots-sitemap.xml")
        XCTAssertEqual(try server.stats()["/robots.txt"], 1, "the fetcher's copy of robots.txt is reused")
        // With robots.txt off, the crawl asks for it itself, for its Sitemap: lines only.
        let (unruled, same) = try discover(["/site/"], fetch: #""robots": false, "#)
        XCTAssertEqual(unruled.status, 0, unruled.stderr)
        XCTAssertEqual(same.map { relative($0["url"]) }, ["/articles/site-1", "/articles/robots-1"])
        XCTAssertEqual(try server.stats()["/robots.txt"], 2)
    }

    /// Exit status 1 when a feed failed (the others still printed), filters as options, 2 on misuse.
    func testFeedsCommandFiltersAndExitStatus() throws {
        let (failed, lines) = try discover(["/feeds/rss.xml", "/missing"], ["--since", "2025-01-07", "--exclude", "dated"])
        XCTAssertEqual(failed.status, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("feed \(server.base)/missing: HTTP 404"), failed.stderr)
        XCTAssertEqual(lines.map { relative($0["url"]) }, ["/articles/rss-2"])
        // The newest entry of the feed.
        let (limited, newest) = try discover(["/feeds/rss.xml"], ["--max-per-feed", "1"])
        XCTAssertEqual(limited.status, 0, limited.stderr)
        XCTAssertEqual(newest.map { relative($0["url"]) }, ["/articles/dated"])
        // max_feeds counts every resource fetched: the second feed is not, and says why.
        let (capped, _) = try discover(["/feeds/rss.xml", "/feeds/atom.xml"], ["--max-feeds", "1"])
        XCTAssertEqual(capped.status, 1, capped.stderr)
        XCTAssertTrue(capped.stderr.contains("feed \(server.base)/feeds/atom.xml: not fetched: feeds.max_feeds (1) reached this run"),
                      capped.stderr)
        let (misuse, _) = try discover(["/feeds/rss.xml"], ["--since", "yesterday-ish"])
        XCTAssertEqual(misuse.status, 2, misuse.stderr)
    }

    // MARK: config

    func testValidateNamesBadFeedsKeys() throws {
        let good = try writeConfig(#", "feeds": {"urls": ["https://example.org/feed.xml"], "since": "2d", "max_per_feed": 50, "tracking_parameters": ["utm_*", "fbclid"]}"#)
        let ok = try CLIRunner.run(["validate", good], in: work)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("feeds: 1 URL (since 2d; same_host true; max_depth 3; max_feeds 1000; max_per_feed 50)"), ok.stdout)
        let bad = try writeConfig(#", "feeds": {"urls": ["ftp://example.org/x"], "since": "soon", "max_dept": 2}"#)
        let result = try CLIRunner.run(["validate", bad], in: work)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("feeds.max_dept"), result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown key; allowed: exclude, include, max_depth"), result.stderr)
        XCTAssertTrue(result.stderr.contains("feeds.since"), result.stderr)
        XCTAssertTrue(result.stderr.contains("feeds.urls"), result.stderr)
    }
}
