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

    private func run(jobs: Int, source counter: CountingSource, failAfter: Int? = nil) throws(RunError) -> (sources: [String], maxAhead: Int) {
        let cleaner = WindowCleaner(pipeline: Pipeline(config: TestSupport.defaultConfig), jobs: jobs, evidence: false, minHash: MinHash(shingleSize: 5))
        var source = counter
        var stats = cleaner.pipeline.stages.map { StageStats(stage: $0.name) }
        var sources: [String] = []
        var maxAhead = 0
        try cleaner.clean(&source, stop: StopRequest(), stats: &stats) { outcomes throws(RunError) in
            maxAhead = max(maxAhead, counter.read - sources.count)
            if let failAfter, sources.count >= failAfter { throw RunError.output(.writeFailed(path: "test", reason: "disk full")) }
            sources += outcomes.map(\.source)
        }
        return (sources, maxAhead)
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
