/// The near-duplicate fingerprint's words, found over UTF-8 bytes. The rule they stand for
/// (signatures are stored across runs, so it must never change): `text.lowercased()`, then
/// words are runs of Characters whose first scalar is a letter or a number
/// (`Character.isLetter || isNumber`), a Character's bytes all belonging to its word.
///
/// Bytes are lowercased scalar by scalar, as `String.lowercased()` does (ASCII by arithmetic,
/// other scalars only when `changesWhenLowercased`). Between two ASCII scalars there is always
/// a Character boundary (no grapheme rule joins two ASCII scalars but CR LF, both non-word), so
/// an ASCII byte followed by an ASCII byte is a Character of its own and is classified by
/// table; any stretch holding non-ASCII bytes, from the ASCII byte before it up to the next
/// pair of ASCII bytes, is split into Characters by Swift itself.
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
            var bytes = [UInt8]()
            bytes.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                let (scalar, length) = TextFold.decodeScalar(utf8, at: index)
                if scalar.properties.changesWhenLowercased {
                    bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<(index + length)]))
                }
                index += length
            }
            return bytes
        }
    }

    /// Word ranges of lowercased UTF-8 bytes.
    private static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        func mark(_ isWord: Bool, at offset: Int) {
            if isWord, start == nil { start = offset }
            if !isWord, let begin = start { words.append(begin..<offset); start = nil }
        }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 && (index + 1 == count || bytes[index + 1] < 0x80) {
                mark(isASCIIWord(byte), at: index)
                index += 1
                continue
            }
            // A stretch with non-ASCII bytes: it starts on a Character boundary (the text's
            // start, or after an ASCII pair) and ends before an ASCII byte that follows an
            // ASCII byte, or at the end.
            var end = index + 1
            while end < count && !(bytes[end] < 0x80 && bytes[end - 1] < 0x80) { end += 1 }
            let stretch = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            var offset = index
            for character in stretch {
                let isWord: Bool
                if let ascii = character.asciiValue {
                    isWord = isASCIIWord(ascii)
                } else {
                    isWord = character.isLetter || character.isNumber
                }
                mark(isWord, at: offset)
                offset += character.utf8.count
            }
            index = end
        }
        if let begin = start { words.append(begin..<count) }
        return words
    }

    /// ASCII letters and digits: the ASCII Characters that are letters or numbers.
    @inline(__always)
    private static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
    }
}
