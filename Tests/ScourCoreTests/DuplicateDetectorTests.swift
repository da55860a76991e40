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

    /// Scalars around every rule the byte path leans on: ASCII word and non-word bytes, CR LF,
    /// marks that join a Character to the ASCII byte before them (combining, spacing, ZWJ,
    /// variation selectors), prepend scalars that join the ASCII byte after them, scalars whose
    /// lowercase is ASCII or longer (Kelvin sign, dotted I), final sigma, titlecase, Hangul
    /// jamo, emoji and flags, numbers outside ASCII.
    private static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "q", "0", "7", " ", " ", "-", "'", ".", "\r", "\n", "\t", "\u{0301}", "\u{0308}", "\u{20E3}",
        "\u{0903}", "\u{200D}", "\u{FE0F}", "\u{0600}", "\u{0605}", "\u{0D4E}", "\u{212A}", "\u{0130}", "\u{212B}",
        "Σ", "σ", "ς", "ǅ", "ẞ", "É", "ß", "ж", "Ж", "中", "\u{1100}", "\u{1161}", "\u{11A8}", "क", "\u{094D}", "ष",
        "😀", "👍", "\u{1F3FD}", "\u{1F1E9}", "\u{1F1EA}", "٣", "½", "Ⅻ", "\u{00A0}", "\u{2003}", "“", "”", "—",
    ]

    func testByteWordsMatchTheDefinitionOnRandomText() {
        var generator = SplitMix(seed: 0x5EED_0F_5111)
        for round in 0..<3000 {
            let length = Int(generator.next() % 48)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                // Mostly ASCII, as pages are, so ASCII pairs and the stretches between them alternate.
                let pick = generator.next()
                let scalar = pick % 3 == 0 ? Self.alphabet[Int(pick >> 8) % Self.alphabet.count]
                    : Self.alphabet[Int(pick >> 8) % 10]
                scalars.append(scalar)
            }
            let text = String(scalars)
            XCTAssertEqual(ShingleWords.lowercased(text), Array(text.lowercased().utf8), "lowercase \(round): \(text.debugDescription)")
            let size = 1 + round % 5
            XCTAssertEqual(MinHash(shingleSize: size).shingleHashes(text), definition(text, size: size), "\(round): \(text.debugDescription)")
        }
    }

    /// The signature loop as it was first written (bounds-checked, mixing the slot number each time).
    private func referenceSignature(_ shingles: Set<UInt64>, hashCount: Int) -> [UInt64] {
        var minima = [UInt64](repeating: .max, count: hashCount)
        for shingle in shingles {
            for slot in 0..<hashCount {
                let value = MinHash.mix(shingle ^ (UInt64(slot) &* 0x9E37_79B9_7F4A_7C15))
                if value < minima[slot] { minima[slot] = value }
            }
        }
        return minima
    }

    /// Both loops, the AVX-512 one where this CPU has it and the scalar one, against the first loop.
    func testSignatureMatchesTheFirstLoop() {
        var generator = SplitMix(seed: 42)
        var scalar = MinHash()
        scalar.vectorized = false
        // Slot counts off multiples of eight reach the vector loop's scalar tail.
        let odd = MinHash(shingleSize: 5, bandCount: 5, rowsPerBand: 3)
        var oddScalar = odd
        oddScalar.vectorized = false
        for minHash in [MinHash(), scalar, odd, oddScalar] {
            // Four shingles go at a time in the scalar loop: counts around multiples of four reach its tail.
            for count in [0, 1, 2, 3, 4, 5, 7, 8, 9, 17, 500, 503] {
                let shingles = Set((0..<count).map { _ in generator.next() })
                XCTAssertEqual(minHash.signature(of: shingles), referenceSignature(shingles, hashCount: minHash.hashCount),
                               "\(count) shingles, \(minHash.hashCount) slots, vectorized \(minHash.vectorized)")
            }
            let text = "The council's new sea-wall held back the storm surge, officials said on Tuesday; the council met again."
            XCTAssertEqual(minHash.signature(text), referenceSignature(definition(text, size: 5), hashCount: minHash.hashCount))
        }
        if !MinHash().vectorized { print("note: this CPU has no AVX-512DQ; only the scalar loop was checked") }
    }
}
