/// Resolves inline markdown: links and autolinks become their text (targets kept
/// as `Link`s), emphasis and code markers go, images go with their alt text.
enum InlineMarkdown {
    struct Resolved {
        var text: String
        var links: [Link]
    }

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
