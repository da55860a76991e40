import XCTest
@testable import ScourCore

/// `ShingleWords`' byte shortcuts against the String rules they stand for.
final class ShingleWordsTests: XCTestCase {
    private static var plainScalars: [Unicode.Scalar] {
        let latin1 = (UInt32(0xA0)...0xBF).filter { PlainPunctuation.isPlainLatin1(UInt8($0)) }
        let general = (UInt32(0x2000)...0x206F).filter { $0 != 0x200C && $0 != 0x200D }
        return (latin1 + general).compactMap(Unicode.Scalar.init)
    }

    /// The byte test and the scalars it stands for are the same set.
    func testPlainPunctuationBytesNameTheListedScalars() {
        let listed = Set(Self.plainScalars.map(\.value))
        for value in UInt32(0x80)..<0x2100 {
            let utf8 = Array(String(Unicode.Scalar(value)!).utf8)
            let plain = utf8.withUnsafeBufferPointer(PlainPunctuation.onlyPlain)
            XCTAssertEqual(plain, listed.contains(value), "\(String(value, radix: 16))")
        }
        XCTAssertEqual(listed.count, 32 - 9 + 0x70 - 2)
    }

    /// Each plain scalar is no letter or number and stands apart from any ASCII scalar and any
    /// other plain scalar on either side, as Swift segments Characters.
    func testPlainPunctuationNeverJoinsANeighbour() {
        let plain = Self.plainScalars
        let ascii = (UInt32(0)..<0x80).compactMap(Unicode.Scalar.init)
        for scalar in plain {
            let character = Character(scalar)
            XCTAssertFalse(character.isLetter || character.isNumber, "\(scalar.value)")
            for other in ascii + plain {
                XCTAssertEqual(String(String.UnicodeScalarView([scalar, other])).count, 2, "\(scalar.value) \(other.value)")
                XCTAssertEqual(String(String.UnicodeScalarView([other, scalar])).count, 2, "\(other.value) \(scalar.value)")
            }
        }
    }

    func testASCIIWordBytesAreTheLetterAndNumberCharacters() {
        for byte in UInt8(0)..<0x80 {
            let character = Character(Unicode.Scalar(byte))
            XCTAssertEqual(ShingleWords.isASCIIWord(byte), character.isLetter || character.isNumber, "\(byte)")
        }
    }

    func testEightByteLowercasingMatchesTheByteRule() {
        var generator = SplitMix(seed: 0xA5C11)
        for _ in 0..<20_000 {
            let word = generator.next() & 0x7F7F_7F7F_7F7F_7F7F
            let bytes = withUnsafeBytes(of: word) { Array($0) }
            let expected = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            XCTAssertEqual(withUnsafeBytes(of: ASCIIText.foldWord(word)) { Array($0) }, expected, "\(bytes)")
        }
        for byte in UInt8(0)..<0x80 {
            let word = UInt64(byte) &* 0x0101_0101_0101_0101
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            XCTAssertEqual(ASCIIText.foldWord(word), UInt64(lowered) &* 0x0101_0101_0101_0101, "\(byte)")
        }
    }

    /// Words and lowercasing against `text.lowercased()` split into letter-or-number Characters,
    /// on texts where punctuation meets marks, joiners, prepend scalars and non-ASCII letters.
    func testWordsMatchTheCharacterRuleAroundPunctuation() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Q", "7", " ", ".", "\r", "\n", "\u{A0}", "«", "»", "©", "·", "ª", "²", "\u{AD}", "\u{2014}", "\u{201C}",
            "\u{2019}", "\u{2026}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{203C}", "\u{2060}", "\u{206F}",
            "\u{2070}", "\u{0301}", "\u{0903}", "\u{0600}", "\u{0D4E}", "\u{FE0F}", "\u{1F1E9}", "😀", "İ", "É", "ж", "中",
        ]
        var generator = SplitMix(seed: 0x5417_0D5)
        for round in 0..<4000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                let pick = generator.next()
                scalars.append(pick % 2 == 0 ? alphabet[Int(pick >> 8) % 7] : alphabet[Int(pick >> 8) % alphabet.count])
            }
            let text = String(scalars)
            let lowered = text.lowercased()
            XCTAssertEqual(ShingleWords.lowercased(text), Array(lowered.utf8), "\(round): \(text.debugDescription)")
            let expected = lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { Array($0.utf8) }
            let found = ShingleWords(text)
            XCTAssertEqual(found.words.map { Array(found.lowered[$0]) }, expected, "\(round): \(text.debugDescription)")
        }
    }
}
