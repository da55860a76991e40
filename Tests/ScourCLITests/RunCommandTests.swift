import Foundation
import XCTest

/// End to end: the real binary on real files.
final class RunCommandTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func testDefaultPipelineOverSeedsWritesFiveRecords() throws {
        let output = work.appendingPathComponent("today.jsonl")
        let result = try CLIRunner.run(["run", "--config", "pipeline.json", "--input", "seeds/",
                                        "--output", output.path, "--rejects", work.appendingPathComponent("rejects.jsonl").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("5 inputs, 5 written, 0 rejected"), result.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.map { $0["source"] as? String }, (0...4).map { index in
            let names = ["000_c6cf82f3579e74d0", "001_99100116381ce573", "002_0590f4f53f5e7073", "003_28e33c959340ae16", "004_7bb2d4ab16e718ca"]
            return "seeds/\(names[index]).txt"
        })
        XCTAssertEqual(records[1]["authors"] as? [String], ["Marianna Belenkaya"])
        XCTAssertEqual(records[3]["tags"] as? [String], ["Note", "political", "top news"])
        // Seed 003's outlet dateline ("Strategic Council Online - During …") is its outlet, not its body.
        XCTAssertEqual(records[3]["outlet"] as? String, "Strategic Council Online")
        XCTAssertTrue((records[3]["text"] as? String)?.hasPrefix("During the recent visit of the Palestinian Foreign Minister") == true)
        XCTAssertTrue(records.allSatisfy { ($0["schema_version"] as? Int) == 1 })
        // No temporary files are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testVerboseReportsWhatEachStageDid() throws {
        let result = try CLIRunner.run(["run", "--input", "seeds/", "--verbose", "--output", work.appendingPathComponent("o.jsonl").path,
                                        "--rejects", work.appendingPathComponent("r.jsonl").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("  read: in 5, kept 5, rejected 0"), result.stderr)
        let boilerplate = try XCTUnwrap(lines.first { $0.hasPrefix("  boilerplate: in 5, kept 5, rejected 0; removed ") })
        XCTAssertTrue(boilerplate.contains("share=9"), boilerplate)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  metadata: ") && $0.contains("title=5") })
    }

    func testSameInputsGiveByteIdenticalOutput() throws {
        // Also across parallelism: one worker and several give the same bytes.
        let first = work.appendingPathComponent("a.jsonl"), second = work.appendingPathComponent("b.jsonl")
        for (output, jobs) in [(first, "1"), (second, "3")] {
            let result = try CLIRunner.run(["run", "--jobs", jobs, "--input", "seeds/", "--output", output.path,
                                            "--rejects", work.appendingPathComponent("r.jsonl").path])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testInputsMixFilesAndFoldersAndEvidenceIsWritten() throws {
        let config = work.appendingPathComponent("p.json")
        try Data(#"{"output": {"evidence": true}}"#.utf8).write(to: config)
        let output = work.appendingPathComponent("o.jsonl")
        let result = try CLIRunner.run(["run", "--config", config.path, "--input", "seeds/001_99100116381ce573.txt",
                                        "--input", "seeds/004_7bb2d4ab16e718ca.txt", "--output", output.path,
                                        "--rejects", work.appendingPathComponent("r.jsonl").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try CLIRunner.jsonLines(output)
        XCTAssertEqual(records.count, 2)
        let evidence = try XCTUnwrap(records[0]["evidence"] as? [String: [String: Any]])
        XCTAssertEqual(evidence["authors"]?["rule"] as? String, "byline")
        XCTAssertEqual(evidence["authors"]?["line"] as? Int, 7)
        XCTAssertEqual(evidence["url"]?["rule"] as? String, "original-url-line")
    }

    func testBadInputsGoToRejectsWithReasonsAndTheRunGoesOn() throws {
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00]).write(to: inputs.appendingPathComponent("binary.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        try Data("Share on facebook\n\nShare on twitter\n".utf8).write(to: inputs.appendingPathComponent("all-boilerplate.txt"))
        try Data("image".utf8).write(to: inputs.appendingPathComponent("photo.png"))
        // An article whose body a script loads: nothing left but its menu, yet its metadata is kept with the reject.
        let shell = "<html><head><title>Harbour plan approved</title><meta property=\"article:published_time\" content=\"2026-11-30T09:00:00+01:00\">"
            + "<link rel=\"canonical\" href=\"https://harbour.example/plan\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            + "<h1>Harbour plan approved</h1><div id=\"story\"></div></body></html>"
        try Data(shell.utf8).write(to: inputs.appendingPathComponent("script-body.html"))
        // Windows-1252 text: decoded with a note, not rejected.
        let latin = "Caf\u{E9} owners say the new rules, which start next month, will change how they work every day.\n"
        try Data(latin.unicodeScalars.map { UInt8($0.value) }).write(to: inputs.appendingPathComponent("latin1.txt"))
        let unreadable = inputs.appendingPathComponent("locked.txt")
        try Data("secret".utf8).write(to: unreadable)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable.path)
        let canRead = FileManager.default.isReadableFile(atPath: unreadable.path) // root reads anything

        let output = work.appendingPathComponent("o.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--input", work.appendingPathComponent("nope.txt").path,
                                        "--output", output.path, "--rejects", rejects.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try CLIRunner.jsonLines(output)
        let rejected = try CLIRunner.jsonLines(rejects)
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map {
            (($0["source"] as! String as NSString).lastPathComponent, $0["reason"] as! String)
        })
        XCTAssertEqual(reasons["binary.txt"], "binary content, not text")
        XCTAssertEqual(reasons["empty.txt"], "empty file")
        XCTAssertEqual(reasons["all-boilerplate.txt"], "no body text left after cleaning")
        XCTAssertEqual(reasons["photo.png"], "unsupported file type .png")
        XCTAssertEqual(reasons["nope.txt"], "no such file or folder")
        XCTAssertEqual(reasons["script-body.html"], "no body text left after cleaning")
        let shellReject = try XCTUnwrap(rejected.first { ($0["source"] as? String)?.hasSuffix("script-body.html") == true })
        let found = try XCTUnwrap(shellReject["metadata"] as? [String: Any], "\(shellReject)")
        XCTAssertEqual(found["title"] as? String, "Harbour plan approved")
        XCTAssertEqual(found["date"] as? String, "2026-11-30")
        XCTAssertEqual(found["url"] as? String, "https://harbour.example/plan")
        XCTAssertNil(rejected.first { ($0["source"] as? String)?.hasSuffix("empty.txt") == true }?["metadata"], "no metadata where none was read")
        if !canRead { XCTAssertNotNil(reasons["locked.txt"]) }
        XCTAssertTrue(rejected.allSatisfy { $0["stage"] is String })
        // Every input is accounted for: written or rejected.
        XCTAssertEqual(written.count + rejected.count, 8)
        XCTAssertTrue(written.contains { ($0["text"] as? String)?.hasPrefix("Café owners") == true })
        XCTAssertTrue(result.stderr.contains("latin1.txt: no usable charset declared and not valid UTF-8; decoded as windows-1252"), result.stderr)
        XCTAssertTrue(result.stderr.contains("8 inputs, \(written.count) written, \(rejected.count) rejected"), result.stderr)
    }

    func testUnwritableOutputIsAClearErrorAndLeavesNothingBehind() throws {
        let locked = work.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        // A regular file where the output folder should be cannot be written through, even by root.
        let blocker = work.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        let result = try CLIRunner.run(["run", "--input", "seeds/", "--output", blocker.path + "/out.jsonl",
                                        "--rejects", work.appendingPathComponent("r.jsonl").path])
        XCTAssertEqual(result.status, 74)
        XCTAssertTrue(result.stderr.contains(blocker.path + "/out.jsonl: cannot create output"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("r.jsonl").path))
    }
}
