import Foundation
import XCTest

/// Kills runs at random points and checks that reruns end with every input's
/// document written exactly once, across the runs the manifest lists.
final class CrashSafetyTests: XCTestCase {
    var work: URL!
    var config: URL!
    let inputCount = 120

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let seeds = CLIRunner.repoRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        for index in 0..<inputCount {
            // Distinct stories: each copy gets its own closing paragraph and URL, and dedup is off.
            let base = try String(contentsOf: seeds.appendingPathComponent(names[index % names.count]), encoding: .utf8)
            let text = base + "\n\nThis is closing note number \(index) that makes copy \(index) a story of its own today.\n"
            try Data(text.utf8).write(to: inputs.appendingPathComponent(String(format: "page-%03d.txt", index)))
        }
        config = work.appendingPathComponent("cron.json")
        try Data("""
        {"inputs": ["\(inputs.path)"],
         "output": {"layout": "runs", "dir": "\(work.path)/out"},
         "state": {"enabled": true, "path": "\(work.path)/out/.scour/state.sqlite"},
         "duplicates": {"enabled": false}}
        """.utf8).write(to: config)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// Sources written by the runs listed in manifest.jsonl; every line in every file must parse.
    func writtenSources() throws -> [String] {
        let manifest = work.appendingPathComponent("out/manifest.jsonl")
        guard FileManager.default.fileExists(atPath: manifest.path) else { return [] }
        var sources: [String] = []
        for line in try CLIRunner.jsonLines(manifest) {
            let id = try XCTUnwrap(line["run_id"] as? String)
            let part = work.appendingPathComponent("out/\(id)/part-00000.jsonl")
            sources += try CLIRunner.jsonLines(part).compactMap { $0["source"] as? String }
        }
        return sources
    }

    func testKilledRunsLoseNothingAndWriteNothingTwice() throws {
        // A fixed seed: the kill points differ per kill but not per test run.
        var generator = SplitMix(seed: 0x5C0_0A)
        var killedMidRun = 0
        for kill in 0..<20 {
            let process = try CLIRunner.start(["run", "--config", config.path, "--jobs", "2"],
                                              logs: work.appendingPathComponent("kill-\(kill)"))
            usleep(UInt32(generator.next() % 400_000))
            CLIRunner.stop(process, signal: SIGKILL, timeout: 10)
            let log = try String(contentsOf: URL(fileURLWithPath: work.appendingPathComponent("kill-\(kill)").path + ".err"), encoding: .utf8)
            if !log.contains(" inputs, ") { killedMidRun += 1 }
        }
        // The schedule must actually interrupt runs, or the test proves nothing.
        XCTAssertGreaterThanOrEqual(killedMidRun, 10, "runs killed before their summary")
        let final = try CLIRunner.run(["run", "--config", config.path], timeout: 300)
        XCTAssertEqual(final.status, 0, final.stderr)
        let sources = try writtenSources()
        XCTAssertEqual(sources.count, inputCount, "documents written across listed runs")
        XCTAssertEqual(Set(sources).count, inputCount, "no document written twice")
        // Nothing half-written is left anywhere under out/.
        let leftovers = FileManager.default.enumerator(atPath: work.appendingPathComponent("out").path)?
            .compactMap { $0 as? String }.filter { $0.contains(".tmp-") } ?? []
        XCTAssertEqual(leftovers, [])
        // And a further run has nothing to do.
        let idle = try CLIRunner.run(["run", "--config", config.path], timeout: 120)
        XCTAssertTrue(idle.stderr.contains("0 written, 0 rejected, \(inputCount) unchanged"), idle.stderr)
    }

    func testSIGTERMFinishesCleanlyAndTheRestFollowsNextRun() throws {
        let process = try CLIRunner.start(["run", "--config", config.path, "--jobs", "1"], logs: work.appendingPathComponent("term"))
        usleep(300_000)
        let status = CLIRunner.stop(process, signal: SIGTERM, timeout: 60)
        XCTAssertEqual(status, 0)
        let log = try String(contentsOf: URL(fileURLWithPath: work.appendingPathComponent("term").path + ".err"), encoding: .utf8)
        XCTAssertTrue(log.contains("written"), log)
        let first = try writtenSources()
        if log.contains("stopped by SIGTERM") {
            XCTAssertLessThan(first.count, inputCount)
        }
        let rest = try CLIRunner.run(["run", "--config", config.path], timeout: 300)
        XCTAssertEqual(rest.status, 0, rest.stderr)
        let all = try writtenSources()
        XCTAssertEqual(all.count, inputCount)
        XCTAssertEqual(Set(all).count, inputCount)
    }
}

/// A small seeded generator (splitmix64), so the kill schedule is the same every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
