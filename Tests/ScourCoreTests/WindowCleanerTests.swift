import XCTest
@testable import ScourCore

/// The run's cleaner: outcomes in input order whatever the worker count, reading never more than
/// the window ahead of writing, and a failed write ending the run without reading on.
final class WindowCleanerTests: XCTestCase {
    /// Pages of very different cost (a long one every seventh), rejects and unchanged inputs mixed in;
    /// counts how far reading runs ahead of writing.
    final class CountingSource: DocumentSource {
        let total: Int
        private(set) var read = 0
        init(total: Int) { self.total = total }

        func next() -> SourceItem? {
            guard read < total else { return nil }
            defer { read += 1 }
            switch read % 11 {
            case 3: return .rejected(source: "in/\(read)", Rejection(stage: "read", reason: "test reject"))
            case 5: return .unchanged(source: "in/\(read)")
            default:
                let repeats = read % 7 == 0 ? 400 : 2
                let paragraph = "Input \(read) tells how the council met on a rainy evening to argue about the library budget. "
                let text = "Story \(read)\n\n" + String(repeating: paragraph, count: repeats)
                return .document(TestSupport.textDocument(text, source: "in/\(read)"))
            }
        }
    }

    private func run(jobs: Int, source counter: CountingSource, failAfter: Int? = nil, stop: StopRequest = StopRequest(),
                     stopAfter: Int? = nil) throws(RunError) -> (sources: [String], maxAhead: Int, documentsIn: Int) {
        let cleaner = WindowCleaner(pipeline: Pipeline(config: TestSupport.defaultConfig), jobs: jobs, evidence: false, minHash: MinHash(shingleSize: 5))
        var source = counter
        var stats = cleaner.pipeline.stages.map { StageStats(stage: $0.name) }
        var sources: [String] = []
        var maxAhead = 0
        try cleaner.clean(&source, stop: stop, stats: &stats) { outcomes throws(RunError) in
            maxAhead = max(maxAhead, counter.read - sources.count)
            if let failAfter, sources.count >= failAfter { throw RunError.output(.writeFailed(path: "test", reason: "disk full")) }
            sources += outcomes.map(\.source)
            if let stopAfter, sources.count >= stopAfter { stop.request("SIGTERM") }
        }
        return (sources, maxAhead, stats.first?.documentsIn ?? -1)
    }

    /// Every worker's stage counts reach the run's: the read stage saw each document once.
    func testEveryDocumentIsCountedOnceAndAnEmptySourceWritesNothing() throws {
        let result = try run(jobs: 2, source: CountingSource(total: 60))
        let documents = (0..<60).filter { $0 % 11 != 3 && $0 % 11 != 5 }.count
        XCTAssertEqual(result.documentsIn, documents)
        let empty = try run(jobs: 2, source: CountingSource(total: 0))
        XCTAssertEqual(empty.sources, [])
        XCTAssertEqual(empty.documentsIn, 0)
    }

    /// A stop ends the reading; what was read is still cleaned and written, in order.
    func testAStopEndsReadingAndWritesWhatWasRead() throws {
        let source = CountingSource(total: 10_000)
        let result = try run(jobs: 2, source: source, stopAfter: 20)
        XCTAssertLessThan(source.read, 200)
        XCTAssertEqual(result.sources, (0..<source.read).map { "in/\($0)" }, "every input read is written")
        let stoppedFirst = StopRequest()
        stoppedFirst.request("SIGINT")
        let none = CountingSource(total: 100)
        XCTAssertEqual(try run(jobs: 2, source: none, stop: stoppedFirst).sources, [])
        XCTAssertEqual(none.read, 0)
    }

    func testOutcomesComeInInputOrderAndReadingStaysWithinTheWindow() throws {
        let expected = (0..<150).map { "in/\($0)" }
        for jobs in [1, 2, 4] {
            let result = try run(jobs: jobs, source: CountingSource(total: 150))
            XCTAssertEqual(result.sources, expected, "jobs \(jobs)")
            let window = WindowCleaner(pipeline: Pipeline(config: TestSupport.defaultConfig), jobs: jobs, evidence: false).windowSize
            XCTAssertLessThanOrEqual(result.maxAhead, window + WindowCleaner.writeGroup, "jobs \(jobs)")
        }
    }

    func testAFailedWriteEndsTheRunWithoutReadingOn() {
        let first = CountingSource(total: 10_000)
        XCTAssertThrowsError(try run(jobs: 2, source: first, failAfter: 0), "the first group's write fails")
        XCTAssertLessThan(first.read, 200)
        let source = CountingSource(total: 10_000)
        do {
            _ = try run(jobs: 2, source: source, failAfter: 20)
            XCTFail("the failed write did not end the run")
        } catch {
            XCTAssertTrue("\(error)".contains("disk full"), "\(error)")
        }
        XCTAssertLessThan(source.read, 200, "reading went on after the failed write")
    }
}
