import Dispatch
import XCTest
@testable import ScourCore

/// The byte paths around the pipeline (the UTF-8 census, the letter key, digests shared by
/// threads) against the rules they stand for, on fixed-seed random input.
final class RunPathFastPathTests: XCTestCase {
    /// Bytes that make every case of the census: ASCII, well-formed sequences of each length,
    /// the lead bytes with narrowed second-byte ranges (E0, ED, F0, F4), stray continuation
    /// bytes, leads that can never start a sequence (C0, C1, F5–FF), truncated sequences.
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array(" ".utf8), Array("<p class=x>".utf8), Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8),
        Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{D7FF}".utf8), Array("\u{E000}".utf8),
        Array("\u{10FFFF}".utf8), Array("\u{FFFD}".utf8), [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xE0, 0x80],
        [0xE0, 0xA0], [0xED, 0xA0, 0x80], [0xED, 0x9F], [0xF0, 0x80], [0xF0, 0x90, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF5, 0x80], [0xFF], [0xFE],
    ]

    /// The census as Swift's own UTF-8 decoder counts: each decoded scalar past ASCII is a
    /// well-formed sequence, each error a maximal invalid subpart (U+FFFD in a String).
    private func referenceCensus(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var multibyte = 0, invalid = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): if scalar.value >= 0x80 { multibyte += 1 }
            case .error: invalid += 1
            case .emptyInput: return (multibyte, invalid)
            }
        }
    }

    func testCensusMatchesTheDecoderOnRandomBytes() {
        var generator = SplitMix(seed: 0xCE_5505)
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            // Long ASCII runs (the 32-byte step) as well as dense non-ASCII text.
            let asciiShare = UInt64(round % 4) * 3
            for _ in 0..<Int(generator.next() % 40) {
                let pick = generator.next()
                bytes += pick % 13 < asciiShare ? Self.pieces[Int(pick >> 8) % 4] : Self.pieces[Int(pick >> 8) % Self.pieces.count]
            }
            let census = UTF8Census(bytes)
            let reference = referenceCensus(bytes)
            XCTAssertEqual(census.multibyte, reference.multibyte, "\(round): \(bytes)")
            XCTAssertEqual(census.invalid, reference.invalid, "\(round): \(bytes)")
            XCTAssertEqual(UTF8Census.isValid(bytes), reference.invalid == 0, "\(round): \(bytes)")
        }
    }

    func testCensusSkipsASCIIRunsOfEveryLength() {
        for length in 0..<80 {
            for offset in [0, 1, 7, 8, 31, 32, 33] where offset <= length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                XCTAssertTrue(UTF8Census.isValid(bytes))
                if offset < length {
                    bytes[offset] = 0xFF
                    XCTAssertFalse(UTF8Census.isValid(bytes), "\(length) \(offset)")
                    XCTAssertEqual(UTF8Census(bytes).invalid, 1, "\(length) \(offset)")
                }
            }
        }
    }

    /// The letter key's byte path skips U+2000–U+206F by its bytes: none of it may be a letter or number.
    func testGeneralPunctuationHoldsNoLetterOrNumber() {
        for value in UInt32(0x2000)...0x206F {
            let scalar = Unicode.Scalar(value)!
            XCTAssertFalse(scalar.properties.isAlphabetic || scalar.properties.numericType != nil, "\(value)")
            let utf8 = Array(String(scalar).utf8)
            XCTAssertTrue(utf8[0] == 0xE2 && LetterKeyBytes.isGeneralPunctuation(utf8[1], utf8[2]), "\(value)")
        }
        for value in [UInt32(0x1FFF), 0x2070, 0x2071, 0x20AC, 0x2100, 0x2160] {
            let utf8 = Array(String(Unicode.Scalar(value)!).utf8)
            XCTAssertFalse(utf8[0] == 0xE2 && LetterKeyBytes.isGeneralPunctuation(utf8[1], utf8[2]), "\(value)")
        }
    }

    /// The letter key is written into storage sized before it is made: no scalar may lowercase
    /// to more than 3/2 of its own UTF-8 bytes.
    func testLetterKeyCapacityHoldsForEveryScalar() {
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let length = String(scalar).utf8.count
            XCTAssertLessThanOrEqual(scalar.properties.lowercaseMapping.utf8.count, LetterKeyBytes.capacity(length), "\(value)")
        }
    }

    /// Long random texts around the byte path's branches: the ends of General Punctuation
    /// (U+206F, U+2070 ⁰ a number, U+2071 ⁱ a letter), letters that grow when lowercased (İ).
    func testLetterKeyMatchesScalarRuleOnLongTexts() {
        let alphabet: [Unicode.Scalar] = ["a", "Q", "5", " ", ",", "\r", "\n", "\u{2000}", "\u{2014}", "\u{2019}", "\u{2026}",
                                          "\u{206F}", "\u{2070}", "\u{2071}", "\u{207F}", "\u{20AC}", "\u{0130}", "\u{212A}",
                                          "é", "E", "\u{0301}", "ß", "Σ", "中", "٣", "😀", "\u{00A0}", "ª"]
        var generator = SplitMix(seed: 0x1E77E5)
        for round in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 64) { scalars.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let text = String(scalars)
            var rule = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                rule.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
            XCTAssertEqual(TextKey.letters(text), String(rule), "\(round): \(text.debugDescription)")
            XCTAssertEqual(TextKey.letterBytes(text), Array(String(rule).utf8), "\(round)")
        }
        XCTAssertEqual(TextKey.letters("İstanbul — “KELVIN” 2\u{2070}"), "i\u{307}stanbulkelvin2\u{2070}")
    }

    /// The fetched digests are shared by every worker thread.
    func testDigestsAgreeAcrossThreads() {
        let texts = (0..<256).map { "document \($0) " + String(repeating: "ж", count: $0) }
        let serial = texts.map(SHA256.hex)
        let results = Slots<String>(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { results[$0] = SHA256.hex(texts[$0]) }
        XCTAssertEqual((0..<texts.count).map { results[$0] }, serial)
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
