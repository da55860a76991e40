import Foundation

/// Byte-level stand-ins for String and Foundation calls on ASCII text without CR: there every
/// byte is one Character, lowercasing maps bytes one to one, and canonical equivalence is
/// byte equality. Callers keep the String call for other text, so results never change.
enum ASCIIText {
    /// The text's bytes with letters lowercased, or nil when it is not plain ASCII (or holds CR).
    static func lowered<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            for byte in text.utf8 {
                guard byte < 0x80, byte != 0x0D else { ok = false; break }
                buffer[count] = fold(byte)
                count += 1
            }
        }
        return ok ? bytes : nil
    }

    /// Whether the text is plain ASCII without CR.
    static func isPlain<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Offset of `needle` (lowercase ASCII bytes) in `hay` compared with hay's letters lowercased:
    /// Foundation's `.caseInsensitive` search, for ASCII text and an ASCII needle.
    static func foldedOffset<Needle: RandomAccessCollection>(of needle: Needle, in hay: UnsafeBufferPointer<UInt8>) -> Int?
    where Needle.Element == UInt8, Needle.Index == Int {
        guard let first = needle.first, needle.count <= hay.count else { return nil }
        let pin = needle.startIndex
        var start = 0
        let last = hay.count - needle.count
        while start <= last {
            if fold(hay[start]) == first {
                var offset = 1
                while offset < needle.count, fold(hay[start + offset]) == needle[pin + offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// Offset of the last occurrence of `needle` in `hay`, or nil. Anchored on the needle's
    /// second byte: the dashes searched for start with a space, the commonest byte of prose.
    static func lastOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count else { return nil }
        guard needle.count >= 2 else { return hay.lastIndex(of: needle[0]) }
        let anchor = needle[1]
        var start = hay.count - needle.count
        while start >= 0 {
            if hay[start + 1] == anchor && hay[start] == needle[0] {
                var offset = 2
                while offset < needle.count, hay[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start -= 1
        }
        return nil
    }

    /// `text.split(whereSeparator:)` at the Characters of `separators` (ASCII bytes), empty
    /// pieces left out, for plain ASCII text (each byte a Character); nil for other text.
    static func split(_ text: String, at separators: [UInt8]) -> [Substring]? {
        guard isPlain(text) else { return nil }
        var pieces: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if separators.contains(utf8[index]) {
                if start != index { pieces.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        if start != utf8.endIndex { pieces.append(text[start...]) }
        return pieces
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// `fold` on eight ASCII bytes at once (a little-endian word): a byte's high bit is set by
    /// adding 0x3F when it is at least "A", by adding 0x25 when it is past "Z" (ASCII bytes plus
    /// either never carry over), and bit 5 is set where the first holds and the second does not.
    @inline(__always)
    static func foldWord(_ word: UInt64) -> UInt64 {
        let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        return word | ((atLeastA & ~pastZ & 0x8080_8080_8080_8080) >> 2)
    }

    /// Whether a non-ASCII word can never match ASCII text, even case-insensitively: it holds an
    /// accented Latin letter (which folds and decomposes to a non-ASCII mark) or a Cyrillic one.
    /// "ß", "ſ", "ı" and "İ" do not count: they may fold to ASCII letters.
    static func neverMatchesASCII(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            let value = scalar.value
            return (value >= 0xC0 && value <= 0x24F && value != 0xDF && value != 0x130 && value != 0x131 && value != 0x17F)
                || (value >= 0x400 && value <= 0x4FF)
        }
    }

    /// Whether the text holds a letter whose case folding or decomposition is ASCII: "ß" (ss),
    /// "ſ", "ı", "İ", the Kelvin sign, the "ﬁ" ligatures, and the Greek signs that decompose
    /// to ";" and "`". Without them, a case-insensitive match of ASCII needs its bytes in the text.
    static func mayFoldToASCII(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0xDF, 0x130, 0x131, 0x17F, 0x37E, 0x1E9E, 0x1FEF, 0x212A, 0x212B, 0xFB00...0xFB06: return true
            default: return false
            }
        }
    }

    /// Whether the text holds a scalar that lowercases to ASCII ("İ" to "i" and a dot, the Kelvin
    /// sign to "k") or is canonically equivalent to ASCII (U+037E ";", U+1FEF "`"). Without them, a
    /// case-sensitive search of an ASCII needle in the lowercased text needs its bytes in the text.
    static func mayTurnASCII(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains { $0.value == 0x130 || $0.value == 0x212A || $0.value == 0x37E || $0.value == 0x1FEF }
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when the ends are other ASCII bytes.
    static func trimmingWhitespaces(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A word's leading ASCII bytes, lowercased, that any text it matches (case-insensitively
    /// or canonically) holds: without the byte before a non-ASCII scalar, which may be the base
    /// of a composed letter in the text.
    static func lead(_ word: String) -> [UInt8] {
        let ascii = word.utf8.prefix { $0 < 0x80 }.map(fold)
        return ascii.count == word.utf8.count ? ascii : Array(ascii.dropLast())
    }

    /// Whether `hay` starts with `needle` when hay's letters are lowercased.
    @inline(__always)
    static func hasLoweredPrefix<Hay: Collection>(_ hay: Hay, _ needle: [UInt8]) -> Bool where Hay.Element == UInt8 {
        var index = hay.startIndex
        for byte in needle {
            guard index != hay.endIndex else { return false }
            let value = hay[index]
            guard (value >= 0x41 && value <= 0x5A ? value + 0x20 : value) == byte else { return false }
            hay.formIndex(after: &index)
        }
        return true
    }
}

/// Words matched on ASCII text by bytes: the ASCII ones, and whether some other word could
/// still match ASCII text (its canonical decomposition is ASCII, as the Kelvin sign's is).
struct ASCIIWords: Sendable {
    let words: [[UInt8]]
    let needsFallback: Bool

    init(_ list: [String]) {
        words = list.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        needsFallback = list.contains { word in
            !word.utf8.allSatisfy { $0 < 0x80 } && word.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
        }
    }
}
