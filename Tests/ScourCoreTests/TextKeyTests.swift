import XCTest
@testable import ScourCore

/// Each text key's byte fast path must answer exactly as the String rule it stands for.
final class TextKeyTests: XCTestCase {
    /// ASCII letters, digits, punctuation and CR/LF; accented and decomposed letters, letters whose
    /// lowercase is longer or ASCII ("İ", the Kelvin sign), non-Latin letters and digits, marks, symbols.
    let alphabet: [String] = ["a", "Z", "7", " ", "\r\n", "\r", "\n", "&", "-", ".", "'", "’", "#", "@", "!", "…", "»",
                              "é", "E\u{301}", "\u{301}", "İ", "\u{212A}", "ß", "Σ", "Ж", "中", "٣", "½", "Ⅻ",
                              "\u{200D}", "👍", "\u{A0}", "\u{2003}", "—", "©", "→", "›", ":", "?"]

    func randomStrings(count: Int, maxLength: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxLength + 1))).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    /// The scalar rule `letters` stands for.
    func lettersRule(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(scalars)
    }

    func testLettersMatchesScalarRule() {
        for text in randomStrings(count: 5000, maxLength: 10) {
            XCTAssertEqual(TextKey.letters(text), lettersRule(text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertEqual(TextKey.letters("The Herald, 2021!"), "theherald2021")
    }

    func testLetterBytesMatchesLetters() {
        for text in randomStrings(count: 5000, maxLength: 10) {
            XCTAssertEqual(TextKey.letterBytes(text), Array(TextKey.letters(text).utf8), "\(Array(text.unicodeScalars))")
        }
    }

    func testLetterCharactersMatchesCharacterRule() {
        for text in randomStrings(count: 5000, maxLength: 10) {
            XCTAssertEqual(TextKey.letterCharacters(text), String(text.lowercased().filter { $0.isLetter || $0.isNumber }),
                           "\(Array(text.unicodeScalars))")
        }
        XCTAssertEqual(TextKey.letterCharacters("Jobs & Hire"), "jobshire")
        // The two letter keys differ where a mark is not alphabetic: the Character keeps it.
        XCTAssertEqual(TextKey.letterCharacters("E\u{301}"), "e\u{301}")
        XCTAssertEqual(TextKey.letters("E\u{301}"), "e")
    }

    func testPhraseTrimsAsTheCharacterSet() {
        for text in randomStrings(count: 3000, maxLength: 8) {
            for scalar in text.unicodeScalars {
                XCTAssertEqual(TextKey.trims(scalar), TextKey.trimSet.contains(scalar), "\(scalar.value)")
            }
        }
        XCTAssertEqual(TextKey.phrase("— Кнопка 12! —"), "кнопка #")
    }

    func testTeaserKey() {
        XCTAssertEqual(TextKey.teaser("Schon  gelesen? "), "schon gelesen")
        XCTAssertEqual(TextKey.teaser("Don’t miss »"), "don't miss")
        XCTAssertEqual(TextKey.teaser("Mehr zum Thema …"), "mehr zum thema")
    }
}
