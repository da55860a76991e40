import XCTest
@testable import ScourCore

/// The byte paths of the writer (JSON escaping, word counting, digests) against the
/// scalar-by-scalar rules they stand for, on fixed-seed random text: output must not change.
final class ByteFastPathTests: XCTestCase {
    /// Scalars that exercise every branch: ASCII word and escape bytes, controls, the two
    /// JavaScript line terminators, Latin, CJK, numbers outside ASCII, emoji (4-byte UTF-8).
    private static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", "9", "_", " ", "-", "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}",
        "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "é", "ß", "Ω", "ж", "中", "文", "٣", "½", "Ⅻ", "€", "\u{00A0}",
        "\u{0301}", "😀", "𝒜", "\u{E000}", "\u{FFFD}",
    ]

    private func randomTexts(count: Int) -> [String] {
        var generator = SplitMix(seed: 0x5C0_0B17E)
        return (0..<count).map { _ in
            let length = Int(generator.next() % 40)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))]) }
            return String(scalars)
        }
    }

    /// The escaping rule as it was written scalar by scalar.
    private func referenceEscape(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func referenceWordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = OutputRecord.isWordScalar(scalar)
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }

    /// `ByteSearch.occurs` (memchr + memcmp over a contiguous buffer) answers as `firstOffset`'s byte
    /// loop does, on a small alphabet so that first bytes recur and partial matches are common.
    func testOccursAgreesWithTheByteLoop() {
        var generator = SplitMix(seed: 0x0CC0_5EED)
        for round in 0..<400 {
            let hay = (0..<Int(generator.next() % 64)).map { _ in UInt8(0x61 + generator.next() % 3) }
            let needle = (0..<Int(generator.next() % 5)).map { _ in UInt8(0x61 + generator.next() % 3) }
            let found = hay.withUnsafeBytes { raw in needle.withUnsafeBufferPointer { ByteSearch.occurs($0, in: raw) } }
            XCTAssertEqual(found, ByteSearch.firstOffset(of: needle, in: hay) != nil, "round \(round): \(needle) in \(hay)")
        }
    }

    func testJSONEscapingMatchesScalarRule() {
        for text in randomTexts(count: 5_000) {
            XCTAssertEqual(JSONValue.string(text).serialized(), referenceEscape(text), "\(Array(text.unicodeScalars))")
        }
    }

    func testWordCountMatchesScalarRule() {
        for text in randomTexts(count: 5_000) {
            XCTAssertEqual(OutputRecord.wordCount(text), referenceWordCount(text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertEqual(OutputRecord.wordCount("Zürich's 3½ cafés—中文 snake_case"), 6)
    }

    /// Long, mostly plain ASCII texts with an escape, a control byte or a non-ASCII scalar at
    /// every offset of the eight-byte steps.
    func testJSONEscapingAndWordsMatchOnLongMostlyASCIIText() {
        var generator = SplitMix(seed: 0x8B_17E5)
        for round in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 90) {
                let pick = generator.next()
                let plain: [Unicode.Scalar] = ["a", "Z", " ", "0", "_", "~", "\u{7F}", "!"]
                scalars.append(pick % 9 == 0 ? Self.alphabet[Int(pick >> 8) % Self.alphabet.count] : plain[Int(pick >> 8) % plain.count])
            }
            let text = String(scalars)
            XCTAssertEqual(JSONValue.string(text).serialized(), referenceEscape(text), "\(round): \(text.debugDescription)")
            XCTAssertEqual(OutputRecord.wordCount(text), referenceWordCount(text), "\(round): \(text.debugDescription)")
        }
    }

    /// The eight-byte test against the byte rule, on random words and on every byte in every lane.
    func testPlainASCIIWordTestMatchesTheByteRule() {
        func rule(_ word: UInt64) -> Bool {
            withUnsafeBytes(of: word) { $0.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C } }
        }
        var generator = SplitMix(seed: 0x1A5C11)
        for _ in 0..<20_000 {
            let word = generator.next() & (generator.next() % 3 == 0 ? UInt64.max : 0x7F7F_7F7F_7F7F_7F7F)
            XCTAssertEqual(JSONValue.isPlainASCII(word), rule(word), "\(String(word, radix: 16))")
        }
        for lane in 0..<8 {
            for byte in UInt64(0)...0xFF {
                let word = 0x6161_6161_6161_6161 & ~(0xFF << (8 * UInt64(lane))) | byte << (8 * UInt64(lane))
                XCTAssertEqual(JSONValue.isPlainASCII(word), rule(word), "\(lane) \(byte)")
            }
        }
    }

    func testASCIIWordBytesAgreeWithUnicodeProperties() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            XCTAssertEqual(OutputRecord.wordCount(String(scalar)), OutputRecord.isWordScalar(scalar) ? 1 : 0, "\(value)")
        }
    }

    func testDigestsFromLibcryptoMatchKnownVectors() {
        // FIPS 180-4 examples, and a multi-block input fed in uneven parts.
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(bytes: Array("abc".utf8)), SHA256.hex("abc"))
        var hasher = SHA1()
        let input = Array(String(repeating: "abcdefghij", count: 100).utf8)
        hasher.update(input[0..<7])
        hasher.update(input[7..<700])
        hasher.update(input[700...])
        XCTAssertEqual(SHA1.base32(hasher.finish()), String(SHA1.warcDigest(input).dropFirst(5)))
        XCTAssertEqual(SHA1.warcDigest(Array("abc".utf8)), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5")
    }
}

/// A small fixed-seed generator so the random cases are the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
