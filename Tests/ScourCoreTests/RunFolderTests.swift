import Foundation
import XCTest
@testable import ScourCore

/// The `runs` layout on disk: publishing a run, and repairing what a killed run left.
final class RunFolderTests: XCTestCase {
    var root: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scour-runfolder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testRunIDsSortByTimeAndDiffer() throws {
        let early = RunFolder.newRunID(at: Date(timeIntervalSince1970: 1_700_000_000))
        let late = RunFolder.newRunID(at: Date(timeIntervalSince1970: 1_700_000_001))
        XCTAssertTrue(early.hasPrefix("20231114T221320Z-"), early)
        XCTAssertLessThan(early, late)
        let sameSecond = Set((0..<20).map { _ in RunFolder.newRunID(at: Date(timeIntervalSince1970: 1_700_000_000)) })
        XCTAssertGreaterThan(sameSecond.count, 1, "runs started together get different ids")
    }

    func testPublishWritesTheManifestListsTheRunAndMovesLatest() throws {
        let first = RunFolder(root: root, runID: "20240101T000000Z-0001")
        let second = RunFolder(root: root, runID: "20240102T000000Z-0002")
        try first.publish(manifest: .object([("run_id", .string(first.runID))]))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: first.latestPath), first.runID)
        try second.publish(manifest: .object([("run_id", .string(second.runID))]))
        XCTAssertEqual(try lines(second.manifestPath), [#"{"run_id":"20240102T000000Z-0002"}"#])
        XCTAssertEqual(try lines(first.manifestListPath).count, 2, "one line per finished run, appended")
        XCTAssertEqual(RunFolder.listedRuns(root: root), [first.runID, second.runID])
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: second.latestPath), second.runID)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: root).contains { $0.contains(".tmp-") })
    }

    func testRecoverRemovesUncommittedRunsAndListsCommittedOnes() throws {
        let state = try RunState(path: root + "/.scour/state.sqlite")
        // A run killed before its commit: its folder holds a part file the state never recorded.
        let killed = RunFolder(root: root, runID: "20240103T000000Z-000a")
        try state.beginRun(id: killed.runID, started: "2024-01-03T00:00:00Z", configHash: "")
        try FileManager.default.createDirectory(atPath: killed.folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: killed.partPath, contents: Data("{}\n".utf8))
        // A run killed after its commit but before it was listed in manifest.jsonl.
        let committed = RunFolder(root: root, runID: "20240102T000000Z-000b")
        try state.beginRun(id: committed.runID, started: "2024-01-02T00:00:00Z", configHash: "")
        try state.commitRun(id: committed.runID, ended: "2024-01-02T00:01:00Z", outputFile: committed.partPath,
                            inputs: [], documents: [], bands: MinHash(shingleSize: 5))
        FileManager.default.createFile(atPath: root + "/.latest.tmp-99999", contents: nil)

        let repaired = try RunFolder.recover(root: root, state: state)
        XCTAssertTrue(repaired.contains(killed.folder), "\(repaired)")
        XCTAssertTrue(repaired.contains("\(committed.manifestPath) (listed again)"), "\(repaired)")
        XCTAssertTrue(repaired.contains(root + "/.latest.tmp-99999"), "\(repaired)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed.folder))
        XCTAssertEqual(try state.unfinishedRuns(), [])
        XCTAssertEqual(RunFolder.listedRuns(root: root), [committed.runID])
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: committed.latestPath), committed.runID)

        XCTAssertEqual(try RunFolder.recover(root: root, state: state), [], "a second recovery finds nothing to do")
    }
}
