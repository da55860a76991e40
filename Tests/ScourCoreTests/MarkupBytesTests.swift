import XCTest
@testable import ScourCore

/// The markup scan's byte-level shortcuts must answer exactly as the String calls they stand in for.
final class MarkupBytesTests: XCTestCase {
    /// Scalars that test the shortcuts' edges: ASCII spaces and controls, Unicode spaces, Latin letters,
    /// combining marks, a prepended mark, joiners, emoji, CJK, punctuation the probes know and do not know.
    let alphabet: [String] = ["a", "B", "7", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "-", "_", ";", "K",
                              "\u{A0}", "\u{85}", "\u{2003}", "\u{3000}", "\u{2028}", "é", "ß", "Ł", "\u{AD}",
                              "\u{301}", "\u{600}", "\u{200D}", "\u{FE0F}", "👍", "中", "–", "„", "…", "€", "·",
                              "\u{212A}", "\u{37E}", "\u{1F1E9}", "\u{1F1EA}", "\u{900}", "\u{93F}", "|", ":", "»", "·",
                              "\u{387}", "\u{2000}", "\u{2002}"]

    func randomStrings(count: Int, maxLength: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxLength + 1))).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    func testCollapseMatchesCharacterSplit() {
        for text in randomStrings(count: 20000, maxLength: 12) {
            XCTAssertEqual(MarkupScan.collapse(text), text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                           "\(Array(text.unicodeScalars))")
        }
    }

    func testShortLineTextMatchesSpacedText() throws {
        var texts = randomStrings(count: 4000, maxLength: 30)
        texts += [String(repeating: "word ", count: 12), String(repeating: "word ", count: 13), String(repeating: "x", count: 100),
                  String(repeating: "x", count: 101), String(repeating: "é", count: 100), String(repeating: "é", count: 101),
                  String(repeating: "ab ", count: 400), "   ", ""]
        for (index, text) in texts.enumerated() {
            // Two text nodes: the probe must see node boundaries as the spaced text does.
            let cut = text.index(text.startIndex, offsetBy: text.count / 2)
            let html = "<html><body><p>\(text[..<cut].replacingOccurrences(of: "<", with: ""))<b>\(text[cut...])</b></p></body></html>"
            let tree = try XCTUnwrap(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"))
            var paragraph: HTMLNode?
            tree.root?.forEachDescendant { node in
                if node.tag == .p { paragraph = node }
                return paragraph == nil
            }
            let node = try XCTUnwrap(paragraph)
            let spaced = node.spacedText
            let expected = node.textBytes(upTo: 1200) > 1200 || !MarkupScan.isShortLine(spaced) ? nil : spaced
            XCTAssertEqual(MarkupScan.shortLineText(node), expected, "case \(index): \(Array(text.unicodeScalars))")
        }
    }

    func testClassFlagsMatchWordSets() {
        let vocabulary = MarkupVocabulary.bundled
        var values = ["post-meta__date", "Author-Box", "byline", "BYLINE x", "sidebar-widget", "entry-date published",
                      "a-very-long-class-name-without-meaning", "recommendationrecommendation", "recommendation",
                      "fn", "f", "autor\u{301}", "datum_é", "\u{212A}", "  ", "", "-_-", "timestamp\ttime\ncomment",
                      "advertisement-container js-share", "wp-block-post-date has-small-font-size",
                      "gallery--wrapper__with-sidebar", "has-sidebar", "no-comments", "WITHOUT_Sidebar", "with", "sidebar-with"]
        values += randomStrings(count: 2000, maxLength: 6)
        let words = ["author", "date", "time", "nav", "menu", "ad", "fn", "datum", "share", "Comments", "x", "-", "with", "has", "No"]
        var state: UInt64 = 12345
        for _ in 0..<2000 {
            var parts: [String] = []
            for _ in 0..<4 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                parts.append(words[Int(state >> 33) % words.count])
            }
            values.append(parts.joined(separator: state & 1 == 0 ? "-" : " "))
        }
        for value in values {
            var copy = value
            let split = copy.withUTF8 { MarkupScan.words($0) }
            let flags = vocabulary.classWordTable.flags(of: value)
            XCTAssertEqual(flags.author, split.contains { vocabulary.authorClassWords.contains($0) }, value)
            XCTAssertEqual(flags.date, split.contains { vocabulary.dateClassWords.contains($0) }, value)
            // A skip word right after "with", "has", "no" or "without" names what the element has beside it.
            let modifiers: Set<String> = ["with", "has", "no", "without"]
            let skips = split.indices.contains { vocabulary.skipClassWords.contains(split[$0]) && ($0 == 0 || !modifiers.contains(split[$0 - 1])) }
            XCTAssertEqual(flags.skip, skips, value)
        }
    }

    func testTitleSeparatorAbsenceAgreesWithFoundation() {
        let separators = MarkupVocabulary.bundled.titleSeparators.map(\.text)
        XCTAssertEqual(separators.count, 16)
        var titles = randomStrings(count: 3000, maxLength: 10).map { $0 + " Page" }
        titles += ["Café - Zeitung", "Spy files -- Sott.net", "A · B", "A \u{387} B", "A |\u{301} B", "Über uns – Seite", "x\u{2000}-\u{2000}y", "Tom: Ja"]
        for title in titles where TitleCleaner.isPlain(title) {
            for separator in separators where TitleCleaner.lacks(title, separator) {
                XCTAssertEqual(title.components(separatedBy: separator).count, 1, "\(Array(title.unicodeScalars)) / \(separator)")
                XCTAssertNil(title.range(of: separator, options: .backwards), "\(Array(title.unicodeScalars)) / \(separator)")
            }
        }
    }

    func testDigitSearchMatchesByteLoop() {
        var state: UInt64 = 7
        for length in 0..<40 {
            for _ in 0..<200 {
                let bytes: [UInt8] = (0..<length).map { _ in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    let pick = UInt8(truncatingIfNeeded: state >> 33)
                    return state & 0x100_0000_0000 == 0 ? pick : [0x2F, 0x30, 0x39, 0x3A, 0xB0, 0xB9, 0xAF, 0xBA][Int(pick) % 8]
                }
                bytes.withUnsafeBufferPointer { buffer in
                    XCTAssertEqual(MarkupBytes.containsDigit(buffer), bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
                }
            }
        }
    }

    func testAttributeTokensMatchStringCalls() {
        let values = ["author", "Author nofollow", "noopener  AUTHOR", "authors", " canonical", "canonical\tx", "author\u{301}",
                      "application/ld+json", "APPLICATION/LD+JSON; charset=utf-8", "text/javascript", "ld+jsoN", "lé ld+json",
                      "", " ", "  Schema:datePublished\t", "DC:date", "og:Title "]
        for value in values {
            XCTAssertEqual(MarkupBytes.lowercased(value, hasToken: "author"), value.lowercased().split(separator: " ").contains("author"), value)
            XCTAssertEqual(MarkupBytes.lowercased(value, hasToken: "canonical"), value.lowercased().split(separator: " ").contains("canonical"), value)
            XCTAssertEqual(MarkupBytes.isJSONLDType(value), value.lowercased().contains("ld+json"), value)
            if MarkupBytes.isASCII(value) {
                XCTAssertEqual(MarkupBytes.lowercasedTrimmingSpaces(value), value.lowercased().trimmingCharacters(in: .whitespaces), value)
                XCTAssertEqual(MarkupBytes.asciiLowercased(value), value.lowercased(), value)
            }
        }
    }
}
