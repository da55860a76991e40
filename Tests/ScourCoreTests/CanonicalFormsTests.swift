import Foundation
import XCTest
@testable import ScourCore

/// The start-up NFC/NFD shortcut against Foundation's normalization on the phrase lists
/// Scour ships and on random strings, ASCII and not (decomposed accents, Kelvin sign, Hangul).
final class CanonicalFormsTests: XCTestCase {
    private static let pieces = ["a", "Z", " ", "-", "e\u{301}", "é", "\u{212A}", "\u{1100}\u{1161}", "각", "ß", "ﬁ",
                                 "\u{0344}", "Å", "A\u{30A}", "\r\n", "ǅ", "ὰ", "0", "’"]

    func testShortcutEqualsFoundationOnRandomStrings() {
        var seed: UInt64 = 0x5EED
        for _ in 0..<3_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59)
            let text = (0..<length).map { index in Self.pieces[Int((seed >> UInt64(index * 4 % 56)) & 0xFF) % Self.pieces.count] }.joined()
            XCTAssertEqual(Array(text.canonicalComposed.utf8), Array(text.precomposedStringWithCanonicalMapping.utf8), text)
            XCTAssertEqual(Array(text.canonicalDecomposed.utf8), Array(text.decomposedStringWithCanonicalMapping.utf8), text)
        }
    }

    func testShortcutEqualsFoundationOnShippedLexicons() throws {
        let resources = try Resources.load()
        var phrases: [String] = []
        for lexicon in resources.lexicons.values {
            for rule in lexicon.rules.values { phrases += rule.exact + rule.prefix + rule.suffix + rule.contains }
        }
        XCTAssertGreaterThan(phrases.count, 500)
        XCTAssertTrue(phrases.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }, "some shipped phrase is not ASCII")
        for phrase in phrases {
            XCTAssertEqual(phrase.canonicalComposed, phrase.precomposedStringWithCanonicalMapping)
            XCTAssertEqual(Array(phrase.canonicalComposed.utf8), Array(phrase.precomposedStringWithCanonicalMapping.utf8))
        }
    }
}
