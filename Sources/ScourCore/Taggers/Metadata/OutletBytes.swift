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

    /// Whether the text holds "©" (C2 A9), which the copyright rule looks for.
    static func hasCopyrightSign(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && byte == 0xA9 { return true }
            previous = byte
        }
        return false
    }

    /// For ASCII text without CR: whether some pattern's `before` bytes are in its lowercased
    /// bytes, searched in place with case folded. Other text may hold one (true).
    static func mayHoldPattern(_ text: String, befores: [[UInt8]]) -> Bool {
        guard ASCIIText.isPlain(text) else { return true }
        var text = text
        return text.withUTF8 { buffer in befores.contains { ASCIIText.foldedOffset(of: $0, in: buffer) != nil } }
    }
}
