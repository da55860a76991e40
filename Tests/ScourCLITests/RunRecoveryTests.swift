import Foundation
import XCTest

/// A run killed after the state committed it but before `manifest.jsonl` listed it: the
/// next run finishes it (temporary files removed, report and full manifest entry written).
/// The crash is reproduced by undoing, on disk, what the killed run had not yet done.
final class RunRecoveryTests: XCTestCase {
    var work: URL!
    var config: URL!
    var out: URL { work.appendingPathComponent("out") }

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repoRoot.appendingPathComponent("seeds").path) {
            try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/\(name)"),
                                             to: inputs.appendingPathComponent(name))
        }
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        try Data("x".utf8).write(to: inputs.appendingPathComponent("photo.png"))
        // The same page twice: one written, one marked as its duplicate.
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("000_c6cf82f3579e74d0.txt"),
                                         to: inputs.appendingPathComponent("copy.txt"))
        config = work.appendingPathComponent("cron.json")
        try Data("""
        {"inputs": ["\(inputs.path)"],
         "output": {"layout": "runs", "dir": "\(out.path)"},
         "state": {"enabled": true, "path": "\(out.path)/.scour/state.sqlite"}}
        """.utf8).write(to: config)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func scour() throws -> CLIRunner.Result {
        let result = try CLIRunner.run(["run", "--config", config.path], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    /// Runs once, then removes the run's line from manifest.jsonl and the `latest` link.
    func runAndUnlist() throws -> (id: String, line: String) {
        _ = try scour()
        let manifest = out.appendingPathComponent("manifest.jsonl")
        let line = try String(contentsOf: manifest, encoding: .utf8).trimmingCharacters(in: .newlines)
        XCTAssertEqual(line.split(separator: "\n").count, 1)
        try Data().write(to: manifest)
        try FileManager.default.removeItem(at: out.appendingPathComponent("latest"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (try XCTUnwrap(object["run_id"] as? String), line)
    }

    func testACommittedRunIsListedWithItsOwnManifest() throws {
        let (id, line) = try runAndUnlist()
        let next = try scour()
        XCTAssertTrue(next.stderr.contains("\(id)/manifest.json (listed again)"), next.stderr)
        let lines = try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl"))
        XCTAssertEqual(lines.count, 2)
        // The recovered line is the run's full manifest, counts included, exactly as it was.
        let recovered = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
            .split(separator: "\n").first.map(String.init)
        XCTAssertEqual(recovered, line)
        XCTAssertEqual(lines[0]["written"] as? Int, 6)
        XCTAssertEqual(lines[0]["duplicates"] as? Int, 1)
        XCTAssertEqual(lines[0]["rejected"] as? Int, 2)
        XCTAssertEqual(lines[1]["written"] as? Int, 0)
    }

    func testAFolderLeftWithoutReportOrManifestIsFinished() throws {
        // As a kill between the commit and the report leaves it (and as older versions did):
        // no manifest.json, no report.html, and the report body and a part file still temporary.
        let (id, _) = try runAndUnlist()
        let folder = out.appendingPathComponent(id)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("report.html"))
        try Data("<section>partial</section>\n".utf8).write(to: folder.appendingPathComponent("report.html.body.tmp-99999"))
        try Data("{\"half\": ".utf8).write(to: folder.appendingPathComponent(".part-00000.jsonl.tmp-99999"))

        let next = try scour()
        XCTAssertTrue(next.stderr.contains("\(id)/report.html.body.tmp-99999: removed"), next.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["manifest.json", "part-00000.jsonl", "rejects.jsonl", "report.html"])
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("8 inputs · 6 written · 1 duplicates · 2 rejected"), report)
        let entry = try XCTUnwrap(try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl")).first)
        XCTAssertEqual(entry["run_id"] as? String, id)
        XCTAssertEqual(entry["recovered"] as? Bool, true)
        XCTAssertEqual(entry["status"] as? String, "complete")
        XCTAssertEqual(entry["inputs"] as? Int, 8)
        XCTAssertEqual(entry["written"] as? Int, 6)
        XCTAssertEqual(entry["duplicates"] as? Int, 1)
        XCTAssertEqual(entry["rejected"] as? Int, 2)
        XCTAssertEqual(entry["reject_reasons"] as? [String: Int], ["empty file": 1, "unsupported file type .png": 1])
        XCTAssertEqual(entry["output"] as? String, folder.path + "/part-00000.jsonl")
        XCTAssertNotNil(entry["started"] as? String)
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertEqual(manifest.trimmingCharacters(in: .newlines),
                       try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
                           .split(separator: "\n").first.map(String.init))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path),
                       try CLIRunner.jsonLines(out.appendingPathComponent("manifest.jsonl")).last?["run_id"] as? String)
    }
}
