import Foundation
import XCTest

final class ValidateAndExplainTests: XCTestCase {
    func testValidateAcceptsTheRepoConfig() throws {
        let result = try CLIRunner.run(["validate", "pipeline.json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("pipeline.json: ok (read → normalize → metadata → boilerplate → dedupe)"))
    }

    func testValidateNamesEveryBadKeyAndExitsTwo() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let config = work.appendingPathComponent("bad.json")
        try Data("""
        {
          "stages": [
            {"stage": "read", "max_byte": 10},
            {"stage": "boilerplate", "main_run": "sometimes"},
            {"stage": "polish"}
          ]
        }
        """.utf8).write(to: config)
        let result = try CLIRunner.run(["validate", config.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("stages[0] (read).max_byte (line 3): unknown key; allowed: enabled, html_time_budget_ms, max_bytes"), result.stderr)
        XCTAssertTrue(result.stderr.contains("stages[1] (boilerplate).main_run (line 4): unknown value \"sometimes\"; allowed: text, always, never"), result.stderr)
        XCTAssertTrue(result.stderr.contains("stages[2].stage (line 5): unknown stage \"polish\"; allowed: read, normalize, metadata, boilerplate, dedupe"), result.stderr)

        // run refuses the same config with the same exit code.
        let run = try CLIRunner.run(["run", "--config", config.path, "--output", work.appendingPathComponent("o.jsonl").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("o.jsonl").path))
    }

    func testExplainShowsEachBlockWithStageAndRule() throws {
        let result = try CLIRunner.run(["explain", "seeds/002_0590f4f53f5e7073.txt"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("- L1 [boilerplate:navigation] News"), result.stdout)
        XCTAssertTrue(lines.contains("- L5 [boilerplate:share] Share on facebook"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("- L3 [metadata:title] What’s behind Russia’s") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("+ L16 [paragraph] Palestinian leader Mahmoud Abbas") })
        XCTAssertTrue(lines.contains("outlet: Al Jazeera (named-in-text, line 90)"))
    }

    func testExplainOfAnUnreadableInputSaysWhy() throws {
        let result = try CLIRunner.run(["explain", "no/such/file.txt"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("REJECT  input: no such file or folder"))
    }
}
