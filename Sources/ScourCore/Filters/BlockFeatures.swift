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
        var counts = WordCounts()
        counts.scan(text, stopwords: stopwords)
        let words = counts.words
        self.words = words + (counts.digits > 0 && words == 0 ? 1 : 0)
        self.stopwordRatio = words > 0 && !stopwords.isEmpty ? Double(counts.stopwords) / Double(words) : 0
        // Counting Characters for the density is wasted when there are no links.
        self.linkDensity = block.links.isEmpty ? 0 : block.linkDensity
        self.numeric = counts.letters == 0 && counts.digits > 0
        self.sentenceLike = Self.looksLikeSentence(text)
    }

    /// One pass over the scalars: words are runs of letters and apostrophes (’ read as '),
    /// lowercased into a reused byte buffer; combining marks stay with their base letter,
    /// as they would in a Character loop.
    struct WordCounts {
        var words = 0
        var stopwords = 0
        var letters = 0
        var digits = 0

        mutating func scan(_ text: String, stopwords set: Set<String>) {
            var current: [UInt8] = []
            current.reserveCapacity(32)
            /// What the last base scalar was, so a following mark joins it or is ignored.
            var lastWasWordChar = false
            func flush() {
                guard !current.isEmpty else { return }
                words += 1
                if !set.isEmpty, set.contains(String(decoding: current, as: UTF8.self)) { stopwords += 1 }
                current.removeAll(keepingCapacity: true)
            }
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    switch value {
                    case 0x41...0x5A:
                        letters += 1
                        current.append(UInt8(value + 0x20))
                        lastWasWordChar = true
                    case 0x61...0x7A:
                        letters += 1
                        current.append(UInt8(value))
                        lastWasWordChar = true
                    case 0x27:
                        current.append(0x27)
                        lastWasWordChar = true
                    case 0x30...0x39:
                        digits += 1
                        flush()
                        lastWasWordChar = false
                    default:
                        flush()
                        lastWasWordChar = false
                    }
                    continue
                }
                let properties = scalar.properties
                if Self.extendsCharacter(scalar, properties) {
                    if lastWasWordChar { TextFold.appendLowercased(scalar, to: &current) }
                    continue
                }
                if value == 0x2019 {
                    current.append(0x27)
                    lastWasWordChar = true
                } else if properties.isAlphabetic {
                    letters += 1
                    TextFold.appendLowercased(scalar, to: &current)
                    lastWasWordChar = true
                } else if properties.numericType != nil {
                    digits += 1
                    flush()
                    lastWasWordChar = false
                } else {
                    flush()
                    lastWasWordChar = false
                }
            }
            flush()
        }

        /// Marks and joiners that belong to the previous Character.
        @inline(__always)
        static func extendsCharacter(_ scalar: Unicode.Scalar, _ properties: Unicode.Scalar.Properties) -> Bool {
            let value = scalar.value
            // Common letters of Latin-1, Latin Extended, Greek, Cyrillic and CJK never extend.
            if value < 0x300 || (value >= 0x370 && value < 0x483) || (value >= 0x3040 && value < 0x3099)
                || (value >= 0x4E00 && value < 0xA000) {
                return false
            }
            if value == 0x200D { return true }
            if properties.isGraphemeExtend { return true }
            return properties.generalCategory == .spacingMark
        }
    }

    /// Reads as article prose: long enough, shaped like sentences (or long enough not to
    /// need it), few links, and made of the language's function words.
    public func isProse(minWords: Int, hasStopwords: Bool) -> Bool {
        words >= minWords && (sentenceLike || words >= 25) && linkDensity < 0.5
            && (!hasStopwords || stopwordRatio >= 0.12)
    }

    static func looksLikeSentence(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let last = scalars[scalars.index(before: end)]
            guard isCloser(last) || last == " " else { break }
            end = scalars.index(before: end)
        }
        if end > scalars.startIndex, isTerminal(scalars[scalars.index(before: end)]) { return true }
        // Several sentences in one block: ". X" inside.
        var count = 0
        var previousIsSpace = true
        var afterTerminal = false
        for scalar in scalars {
            let value = scalar.value
            if value >= 0x80, WordCounts.extendsCharacter(scalar, scalar.properties) {
                // Part of the previous Character: it is no longer a bare space or terminal.
                previousIsSpace = false
                afterTerminal = false
                continue
            }
            if afterTerminal, previousIsSpace, isUppercase(scalar) { count += 1 }
            if isTerminal(scalar) { afterTerminal = true } else if value != 0x20 { afterTerminal = false }
            previousIsSpace = value == 0x20
        }
        guard count >= 1 else { return false }
        if count >= 2 { return true }
        let utf8 = text.utf8.count
        return utf8 >= 120 && (text.isASCIIOnly ? utf8 : text.count) >= 120
    }

    @inline(__always)
    static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }

    @inline(__always)
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201D, 0x2019, 0x27, 0x29, 0xBB, 0x5D: return true
        default: return false
        }
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return scalar.properties.isUppercase
    }
}
