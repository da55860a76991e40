import Foundation
import XCTest
@testable import ScourCore

/// The runner in process: a source made of items in memory, sinks that keep their lines.
final class RunnerTests: XCTestCase {
    /// Hands out the given items in order and counts how many were asked for.
    struct ArraySource: DocumentSource {
        var items: [SourceItem]
        var handedOut = 0

        mutating func next() -> SourceItem? {
            guard handedOut < items.count else { return nil }
            defer { handedOut += 1 }
            return items[handedOut]
        }
    }

    /// Keeps lines in memory and records whether they were delivered or thrown away.
    final class MemorySink: LineSink {
        var lines: [String] = []
        var committed = false
        var abandoned = false
        /// Fail on the write of this line (0-based), as a full disk would.
        var failAt: Int?

        func writeLine(_ line: String) throws(OutputError) {
            if let failAt, lines.count == failAt { throw .writeFailed(path: "memory", reason: "disk full") }
            lines.append(line)
        }

        func commit() throws(OutputError) { committed = true }
        func abandon() { abandoned = true }
        func flushBatch() throws(OutputError) {}
    }

    static let seedNames = ["000_c6cf82f3579e74d0.txt", "001_99100116381ce573.txt", "002_0590f4f53f5e7073.txt",
                            "003_28e33c959340ae16.txt", "004_7bb2d4ab16e718ca.txt"]

    /// A seed file as a document under another name (the name becomes `source` and the id).
    func seed(_ index: Int, as name: String) throws -> Document {
        let path = TestSupport.repoRoot.appendingPathComponent("seeds/" + Self.seedNames[index]).path
        var document = try InputCollector.load(InputCollector.item(forFile: path)).get()
        document.source = name
        return document
    }

    /// A story without a URL in it, so that its id comes from `name` alone.
    func story(_ name: String, variant: Int = 0) -> Document {
        let paragraphs = BoilerplateStageTests.story.map { variant == 0 ? $0 : $0.replacingOccurrences(of: "council", with: "board \(variant)") }
        let text = (variant == 0 ? ["City council delays budget vote"] : ["Board \(variant) meets on the harbour"]) + paragraphs
        return TestSupport.textDocument(text.joined(separator: "\n\n"), source: name)
    }

    func makeRunner(jobs: Int = 1, duplicates: DuplicatesConfig = DuplicatesConfig()) -> (Runner, MemorySink, MemorySink) {
        var runner = Runner(config: TestSupport.defaultConfig, jobs: jobs)
        runner.duplicates = duplicates
        let output = MemorySink(), rejects = MemorySink()
        runner.outputSink = output
        runner.rejectsSink = rejects
        return (runner, output, rejects)
    }

    func field(_ line: String, _ key: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?[key] as? String
    }

    func testOutputIsInInputOrderWhateverTheNumberOfWorkers() throws {
        var items: [SourceItem] = []
        // 70 inputs: more than one batch of 16 per worker, with rejects in between.
        for index in 0..<70 {
            if index % 9 == 4 {
                items.append(.rejected(source: "missing-\(index)", Rejection(stage: "read", reason: "no such file or folder")))
            } else {
                items.append(.document(try seed(index % 5, as: "doc-\(index)")))
            }
        }
        var disabled = DuplicatesConfig()
        disabled.enabled = false
        var outputs: [[String]] = []
        for jobs in [1, 4] {
            let (runner, output, rejects) = makeRunner(jobs: jobs, duplicates: disabled)
            var source = ArraySource(items: items)
            let summary = try runner.run(source: &source, warn: { _ in })
            XCTAssertEqual(summary.inputs, 70)
            XCTAssertEqual(summary.written + summary.rejected, 70)
            XCTAssertEqual(rejects.lines.count, summary.rejected)
            XCTAssertTrue(output.committed && rejects.committed)
            XCTAssertFalse(output.abandoned || rejects.abandoned)
            let written = try output.lines.map { try field($0, "source") }
            let expected = (0..<70).filter { $0 % 9 != 4 }.map { "doc-\($0)" }
            XCTAssertEqual(written, expected, "jobs \(jobs)")
            XCTAssertEqual(try rejects.lines.map { try field($0, "source") }, (0..<70).filter { $0 % 9 == 4 }.map { "missing-\($0)" })
            outputs.append(output.lines)
        }
        XCTAssertEqual(outputs[0], outputs[1], "bytes do not depend on --jobs")
    }

    func testDuplicatesAreMarkedOrDroppedNamingTheFirstCopy() throws {
        let items: [SourceItem] = [.document(story("first")), .document(try seed(2, as: "other")),
                                   .document(story("copy"))]
        let (marking, marked, _) = makeRunner()
        var source = ArraySource(items: items)
        let summary = try marking.run(source: &source, warn: { _ in })
        XCTAssertEqual(summary.written, 3)
        XCTAssertEqual(summary.duplicates, 1)
        let firstID = try XCTUnwrap(try field(marked.lines[0], "id"))
        XCTAssertNil(try field(marked.lines[0], "duplicate_of"))
        XCTAssertNil(try field(marked.lines[1], "duplicate_of"))
        XCTAssertEqual(try field(marked.lines[2], "duplicate_of"), firstID)

        var drop = DuplicatesConfig()
        drop.action = .drop
        let (dropping, kept, rejects) = makeRunner(duplicates: drop)
        source = ArraySource(items: items)
        let dropped = try dropping.run(source: &source, warn: { _ in })
        XCTAssertEqual(dropped.written, 2)
        XCTAssertEqual(dropped.rejected, 1)
        XCTAssertEqual(try kept.lines.map { try field($0, "source") }, ["first", "other"])
        XCTAssertEqual(try field(rejects.lines[0], "source"), "copy")
        XCTAssertEqual(try field(rejects.lines[0], "stage"), "duplicates")
        XCTAssertEqual(try field(rejects.lines[0], "reason"), "duplicate of \(firstID)")
        XCTAssertEqual(dropped.rejectReasons, ["duplicate of \(firstID)": 1])
    }

    func testEveryInputEndsInOutputOrRejectsWithItsReason() throws {
        let empty = Document(source: "blank.txt", raw: Array("   \n\n  ".utf8), format: .text)
        let items: [SourceItem] = [.document(try seed(0, as: "good")), .document(empty),
                                   .rejected(source: "photo.png", Rejection(stage: "read", reason: "unsupported file type .png")),
                                   .unchanged(source: "old.txt")]
        let (runner, output, rejects) = makeRunner()
        var source = ArraySource(items: items)
        var warnings: [String] = []
        let summary = try runner.run(source: &source, warn: { warnings.append($0) })
        XCTAssertEqual(summary.inputs, 4)
        XCTAssertEqual(summary.written, 1)
        XCTAssertEqual(summary.rejected, 2)
        XCTAssertEqual(summary.unchanged, 1)
        XCTAssertEqual(output.lines.count, 1)
        XCTAssertEqual(try rejects.lines.map { try field($0, "source") }, ["blank.txt", "photo.png"])
        XCTAssertEqual(try field(rejects.lines[0], "reason"), "no text in input")
        XCTAssertEqual(try field(rejects.lines[1], "reason"), "unsupported file type .png")
        XCTAssertTrue(warnings.contains("photo.png: rejected at read: unsupported file type .png"), "\(warnings)")
        XCTAssertEqual(summary.stages.map(\.stage), runner.pipeline.stages.map(\.name))
        XCTAssertEqual(summary.stages.first?.documentsIn, 2, "rejected and unchanged items never reach a stage")
    }

    func testStateRecordsEachInputAndDocumentOnlyAtTheCommit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-runner-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try RunState(path: folder.appendingPathComponent("state.sqlite").path)
        var first = story("a.txt")
        first.fingerprint = InputFingerprint(size: 10, modified: 100, contentHash: "hash-a")
        var copy = story("b.txt")
        copy.fingerprint = InputFingerprint(size: 10, modified: 200, contentHash: "hash-b")
        var empty = Document(source: "c.txt", raw: [], format: .text)
        empty.fingerprint = InputFingerprint(size: 0, modified: 300, contentHash: "hash-c")

        let (runner, _, _) = makeRunner()
        var source = ArraySource(items: [.document(first), .document(copy), .document(empty)])
        _ = try runner.run(source: &source, state: state, warn: { _ in })

        let a = try XCTUnwrap(try state.input("a.txt"))
        XCTAssertEqual(a.outcome, "written")
        XCTAssertEqual(a.contentHash, "hash-a")
        let b = try XCTUnwrap(try state.input("b.txt"))
        XCTAssertEqual(b.outcome, "duplicate")
        XCTAssertEqual(try state.input("c.txt")?.outcome, "rejected")
        XCTAssertEqual(try state.completeRuns().count, 1)

        // A run that fails to write commits nothing to the state and throws away its files.
        var later = try seed(4, as: "d.txt")
        later.fingerprint = InputFingerprint(size: 5, modified: 400, contentHash: "hash-d")
        let (failing, output, rejects) = makeRunner()
        output.failAt = 0
        source = ArraySource(items: [.document(later)])
        XCTAssertThrowsError(try failing.run(source: &source, state: state, warn: { _ in })) { error in
            guard case let .output(.writeFailed(path, reason)) = error as? RunError else {
                return XCTFail("expected an output error, got \(error)")
            }
            XCTAssertEqual(path, "memory")
            XCTAssertEqual(reason, "disk full")
        }
        XCTAssertTrue(output.abandoned && rejects.abandoned)
        XCTAssertFalse(output.committed)
        XCTAssertNil(try state.input("d.txt"))
        XCTAssertEqual(try state.completeRuns().count, 1)
    }

    func testAStopRequestEndsTheRunAfterTheDocumentsInHand() throws {
        let (runner, output, _) = makeRunner()
        runner.stop.request("SIGTERM")
        runner.stop.request("SIGINT")
        XCTAssertEqual(runner.stop.signalName, "SIGTERM", "the first signal names the stop")
        var source = ArraySource(items: [.document(try seed(0, as: "never read"))])
        let summary = try runner.run(source: &source, warn: { _ in })
        XCTAssertEqual(source.handedOut, 0)
        XCTAssertEqual(summary.inputs, 0)
        XCTAssertEqual(summary.interruptedBy, "SIGTERM")
        XCTAssertTrue(output.committed, "what was done is still delivered")
        XCTAssertEqual(try field(summary.json(configHash: nil).serialized(), "status"), "interrupted")
    }

    func testRunErrorsKeepTheirKindInTheirMessage() {
        let setup = RunError.fetchSetup(.curlUnavailable).description
        XCTAssertTrue(setup.hasPrefix("libcurl could not be initialised"), setup)
        XCTAssertFalse(setup.contains("cannot create output"), "a libcurl setup failure is not an output error")
        XCTAssertEqual(RunError.archive(.writeFailed(path: "a.warc.gz", reason: "disk full")).description,
                       "a.warc.gz: cannot write WARC file: disk full")
    }
}
