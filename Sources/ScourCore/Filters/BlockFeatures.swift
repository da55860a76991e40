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
    /// Letters (alphabetic scalars, Han and kana characters), for `PhraseMatcher.match`'s shortcut.
    var letters: Int

    public init(_ block: Block, stopwords: Set<String>) {
        var counts = WordCounts()
        counts.scan(block.text, stopwords: stopwords)
        self.init(block, counts: counts, hasStopwords: !stopwords.isEmpty)
    }

    /// The same features, with the stopwords looked up by bytes (see `StopwordSet`).
    init(_ block: Block, stopwords: StopwordSet) {
        var counts = WordCounts()
        counts.scan(block.text, stopwords: stopwords)
        self.init(block, counts: counts, hasStopwords: !stopwords.isEmpty)
    }

    private init(_ block: Block, counts: WordCounts, hasStopwords: Bool) {
        let text = block.text
        let words = counts.words
        self.words = words + (counts.digits > 0 && words == 0 ? 1 : 0)
        self.stopwordRatio = words > 0 && hasStopwords ? Double(counts.stopwords) / Double(words) : 0
        // Counting Characters for the density is wasted when there are no links.
        self.linkDensity = block.links.isEmpty ? 0 : block.linkDensity
        self.numeric = counts.letters == 0 && counts.digits > 0
        self.letters = counts.letters
        self.sentenceLike = Self.looksLikeSentence(text)
    }

    /// One pass over the scalars: words are runs of letters and apostrophes (’ read as '), or
    /// pairs of Han/kana characters;
    /// lowercased into a reused byte buffer; combining marks stay with their base letter,
    /// as they would in a Character loop.
    struct WordCounts: Equatable {
        var words = 0
        var stopwords = 0
        var letters = 0
        var digits = 0
        /// Han and kana characters seen.
        var unspaced = 0

        mutating func scan(_ text: String, stopwords set: Set<String>) {
            scan(text) { word, _ in !set.isEmpty && set.contains(String(decoding: word, as: UTF8.self)) }
        }

        mutating func scan(_ text: String, stopwords set: StopwordSet) {
            scan(text) { word, stable in set.contains(word, nfcStable: stable) }
        }

        /// The scan itself; `isStopword` gets each word's lowercased bytes and whether they are
        /// their own NFC form (only ASCII and letters that never compose, see `StopwordSet`).
        /// `asciiFastPath: false` only for tests, which hold the fast path to the general loop.
        mutating func scan(_ text: String, asciiFastPath: Bool = true,
                           isStopword: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) {
            var text = text
            var counts = self
            text.withUTF8 { bytes in
                // Room for one lowercased ASCII word, so most words skip the growable buffer.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.shortWord) { word in
                    Self.scan(bytes, into: &counts, word: asciiFastPath ? word : nil, isStopword: isStopword)
                }
            }
            self = counts
        }

        /// Longest ASCII word the fast path lowercases on the stack; longer ones take the general path.
        static let shortWord = 48

        /// Where an ASCII word starting at `start` ends (its letters and apostrophes), and its letter
        /// count, when the word is whole there: the text ends or an ASCII byte follows. nil when a
        /// non-ASCII byte follows (a mark, a letter or ’ could continue the word) or the word is long.
        @inline(__always)
        static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, letters: Int)? {
            var end = start, letters = 0
            while end < bytes.count {
                let byte = bytes[end]
                if byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A { letters += 1 } else if byte != 0x27 { break }
                end += 1
            }
            guard end - start <= shortWord, end == bytes.count || bytes[end] < 0x80 else { return nil }
            return (end, letters)
        }

        /// The loop on the text's bytes, with the counters in locals (not captured by the closure above).
        /// Kept whole (over 80 lines): the hot per-byte loop of every block; split into calls it would
        /// pass the counters back and forth on every byte.
        private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into counts: inout WordCounts,
                                 word: UnsafeMutableBufferPointer<UInt8>?,
                                 isStopword: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) {
            var words = counts.words, stopwords = counts.stopwords, letters = counts.letters
            var digits = counts.digits, unspaced = counts.unspaced
            var current: [UInt8] = []
            current.reserveCapacity(32)
            var stable = true
            /// What the last base scalar was, so a following mark joins it or is ignored.
            var lastWasWordChar = false
            func flush() {
                guard !current.isEmpty else { return }
                words += 1
                if current.withUnsafeBufferPointer({ isStopword($0, stable) }) { stopwords += 1 }
                current.removeAll(keepingCapacity: true)
                stable = true
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // A whole ASCII word (most words): counted and looked up where it stands.
                if let word, current.isEmpty, byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte == 0x27,
                   let (end, wordLetters) = asciiWord(bytes, from: index) {
                    for offset in index..<end { word[offset - index] = ASCIIText.fold(bytes[offset]) }
                    words += 1
                    letters += wordLetters
                    if isStopword(UnsafeBufferPointer(rebasing: word[0..<(end - index)]), true) { stopwords += 1 }
                    lastWasWordChar = true
                    index = end
                    continue
                }
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x41...0x5A:
                        letters += 1
                        current.append(byte + 0x20)
                        lastWasWordChar = true
                    case 0x61...0x7A:
                        letters += 1
                        current.append(byte)
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
                let (scalar, length) = TextFold.decodeScalar(bytes, at: index)
                index += length
                let value = scalar.value
                let properties = scalar.properties
                if Self.extendsCharacter(scalar, properties) {
                    if lastWasWordChar {
                        TextFold.appendLowercased(scalar, to: &current)
                        stable = false
                    }
                    continue
                }
                if value == 0x2019 {
                    current.append(0x27)
                    lastWasWordChar = true
                } else if Self.isUnspacedScript(value) {
                    // Chinese and Japanese write no spaces: two characters count as one word.
                    flush()
                    letters += 1
                    unspaced += 1
                    if unspaced % 2 == 0 { words += 1 }
                    lastWasWordChar = false
                } else if properties.isAlphabetic {
                    letters += 1
                    TextFold.appendLowercased(scalar, to: &current)
                    if stable { stable = StopwordSet.lowercasesStably(value) }
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
            counts.words = words
            counts.stopwords = stopwords
            counts.letters = letters
            counts.digits = digits
            counts.unspaced = unspaced
        }

        @inline(__always)
        static func isUnspacedScript(_ value: UInt32) -> Bool {
            (value >= 0x3040 && value <= 0x30FF) || (value >= 0x3400 && value <= 0x4DBF)
                || (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0xF900 && value <= 0xFAFF)
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
        // The last mark may be any script's full stop ("।", Burmese "။", Armenian "։"): Unicode's Sentence_Terminal.
        if end > scalars.startIndex, case let last = scalars[scalars.index(before: end)],
           isTerminal(last) || (last.value >= 0x80 && last.properties.isSentenceTerminal) { return true }
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
            if afterTerminal, previousIsSpace, isUppercase(scalar) {
                count += 1
                if count >= 2 { return true }
            }
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

/// A language's stopwords, looked up by the UTF-8 bytes of a lowercased word. `Set<String>`
/// compares by canonical equivalence, so the bytes answer only for words that are their own NFC
/// form (ASCII, and Latin or Cyrillic letters that lowercase to a single precomposed letter);
/// other words are asked of the set itself, with the same result as before.
struct StopwordSet: Sendable {
    let words: Set<String>
    /// The words' NFC bytes.
    private let table: ByteTable<Bool>

    init(_ words: Set<String>) {
        self.words = words
        table = ByteTable(words.sorted().map { (Array($0.canonicalComposed.utf8), true) })
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ word: UnsafeBufferPointer<UInt8>, nfcStable: Bool) -> Bool {
        guard !words.isEmpty else { return false }
        guard nfcStable else { return words.contains(String(decoding: word, as: UTF8.self)) }
        return table.value(for: word) != nil
    }

    /// A letter whose lowercase (by `TextFold.appendLowercased`) is one precomposed scalar that NFC leaves alone
    /// and that never composes with a neighbour: Latin-1 and Latin Extended-A letters (not İ, which lowercases
    /// to i and a combining dot), Cyrillic letters (not its combining marks).
    @inline(__always)
    static func lowercasesStably(_ value: UInt32) -> Bool {
        (value >= 0xC0 && value <= 0x17F && value != 0x130) || (value >= 0x400 && value <= 0x482) || (value >= 0x48A && value <= 0x4FF)
    }
}
