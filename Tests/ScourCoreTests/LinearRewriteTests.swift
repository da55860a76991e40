import XCTest
@testable import ScourCore

/// The linear rewrites of 2026-12-07 against the code they replaced (kept here as the reference):
/// the same answers on random inputs made of the characters each one reads.
final class LinearRewriteTests: XCTestCase {
    /// A fixed-seed generator: the same inputs on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        /// splitmix64: every bit of the output varies (random(in:) reads the high bits).
        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testInlineMarkdownMatchesThePerBracketScan() {
        var random = Seeded(state: 7)
        let pieces = ["[", "]", "(", ")", "<", ">", "!", "*", "_", "`", " ", "a", "b", "http://x", "https://y", "mailto:z", "\n"]
        var checked = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let new = InlineMarkdown.resolve(text), old = OldInlineMarkdown.resolve(text)
            XCTAssertEqual(new.text, old.text, text)
            XCTAssertEqual(new.links, old.links, text)
            checked += text.isEmpty ? 0 : 1
        }
        XCTAssertGreaterThan(checked, 2_900, "the inputs are not empty")
    }

    func testSectionTailsMatchFoundationsSearch() {
        let cleaner = TitleCleaner(separators: MarkupVocabulary.bundled.titleSeparators)
        var random = Seeded(state: 11)
        var tailsCut = 0
        let pieces = ["Sea", "wall", "holds", " ", " | ", " - ", " – ", " :: ", " » ", "\u{00A0}", "\u{2003}", "News", "x"]
        for _ in 0..<3_000 {
            let title = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let cut = cleaner.removingSectionTails(title)
            XCTAssertEqual(cut, Self.oldRemovingSectionTails(cleaner, title), title)
            if cut != title.trimmingCharacters(in: .whitespaces) { tailsCut += 1 }
        }
        XCTAssertGreaterThan(tailsCut, 100, "some titles lose tails")
    }

    /// The end of an article (or the opening of its comments) after a real article: the carried
    /// best run before and the stretch bests after equal `runScore` over the same ranges.
    func testFirstAfterArticleMatchesRunScores() {
        var random = Seeded(state: 13)
        let values: [Double] = [-30, -4, -1, 0, 0.5, 3, 12, 25, 60, 90]
        var found = 0
        for _ in 0..<2_000 {
            let items = (0..<Int.random(in: 0...40, using: &random)).map { _ -> MainRun.Item in
                let mark = Int.random(in: 0..<6, using: &random)
                return MainRun.Item(score: values.randomElement(using: &random)!, proseWords: 0, isContent: true,
                                    endsArticle: mark == 0 || mark == 1, startsComments: mark == 1 || mark == 2)
            }
            let run = MainRun(items: items)
            let scores = items.map(\.score)
            for marks in [{ (item: MainRun.Item) in item.endsArticle }, { (item: MainRun.Item) in item.startsComments }] {
                let reference = items.indices.first { position in
                    guard marks(items[position]) else { return false }
                    let before = run.runScore(scores, in: 0..<position)
                    let after = run.runScore(scores, in: (position + 1)..<items.count)
                    return before >= run.minScoreBeforeComments && before >= 0.5 * after
                }
                XCTAssertEqual(run.firstAfterArticle(scores, where: marks), reference, "\(scores) \(items.map(\.endsArticle))")
                if reference != nil { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 200, "some inputs have an article's end")
    }

    static func oldRemovingSectionTails(_ cleaner: TitleCleaner, _ raw: String) -> String {
        var title = raw.trimmingCharacters(in: .whitespaces)
        for separator in cleaner.texts(for: .sectionTail) {
            while let range = title.range(of: separator, options: .backwards) {
                let suffix = title[range.upperBound...]
                let head = title[..<range.lowerBound]
                guard suffix.split(separator: " ").count <= 6, head.split(separator: " ").count >= 2 else { break }
                title = String(head).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }
}

/// InlineMarkdown as it was before its one-pass rewrite (4adf2f1).
enum OldInlineMarkdown {
    typealias Resolved = InlineMarkdown.Resolved

    static func resolve(_ input: String) -> Resolved {
        guard input.contains(where: { "[<*_`!".contains($0) }) else { return Resolved(text: input, links: []) }
        let chars = Array(input)
        var output = ""
        output.reserveCapacity(chars.count)
        var links: [Link] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            // ![alt](src): images carry no text worth keeping.
            if char == "!", index + 1 < chars.count, chars[index + 1] == "[",
               let (_, _, end) = linkSyntax(chars, from: index + 1) {
                index = end
                continue
            }
            if char == "[", let (text, target, end) = linkSyntax(chars, from: index) {
                let inner = resolve(text)
                output += inner.text
                links.append(Link(text: inner.text, target: target))
                index = end
                continue
            }
            if char == "<", let end = autolinkEnd(chars, from: index) {
                let url = String(chars[(index + 1)..<end])
                output += url
                links.append(Link(text: url, target: url))
                index = end + 1
                continue
            }
            if char == "*" || char == "_" || char == "`" {
                // Emphasis markers only when they hug a word: `a * b` and snake_case stay.
                let before = index > 0 ? chars[index - 1] : " "
                var run = 1
                while index + run < chars.count, chars[index + run] == char { run += 1 }
                let after = index + run < chars.count ? chars[index + run] : " "
                let opens = !after.isWhitespace && (before.isWhitespace || before.isPunctuation || index == 0)
                let closes = !before.isWhitespace && (after.isWhitespace || after.isPunctuation || index + run == chars.count)
                if (opens || closes) && !(char == "_" && before.isLetter && after.isLetter) {
                    index += run
                    continue
                }
            }
            output.append(char)
            index += 1
        }
        return Resolved(text: output, links: links)
    }

    /// `[text](target)` starting at `start`; returns text, target and the index after `)`.
    private static func linkSyntax(_ chars: [Character], from start: Int) -> (String, String, Int)? {
        var depth = 0
        var close = -1
        var index = start
        while index < chars.count {
            if chars[index] == "[" { depth += 1 }
            if chars[index] == "]" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
            index += 1
        }
        guard close > start, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var end = close + 2
        var parens = 1
        while end < chars.count {
            if chars[end] == "(" { parens += 1 }
            if chars[end] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            end += 1
        }
        guard end < chars.count else { return nil }
        let text = String(chars[(start + 1)..<close])
        var target = String(chars[(close + 2)..<end]).trimmingSpaces()
        if let space = target.firstIndex(of: " ") { target = target[..<space] } // drop a "title"
        return (text, String(target), end + 1)
    }

    private static func autolinkEnd(_ chars: [Character], from start: Int) -> Int? {
        var index = start + 1
        while index < chars.count, chars[index] != ">", !chars[index].isWhitespace { index += 1 }
        guard index < chars.count, chars[index] == ">" else { return nil }
        let inner = String(chars[(start + 1)..<index]).lowercased()
        return inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") ? index : nil
    }
}
