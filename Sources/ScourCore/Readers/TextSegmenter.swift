/// Splits a plain-text or markdown dump into blocks: blank lines separate
/// chunks; markdown block syntax (headings, lists, quotes, fences) sets the kind.
/// Inline markdown stays in the text for the normalize stage to resolve.
public struct TextSegmenter: Sendable {
    /// Markdown joins every line of a paragraph; plain text dumps often put one item a line.
    public var joinParagraphLines: Bool
    /// Month names, lowercased: "28. April 2023" opens with a day, not an ordered list's number.
    public var monthNames: Set<String>

    public init(joinParagraphLines: Bool, monthNames: Set<String> = []) {
        self.joinParagraphLines = joinParagraphLines
        self.monthNames = monthNames
    }

    /// Kept whole (over 80 lines): one pass over the lines with the open block, the code fence and the chunk start as
    /// its state; the state would otherwise travel between functions on every line.
    public func segment(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var newChunk = true
        var fence: (marker: String, line: Int, body: [Substring])?
        var lineNumber = 0
        // Each entry: a block plus whether another wrapped line may still join it.
        var open = false

        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let line = rawLine
            let trimmed = line.trimmingSpaces()

            if var current = fence {
                if trimmed.hasPrefix(current.marker) {
                    blocks.append(Block(kind: .preformatted, text: current.body.joined(separator: "\n"),
                                        line: current.line, startsChunk: newChunk))
                    fence = nil
                    newChunk = false
                } else {
                    current.body.append(line)
                    fence = current
                }
                continue
            }
            if trimmed.isEmpty {
                newChunk = true
                open = false
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = (String(trimmed.prefix(3)), lineNumber, [])
                open = false
                continue
            }
            // Setext underline: the previous paragraph line becomes a heading.
            if !newChunk, open, let last = blocks.last, last.kind == .paragraph, isSetextUnderline(trimmed) {
                blocks[blocks.count - 1].kind = .heading
                blocks[blocks.count - 1].level = trimmed.first == "=" ? 1 : 2
                open = false
                continue
            }
            if let (level, title) = atxHeading(trimmed) {
                blocks.append(Block(kind: .heading, level: level, text: title, line: lineNumber, startsChunk: newChunk))
                newChunk = false
                open = false
                continue
            }
            if isThematicBreak(trimmed) {
                newChunk = true
                open = false
                continue
            }
            if let item = listItem(trimmed) {
                blocks.append(Block(kind: .listItem, text: item, line: lineNumber, startsChunk: newChunk))
                newChunk = false
                open = true
                continue
            }
            if trimmed.hasPrefix(">") {
                let body = String(trimmed.dropFirst().trimmingSpaces())
                if open, let last = blocks.last, last.kind == .quote, !newChunk {
                    blocks[blocks.count - 1].text += " " + body
                } else {
                    blocks.append(Block(kind: .quote, text: body, line: lineNumber, startsChunk: newChunk))
                }
                newChunk = false
                open = true
                continue
            }
            let body = String(trimmed)
            if open, !newChunk, let last = blocks.last, last.kind != .heading, continues(last.text, with: body) {
                blocks[blocks.count - 1].text += " " + body
            } else {
                blocks.append(Block(kind: .paragraph, text: body, line: lineNumber, startsChunk: newChunk))
            }
            newChunk = false
            open = true
        }
        if let current = fence, !current.body.isEmpty {
            blocks.append(Block(kind: .preformatted, text: current.body.joined(separator: "\n"),
                                line: current.line, startsChunk: newChunk))
        }
        return blocks
    }

    /// Whether `next` is the wrapped continuation of a line ending in `previous`.
    func continues(_ previous: String, with next: String) -> Bool {
        if joinParagraphLines { return true }
        guard let lastChar = previous.last, let firstChar = next.first else { return false }
        if lastChar == "-" && previous.count >= 30 { return true }
        if ".!?:;\"”’)»…|".contains(lastChar) { return false }
        if firstChar.isLowercase { return true }
        // A long line cut before a capitalised word (a name) is a wrap too.
        return previous.count >= 60 && !previous.hasSuffix(" ") && next.count >= 20
    }

    private func atxHeading(_ line: Substring) -> (Int, String)? {
        var level = 0
        var index = line.startIndex
        while index < line.endIndex, line[index] == "#", level < 7 {
            level += 1
            index = line.index(after: index)
        }
        guard level >= 1, level <= 6, index < line.endIndex, line[index] == " " else { return nil }
        var title = line[index...].trimmingSpaces()
        while title.hasSuffix("#") { title = title.dropLast().trimmingSpaces() }
        return title.isEmpty ? nil : (level, String(title))
    }

    private func isSetextUnderline(_ line: Substring) -> Bool {
        guard let first = line.first, first == "=" || first == "-", line.count >= 2 else { return false }
        return line.allSatisfy { $0 == first }
    }

    private func isThematicBreak(_ line: Substring) -> Bool {
        guard let head = line.first, head == "-" || head == "*" || head == "_" else { return false }
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private func listItem(_ line: Substring) -> String? {
        guard let first = line.first else { return nil }
        if "-*+•".contains(first) {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            let body = rest.trimmingSpaces()
            return body.isEmpty ? nil : String(body)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        let body = rest.dropFirst(2).trimmingSpaces()
        if marker == ".", isDayBeforeMonth(digits, body) { return nil }
        return body.isEmpty ? nil : String(body)
    }

    /// "28. April 2023, 19:50 Uhr", "3. Mai 2024", "12. MÄR 2025": a day of the month and a month's
    /// name, the way German and Nordic pages write a date. The line keeps its day.
    private func isDayBeforeMonth(_ digits: Substring, _ body: Substring) -> Bool {
        guard digits.count <= 2, let day = Int(digits), (1...31).contains(day) else { return false }
        let word = body.prefix { $0.isLetter }.lowercased()
        return !word.isEmpty && monthNames.contains(word)
    }
}

extension StringProtocol {
    /// Trims spaces and tabs (not other characters) from both ends.
    func trimmingSpaces() -> SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\u{00A0}" { start = index(after: start) }
        while end > start {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\t" || self[previous] == "\u{00A0}" else { break }
            end = previous
        }
        return self[start..<end]
    }
}
