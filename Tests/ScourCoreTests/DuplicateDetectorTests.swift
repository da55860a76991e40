import XCTest
@testable import ScourCore

final class DuplicateDetectorTests: XCTestCase {
    func seedBody(_ name: String) throws -> String {
        let item = InputCollector.item(forFile: TestSupport.repoRoot.appendingPathComponent("seeds/\(name)").path)
        let document = try InputCollector.load(item).flatMap { Pipeline(config: TestSupport.defaultConfig).process($0) }.get()
        return document.bodyText
    }

    func testNearDuplicatesAreFoundAndDistinctStoriesAreNot() throws {
        let story = try seedBody("001_99100116381ce573.txt")
        let other = try seedBody("002_0590f4f53f5e7073.txt")
        let detector = DuplicateDetector(config: DuplicatesConfig(), state: nil)
        detector.remember("original", detector.fingerprint(of: story))

        var paragraphs = story.components(separatedBy: "\n\n")
        paragraphs[10] = "Egypt remains the channel through which most proposals for a truce are passed, and it has pressed both sides for weeks."
        let changed = paragraphs.joined(separator: "\n\n")
        let trimmed = paragraphs.prefix(paragraphs.count - 3).joined(separator: "\n\n")
        XCTAssertEqual(try detector.original(of: "changed", detector.fingerprint(of: changed)), "original")
        XCTAssertEqual(try detector.original(of: "trimmed", detector.fingerprint(of: trimmed)), "original")
        XCTAssertEqual(try detector.original(of: "copy", detector.fingerprint(of: story.uppercased())), "original", "exact after normalizing")
        XCTAssertNil(try detector.original(of: "other", detector.fingerprint(of: other)))
        XCTAssertNil(try detector.original(of: "original", detector.fingerprint(of: story)), "a document is not its own duplicate")
    }

    func testSimilarityEstimateTracksJaccard() {
        let minHash = MinHash(shingleSize: 1)
        let a = minHash.signature("alpha beta gamma delta epsilon zeta eta theta iota kappa")
        let b = minHash.signature("alpha beta gamma delta epsilon zeta eta theta iota lambda")
        // True Jaccard 9/11 ≈ 0.82; 128 hashes estimate it within a few points.
        XCTAssertEqual(MinHash.similarity(a, b), 9.0 / 11.0, accuracy: 0.12)
        XCTAssertEqual(MinHash.decode(MinHash.encode(a)), a)
    }
}
