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

/// Signatures are stored in the state and compared across runs, so the shingle hashes must
/// stay exactly those of the plain definition, whatever shortcuts the implementation takes.
final class MinHashShingleTests: XCTestCase {
    /// The definition: lowercase, words are runs of letter or number Characters, shingles are
    /// `size` words joined by a space, hashed with FNV-1a over their UTF-8 bytes.
    func definition(_ text: String, size: Int) -> Set<UInt64> {
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        func fnv(_ text: String) -> UInt64 {
            text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
        }
        guard words.count > size else { return words.isEmpty ? [] : [fnv(words.joined(separator: " "))] }
        return Set((0...(words.count - size)).map { fnv(words[$0..<($0 + size)].joined(separator: " ")) })
    }

    func testShinglesMatchTheDefinition() {
        let texts = [
            "", "one", "One two three four five", "One two three four five six seven",
            "The council's new sea-wall held back the storm surge, officials said on Tuesday (2019).",
            "Größere Straßen\r\nin Köln — „Zitat“ … 3½ Kilometer; ÉCOLE e\u{301}cole İstanbul ǅemal ﬁnal",
            "東京で2024年に開かれた会議 مرحبا بالعالم Ελληνικά κείμενα १२३ देवनागरी",
            "emoji 👍🏽 and flags 🇩🇪 between words, tabs\tand\u{A0}spaces\u{2003}too",
        ]
        for size in [1, 3, 5] {
            let minHash = MinHash(shingleSize: size)
            for text in texts {
                XCTAssertEqual(minHash.shingleHashes(text), definition(text, size: size), "\(size): \(text)")
            }
        }
    }
}
