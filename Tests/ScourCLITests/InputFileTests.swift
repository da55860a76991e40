import Foundation
@testable import ScourCore
import XCTest

/// Input files read with bounded memory and named without loss: gzip bombs, files over
/// `max_bytes`, empty files and file names that are not UTF-8, through the real binary.
final class InputFileTests: XCTestCase {
    var work: URL!
    var inputs: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func run(_ extra: [String] = []) throws -> (CLIRunner.Result, [[String: Any]], [[String: Any]]) {
        let output = work.appendingPathComponent("o.jsonl"), rejects = work.appendingPathComponent("r.jsonl")
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--output", output.path, "--rejects", rejects.path] + extra,
                                       timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result, try CLIRunner.jsonLines(output), try CLIRunner.jsonLines(rejects))
    }

    func testGzipBombIsRejectedAtMaxBytesWithoutInflatingIt() throws {
        // 1 GiB of zeros as 64 concatenated gzip members of 16 MiB each (about 1 MB on disk):
        // concatenated members are one stream, so the reader sees a 1 GiB page.
        let member = try XCTUnwrap(GzipMember.compress([UInt8](repeating: 0, count: 16 << 20), level: 9))
        var bomb = Data()
        for _ in 0..<64 { bomb.append(contentsOf: member) }
        try bomb.write(to: inputs.appendingPathComponent("zeros.html.gz"))
        let paragraph = "<p>The council met on Tuesday evening to discuss the new budget for the town, and members agreed on most points after a long debate.</p>"
        let page = "<html><head><title>Budget</title></head><body><article><h1>Budget agreed</h1>"
            + String(repeating: paragraph, count: 4) + "</article></body></html>"
        try Data(try XCTUnwrap(GzipMember.compress(Array(page.utf8)))).write(to: inputs.appendingPathComponent("page.html.gz"))

        let (_, written, rejected) = try run()
        XCTAssertEqual(written.map { $0["source"] as? String }, [inputs.path + "/page.html.gz"])
        XCTAssertEqual(rejected.count, 1)
        XCTAssertEqual(rejected.first?["source"] as? String, inputs.path + "/zeros.html.gz")
        XCTAssertEqual(rejected.first?["reason"] as? String, "gunzipped input is over max_bytes 67108864")
        XCTAssertEqual(rejected.first?["stage"] as? String, "read")
        // The same run once more, measured alone: its peak stays far below the bomb's 1 GiB.
        let peak = try peakResidentKiB(["run", "--input", inputs.path, "--output", "/dev/null", "--rejects", "/dev/null"])
        XCTAssertGreaterThan(peak, 1024, "the child was measured")
        XCTAssertLessThan(peak, 300 * 1024, "peak resident KiB of scour on a gzip bomb")
    }

    /// Runs scour (output discarded) under a small python3 parent and returns scour's peak
    /// resident set. Not wait4 from this process: glibc's posix_spawn starts the child with
    /// vfork, and Linux carries the parent's high-water mark into the child's ru_maxrss at
    /// exec, so a big test process would be measured instead of scour.
    func peakResidentKiB(_ arguments: [String]) throws -> Int {
        let measure = """
            import resource, subprocess, sys
            status = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL).returncode
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let result = try CLIRunner.runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                              ["python3", "-c", measure, try CLIRunner.binary.path] + arguments,
                                              in: nil, timeout: 60, name: "python3 measuring scour")
        XCTAssertEqual(result.status, 0, result.stderr)
        let fields = result.stdout.split(whereSeparator: \.isWhitespace)
        XCTAssertEqual(fields.first, "0", "exit status of scour")
        return try XCTUnwrap(fields.last.flatMap { Int($0) }, result.stdout)
    }

    func testFileOverMaxBytesIsRejectedFromItsSizeUnread() throws {
        // A sparse 64 GiB file: reading it whole would exhaust memory, so only its size can reject it.
        let huge = inputs.appendingPathComponent("huge.html")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 64 << 30)
        try handle.close()
        try Data("A short text that fits well within the limit of this run today.\n".utf8)
            .write(to: inputs.appendingPathComponent("small.txt"))
        let config = work.appendingPathComponent("p.json")
        try Data(#"{"stages": [{"stage": "read", "max_bytes": 1000}, {"stage": "normalize"}]}"#.utf8).write(to: config)

        let (_, written, rejected) = try run(["--config", config.path])
        XCTAssertEqual(written.count, 1)
        XCTAssertEqual(rejected.first?["reason"] as? String, "input is \(64 << 30) bytes, over max_bytes 1000")
        XCTAssertEqual(rejected.first?["stage"] as? String, "read")
    }

    func testEmptyPagesAndFIFOsAreRejectedWithTheirReason() throws {
        FileManager.default.createFile(atPath: inputs.appendingPathComponent("empty.html").path, contents: Data())
        XCTAssertEqual(mkfifo(inputs.appendingPathComponent("pipe.html").path, 0o644), 0)
        let (_, written, rejected) = try run()
        XCTAssertEqual(written.count, 0)
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map {
            (($0["source"] as! String as NSString).lastPathComponent, $0["reason"] as! String)
        })
        XCTAssertEqual(reasons, ["empty.html": "empty file", "pipe.html": "not a regular file (a FIFO)"])
    }

    func testNamesThatAreNotUTF8KeepTheirBytesAndNeverShareASource() throws {
        let text = "Here is a paragraph of plain text with enough words in it to be kept by every stage.\n"
        // Latin-1 "café", UTF-8 "café", and a UTF-8 name that spells the escape literally.
        let names: [[UInt8]] = [Array("caf".utf8) + [0xE9] + Array(".txt".utf8), Array("café.txt".utf8),
                                Array("caf\\xE9.txt".utf8)]
        for (index, name) in names.enumerated() {
            let path = Array(inputs.path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            XCTAssertGreaterThanOrEqual(fd, 0)
            let body = Array((text + "This is file number \(index).\n").utf8)
            XCTAssertEqual(body.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, body.count)
            close(fd)
        }
        let (_, written, rejected) = try run()
        XCTAssertEqual(rejected.count, 0)
        let sources = written.compactMap { $0["source"] as? String }.map { String($0.dropFirst(inputs.path.count + 1)) }
        XCTAssertEqual(Set(sources), ["caf\\xE9.txt", "café.txt", "caf\\\\xE9.txt"])
        // Each source names its own file: the text read is that file's.
        for record in written {
            let source = try XCTUnwrap(record["source"] as? String)
            let index = try XCTUnwrap(names.firstIndex { SourceName.bytes(of: source).suffix($0.count).elementsEqual($0) })
            XCTAssertTrue((record["text"] as? String)?.contains("file number \(index)") == true, source)
        }
    }
    func testANameThatIsNotUTF8IsUnchangedOnTheNextIncrementalRun() throws {
        let path = Array(inputs.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        let body = Array("Here is a paragraph of plain text with enough words in it to be kept by every stage.\n".utf8)
        XCTAssertEqual(body.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, body.count)
        close(fd)
        let config = work.appendingPathComponent("cron.json")
        try Data("""
        {"inputs": ["\(inputs.path)"], "output": {"layout": "runs", "dir": "\(work.path)/out"},
         "state": {"enabled": true, "path": "\(work.path)/out/.scour/state.sqlite"}}
        """.utf8).write(to: config)
        let first = try CLIRunner.run(["run", "--config", config.path])
        XCTAssertTrue(first.stderr.contains("1 inputs, 1 written, 0 rejected"), first.stderr)
        // The state found the file again by its escaped source: its size and time are unchanged.
        let second = try CLIRunner.run(["run", "--config", config.path])
        XCTAssertTrue(second.stderr.contains("1 inputs, 0 written, 0 rejected, 1 unchanged"), second.stderr)
    }

    /// A wget mirror: server-side pages saved as `.php`/`.aspx`, a query kept in a file name, a
    /// text file gzipped, a `.gz` that is not gzip. Pages are read as HTML with a note; files that
    /// are no page are rejects with their type, images and styles by name without being read.
    func testAMirrorsServerSidePagesAreReadAndItsOtherFilesNamed() throws {
        let story = "The council met on Tuesday to discuss the new harbour budget, which has been delayed for months by disputes."
        let page = "<!DOCTYPE html><html><head><title>Harbour</title></head><body><article><p>\(story)</p><p>\(story) Again.</p></article></body></html>"
        for name in ["news.php", "story.aspx", "index.html?id=3", "plain.html.gz"] {
            try Data(page.utf8).write(to: inputs.appendingPathComponent(name))
        }
        try Data("\(story)\n\nA second paragraph about the harbour and its budget, for the record.\n".utf8).write(to: inputs.appendingPathComponent("notes.text"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", inputs.appendingPathComponent("notes.text").path]
        try gzip.run()
        gzip.waitUntilExit()
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("notes.text"))
        try Data("body { color: red }".utf8).write(to: inputs.appendingPathComponent("site.css"))
        try Data("2026-12-06 GET /news.php 200\n".utf8).write(to: inputs.appendingPathComponent("access.log"))
        let (result, written, rejected) = try run()
        let sources = Set(written.compactMap { ($0["source"] as? String).map { ($0 as NSString).lastPathComponent } })
        XCTAssertEqual(sources, ["news.php", "story.aspx", "index.html?id=3", "plain.html.gz", "notes.text.gz"], "\(rejected)")
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map { (($0["source"] as! String as NSString).lastPathComponent, $0["reason"] as! String) })
        XCTAssertEqual(reasons, ["site.css": "unsupported file type .css", "access.log": "unsupported file type .log"])
        XCTAssertTrue(result.stderr.contains("news.php: a .php file that starts like an HTML page; read as HTML"), result.stderr)
        XCTAssertTrue(result.stderr.contains("plain.html.gz: named .gz but not gzip-compressed; read as it is"), result.stderr)
    }
}
