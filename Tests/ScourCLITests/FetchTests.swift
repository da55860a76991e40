import Foundation
import ScourCore
import XCTest

/// Fetching against a real HTTP server on 127.0.0.1 (Fixtures/http_server.py), through the
/// built binary: archiving, every failure reason, retries, robots.txt, conditional requests.
final class FetchTests: HTTPServerTestCase {

    /// Short timeouts and backoffs so every scenario ends in a few seconds.
    private func writeConfig(_ extra: String = "") throws -> String {
        let path = work.appendingPathComponent("pipeline.json").path
        let text = """
        {"fetch": {"delay_ms": 0, "timeout_s": 1, "connect_timeout_s": 1, "retries": 1, "retry_base_ms": 50,
                   "retry_max_ms": 2000, "max_bytes": 1000000, "concurrency": 8, "per_host": 4}\(extra)}
        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func writeList(_ paths: [String], extra: [String] = []) throws -> String {
        let path = work.appendingPathComponent("list.urls").path
        let lines = ["# fixture URLs"] + paths.map { server.base + $0 } + extra
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `scour fetch` of the fixture paths into `raw/`, with the config given (written if nil).
    private func fetchIntoArchive(_ paths: [String], config: String? = nil) throws -> (result: CLIRunner.Result, raw: URL) {
        let list = try writeList(paths)
        let raw = work.appendingPathComponent("raw")
        let result = try CLIRunner.run(["fetch", list, "--warc", raw.path, "--config", try config ?? writeConfig()], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result, raw)
    }

    private func rejects(_ path: URL) throws -> [String: [String: Any]] {
        var byURL: [String: [String: Any]] = [:]
        for record in try CLIRunner.jsonLines(path) {
            let source = try XCTUnwrap(record["source"] as? String)
            byURL[source.replacingOccurrences(of: server.base, with: "")] = record
        }
        return byURL
    }

    private func documents(inWARCsUnder folder: URL) throws -> [Document] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".warc.gz") }
        XCTAssertEqual(names.count, 1, "one finished archive, no .open leftovers: \(names)")
        var source = WARCSource(path: folder.appendingPathComponent(try XCTUnwrap(names.first)).path)
        var documents: [Document] = []
        while let item = source.next() {
            if case let .document(document) = item { documents.append(document) }
            if case let .rejected(name, rejection) = item { XCTAssertTrue(rejection.reason.contains("HTTP status"), "\(name): \(rejection)") }
        }
        return documents
    }

    func testFetchArchivesPagesAndRejectsEveryFailureWithItsReason() throws {
        let config = try writeConfig()
        let list = try writeList(["/text", "/redirect", "/loop-a", "/missing", "/flaky", "/limited", "/slow", "/big",
                                  "/big-declared", "/image", "/private/page", "/latin1", "/always-500"],
                                 extra: ["ftp://example.com/file", #"{"url": "\#(server.base)/page"}"#])
        let raw = work.appendingPathComponent("raw")
        let started = Date()
        let result = try CLIRunner.run(["fetch", list, "--warc", raw.path, "--config", config], in: work, timeout: 60)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("15 URLs, 6 fetched, 9 rejected"), result.stderr)

        let rejected = try rejects(work.appendingPathComponent("out/rejects.jsonl"))
        XCTAssertEqual(rejected.count, 9, "\(rejected.keys.sorted())")
        XCTAssertEqual(rejected["/missing"]?["reason"] as? String, "HTTP 404")
        XCTAssertEqual(rejected["/missing"]?["status"] as? Int, 404)
        XCTAssertEqual(rejected["/missing"]?["stage"] as? String, "fetch")
        XCTAssertEqual(rejected["/loop-a"]?["reason"] as? String, "more than max_redirects 5 redirects (a loop?)")
        XCTAssertEqual(rejected["/slow"]?["reason"] as? String, "timed out (timeout_s 1, connect_timeout_s 1) after 2 attempts")
        XCTAssertEqual(rejected["/big"]?["reason"] as? String, "body over max_bytes 1000000")
        XCTAssertEqual(rejected["/big-declared"]?["reason"] as? String, "body over max_bytes 1000000")
        XCTAssertEqual(rejected["/image"]?["reason"] as? String, "content type image/png is not HTML or text")
        XCTAssertEqual(rejected["/private/page"]?["reason"] as? String, "disallowed by robots.txt")
        XCTAssertEqual(rejected["/always-500"]?["reason"] as? String, "HTTP 500 after 2 attempts")
        XCTAssertEqual(rejected["/always-500"]?["status"] as? Int, 500)
        XCTAssertEqual(rejected[list + ":15"]?["reason"] as? String, "not an http(s) URL: ftp://example.com/file")

        let stats = try server.stats()
        XCTAssertEqual(stats["/robots.txt"], 1, "robots.txt is fetched once per host")
        XCTAssertNil(stats["/private/page"], "a disallowed path is never requested")
        XCTAssertEqual(stats["/flaky"], 2, "500 then 200: retried once")
        XCTAssertEqual(stats["/limited"], 2, "429 then 200: retried once")
        XCTAssertEqual(stats["/slow"], 2, "a timeout is retried")
        XCTAssertEqual(stats["/missing"], 1, "404 is not retried")
        XCTAssertEqual(stats["/always-500"], 2)
        XCTAssertGreaterThanOrEqual(seconds, 1, "Retry-After: 1 was honoured")
        XCTAssertLessThan(seconds, 30)

        // The archive, read back by Scour: gzip decoded, redirect target recorded, header charset kept.
        let documents = try documents(inWARCsUnder: raw)
        let byURL = Dictionary(documents.map { ($0.metadata.url!.replacingOccurrences(of: server.base, with: ""), $0) },
                               uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(Set(byURL.keys), ["/text", "/flaky", "/limited", "/latin1", "/page"])
        XCTAssertEqual(documents.filter { $0.metadata.url == server.base + "/text" }.count, 2, "/text and /redirect's final response")
        let text = try XCTUnwrap(byURL["/text"])
        XCTAssertEqual(text.format, .text)
        XCTAssertTrue(String(decoding: text.raw ?? [], as: UTF8.self).hasPrefix("The city council approved"))
        XCTAssertEqual(byURL["/page"]?.format, .html)
        let latin = try XCTUnwrap(byURL["/latin1"])
        XCTAssertEqual(latin.declaredCharset, "iso-8859-1")
        XCTAssertEqual(Array(latin.raw!.prefix(4)), [0x43, 0x61, 0x66, 0xE9], "Latin-1 bytes archived as sent")
        XCTAssertTrue(latin.markupHints.contains { $0.origin == .init(.archive) })
    }

    func testRunCleansFetchedPagesAndWritesFailuresToRejects() throws {
        let config = try writeConfig()
        let list = try writeList(["/text", "/redirect", "/latin1", "/missing", "/page"])
        let output = work.appendingPathComponent("out.jsonl"), rejectsFile = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--config", config, "--urls", list, "--output", output.path,
                                        "--rejects", rejectsFile.path, "--jobs", "2"], in: work, timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try CLIRunner.jsonLines(output)
        let bySource = Dictionary(records.map { (($0["source"] as? String ?? "").replacingOccurrences(of: server.base, with: ""), $0) },
                                  uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(bySource["/text"]?["url"] as? String, server.base + "/text")
        XCTAssertEqual(bySource["/redirect"]?["url"] as? String, server.base + "/text", "the final URL after redirects")
        let latin = try XCTUnwrap(bySource["/latin1"]?["text"] as? String)
        XCTAssertTrue(latin.hasPrefix("Café crème."), latin)
        XCTAssertFalse(result.stderr.lowercased().contains("windows-1252"), "the header's charset decoded the page: \(result.stderr)")
        let rejected = try rejects(rejectsFile)
        XCTAssertEqual(rejected["/missing"]?["status"] as? Int, 404)
        // HTML parsing lands separately: until then the page is rejected by the read stage, after fetching.
        if let page = rejected["/page"] {
            XCTAssertEqual(page["stage"] as? String, "read")
        } else {
            XCTAssertNotNil(bySource["/page"])
        }
        XCTAssertEqual(records.count + rejected.count, 5, "every URL ends in output or rejects")
    }

    func testSecondRunAsksConditionallyAndCountsNotModifiedAsUnchanged() throws {
        let config = try writeConfig(#", "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}"#)
        let list = try writeList(["/etag"])
        let first = try CLIRunner.run(["run", "--config", config, "--urls", list], in: work, timeout: 60)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("1 inputs, 1 written, 0 rejected"), first.stderr)
        let second = try CLIRunner.run(["run", "--config", config, "--urls", list], in: work, timeout: 60)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("1 inputs, 0 written, 0 rejected, 1 unchanged"), second.stderr)
        XCTAssertEqual(try server.stats()["/etag"], 2)
        let full = try CLIRunner.run(["run", "--config", config, "--urls", list, "--full"], in: work, timeout: 60)
        XCTAssertTrue(full.stderr.contains("1 inputs, 1 written"), "--full asks unconditionally: \(full.stderr)")
    }

    /// Redirects are followed hop by hop, so robots.txt is asked about every target, on the
    /// same host and on another: a disallowed target is never requested.
    func testRedirectTargetsAreCheckedAgainstTheirHostsRobotsTxt() throws {
        let (result, raw) = try fetchIntoArchive(["/redirect", "/to-private", "/to-other-host"])
        XCTAssertTrue(result.stderr.contains("3 URLs, 1 fetched, 2 rejected"), result.stderr)
        let rejected = try rejects(work.appendingPathComponent("out/rejects.jsonl"))
        XCTAssertEqual(rejected["/to-private"]?["reason"] as? String,
                       "redirected to \(server.base)/private/page, disallowed by robots.txt")
        let port = try XCTUnwrap(URLComponents(string: server.base)?.port)
        XCTAssertEqual(rejected["/to-other-host"]?["reason"] as? String,
                       "redirected to http://localhost:\(port)/private/other, disallowed by robots.txt")
        let stats = try server.stats()
        XCTAssertNil(stats["/private/page"], "a disallowed redirect target is never requested")
        XCTAssertNil(stats["/private/other"])
        XCTAssertEqual(stats["/text"], 1)
        // The other host's robots.txt was read too: two names, two robots.txt requests.
        XCTAssertEqual(stats["/robots.txt"], 2)
        XCTAssertEqual(stats["/redirect"], 1)
        // Read back, the archive gives the one page; its redirect hop is skipped, not rejected.
        let pages = try documents(inWARCsUnder: raw)
        XCTAssertEqual(pages.map { $0.metadata.url }, ["\(server.base)/text"])
        let output = work.appendingPathComponent("again.jsonl"), rejectsFile = work.appendingPathComponent("again-rejects.jsonl")
        let again = try CLIRunner.run(["run", "--config", try writeConfig(), "--input", raw.path, "--output", output.path,
                                       "--rejects", rejectsFile.path], in: work, timeout: 60)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try CLIRunner.jsonLines(output).count, 1)
        XCTAssertEqual(try CLIRunner.jsonLines(rejectsFile).count, 0, "no reject for the 302s or the robots.txt responses")
    }

    /// `scour fetch` with a state asks again conditionally, but its validators vouch only for
    /// the archive: `scour run` on the same state still fetches the page in full and cleans it.
    func testFetchWithStateAsksConditionallyAndKeepsItsValidatorsApartFromRuns() throws {
        let config = try writeConfig(#", "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}"#)
        let list = try writeList(["/etag"])
        let first = try CLIRunner.run(["fetch", list, "--warc", "raw1", "--config", config], in: work, timeout: 60)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("1 URLs, 1 fetched, 0 rejected in"), first.stderr)
        let second = try CLIRunner.run(["fetch", list, "--warc", "raw2", "--config", config], in: work, timeout: 60)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("1 URLs, 0 fetched, 0 rejected, 1 unchanged"), second.stderr)
        XCTAssertEqual(try server.stats()["/etag"], 2)
        // The 304 is in the second archive as a revisit record, not as a response.
        let archive = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("raw2").path)
            .first { $0.hasSuffix(".warc.gz") })
        let reader = try WARCReader(path: work.appendingPathComponent("raw2/\(archive)").path)
        var pageRecords: [String] = []
        while let record = try reader.next(), pageRecords.count < 100 {
            guard record.header["WARC-Target-URI"] == server.base + "/etag", let type = record.header["WARC-Type"] else { continue }
            pageRecords.append(type == "revisit" ? "revisit \(record.header["WARC-Profile"] ?? "")" : type)
        }
        XCTAssertEqual(pageRecords, ["request", "revisit http://netpreserve.org/warc/1.1/revisit/server-not-modified", "metadata"])
        let run = try CLIRunner.run(["run", "--config", config, "--urls", list], in: work, timeout: 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("1 inputs, 1 written"), "the fetch's validators are not the run's: \(run.stderr)")
        let full = try CLIRunner.run(["fetch", list, "--warc", "raw3", "--config", config, "--full"], in: work, timeout: 60)
        XCTAssertTrue(full.stderr.contains("1 URLs, 1 fetched"), "--full asks unconditionally: \(full.stderr)")
        XCTAssertEqual(try server.stats()["/etag"], 4)
    }

    /// A run stopped by SIGINT has fetched pages it never cleaned (read ahead); the next run
    /// must fetch and write them, not take them as unchanged on validators stored too early.
    func testStoppedRunLeavesNoPageUnwrittenBehindA304() throws {
        let config = try writeConfig(#", "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}, "duplicates": {"enabled": false}"#)
        let count = 40
        let list = try writeList((0..<count).map { "/slow-etag/\($0)" })
        let logs = work.appendingPathComponent("stopped")
        let process = try CLIRunner.start(["run", "--config", config, "--urls", list], in: work, logs: logs)
        usleep(700_000)
        XCTAssertEqual(CLIRunner.stop(process, signal: SIGINT, timeout: 60), 0)
        let first = try String(contentsOf: URL(fileURLWithPath: logs.path + ".err"), encoding: .utf8)
        let rest = try CLIRunner.run(["run", "--config", config, "--urls", list], in: work, timeout: 120)
        XCTAssertEqual(rest.status, 0, rest.stderr)
        func written(_ log: String) -> Int {
            guard let range = log.range(of: #"(\d+) written"#, options: .regularExpression) else { return 0 }
            return Int(log[range].split(separator: " ")[0]) ?? 0
        }
        XCTAssertEqual(written(first) + written(rest.stderr), count, "every page written once across the two runs:\n\(first)\n\(rest.stderr)")
    }

    func testWARCFromFetchIsAnInputForRunAndForStdin() throws {
        let config = try writeConfig()
        let (_, raw) = try fetchIntoArchive(["/text", "/latin1", "/missing"], config: config)
        XCTAssertEqual(try CLIRunner.jsonLines(work.appendingPathComponent("out/rejects.jsonl")).count, 1, "the config's rejects file")
        let archive = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: raw.path).first { $0.hasSuffix(".warc.gz") })

        let output = work.appendingPathComponent("out.jsonl"), rejectsFile = work.appendingPathComponent("rejects.jsonl")
        let run = try CLIRunner.run(["run", "--config", config, "--input", raw.path, "--output", output.path,
                                     "--rejects", rejectsFile.path], in: work, timeout: 60)
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.compactMap { $0["url"] as? String }.sorted(), [server.base + "/latin1", server.base + "/text"])
        let rejected = try CLIRunner.jsonLines(rejectsFile).map { "\($0["source"]!) \($0["reason"]!)" }
        XCTAssertTrue(rejected.contains("\(server.base)/missing WARC response has HTTP status 404"), "\(rejected)")
        XCTAssertEqual(rejected.count, 1, "only the 404: the folder holds nothing but the archive")

        let bytes = try Data(contentsOf: raw.appendingPathComponent(archive))
        let streamed = try CLIRunner.run(["run", "--config", config, "--stdin", "--stdin-format", "warc", "--stdout"],
                                         in: work, timeout: 60, stdin: bytes)
        XCTAssertEqual(streamed.status, 0, streamed.stderr)
        XCTAssertEqual(streamed.stdout.split(separator: "\n").count, 2, streamed.stdout)
    }

    func testPerHostLimitAndCrawlDelayArePolite() throws {
        let config = try writeConfig()
        let held = try writeList((0..<6).map { "/hold?\($0)" })
        let first = try CLIRunner.run(["fetch", held, "--warc", work.appendingPathComponent("raw").path, "--config", config],
                                      in: work, timeout: 60)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("6 URLs, 6 fetched"), first.stderr)
        let most = try XCTUnwrap(try server.stats()["max_in_flight"])
        XCTAssertLessThanOrEqual(most, 4, "per_host 4 caps transfers to the host")
        XCTAssertGreaterThan(most, 1, "transfers do run in parallel")

        // robots.txt gives agent "slowbot" a Crawl-delay of 1s: three pages take at least 3s after robots.txt.
        let slow = try writeConfig()
        var text = try String(contentsOfFile: slow, encoding: .utf8)
        text = text.replacingOccurrences(of: #""delay_ms": 0"#, with: #""delay_ms": 0, "user_agent": "SlowBot/1.0""#)
        try text.write(toFile: slow, atomically: true, encoding: .utf8)
        let list = try writeList(["/text", "/latin1", "/page"])
        let started = Date()
        let result = try CLIRunner.run(["fetch", list, "--warc", work.appendingPathComponent("raw2").path, "--config", slow],
                                       in: work, timeout: 60)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("3 URLs, 3 fetched"), result.stderr)
        XCTAssertGreaterThanOrEqual(seconds, 3, "Crawl-delay spaced the requests")
        XCTAssertLessThan(seconds, 20)
    }

    func testFetchConfigErrorsNameTheKeyAndAllowedValues() throws {
        let path = work.appendingPathComponent("bad.json").path
        try #"{"fetch": {"concurency": 4, "robots": "yes", "timeout_s": 0}, "urls": "list.txt"}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["validate", path], in: work)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("fetch.concurency (line 1): unknown key; allowed: concurrency"), result.stderr)
        XCTAssertTrue(result.stderr.contains("fetch.robots (line 1): expected true or false, got \"yes\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("fetch.timeout_s (line 1): 0.0 is out of range"), result.stderr)
        XCTAssertTrue(result.stderr.contains("urls (line 1): expected a list of strings"), result.stderr)
    }
}
