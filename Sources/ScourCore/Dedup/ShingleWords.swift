/// The near-duplicate fingerprint's words, found over UTF-8 bytes. The rule they stand for
/// (signatures are stored across runs, so it must never change): `text.lowercased()`, then
/// words are runs of Characters whose first scalar is a letter or a number
/// (`Character.isLetter || isNumber`), a Character's bytes all belonging to its word.
///
/// Bytes are lowercased scalar by scalar, as `String.lowercased()` does (ASCII by arithmetic,
/// eight bytes at a time where all eight are ASCII; other scalars only when
/// `changesWhenLowercased`). Between two ASCII scalars there is always a Character boundary (no
/// grapheme rule joins two ASCII scalars but CR LF, both non-word), so an ASCII byte followed by
/// an ASCII byte is a Character of its own and is classified by table; any stretch holding
/// non-ASCII bytes, from the ASCII byte before it up to the next pair of ASCII bytes, is split
/// into Characters by Swift itself, unless its only non-ASCII scalars are `PlainPunctuation`.
struct ShingleWords {
    /// The lowercased text's UTF-8 bytes.
    private(set) var lowered: [UInt8] = []
    /// Each word's byte range in `lowered`.
    private(set) var words: [Range<Int>] = []

    init(_ text: String) {
        lowered = Self.lowercased(text)
        words = lowered.withUnsafeBufferPointer(Self.words)
    }

    /// `Array(text.lowercased().utf8)`, without building the String.
    static func lowercased(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            // Room enough: no scalar lowercases to more than 3/2 of its bytes (see `LetterKeyBytes`).
            [UInt8](unsafeUninitializedCapacity: LetterKeyBytes.capacity(utf8.count)) { out, written in
                written = lowercase(utf8, to: out)
            }
        }
    }

    private static func lowercase(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let source = utf8.baseAddress, let target = out.baseAddress else { return 0 }
        var index = 0
        var written = 0
        while index < utf8.count {
            // Eight ASCII bytes are eight bytes of output, so there is room for them at `written`.
            if index + 8 <= utf8.count {
                let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    UnsafeMutableRawPointer(target + written).storeBytes(of: ASCIIText.foldWord(word), as: UInt64.self)
                    index += 8
                    written += 8
                    continue
                }
            }
            let byte = utf8[index]
            if byte < 0x80 {
                out[written] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                index += 1
                written += 1
                continue
            }
            let (scalar, length) = TextFold.decodeScalar(utf8, at: index)
            if scalar.properties.changesWhenLowercased {
                for lowered in scalar.properties.lowercaseMapping.utf8 { out[written] = lowered; written += 1 }
            } else {
                for offset in 0..<length { out[written + offset] = utf8[index + offset] }
                written += length
            }
            index += length
        }
        return written
    }

    /// Word ranges of lowercased UTF-8 bytes.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found = WordRanges()
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 && (index + 1 == count || bytes[index + 1] < 0x80) {
                found.mark(isASCIIWord(byte), at: index)
                index += 1
                continue
            }
            // A stretch with non-ASCII bytes: it starts on a Character boundary (the text's
            // start, or after an ASCII pair) and ends before an ASCII byte that follows an
            // ASCII byte, or at the end.
            var end = index + 1
            while end < count && !(bytes[end] < 0x80 && bytes[end - 1] < 0x80) { end += 1 }
            let stretch = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if PlainPunctuation.onlyPlain(stretch) {
                // Every scalar is a Character of its own (CR LF aside, non-word either way).
                var offset = index
                while offset < end {
                    let lead = bytes[offset]
                    found.mark(lead < 0x80 && isASCIIWord(lead), at: offset)
                    offset += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
                }
            } else {
                var offset = index
                for character in String(decoding: stretch, as: UTF8.self) {
                    let isWord = character.asciiValue.map(isASCIIWord) ?? (character.isLetter || character.isNumber)
                    found.mark(isWord, at: offset)
                    offset += character.utf8.count
                }
            }
            index = end
        }
        found.mark(false, at: count)
        return found.ranges
    }

    /// Word ranges as they are found: a struct, not a nested function, so that no captured
    /// variable is boxed and checked for exclusive access on each word.
    private struct WordRanges {
        var ranges: [Range<Int>] = []
        /// The open word's first byte, or -1.
        var start = -1

        @inline(__always)
        mutating func mark(_ isWord: Bool, at offset: Int) {
            if isWord {
                if start < 0 { start = offset }
            } else if start >= 0 {
                ranges.append(start..<offset)
                start = -1
            }
        }
    }

    /// ASCII letters and digits (the ASCII Characters that are letters or numbers), in two
    /// comparisons: setting bit 5 maps A–Z onto a–z and nothing else onto a–z.
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }
}

/// Punctuation and spaces of prose that are neither letters nor numbers and never join a
/// neighbouring scalar into one Character (grapheme break property Other or Control, not
/// pictographic beside a joiner): Latin-1's NBSP, quotes, signs and marks (U+00A0–U+00BF but
/// ª ² ³ µ ¹ º ¼ ½ ¾) and General Punctuation (U+2000–U+206F but the joiners U+200C and U+200D).
/// Next to ASCII and each other, each such scalar is a non-word Character of its own, which
/// `ShingleWordsTests` checks pair by pair against Swift's own segmentation.
enum PlainPunctuation {
    /// Bit n set: U+00A0 + n is plain (ª ² ³ µ ¹ º ¼ ½ ¾ are letters or numbers).
    static let latin1Mask: UInt32 = ~(1 << 0x0A | 1 << 0x12 | 1 << 0x13 | 1 << 0x15 | 1 << 0x19 | 1 << 0x1A
        | 1 << 0x1C | 1 << 0x1D | 1 << 0x1E)

    /// Whether every non-ASCII scalar of the valid UTF-8 `bytes` is plain punctuation.
    static func onlyPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead == 0xC2, isPlainLatin1(bytes[index + 1]) {
                index += 2
            } else if lead == 0xE2, isPlainGeneral(bytes[index + 1], bytes[index + 2]) {
                index += 3
            } else {
                return false
            }
        }
        return true
    }

    /// C2 A0 … C2 BF, bar the letters and numbers.
    @inline(__always)
    static func isPlainLatin1(_ second: UInt8) -> Bool {
        second >= 0xA0 && latin1Mask & (1 << UInt32(second - 0xA0)) != 0
    }

    /// E2 80 80 … E2 81 AF (U+2000–U+206F), bar E2 80 8C and E2 80 8D (ZWNJ, ZWJ).
    @inline(__always)
    static func isPlainGeneral(_ second: UInt8, _ third: UInt8) -> Bool {
        LetterKeyBytes.isGeneralPunctuation(second, third) && !(second == 0x80 && (third == 0x8C || third == 0x8D))
    }
}
