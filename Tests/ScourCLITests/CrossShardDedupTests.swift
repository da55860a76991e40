import Foundation
import XCTest
import ScourCore

final class CrossShardDedupTests: XCTestCase {
    func testSecondPassFindsCopiesThatLandedInOtherShards() throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let seeds = CLIRunner.repoRoot.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            try FileManager.default.copyItem(at: seeds.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        let originalPath = inputs.appendingPathComponent("001_99100116381ce573.txt").path
        let originalShard = ShardFilter<FileSource>.shard(of: originalPath, count: 2)
        // A syndicated copy at another outlet, named so that it falls in the other shard.
        let story = try String(contentsOfFile: originalPath, encoding: .utf8)
            .replacingOccurrences(of: "https://www.themoscowtimes.com/", with: "https://wire.example.org/")
        var copyPath = ""
        for attempt in 0..<100 {
            copyPath = inputs.appendingPathComponent("copy-\(attempt).txt").path
            if ShardFilter<FileSource>.shard(of: copyPath, count: 2) != originalShard { break }
        }
        try Data(("Share on facebook\n\n" + story).utf8).write(to: URL(fileURLWithPath: copyPath))

        var states: [String] = []
        for shard in 0..<2 {
            let config = work.appendingPathComponent("shard-\(shard).json")
            let state = "\(work.path)/out-\(shard)/.scour/state.sqlite"
            try Data("""
            {"output": {"layout": "runs", "dir": "\(work.path)/out-\(shard)"}, "state": {"enabled": true, "path": "\(state)"}}
            """.utf8).write(to: config)
            let result = try CLIRunner.run(["run", "--config", config.path, "--input", inputs.path, "--shard", "\(shard)/2"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("0 duplicates") || !result.stderr.contains("duplicates"), "no copy within one shard")
            states.append(state)
        }
        let dedup = try CLIRunner.run(["dedup"] + states)
        XCTAssertEqual(dedup.status, 0, dedup.stderr)
        let lines = dedup.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, dedup.stdout)
        let finding = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let originalID = OutputRecord.documentID(source: "", url:
            "https://www.themoscowtimes.com/2021/05/18/russias-timid-approach-to-the-israeli-palestinian-conflict-a73930")
        let copyID = OutputRecord.documentID(source: "", url:
            "https://wire.example.org/2021/05/18/russias-timid-approach-to-the-israeli-palestinian-conflict-a73930")
        // Whichever shard is read first holds the original of the pair.
        XCTAssertEqual(Set([finding["id"] as? String, finding["duplicate_of"] as? String]), Set([originalID, copyID]))
        XCTAssertTrue(dedup.stderr.contains("1 duplicates across 2 states"))

        let missing = try CLIRunner.run(["dedup", work.appendingPathComponent("nope.sqlite").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such state file"))
    }
}
