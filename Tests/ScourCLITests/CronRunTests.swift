import Foundation
import XCTest
import ScourCore

/// Runs as cron does them: state, incremental reruns, dedup across runs, the lock, kills.
final class CronRunTests: XCTestCase {
    var work: URL!
    var inputs: URL!
    var config: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repoRoot.appendingPathComponent("seeds").path) {
            try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/\(name)"),
                                             to: inputs.appendingPathComponent(name))
        }
        config = work.appendingPathComponent("cron.json")
        try writeConfig(action: "mark")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func writeConfig(action: String) throws {
        let json = """
        {"inputs": ["\(inputs.path)"],
         "output": {"layout": "runs", "dir": "\(work.path)/out"},
         "state": {"enabled": true, "path": "\(work.path)/out/.scour/state.sqlite"},
         "duplicates": {"action": "\(action)"}}
        """
        try Data(json.utf8).write(to: config)
    }

    func scour(_ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["run", "--config", config.path, "--jobs", "2"] + extra, timeout: 120)
    }

    /// Every manifest line's run, with the records of its part file.
    func listedRuns() throws -> [(id: String, records: [[String: Any]])] {
        let manifest = work.appendingPathComponent("out/manifest.jsonl")
        guard FileManager.default.fileExists(atPath: manifest.path) else { return [] }
        return try CLIRunner.jsonLines(manifest).map { line in
            let id = try XCTUnwrap(line["run_id"] as? String)
            let part = work.appendingPathComponent("out/\(id)/part-00000.jsonl")
            return (id, try CLIRunner.jsonLines(part))
        }
    }

    func testRerunWritesNothingNewAndChangedInputIsWrittenAgain() throws {
        let first = try scour()
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("5 inputs, 5 written, 0 rejected"), first.stderr)

        let second = try scour()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("5 inputs, 0 written, 0 rejected, 5 unchanged"), second.stderr)

        // Touched but identical bytes: still unchanged. Edited: processed and written again.
        let touched = inputs.appendingPathComponent("000_c6cf82f3579e74d0.txt")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(120)], ofItemAtPath: touched.path)
        let edited = inputs.appendingPathComponent("004_7bb2d4ab16e718ca.txt")
        var text = try String(contentsOf: edited, encoding: .utf8)
        text = text.replacingOccurrences(of: "The ongoing conflict between Israel and Hamas", with: "The long conflict between Israel and Hamas")
        try Data(text.utf8).write(to: edited)
        let third = try scour()
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertTrue(third.stderr.contains("5 inputs, 1 written, 0 rejected, 4 unchanged"), third.stderr)

        let runs = try listedRuns()
        XCTAssertEqual(runs.map(\.records.count), [5, 0, 1])
        XCTAssertTrue((runs[2].records[0]["text"] as? String)?.hasPrefix("The long conflict") == true)
        // The changed version replaces the old one, it is not its duplicate.
        XCTAssertNil(runs[2].records[0]["duplicate_of"])
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: work.appendingPathComponent("out/latest").path)
        XCTAssertEqual(latest, runs[2].id)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: work.appendingPathComponent("out/\(runs[2].id)/manifest.json"))) as? [String: Any])
        XCTAssertEqual(manifest["unchanged"] as? Int, 4)
        XCTAssertEqual(manifest["status"] as? String, "complete")
        XCTAssertNotNil(manifest["config_hash"] as? String)

        // The first run's report shows kept text and removed blocks with their rules.
        let report = try String(contentsOf: work.appendingPathComponent("out/\(runs[0].id)/report.html"), encoding: .utf8)
        XCTAssertTrue(report.hasPrefix("<!doctype html>"))
        XCTAssertTrue(report.contains("<p class=cut><span class=rule>boilerplate:share</span> Share on facebook</p>"))
        XCTAssertTrue(report.contains("<tr><th>outlet</th><td>The Moscow Times</td><td class=ev>named-in-text, line"))
        XCTAssertTrue(report.hasSuffix("</body></html>\n"))

        let full = try scour(["--full"])
        XCTAssertTrue(full.stderr.contains("5 inputs, 5 written, 0 rejected"), full.stderr)
    }

    /// The same wire story three ways: other boilerplate, trimmed, one paragraph changed.
    func testSyndicatedCopiesAreFoundAcrossRuns() throws {
        XCTAssertEqual(try scour().status, 0)
        let story = try String(contentsOf: inputs.appendingPathComponent("001_99100116381ce573.txt"), encoding: .utf8)
        // Each copy lives at another outlet's URL, so it is another document.
        func copy(at host: String) -> String {
            story.replacingOccurrences(of: "https://www.themoscowtimes.com/", with: "https://\(host)/")
        }
        let original = copy(at: "reposts.example.org")
        let later = work.appendingPathComponent("later")
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        let otherBoilerplate = "Home\n\nWorld News\n\nShare on facebook\n\n" + original + "\n\nLeave a Reply\n\n© 2024 Other Outlet. All rights reserved"
        let paragraphs = original.components(separatedBy: "\n\n")
        let trimmed = paragraphs.prefix(paragraphs.count - 8).joined(separator: "\n\n")
        let changed = copy(at: "edits.example.com").replacingOccurrences(
            of: "Cairo was and still is the main negotiator for a cease-fire between Israel and Hamas, but its efforts have been unsuccessful so far.",
            with: "Egypt remains the channel through which most proposals for a truce are passed, and it has pressed both sides for weeks without a result.")
        XCTAssertNotEqual(changed, original)
        try Data(otherBoilerplate.utf8).write(to: later.appendingPathComponent("a-reposted.txt"))
        try Data(trimmed.utf8).write(to: later.appendingPathComponent("b-trimmed.txt"))
        try Data(changed.utf8).write(to: later.appendingPathComponent("c-changed.txt"))
        try Data("Unrelated headline here\n\nThe council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending and staff.".utf8)
            .write(to: later.appendingPathComponent("d-unrelated.txt"))

        let second = try CLIRunner.run(["run", "--config", config.path, "--input", later.path], timeout: 120)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("4 inputs, 4 written, 0 rejected, 3 duplicates"), second.stderr)
        let records = try XCTUnwrap(try listedRuns().last?.records)
        let originalID = OutputRecord.documentID(source: "", url:
            "https://www.themoscowtimes.com/2021/05/18/russias-timid-approach-to-the-israeli-palestinian-conflict-a73930")
        let marks = records.map { $0["duplicate_of"] as? String }
        XCTAssertEqual(marks[0], originalID)
        XCTAssertEqual(marks[1], originalID)
        XCTAssertEqual(marks[2], originalID)
        XCTAssertNil(marks[3])

        // drop: duplicates go to rejects naming the original instead.
        try writeConfig(action: "drop")
        let third = try CLIRunner.run(["run", "--config", config.path, "--input", later.path, "--full"], timeout: 120)
        XCTAssertTrue(third.stderr.contains("rejected at duplicates: duplicate of \(originalID)"), third.stderr)
    }

    func testASecondRunOnTheSameStateExitsAtOnceWith75() throws {
        XCTAssertEqual(try scour().status, 0)
        // This test process holds the lock, as a running scour would.
        let lock = try RunLock(path: work.appendingPathComponent("out/.scour/state.sqlite.lock").path)
        let blocked = try scour()
        XCTAssertEqual(blocked.status, 75, blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("another scour run holds this lock"), blocked.stderr)
        withExtendedLifetime(lock) {}
    }

    func testJSONLogSummaryAndFailOnReject() throws {
        try Data([0x00, 0x01, 0x02]).write(to: inputs.appendingPathComponent("zz-binary.txt"))
        let result = try scour(["--log-format", "json", "--fail-on-reject"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let line = try XCTUnwrap(result.stderr.split(separator: "\n").last)
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(summary["written"] as? Int, 5)
        XCTAssertEqual(summary["rejected"] as? Int, 1)
        XCTAssertEqual((summary["reject_reasons"] as? [String: Int])?["binary content, not text"], 1)
        XCTAssertEqual((summary["stages"] as? [[String: Any]])?.count, 5)
    }

    func testUnwritableOutputLeavesTheStateUntouched() throws {
        XCTAssertEqual(try scour().status, 0)
        let edited = inputs.appendingPathComponent("003_28e33c959340ae16.txt")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "\n\nOne more closing paragraph was added to this story later on.").utf8).write(to: edited)
        // Make the output folder unwritable by putting a file where the next run folder's parent is.
        let outDir = work.appendingPathComponent("out")
        let moved = work.appendingPathComponent("out-real")
        try FileManager.default.moveItem(at: outDir, to: moved)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: moved.appendingPathComponent(".scour"), to: outDir.appendingPathComponent(".scour"))
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: outDir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: outDir.path) }
        if FileManager.default.isWritableFile(atPath: outDir.path) {
            // root ignores permissions: use a file in place of the folder instead.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: outDir.path)
            try writeConfigPointingOutputAt(work.appendingPathComponent("blocker").path)
            try Data("x".utf8).write(to: work.appendingPathComponent("blocker"))
        }
        let failed = try scour()
        XCTAssertEqual(failed.status, 74, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("cannot"), failed.stderr)
        // The state still says 003 is the old version: a later good run picks the change up.
        try writeConfig(action: "mark")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: outDir.path)
        let again = try scour()
        XCTAssertTrue(again.stderr.contains("1 written"), again.stderr)
    }

    private func writeConfigPointingOutputAt(_ dir: String) throws {
        let json = """
        {"inputs": ["\(inputs.path)"],
         "output": {"layout": "runs", "dir": "\(dir)"},
         "state": {"enabled": true, "path": "\(work.path)/out/.scour/state.sqlite"}}
        """
        try Data(json.utf8).write(to: config)
    }
}
