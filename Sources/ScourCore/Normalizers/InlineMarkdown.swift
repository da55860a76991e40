/// Resolves inline markdown: links and autolinks become their text (targets kept
/// as `Link`s), emphasis and code markers go, images go with their alt text.
enum InlineMarkdown {
    struct Resolved {
        var text: String
        var links: [Link]
    }

    /// Links inside a link's text are resolved this deep; deeper ones keep their text as written
    /// (a line of thousands of nested links must not recurse that deep).
    static let nestedLinkDepth = 8

    static func resolve(_ input: String, depth: Int = 0) -> Resolved {
        guard input.contains(where: { "[<*_`!".contains($0) }) else { return Resolved(text: input, links: []) }
        let chars = Array(input)
        // Where each bracket closes and where each autolink could end, found once: every '[' and
        // '<' of a line is tried, and a search from each cost the square of a long line's length.
        let marks = Marks(chars)
        var output = ""
        output.reserveCapacity(chars.count)
        var links: [Link] = []
        var index = 0
        while index < chars.count {
            let char = chars[index]
            // ![alt](src): images carry no text worth keeping.
            if char == "!", index + 1 < chars.count, chars[index + 1] == "[",
               let (_, _, end) = linkSyntax(chars, marks, from: index + 1) {
                index = end
                continue
            }
            if char == "[", let (text, target, end) = linkSyntax(chars, marks, from: index) {
                let inner = depth < nestedLinkDepth ? resolve(text, depth: depth + 1) : Resolved(text: text, links: [])
                output += inner.text
                links.append(Link(text: inner.text, target: target))
                index = end
                continue
            }
            if char == "<", let end = autolinkEnd(chars, marks, from: index) {
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

    /// One pass's answers for a line: the ']' closing each '[' and the ')' closing each '(' (nested
    /// pairs counted: the first place the count since the opening returns to zero), and for each
    /// place the next '>' or white space.
    struct Marks {
        var closing: [Int]
        var nextStop: [Int]

        init(_ chars: [Character]) {
            closing = [Int](repeating: -1, count: chars.count)
            var brackets: [Int] = [], parens: [Int] = []
            for (index, char) in chars.enumerated() {
                switch char {
                case "[": brackets.append(index)
                case "]": if let open = brackets.popLast() { closing[open] = index }
                case "(": parens.append(index)
                case ")": if let open = parens.popLast() { closing[open] = index }
                default: break
                }
            }
            nextStop = [Int](repeating: chars.count, count: chars.count + 1)
            var stop = chars.count
            for index in chars.indices.reversed() {
                if chars[index] == ">" || chars[index].isWhitespace { stop = index }
                nextStop[index] = stop
            }
        }
    }

    /// `[text](target)` starting at `start`; returns text, target and the index after `)`.
    private static func linkSyntax(_ chars: [Character], _ marks: Marks, from start: Int) -> (String, String, Int)? {
        let close = marks.closing[start]
        guard close > start, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        let end = marks.closing[close + 1]
        guard end > close + 1 else { return nil }
        let text = String(chars[(start + 1)..<close])
        var target = String(chars[(close + 2)..<end]).trimmingSpaces()
        if let space = target.firstIndex(of: " ") { target = target[..<space] } // drop a "title"
        return (text, String(target), end + 1)
    }

    private static func autolinkEnd(_ chars: [Character], _ marks: Marks, from start: Int) -> Int? {
        let index = marks.nextStop[start + 1]
        guard index < chars.count, chars[index] == ">" else { return nil }
        // Only the address's first eight characters decide ("https://" is the longest prefix).
        let head = String(chars[(start + 1)..<min(index, start + 9)]).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://") || head.hasPrefix("mailto:") ? index : nil
    }
}
