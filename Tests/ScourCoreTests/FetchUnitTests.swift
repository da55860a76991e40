import Foundation
import XCTest
@testable import ScourCore

/// The pure parts of fetching and archiving: robots.txt rules, retry timing, media types,
/// URL lists, WARC digests and a WARC write/read round trip.
final class FetchUnitTests: XCTestCase {
    func testRobotsRulesPickTheAgentsGroupLongestMatchAndCrawlDelay() {
        let text = """
        User-agent: *
        Disallow: /

        User-agent: other
        User-agent: scour
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.pdf$
        Crawl-delay: 2.5
        """
        let rules = RobotsRules(text: text, userAgent: "Scour/0.1.0")
        XCTAssertTrue(rules.allows("/news/story"))
        XCTAssertFalse(rules.allows("/private/x"))
        XCTAssertTrue(rules.allows("/private/open/page"), "the longer Allow wins")
        XCTAssertFalse(rules.allows("/files/report.pdf"))
        XCTAssertTrue(rules.allows("/files/report.pdf?download=1"), "$ anchors the end")
        XCTAssertEqual(rules.crawlDelay, 2.5)
        let others = RobotsRules(text: text, userAgent: "SomethingElse/1")
        XCTAssertFalse(others.allows("/news/story"), "falls back to the * group")
        XCTAssertTrue(RobotsRules(text: "User-agent: *\nDisallow:\n", userAgent: "Scour").allows("/anything"))
        XCTAssertFalse(RobotsRules.disallowAll.allows("/"))
    }

    func testRetryPolicyBacksOffWithJitterAndHonoursRetryAfter() throws {
        let policy = RetryPolicy(retries: 3, baseSeconds: 1, maxSeconds: 5)
        XCTAssertEqual(policy.decide(attempt: 0, retryAfter: nil, random: 0), .retry(after: 0.5))
        XCTAssertEqual(policy.decide(attempt: 0, retryAfter: nil, random: 1), .retry(after: 1))
        XCTAssertEqual(policy.decide(attempt: 2, retryAfter: nil, random: 1), .retry(after: 4))
        XCTAssertEqual(policy.decide(attempt: 2, retryAfter: nil, random: 0.5), .retry(after: 3))
        XCTAssertEqual(policy.decide(attempt: 1, retryAfter: RetryAfter(seconds: 3), random: 0), .retry(after: 3))
        XCTAssertEqual(policy.decide(attempt: 1, retryAfter: RetryAfter(seconds: 60)), .giveUp("Retry-After 60s is over retry_max_ms 5000"))
        XCTAssertEqual(policy.decide(attempt: 1, retryAfter: RetryAfter(header: "5.25")), .giveUp("Retry-After 5.25s is over retry_max_ms 5000"),
                       "not cut to whole seconds")
        XCTAssertEqual(policy.decide(attempt: 3, retryAfter: nil), .giveUp("after 4 attempts"))
        XCTAssertTrue(RetryPolicy.isRetryable(status: 429))
        XCTAssertTrue(RetryPolicy.isRetryable(status: 503))
        XCTAssertFalse(RetryPolicy.isRetryable(status: 404))
        XCTAssertEqual(RetryAfter(header: "7")?.seconds, 7)
        XCTAssertNil(RetryAfter(header: "soon"))
        XCTAssertNil(RetryAfter(header: "-3"))
        let now = Date(timeIntervalSince1970: 1_704_189_599.5) // half a second before Tue, 02 Jan 2024 10:00:00 GMT
        let dated = try XCTUnwrap(RetryAfter(header: "Tue, 02 Jan 2024 10:00:30 GMT", now: now))
        XCTAssertEqual(dated.seconds, 30.5)
        XCTAssertEqual(policy.decide(attempt: 0, retryAfter: dated),
                       .giveUp("Retry-After Tue, 02 Jan 2024 10:00:30 GMT (30.5s from now) is over retry_max_ms 5000"))
    }

    func testMediaTypeDecidesFormatAndCharset() {
        XCTAssertEqual(MediaType(header: "text/html; charset=\"ISO-8859-1\"")?.charset, "iso-8859-1")
        XCTAssertEqual(MediaType(header: "text/html; charset=\"ISO-8859-1\"")?.inputFormat, .html)
        XCTAssertEqual(MediaType(header: "Text/Plain")?.inputFormat, .text)
        XCTAssertEqual(MediaType(header: "application/xhtml+xml")?.inputFormat, .html)
        XCTAssertNil(MediaType(header: "application/pdf")?.inputFormat)
        XCTAssertNil(MediaType(header: "  "))
    }

    func testURLListEntries() {
        XCTAssertEqual(URLList.entry("https://example.com/a", source: "l:1"), .url("https://example.com/a"))
        XCTAssertEqual(URLList.entry(#"{"url": "http://example.com/b", "id": 3}"#, source: "l:2"), .url("http://example.com/b"))
        XCTAssertEqual(URLList.entry("example.com/c", source: "l:3"), .rejected(source: "l:3", reason: "not an http(s) URL: example.com/c"))
        guard case .rejected(_, let reason) = URLList.entry(#"{"url": "http://x.org/", "html": "<p>"}"#, source: "l:4") else {
            return XCTFail("a record with content is not a URL")
        }
        XCTAssertTrue(reason.contains("--stdin or --input"))
        XCTAssertEqual(Fetcher.target(of: "HTTP://Example.com:8080/a/b?q=1")?.host, "http://example.com:8080")
        XCTAssertEqual(Fetcher.target(of: "https://example.com")?.path, "/")
    }

    func testSHA1AndWARCDigestForm() {
        var hasher = SHA1()
        hasher.update(Array("abc".utf8))
        XCTAssertEqual(hasher.finish().map { String(format: "%02x", $0) }.joined(), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(SHA1.warcDigest(Array("".utf8)), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
        let long = [UInt8](repeating: 0x61, count: 1_000_000)
        var million = SHA1()
        million.update(long[0..<300_000])
        million.update(long[300_000...])
        XCTAssertEqual(million.finish().map { String(format: "%02x", $0) }.joined(), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    func testWARCWrittenByTheWriterIsReadBackRecordByRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-warc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try WARCWriter(directory: folder.path, userAgent: "Scour/test", robots: true)
        var response = CurlResponse()
        response.status = 200
        response.statusLine = "HTTP/1.1 200 OK"
        response.headerLines = ["Content-Type: text/plain; charset=windows-1252", "Content-Encoding: gzip", "Content-Length: 12"]
        response.body = Array("Caf\u{E9} au lait, with a long enough sentence here.".utf8)
        response.effectiveURL = "https://example.com/final"
        response.requestHeader = Array("GET /final HTTP/1.1\r\nHost: example.com\r\n\r\n".utf8)
        try writer.write(HTTPExchange(requestedURL: "https://example.com/start", response: response, date: Date(timeIntervalSince1970: 0)))
        response.status = 404
        response.statusLine = "HTTP/1.1 404 Not Found"
        response.effectiveURL = "https://example.com/gone"
        try writer.write(HTTPExchange(requestedURL: "https://example.com/gone", response: response, date: Date()))
        XCTAssertTrue(FileManager.default.fileExists(atPath: writer.path + ".open"), "unfinished archives keep the .open name")
        try writer.finish()
        XCTAssertTrue(FileManager.default.fileExists(atPath: writer.path))

        let reader = try WARCReader(path: writer.path)
        var types: [String] = []
        while let record = try reader.next() { types.append(record.header["WARC-Type"] ?? "?") }
        XCTAssertEqual(types, ["warcinfo", "request", "response", "metadata", "request", "response", "metadata"])

        var source = WARCSource(path: writer.path)
        guard case let .document(document)? = source.next() else { return XCTFail("expected the 200 response as a document") }
        XCTAssertEqual(document.source, "https://example.com/final")
        XCTAssertEqual(document.metadata.url, "https://example.com/final")
        XCTAssertEqual(document.declaredCharset, "windows-1252")
        XCTAssertEqual(document.format, .text)
        XCTAssertEqual(document.raw, response.body, "payload stored decoded, Content-Encoding renamed so readers do not gunzip it")
        XCTAssertEqual(document.markupHints, [MarkupHint(field: .captureDate, value: "1970-01-01T00:00:00Z", origin: .init(.archive))])
        guard case let .rejected(name, rejection)? = source.next() else { return XCTFail("expected the 404 as a reject") }
        XCTAssertEqual(name, "https://example.com/gone")
        XCTAssertEqual(rejection.reason, "WARC response has HTTP status 404")
        XCTAssertNil(source.next())
    }

    func testRawHTTPPayloadsFromOtherCrawlersAreDechunkedAndGunzipped() throws {
        let body = Array("hello world".utf8)
        let chunked = Array("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".utf8)
        let block = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n".utf8) + chunked
        guard case let .success(message) = HTTPMessage.parse(block) else { return XCTFail("parse") }
        guard case let .success(payload) = message.decodedPayload(limit: 1000) else { return XCTFail("decode") }
        XCTAssertEqual(payload, body)
        let gzipped = try XCTUnwrap(GzipMember.compress(body))
        let zipped = Array("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".utf8) + gzipped
        guard case let .success(message2) = HTTPMessage.parse(zipped), case let .success(plain) = message2.decodedPayload(limit: 1000) else {
            return XCTFail("gzip payload")
        }
        XCTAssertEqual(plain, body)
    }

    func testFetchSectionParsesEveryKey() throws {
        let json = """
        {"urls": ["lists/today.urls"], "fetch": {"concurrency": 4, "per_host": 1, "delay_ms": 0, "user_agent": "Bot/2",
         "connect_timeout_s": 2, "timeout_s": 5, "max_redirects": 3, "max_bytes": 1000, "retries": 0, "retry_base_ms": 10,
         "retry_max_ms": 100, "robots": false, "warc": "out/raw"}}
        """
        let config = try PipelineConfig.parse(data: Data(json.utf8), path: "p.json", resources: TestSupport.resources)
        XCTAssertEqual(config.urls, ["lists/today.urls"])
        XCTAssertEqual(config.fetch.concurrency, 4)
        XCTAssertEqual(config.fetch.perHost, 1)
        XCTAssertEqual(config.fetch.userAgent, "Bot/2")
        XCTAssertEqual(config.fetch.maxRedirects, 3)
        XCTAssertFalse(config.fetch.robots)
        XCTAssertEqual(config.fetch.warcDirectory, "out/raw")
        XCTAssertEqual(FetchConfig.keys.count, 13)
    }
}
