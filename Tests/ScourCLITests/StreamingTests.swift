import Foundation
import XCTest

/// The unit an engine runs: records in on stdin, cleaned JSONL out on stdout; and shards.
final class StreamingTests: XCTestCase {
    func testStdinRecordsToStdoutWithRejectsOnStderr() throws {
        let seed = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("seeds/001_99100116381ce573.txt"), encoding: .utf8)
        let records = [
            try JSONSerialization.data(withJSONObject: ["source": "wire/1", "text": seed, "format": "markdown"]),
            Data("{\"source\": \"wire/2\"}".utf8),
            Data("this is not json".utf8),
        ]
        let input = records.reduce(Data()) { $0 + $1 + Data("\n".utf8) }
        let result = try CLIRunner.run(["run", "--stdin", "--stdout"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout.split(separator: "\n")
        XCTAssertEqual(out.count, 1)
        let record = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out[0].utf8)) as? [String: Any])
        XCTAssertEqual(record["source"] as? String, "wire/1")
        XCTAssertEqual(record["authors"] as? [String], ["Marianna Belenkaya"])
        let errLines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(errLines.contains(#"{"source":"wire/2","reason":"record has neither \"html\" nor \"text\"","stage":"input"}"#), result.stderr)
        XCTAssertTrue(errLines.contains(#"{"source":"stdin:3","reason":"not a JSON object","stage":"input"}"#), result.stderr)
        XCTAssertTrue(result.stderr.contains("3 inputs, 1 written, 2 rejected"))
    }

    /// Output is written on its own thread while workers clean the next batch: a full disk met
    /// there still stops the run with an error naming stdout and the cause, and nothing hangs.
    func testFullStdoutStopsTheRunWithItsCause() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let seed = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("seeds/001_99100116381ce573.txt"), encoding: .utf8)
        for index in 0..<100 {
            let text = seed + "\n\nClosing note number \(index), so that copy \(index) is a story of its own.\n"
            try Data(text.utf8).write(to: inputs.appendingPathComponent(String(format: "page-%03d.txt", index)))
        }
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("this system has no /dev/full") }
        defer { try? full.close() }
        let logs = work.appendingPathComponent("full")
        let process = try CLIRunner.start(["run", "--input", inputs.path, "--stdout", "--jobs", "2"], logs: logs, standardOutput: full)
        XCTAssertEqual(CLIRunner.stop(process, timeout: 60), 74, "EX_IOERR")
        let log = try String(contentsOf: URL(fileURLWithPath: logs.path + ".err"), encoding: .utf8)
        XCTAssertTrue(log.contains("stdout: cannot write output"), log)
        XCTAssertTrue(log.contains("No space left on device"), log)
    }

    /// A producer that keeps stdin open and goes quiet must not hold a stop: SIGTERM ends the run
    /// (the records already read are written) within the wait's slice, for JSONL and WARC input.
    func testSIGTERMEndsARunWhoseStdinStaysOpenAndQuiet() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let story = "The council met on a rainy evening to decide on the new library, and members spoke for hours about its cost."
        for format in ["jsonl", "warc"] {
            let stdin = Pipe()
            defer { try? stdin.fileHandleForWriting.close() }
            let logs = work.appendingPathComponent("quiet-\(format)")
            let output = work.appendingPathComponent("out-\(format).jsonl")
            let process = try CLIRunner.start(["run", "--stdin", "--stdin-format", format, "--output", output.path,
                                               "--rejects", work.appendingPathComponent("r-\(format).jsonl").path, "--jobs", "1"],
                                              logs: logs, standardInput: stdin)
            if format == "jsonl" {
                for index in 0..<2 {
                    let record = try JSONSerialization.data(withJSONObject: ["source": "wire/\(index)", "text": "Vote \(index)\n\n\(story) Vote \(index)."])
                    try stdin.fileHandleForWriting.write(contentsOf: record + Data("\n".utf8))
                }
            }
            // Wait (bounded) until the run has taken both records out of the pipe: on a loaded
            // machine a fixed pause can end before the process has even started reading.
            XCTAssertTrue(Self.waitUntilDrained(stdin, timeout: 20), "\(format): the run never read its stdin")
            usleep(500_000)
            let started = Date()
            XCTAssertEqual(CLIRunner.stop(process, signal: SIGTERM, timeout: 20), 0, format)
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(format): the stop waited for stdin")
            let log = try String(contentsOf: URL(fileURLWithPath: logs.path + ".err"), encoding: .utf8)
            XCTAssertTrue(log.contains("(stopped by SIGTERM)"), log)
            if format == "jsonl" {
                XCTAssertEqual(try CLIRunner.jsonLines(output).compactMap { $0["source"] as? String }, ["wire/0", "wire/1"])
            }
        }
    }

    /// Whether the pipe's unread bytes reached zero within `timeout` (Linux answers FIONREAD on either end).
    static func waitUntilDrained(_ pipe: Pipe, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var unread: Int32 = 0
            guard ioctl(pipe.fileHandleForWriting.fileDescriptor, UInt(FIONREAD), &unread) == 0 else { return false }
            if unread == 0 { return true }
            usleep(20_000)
        }
        return false
    }

    /// A producer that keeps stdin open must not hold a run whose output has failed: once a
    /// write fails, the run reads no more and ends with the error.
    func testFullStdoutEndsTheRunWhileStdinStaysOpen() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var records = Data()
        for index in 0..<40 {
            let text = "Library vote number \(index)\n\nThe council met on a rainy evening to decide on new library number \(index), "
                + "and members spoke for hours about its cost.\n\nSupporters said the building near the river would hold "
                + "\(1000 + index) books and give children a quiet place to read after school.\n\nOpponents asked whether the "
                + "town could pay for staff in year \(2000 + index), and the vote was put off until the spring meeting."
            records += try JSONSerialization.data(withJSONObject: ["source": "wire/\(index)", "text": text]) + Data("\n".utf8)
        }
        // Two batches and more, under a pipe's buffer, so writing them here cannot block.
        XCTAssertLessThan(records.count, 60_000)
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("this system has no /dev/full") }
        defer { try? full.close() }
        let stdin = Pipe()
        defer { try? stdin.fileHandleForWriting.close() }
        let logs = work.appendingPathComponent("open")
        let process = try CLIRunner.start(["run", "--stdin", "--stdout", "--jobs", "1"], logs: logs, standardOutput: full, standardInput: stdin)
        try stdin.fileHandleForWriting.write(contentsOf: records)
        XCTAssertEqual(CLIRunner.stop(process, timeout: 30), 74, "ended with EX_IOERR while stdin was still open")
        let log = try String(contentsOf: URL(fileURLWithPath: logs.path + ".err"), encoding: .utf8)
        XCTAssertTrue(log.contains("stdout: cannot write output"), log)
    }

    func testShardsPartitionTheInputsWithoutOverlap() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        var sources: [String] = []
        for index in 0..<3 {
            let output = work.appendingPathComponent("shard-\(index).jsonl")
            let result = try CLIRunner.run(["run", "--input", "seeds/", "--shard", "\(index)/3", "--output", output.path,
                                            "--rejects", work.appendingPathComponent("r\(index).jsonl").path])
            XCTAssertEqual(result.status, 0, result.stderr)
            sources += try CLIRunner.jsonLines(output).compactMap { $0["source"] as? String }
        }
        XCTAssertEqual(sources.sorted(), try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repoRoot.appendingPathComponent("seeds").path)
            .sorted().map { "seeds/\($0)" })
        let bad = try CLIRunner.run(["run", "--shard", "3/3"])
        XCTAssertNotEqual(bad.status, 0)
    }
}
