import Foundation
import ScourCore
import XCTest

/// Scour's archives as other tools need them: a 304 on a later fetch is a revisit record
/// naming the earlier capture (WARC-Refers-To, -Date, -Target-URI), so pywb can replay it.
final class WARCRevisitTests: HTTPServerTestCase {

    private func records(in folder: String) throws -> [WARCRecord] {
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent(folder).path)
            .first { $0.hasSuffix(".warc.gz") })
        let reader = try WARCReader(path: work.appendingPathComponent("\(folder)/\(name)").path)
        var found: [WARCRecord] = []
        while let record = try reader.next(), found.count < 100 { found.append(record) }
        return found
    }

    func testRevisitRecordRefersToTheEarlierCapture() throws {
        let config = work.appendingPathComponent("pipeline.json").path
        try #"{"fetch": {"delay_ms": 0, "timeout_s": 2, "retries": 0}, "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let list = work.appendingPathComponent("list.urls").path
        try "\(server.base)/etag\n".write(toFile: list, atomically: true, encoding: .utf8)
        for folder in ["raw1", "raw2"] {
            let result = try CLIRunner.run(["fetch", list, "--warc", folder, "--config", config], in: work, timeout: 60)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let target = server.base + "/etag"
        let original = try XCTUnwrap(try records(in: "raw1").first { $0.header["WARC-Type"] == "response" && $0.header["WARC-Target-URI"] == target })
        let revisit = try XCTUnwrap(try records(in: "raw2").first { $0.header["WARC-Type"] == "revisit" })
        XCTAssertEqual(revisit.header["WARC-Refers-To-Target-URI"], target)
        XCTAssertEqual(revisit.header["WARC-Refers-To-Date"], original.header["WARC-Date"])
        XCTAssertEqual(revisit.header["WARC-Refers-To"], original.header["WARC-Record-ID"])
        XCTAssertEqual(revisit.header["WARC-Payload-Digest"], original.header["WARC-Payload-Digest"], "pywb finds the payload by it")
    }
}

/// WARCs written by other tools read by `scour run` with every page's text equal to reading
/// the same pages from disk: warcio's writer (raw chunked + gzip, de-chunked with the header
/// kept, raw deflate) and `wget --warc-file` against the test server.
final class WARCInteropTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDown() {
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    /// The virtualenv scripts/warcio-venv.sh makes (cached in .build/venv-warcio); a skip only
    /// when it genuinely cannot be made here.
    private func warcioVenv() throws -> String {
        let result = try runTool(["/bin/bash", CLIRunner.repoRoot.appendingPathComponent("scripts/warcio-venv.sh").path], timeout: 300)
        let venv = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, FileManager.default.isExecutableFile(atPath: venv + "/bin/python") else {
            throw XCTSkip("warcio virtualenv could not be made (python3 -m venv / pip install warcio failed): \(result.stderr.suffix(300))")
        }
        return venv
    }

    /// Texts of a run's output, sorted, keyed by nothing but the text (sources differ).
    private func texts(of input: String, _ name: String) throws -> [String] {
        let output = work.appendingPathComponent("\(name).jsonl")
        let result = try CLIRunner.run(["run", "--input", input, "--output", output.path,
                                        "--rejects", work.appendingPathComponent("\(name)-rejects.jsonl").path], in: work, timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try CLIRunner.jsonLines(output).compactMap { $0["text"] as? String }.sorted()
    }

    /// HTML pages made from the seed texts: distinct, long enough to be written.
    private func writePages() throws -> URL {
        let pages = work.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let seeds = CLIRunner.repoRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted().prefix(8)
        for (index, name) in names.enumerated() {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let paragraphs = text.components(separatedBy: "\n").filter { !$0.isEmpty }.map { "<p>\($0)</p>" }.joined(separator: "\n")
            let html = "<!doctype html><html><head><title>Page \(index)</title></head><body><article>\(paragraphs)</article></body></html>"
            try html.write(to: pages.appendingPathComponent("page\(index).html"), atomically: true, encoding: .utf8)
        }
        return pages
    }

    func testWarcioWrittenForeignPayloadFormsReadAsFromDisk() throws {
        let venv = try warcioVenv()
        let pages = try writePages()
        let archive = work.appendingPathComponent("warcio.warc.gz")
        let script = CLIRunner.repoRoot.appendingPathComponent("Tests/ScourCLITests/Fixtures/warcio_fixtures.py")
        let made = try runTool([venv + "/bin/python", script.path, pages.path, archive.path, "http://example.com"], timeout: 120)
        XCTAssertEqual(made.status, 0, made.stderr)
        let fromDisk = try texts(of: pages.path, "disk")
        XCTAssertGreaterThanOrEqual(fromDisk.count, 4, "most seed pages are written (short ones are rejected alike)")
        XCTAssertEqual(try texts(of: archive.path, "warcio"), fromDisk)
        XCTAssertEqual(try CLIRunner.jsonLines(work.appendingPathComponent("warcio-rejects.jsonl")).count,
                       try CLIRunner.jsonLines(work.appendingPathComponent("disk-rejects.jsonl")).count)
    }

    func testScourArchivePassesWarcioCheck() throws {
        _ = try warcioVenv()
        let server = TestHTTPServer()
        try server.start()
        defer { server.stop() }
        let list = work.appendingPathComponent("list.urls").path
        try "\(server.base)/page\n\(server.base)/text\n\(server.base)/latin1\n".write(toFile: list, atomically: true, encoding: .utf8)
        let fetched = try CLIRunner.run(["fetch", list, "--warc", "raw"], in: work, timeout: 60)
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("raw").path).first)
        let check = try runTool(["/bin/bash", CLIRunner.repoRoot.appendingPathComponent("scripts/warcio-check.sh").path,
                                       work.appendingPathComponent("raw/\(name)").path], timeout: 120)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("ok"), check.stdout)
    }

    func testWgetWARCReadAsTheFilesWgetSaved() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wget") else {
            throw XCTSkip("wget is not installed (scripts/install-deps.sh installs it)")
        }
        let server = TestHTTPServer()
        try server.start()
        defer { server.stop() }
        let list = work.appendingPathComponent("list.urls").path
        try "\(server.base)/page\n\(server.base)/latin1\n".write(toFile: list, atomically: true, encoding: .utf8)
        let disk = work.appendingPathComponent("disk")
        let wget = try runTool(["/usr/bin/wget", "-q", "--no-config", "--compression=auto", "--adjust-extension", "-nd",
                                      "-P", disk.path, "--warc-file", work.appendingPathComponent("wget").path, "-i", list], timeout: 60)
        XCTAssertEqual(wget.status, 0, wget.stderr)
        // wget names the text page without an extension: give it one so a folder run reads it.
        try FileManager.default.moveItem(at: disk.appendingPathComponent("latin1"), to: disk.appendingPathComponent("latin1.txt"))
        let fromDisk = try texts(of: disk.path, "disk")
        XCTAssertEqual(fromDisk.count, 2)
        let fromWARC = try texts(of: work.appendingPathComponent("wget.warc.gz").path, "wget")
        XCTAssertEqual(fromWARC, fromDisk, "robots.txt, the request records and wget's log record are not pages")
        XCTAssertEqual(try CLIRunner.jsonLines(work.appendingPathComponent("wget-rejects.jsonl")).count, 0)
    }
}

/// A folder mirrored by the real wget (`-r`, no `--adjust-extension`, no decompression): pages
/// saved as `index.php` and `story.php?id=3`, one saved gzip-compressed as the server sent it,
/// and a style sheet. Every page becomes a document; the style sheet is a reject by name, and
/// the robots.txt wget saves too is a reject with its reason.
final class WgetMirrorTests: XCTestCase {
    func testAWgetMirrorIsReadPageByPage() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wget") else {
            throw XCTSkip("wget is not installed (scripts/install-deps.sh installs it)")
        }
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let server = TestHTTPServer()
        try server.start()
        defer { server.stop() }
        let mirror = work.appendingPathComponent("mirror")
        let wget = try runTool(["/usr/bin/wget", "-q", "--no-config", "-r", "-l", "2", "-np", "-nH", "--compression=none",
                                "-P", mirror.path, "\(server.base)/mirror/index.php"], timeout: 60)
        XCTAssertEqual(wget.status, 0, wget.stderr)
        let saved = try FileManager.default.contentsOfDirectory(atPath: mirror.appendingPathComponent("mirror").path).sorted()
        XCTAssertEqual(saved, ["index.php", "packed.html", "site.css", "story.php?id=3"])
        let output = work.appendingPathComponent("o.jsonl"), rejects = work.appendingPathComponent("r.jsonl")
        let result = try CLIRunner.run(["run", "--input", mirror.path, "--output", output.path, "--rejects", rejects.path], timeout: 60)
        XCTAssertEqual(result.status, 0, result.stderr)
        let titles = try CLIRunner.jsonLines(output).compactMap { $0["title"] as? String }.sorted()
        XCTAssertEqual(titles, ["Council budget", "Road repairs", "Spring review"], result.stderr)
        let rejected = Set(try CLIRunner.jsonLines(rejects).map { line -> String in
            let name = ((line["source"] as? String ?? "") as NSString).lastPathComponent
            return name + ": " + (line["reason"] as? String ?? "")
        })
        // wget saves the site's robots.txt beside the pages: a text file with no prose.
        XCTAssertEqual(rejected, ["site.css: unsupported file type .css", "robots.txt: no body text left after cleaning"])
        XCTAssertTrue(result.stderr.contains("packed.html: content was gzip-compressed"), result.stderr)
    }
}

/// Runs a tool other than scour (wget, python, a script), bounded in time, output in files.
func runTool(_ arguments: [String], timeout: TimeInterval) throws -> CLIRunner.Result {
    try CLIRunner.runProcess(URL(fileURLWithPath: arguments[0]), Array(arguments.dropFirst()), in: nil, timeout: timeout,
                             name: arguments[0])
}
