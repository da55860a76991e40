/// Text features of one block that the boilerplate and metadata rules share.
public struct BlockFeatures: Sendable {
    public var words: Int
    /// Share of words that are stopwords of the document's language (0 when unknown).
    public var stopwordRatio: Double
    /// Ends like a sentence, or holds more than one sentence.
    public var sentenceLike: Bool
    public var linkDensity: Double
    /// Digits, spaces and separators only: page numbers, calendars, scores.
    public var numeric: Bool

    public init(_ block: Block, stopwords: Set<String>) {
        let text = block.text
        var words = 0
        var stop = 0
        var letters = 0
        var digits = 0
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            words += 1
            if stopwords.contains(current) { stop += 1 }
            current = ""
        }
        for char in text {
            if char.isLetter || char == "'" || char == "’" {
                if char.isLetter { letters += 1 }
                current.append(contentsOf: char == "’" ? "'" : char.lowercased())
            } else if char.isNumber {
                digits += 1
                flush()
                current = ""
            } else {
                flush()
            }
        }
        flush()
        self.words = words + (digits > 0 && words == 0 ? 1 : 0)
        self.stopwordRatio = words > 0 && !stopwords.isEmpty ? Double(stop) / Double(words) : 0
        self.linkDensity = block.linkDensity
        self.numeric = letters == 0 && digits > 0
        self.sentenceLike = Self.looksLikeSentence(text)
    }

    /// Reads as article prose: long enough, shaped like sentences (or long enough not to
    /// need it), few links, and made of the language's function words.
    public func isProse(minWords: Int, hasStopwords: Bool) -> Bool {
        words >= minWords && (sentenceLike || words >= 25) && linkDensity < 0.5
            && (!hasStopwords || stopwordRatio >= 0.12)
    }

    static let terminal: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "»", "]"]

    static func looksLikeSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, closers.contains(last) || last == " " { trimmed = trimmed.dropLast() }
        if let last = trimmed.last, terminal.contains(last) { return true }
        // Several sentences in one block: ". X" inside.
        var count = 0
        var previous: Character = " "
        var afterTerminal = false
        for char in text {
            if afterTerminal, previous == " ", char.isUppercase { count += 1 }
            if terminal.contains(char) { afterTerminal = true } else if char != " " { afterTerminal = false }
            previous = char
        }
        return count >= 2 || (count >= 1 && text.count >= 120)
    }
}
