import Foundation

/// Byte checks that stand before the outlet rules' Foundation searches: each is a necessary
/// condition for the search it guards to find anything, so skipping it changes no answer.
enum OutletBytes {
    /// Whether the text holds U+00A0 or U+202F, which `publicationName` turns into spaces.
    static func hasNoBreakSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if (previous == 0xC2 && byte == 0xA0) || (beforePrevious == 0xE2 && previous == 0x80 && byte == 0xAF) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether the text holds " - ", "–" or "—", the dashes `leadingDateline` looks for.
    /// None has a canonical equivalent, so the bytes must be there for a match.
    static func hasDash(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if beforePrevious == 0x20 && previous == 0x2D && byte == 0x20 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0x93 || byte == 0x94) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether a case-insensitive search for a phrase whose leading ASCII is `lead` may find it:
    /// text with no letter that folds to ASCII must hold the lead's bytes, case aside.
    static func mayHold(_ text: String, lead: [UInt8]) -> Bool {
        if lead.isEmpty || ASCIIText.mayFoldToASCII(text) { return true }
        var text = text
        return text.withUTF8 { ASCIIText.foldedOffset(of: lead, in: $0) != nil }
    }

    /// Whether the text holds "©" (C2 A9), or the circled c Korean and Japanese sites write for it
    /// ("ⓒ", "Ⓒ"), which the copyright rule looks for.
    static func hasCopyrightSign(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in copyrightSigns.contains { contains($0, in: bytes) } }
    }

    static let signs = ["©", "ⓒ", "Ⓒ"]
    static let copyrightSigns = signs.map { Array($0.utf8) }

    /// For ASCII text without CR: whether some pattern's `before` bytes are in its lowercased
    /// bytes, searched in place with case folded. Other text may hold one (true).
    static func mayHoldPattern(_ text: String, befores: FoldedNeedles) -> Bool {
        !ASCIIText.isPlain(text) || befores.anyIn(text, emptyMatches: false)
    }

    /// `ByteSearch.firstOffset(of: needle, in: hay) != nil`, with the needle's first byte found by
    /// `memchr`: `properCase` asks it of every block's letter key, most of which lack the name.
    static func contains(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { contains(needle, in: $0) }
    }

    static func contains(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= hay.count else { return false }
        return needle.withUnsafeBufferPointer { needleBuffer in
            let base = hay.baseAddress!
            let last = hay.count - needleBuffer.count
            var start = 0
            while start <= last {
                guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, needleBuffer.baseAddress!, needleBuffer.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }
}
