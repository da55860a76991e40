import Foundation
import ScourCore
import XCTest

/// Politeness that must hold however a list is written, against the real fixture server on
/// 127.0.0.1: robots.txt matched against the URL as requested, 304s nobody asked for, and
/// a slow host that must not hold back the hosts listed after it.
final class FetchPolitenessTests: HTTPServerTestCase {
    // localhost (the same server under another name) asks for a Crawl-delay of 0.1s.
    override class var serverArguments: [String] { ["--slow-host", "localhost:0.1"] }

    private func writeConfig(_ extra: String = "") throws -> String {
        let path = work.appendingPathComponent("pipeline.json").path
        let text = """
        {"fetch": {"delay_ms": 0, "timeout_s": 5, "connect_timeout_s": 2, "retries": 0, "concurrency": 8, "per_host": 2},
         "duplicates": {"enabled": false}\(extra)}
        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func writeList(_ urls: [String]) throws -> String {
        let path = work.appendingPathComponent("list.urls").path
        try (urls.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func rejects(_ path: URL) throws -> [String: [String: Any]] {
        var byURL: [String: [String: Any]] = [:]
        for record in try CLIRunner.jsonLines(path) {
            byURL[try XCTUnwrap(record["source"] as? String).replacingOccurrences(of: server.base, with: "")] = record
        }
        return byURL
    }

    /// Spellings of /private/p.html that robots.txt's `Disallow: /private/` must catch.
    private let disguised = ["/a/../private/p.html", "/./private/p.html", "/%70rivate/p.html", "/%2e%2E/private/p.html"]

    /// The server saw exactly the normalized paths, and nothing under /private/.
    private func assertOnlyNormalizedPathsRequested(file: StaticString = #filePath, line: UInt = #line) throws {
        let paths = try server.accessLog().map(\.path)
        XCTAssertFalse(paths.contains { $0.lowercased().contains("rivate") }, "a disallowed page was requested: \(paths)", file: file, line: line)
        XCTAssertEqual(paths.sorted(), ["/numbered/~x", "/robots.txt", "/text"], file: file, line: line)
    }

    func testRobotsTxtCannotBeBypassedBySpellingInRun() throws {
        let list = try writeList((disguised + ["/a/./b/../../text", "/numbered/%7Ex"]).map { server.base + $0 })
        let output = work.appendingPathComponent("out.jsonl"), rejectsFile = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--config", try writeConfig(), "--urls", list, "--output", output.path,
                                        "--rejects", rejectsFile.path], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rejected = try rejects(rejectsFile)
        XCTAssertEqual(Set(rejected.keys), Set(disguised))
        for path in disguised { XCTAssertEqual(rejected[path]?["reason"] as? String, "disallowed by robots.txt", path) }
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.compactMap { $0["source"] as? String }, [server.base + "/a/./b/../../text", server.base + "/numbered/%7Ex"],
                       "sources stay as listed")
        XCTAssertEqual(records.compactMap { $0["url"] as? String }, [server.base + "/text", server.base + "/numbered/~x"],
                       "the URL is the one requested")
        try assertOnlyNormalizedPathsRequested()
    }

    func testRobotsTxtCannotBeBypassedBySpellingInFetch() throws {
        let list = try writeList((disguised + ["/a/./b/../../text", "/numbered/%7Ex"]).map { server.base + $0 })
        let result = try CLIRunner.run(["fetch", list, "--warc", "raw", "--config", try writeConfig()], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("6 URLs, 2 fetched, 4 rejected"), result.stderr)
        let rejected = try rejects(work.appendingPathComponent("out/rejects.jsonl"))
        for path in disguised { XCTAssertEqual(rejected[path]?["reason"] as? String, "disallowed by robots.txt", path) }
        try assertOnlyNormalizedPathsRequested()
    }

    func testA304ToAnUnconditionalRequestIsARejectInRunAndFetch() throws {
        let config = try writeConfig(#", "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}"#)
        let list = try writeList([server.base + "/always-304", server.base + "/text"])
        let reason = "HTTP 304 without a conditional request"
        for round in 1...2 {
            let run = try CLIRunner.run(["run", "--config", config, "--urls", list], in: work, timeout: 60)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("2 inputs, 1 written, 1 rejected"), "round \(round): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("/always-304: rejected at fetch: \(reason)"), run.stderr)
        }
        let fetch = try CLIRunner.run(["fetch", list, "--warc", "raw", "--config", config], in: work, timeout: 60)
        XCTAssertEqual(fetch.status, 0, fetch.stderr)
        XCTAssertTrue(fetch.stderr.contains("2 URLs, 1 fetched, 1 rejected in"), fetch.stderr)
        let rejected = try rejects(work.appendingPathComponent("out/rejects.jsonl"))
        XCTAssertEqual(rejected["/always-304"]?["reason"] as? String, reason)
        XCTAssertEqual(rejected["/always-304"]?["status"] as? Int, 304)
        let archive = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("raw").path)
            .first { $0.hasSuffix(".warc.gz") })
        let reader = try WARCReader(path: work.appendingPathComponent("raw/\(archive)").path)
        var types: [String] = []
        while let record = try reader.next(), types.count < 100 { types.append(record.header["WARC-Type"] ?? "?") }
        XCTAssertFalse(types.contains("revisit"), "no revisit record for a 304 nobody asked for: \(types)")
        XCTAssertEqual(types.filter { $0 == "response" }.count, 2, "robots.txt and /text: \(types)")
        XCTAssertEqual(try server.stats()["/always-304"], 3)
    }

    /// localhost (Crawl-delay 0.1s) is listed first with more URLs than the fetcher ever held
    /// at once before; 127.0.0.1 (no delay) after it. 127.0.0.1's queue advances on its own:
    /// all its pages are requested while localhost is still on its first pages. Output keeps list order.
    func testASlowHostDoesNotHoldBackTheHostsListedAfterIt() throws {
        let port = try XCTUnwrap(URLComponents(string: server.base)?.port)
        let slow = (0..<70).map { "http://localhost:\(port)/numbered/a\($0)" }
        let fast = (0..<30).map { "\(server.base)/numbered/b\($0)" }
        let list = try writeList(slow + fast)
        let output = work.appendingPathComponent("out.jsonl"), rejectsFile = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--config", try writeConfig(), "--urls", list, "--output", output.path,
                                        "--rejects", rejectsFile.path], in: work, timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try CLIRunner.jsonLines(output).compactMap { $0["source"] as? String }, slow + fast, "list order")
        let pages = try server.accessLog().filter { $0.path.hasPrefix("/numbered/") }
        XCTAssertEqual(pages.count, 100)
        let lastFast = try XCTUnwrap(pages.lastIndex { $0.host == "127.0.0.1" })
        let slowBefore = pages[..<lastFast].filter { $0.host == "localhost" }.count
        XCTAssertLessThan(slowBefore, 20, "127.0.0.1's 30 pages were all requested before localhost's 20th (of 70): \(slowBefore)")
    }

    /// A Retry-After past retry_max_ms gives up, quoting what the header said: seconds as
    /// written (not cut to whole ones), or the HTTP date with how far off it was.
    func testRetryAfterOverTheMaximumIsQuotedExactly() throws {
        let config = work.appendingPathComponent("retry.json").path
        try #"{"fetch": {"delay_ms": 0, "timeout_s": 5, "retries": 2, "retry_base_ms": 10, "retry_max_ms": 2000}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let list = try writeList([server.base + "/retry-after-decimal", server.base + "/retry-after-date"])
        let result = try CLIRunner.run(["fetch", list, "--warc", "raw", "--config", config], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rejected = try rejects(work.appendingPathComponent("out/rejects.jsonl"))
        XCTAssertEqual(rejected["/retry-after-decimal"]?["reason"] as? String, "HTTP 429 Retry-After 2.5s is over retry_max_ms 2000")
        let dated = try XCTUnwrap(rejected["/retry-after-date"]?["reason"] as? String)
        XCTAssertTrue(dated.hasPrefix("HTTP 503 Retry-After Wed, 21 Oct 2037 07:28:00 GMT ("), dated)
        XCTAssertTrue(dated.hasSuffix("s from now) is over retry_max_ms 2000"), dated)
        XCTAssertEqual(try server.stats()["/retry-after-decimal"], 1, "not retried: the wait asked for is too long")
    }

    /// A page at an IP address or at localhost has no outlet: "0" or "Localhost" names no site.
    func testNoOutletComesFromAnIPAddressOrLocalhost() throws {
        let port = try XCTUnwrap(URLComponents(string: server.base)?.port)
        let list = try writeList([server.base + "/numbered/ip", "http://localhost:\(port)/numbered/local"])
        let output = work.appendingPathComponent("out.jsonl"), rejectsFile = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--config", try writeConfig(#", "output": {"evidence": true}"#), "--urls", list,
                                        "--output", output.path, "--rejects", rejectsFile.path], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.count, 2, result.stderr)
        for record in records {
            XCTAssertTrue(record["outlet"] == nil || record["outlet"] is NSNull, "\(record["url"] ?? "?"): outlet \(record["outlet"] ?? "")")
        }
    }
}
