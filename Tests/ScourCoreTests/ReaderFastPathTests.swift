import Foundation
import XCTest
@testable import ScourCore

/// The HTML reader's byte-level shortcuts (block walker, class lists, token parts, profile
/// addresses) must answer exactly as the String rules they stand in for.
final class ReaderFastPathTests: XCTestCase {
    /// Scalars at the shortcuts' edges: spaces, CR/LF, combining and prepended marks, joiners,
    /// emoji, CJK, URL punctuation, letters in both cases.
    let alphabet: [String] = ["a", "B", "z", "Q", "7", " ", "\t", "\n", "\r\n", "\r", "-", "_", ".", ":", "/", "?", "#",
                              "é", "É", "ß", "\u{301}", "\u{600}", "\u{200D}", "👍", "中", "\u{A0}", "\u{2003}", "K", "\u{212A}",
                              "www.", "http://", "HTTPS://", "//", "://"]

    func randomStrings(count: Int, maxLength: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15, from alphabet: [String]? = nil) -> [String] {
        let pool = alphabet ?? self.alphabet
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxLength + 1))).map { _ in pool[next() % pool.count] }.joined()
        }
    }

    /// The walker's link text: trimmed on bytes as the String rule trims Characters.
    func testLinkTextTrimMatchesTrimmedSpaces() {
        var texts = randomStrings(count: 20000, maxLength: 8)
        texts += [" \u{301}x ", "x\u{600} ", "x\r\n", "\n\n", " ", "", "a \u{600}\n", "\u{301}  ", "  \u{301}"]
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { HTMLBlockWalker.trimmedText($0) }
            let rule = String(decoding: bytes, as: UTF8.self).trimmedSpaces()
            XCTAssertEqual(fast, rule, "\(Array(text.unicodeScalars))")
            XCTAssertEqual(HTMLBlockWalker.scalarCount(rule), rule.unicodeScalars.count, "\(Array(text.unicodeScalars))")
        }
        // Invalid UTF-8 next to the trimmed ends: repaired the same either way.
        for bytes: [UInt8] in [[0x20, 0xC3], [0xC3, 0x20], [0x20, 0x61, 0xC3, 0x62, 0x20], [0x0A, 0xE2, 0x82], [0xF0, 0x9F, 0x20, 0x0A]] {
            let fast = bytes.withUnsafeBufferPointer { HTMLBlockWalker.trimmedText($0) }
            XCTAssertEqual(fast, String(decoding: bytes, as: UTF8.self).trimmedSpaces(), "\(bytes)")
        }
    }

    /// A text node's whitespace folds to single spaces, copied in runs: the block's text is
    /// the text's words joined by one space (the per-byte rule), whatever the bytes around them.
    func testWalkedTextFoldsWhitespaceAsTheByteRule() throws {
        let texts = randomStrings(count: 300, maxLength: 30, seed: 42,
                                  from: ["a", "B", "é", "中", "👍", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{301}", "x y"])
        for text in texts {
            let walker = try TestSupport.walk(TestSupport.htmlPage("<p>\(text)</p>"))
            var expected: [UInt8] = []
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    if let last = expected.last, last != 0x20 { expected.append(0x20) }
                } else {
                    expected.append(byte)
                }
            }
            while expected.last == 0x20 { expected.removeLast() }
            XCTAssertEqual(walker.blocks.map(\.block.text), expected.isEmpty ? [] : [String(decoding: expected, as: UTF8.self)],
                           "\(Array(text.unicodeScalars))")
        }
    }

    /// Each distinct class list is split and judged once; its answers are the per-element rule's.
    func testClassListsAnswerAsTheTokenRule() {
        let markupTokens = TestSupport.resources.markupTokens
        let words = ["sr-only", "visually-hidden", "caption", "intro", "article__intro", "ts-intro", "post", "Teaser", "x",
                     "summary", "lead", "tooltip", "é", "中", "  ", "\t", "\n", "\r", "nav", "screen-reader-text", "hidden"]
        var lists = randomStrings(count: 3000, maxLength: 5, seed: 7, from: words.map { $0 + " " } + words)
        lists += lists.prefix(200)  // met again
        var classLists = HTMLClassLists()
        var seen: [String: (index: Int, tokens: [String])] = [:]
        for list in lists where !list.isEmpty {
            let raw = Array(list.utf8)
            let index = raw.withUnsafeBufferPointer { classLists.entry($0) }
            let expectedTokens = list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .map(String.init)
            let tokens = classLists.tokens(index)
            XCTAssertEqual(tokens, expectedTokens, list)
            XCTAssertEqual(classLists.lowered(index), expectedTokens.map { $0.lowercased() }, list)
            XCTAssertEqual(classLists.skips(index, markupTokens), markupTokens.mayHoldSkipWord(raw) && markupTokens.skips(expectedTokens), list)
            XCTAssertEqual(classLists.namesLead(index, markupTokens), !expectedTokens.isEmpty && markupTokens.namesLead(expectedTokens), list)
            if let known = seen[list] {
                XCTAssertEqual(known.index, index, "a list met again is the same entry")
                let sameStorage = known.tokens.withUnsafeBufferPointer { a in tokens.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
                XCTAssertTrue(sameStorage || tokens.isEmpty, "a list met again hands out the same token array")
            } else {
                seen[list] = (index, tokens)
            }
        }
    }

    /// Token parts, split on a stack buffer, are the parts of the String rule.
    func testTokenPartsMatchTheCharacterRule() {
        var tokens = randomStrings(count: 5000, maxLength: 8, seed: 3,
                                   from: ["post", "Content", "share", "Bar", "-", "_", "__", ":", ".", "9", "é", "É", "中", "a", "Z", "\u{301}"])
        tokens += ["post-content__shareBar", "", "-", "ABC", "aBC", "articleBody"]
        for token in tokens {
            XCTAssertEqual(MarkupTokens.parts(of: token), Self.referenceParts(token), token)
        }
    }

    /// The parts rule as it was written on arrays: lowercase runs, a capital after a lowercase letter starts a part.
    static func referenceParts(_ token: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        func close() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll()
        }
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(byte); previousLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousLower { close() }
                current.append(byte | 0x20)
                previousLower = false
            case 0x80...: current.append(byte); previousLower = false
            default: close(); previousLower = false
            }
        }
        close()
        return parts
    }

    /// Profile addresses of plain ASCII hrefs, on bytes, as the String and Foundation rule.
    func testProfileKeyMatchesTheStringRule() {
        var hrefs = randomStrings(count: 20000, maxLength: 7, seed: 11,
                                  from: ["a", "B", "/", "//", "http://", "HTTPS://", "https://", "www.", "WWW.", "?", "#", " ", "\t",
                                         ":", "://", "x.de", "Author", "-", "é", "\r\n", "\n"])
        hrefs += ["https://www.example.com/author/jane/", " //cdn.x/y ", "/a", "/ab", "/abc", "www.x", "x://", "?x", "https://",
                  "HTTP://WWW.Site.DE/Team/#top", "\t/autor/max?ref=1", "//", "///"]
        for href in hrefs {
            XCTAssertEqual(MarkupScan.profileKey(href), MarkupScan.profileKeyByStrings(href), "\(Array(href.unicodeScalars))")
        }
    }

    /// A block's lowered ASCII bytes, written into the array's storage, as the appending rule made them.
    func testBylineLoweringMatchesTheAppendingRule() {
        var texts = randomStrings(count: 5000, maxLength: 10, seed: 5, from: ["a", "B", " ", "  ", "\t", "\n", "\r", ".", "Photo:", "©", "Z9"])
        texts += ["", " ", "  x  ", "\tA\nB\r"]
        for text in texts {
            var expected: [UInt8] = []
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                    pendingSpace = !expected.isEmpty
                    continue
                }
                if pendingSpace { expected.append(0x20); pendingSpace = false }
                expected.append(ASCIIText.fold(byte))
            }
            XCTAssertEqual(ByLines.asciiLowered(text), text.utf8.allSatisfy { $0 < 0x80 } ? expected : nil, "\(Array(text.unicodeScalars))")
        }
    }

    /// Whole-token flags (exact content names, roles) by bytes, as the String-keyed look-up.
    func testWholeTokenFlagsMatchTheStringLookUp() {
        let markupTokens = TestSupport.resources.markupTokens
        var tokens = ["articlebody", "article-body", "main", "navigation", "banner", "contentinfo", "complementary", "x",
                      "navigation\u{301}", "main;", "main\u{37E}", "", "Navigation"]
        tokens += randomStrings(count: 3000, maxLength: 4, seed: 9,
                                from: ["main", "nav", "igation", "banner", "article", "body", "-", "é", ";", "\u{37E}", "content", "info"])
        for token in tokens {
            XCTAssertEqual(markupTokens.wholeTokenFlags(token), markupTokens.wholeTokenFlagsByString(token), "\(Array(token.unicodeScalars))")
        }
    }

    func testNameEqualityIsByteEquality() {
        for name in ["class", "Class", "clas", "classes", "content", "itemprop", "", "id"] {
            let bytes = Array(name.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(MarkupBytes.equals(buffer, "class"), name == "class", name)
                XCTAssertEqual(MarkupBytes.equals(buffer, "itemprop"), name == "itemprop", name)
            }
        }
    }
}
