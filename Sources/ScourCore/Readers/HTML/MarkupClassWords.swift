/// What an element's class and id words say: it holds an author, a date, or sits in a region
/// (comments, sidebar, share bar) whose names and dates belong to other texts.
struct ClassFlags: Sendable {
    var author = false
    var date = false
    var skip = false

    mutating func formUnion(_ other: ClassFlags) {
        author = author || other.author
        date = date || other.date
        skip = skip || other.skip
    }
}

/// The vocabulary's class words (author, date, skip), matched straight on an attribute's bytes.
/// Every element of every page has its class and id read, so no String is made per word:
/// ASCII words of up to 16 bytes are packed into two integers and found in a small open-addressing
/// table; longer ones take the String sets, which decide exactly as before.
/// A class: the scan hands it to every element, as one reference rather than a copy of its tables.
final class ClassWordTable: Sendable {
    private struct Slot: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// 0 marks an empty slot (no word is empty).
        var length: UInt8 = 0
        var flags = ClassFlags()
    }

    private let slots: [Slot]
    private let mask: Int
    private let authorWords: Set<String>
    private let dateWords: Set<String>
    private let skipWords: Set<String>
    /// Some vocabulary word is not plain ASCII, or holds ';', '`' or 'K' (which U+037E, U+1FEF and
    /// U+212A are canonically equal to): String equality could then match words the table does not
    /// know, so every word takes the String sets. Otherwise a word with a non-ASCII byte matches nothing.
    private let stringsOnly: Bool
    /// Bit n: some plain vocabulary word is n bytes long (a cheap test before hashing).
    private let wordLengths: UInt32
    /// The longest plain vocabulary word; a plain class word longer than this matches nothing.
    private let longestPlainWord: Int
    /// Bit (second byte & 31) of entry (first byte & 31): a plain vocabulary word starts so
    /// (letters fold to the same bits in either case).
    private let pairs: [UInt32]

    init(author: Set<String>, date: Set<String>, skip: Set<String>) {
        authorWords = author
        dateWords = date
        skipWords = skip
        let all = author.union(date).union(skip)
        stringsOnly = all.contains { word in
            word.utf8.contains { $0 >= 0x80 || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "K") }
        }
        let plainLengths = all.filter { !$0.isEmpty && $0.utf8.count <= 16 }.map(\.utf8.count)
        wordLengths = plainLengths.reduce(0) { $0 | 1 << UInt32($1) }
        longestPlainWord = all.map(\.utf8.count).max() ?? 0
        var pairs = [UInt32](repeating: 0, count: 32)
        for word in all where word.utf8.count >= 2 {
            let bytes = Array(word.utf8)
            pairs[Int(bytes[0] & 31)] |= 1 << UInt32(bytes[1] & 31)
        }
        self.pairs = pairs
        var size = 16
        while size < all.count * 4 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        for word in all where word.utf8.count <= 16 && !word.isEmpty {
            let (low, high) = Self.pack(Array(word.utf8))
            let length = UInt8(word.utf8.count)
            var index = Self.hash(low, high, length) & (size - 1)
            while slots[index].length != 0 { index = (index + 1) & (size - 1) }
            slots[index] = Slot(low: low, high: high, length: length,
                                flags: ClassFlags(author: author.contains(word), date: date.contains(word),
                                                     skip: skip.contains(word)))
        }
        self.slots = slots
        mask = size - 1
    }

    private static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset < 8 { low |= UInt64(byte) << (8 * UInt64(offset)) } else { high |= UInt64(byte) << (8 * UInt64(offset - 8)) }
        }
        return (low, high)
    }

    private static func hash(_ low: UInt64, _ high: UInt64, _ length: UInt8) -> Int {
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed >> 40)
    }

    /// Flags of one class or id value: words split on spaces, tabs, newlines, '-' and '_', ASCII lowercased
    /// (the same words as `MarkupScan.words`).
    func flags(of value: String) -> ClassFlags {
        var copy = value
        return copy.withUTF8 { flags(of: $0) }
    }

    func flags(of bytes: UnsafeBufferPointer<UInt8>) -> ClassFlags {
        var result = ClassFlags()
        guard let base = bytes.baseAddress else { return result }
        let count = bytes.count
        var start = 0
        var afterModifier = false
        // "category-socialmedia-social-web", "tag-comments": a taxonomy token (WordPress's post
        // classes) names what the post is filed under; its words mark no region.
        var inTaxonomy = false, tokenStart = true
        while start < count {
            let end = Self.nextSeparator(base, from: start, count: count)
            if end > start {
                if afterModifier || inTaxonomy {
                    // "with-sidebar", "has-comments", "no-sidebar": the element has (or lacks) such a
                    // region beside it; it is not one; nor is a post filed under "social". Its other flags still count.
                    var word = ClassFlags()
                    classify(base, start: start, length: end - start, count: count, into: &word)
                    word.skip = false
                    result.formUnion(word)
                } else {
                    classify(base, start: start, length: end - start, count: count, into: &result)
                }
                afterModifier = Self.isModifier(base + start, length: end - start)
                if tokenStart, Self.isTaxonomy(base + start, length: end - start) { inTaxonomy = true }
                tokenStart = false
            }
            // A space, tab or newline ends the token; '-' and '_' only the word.
            if end < count, base[end] != UInt8(ascii: "-"), base[end] != UInt8(ascii: "_") { inTaxonomy = false; tokenStart = true }
            start = end + 1
        }
        return result
    }

    /// "category", "tag", "tags" (any case): the first word of a taxonomy token.
    @inline(__always)
    private static func isTaxonomy(_ word: UnsafePointer<UInt8>, length: Int) -> Bool {
        func lower(_ index: Int) -> UInt8 { word[index] | 0x20 }
        switch length {
        case 3: return lower(0) == 0x74 && lower(1) == 0x61 && lower(2) == 0x67
        case 4: return lower(0) == 0x74 && lower(1) == 0x61 && lower(2) == 0x67 && lower(3) == 0x73
        case 8: return lower(0) == 0x63 && lower(1) == 0x61 && lower(2) == 0x74 && lower(3) == 0x65
            && lower(4) == 0x67 && lower(5) == 0x6F && lower(6) == 0x72 && lower(7) == 0x79
        default: return false
        }
    }

    /// "with", "has", "no", "without" (any case): a class word that says what an element has.
    @inline(__always)
    private static func isModifier(_ word: UnsafePointer<UInt8>, length: Int) -> Bool {
        if length == 2 { return word[0] | 0x20 == 0x6E && word[1] | 0x20 == 0x6F }
        return MarkupTokens.isModifier(UnsafeBufferPointer(start: word, count: length))
    }

    /// One word's flags. Words are first tested on their length and first two letters,
    /// which rules out nearly all of them before any packing or hashing.
    @inline(__always)
    private func classify(_ base: UnsafePointer<UInt8>, start: Int, length: Int, count: Int, into result: inout ClassFlags) {
        if stringsOnly {
            lookUpString(UnsafeBufferPointer(start: base + start, count: length), into: &result)
            return
        }
        // From here on no word with a non-ASCII byte can match: it is left out wherever that shows.
        guard length <= longestPlainWord else { return }
        if length > 16 {
            lookUpString(UnsafeBufferPointer(start: base + start, count: length), into: &result)
            return
        }
        guard (wordLengths >> UInt32(length)) & 1 != 0 else { return }
        if length >= 2 && (pairs[Int(base[start] & 31)] >> UInt32(base[start + 1] & 31)) & 1 == 0 { return }
        var low: UInt64 = 0, high: UInt64 = 0
        if start + 16 <= count {
            // One unaligned load per half, cut to the word's length (little-endian).
            low = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            high = UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self)
            if length < 8 {
                low &= (1 << UInt64(8 * length)) - 1
                high = 0
            } else if length < 16 {
                high &= (1 << UInt64(8 * (length - 8))) - 1
            }
        } else {
            for offset in 0..<length {
                let byte = UInt64(base[start + offset])
                if offset < 8 { low |= byte << UInt64(8 * offset) } else { high |= byte << UInt64(8 * (offset - 8)) }
            }
        }
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return }
        lookUp(ASCIIText.foldWord(low), ASCIIText.foldWord(high), UInt8(length), into: &result)
    }

    /// The index of the first separator (space, tab, newline, carriage return, '-', '_') at or after
    /// `start`, or `count`: eight bytes at a time while eight remain.
    @inline(__always)
    private static func nextSeparator(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var index = start
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let found = zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x2D2D_2D2D_2D2D_2D2D)
                | zeroBytes(word ^ 0x5F5F_5F5F_5F5F_5F5F) | zeroBytes(word ^ 0x0909_0909_0909_0909)
                | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            // The lowest flagged byte is always a true match (borrows only run upward).
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count, !isSeparator(base[index]) { index += 1 }
        return index
    }

    /// High bit set in each byte that is zero (and possibly in bytes above a zero byte).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x5F || (byte < 64 && (0x0000_2001_0000_2600 as UInt64) >> UInt64(byte) & 1 != 0)
    }

    private func lookUp(_ low: UInt64, _ high: UInt64, _ length: UInt8, into result: inout ClassFlags) {
        var index = Self.hash(low, high, length) & mask
        while true {
            let slot = slots[index]
            if slot.length == 0 { return }
            if slot.length == length && slot.low == low && slot.high == high {
                result.formUnion(slot.flags)
                return
            }
            index = (index + 1) & mask
        }
    }

    private func lookUpString(_ raw: UnsafeBufferPointer<UInt8>, into result: inout ClassFlags) {
        let word = String(decoding: raw.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        result.author = result.author || authorWords.contains(word)
        result.date = result.date || dateWords.contains(word)
        result.skip = result.skip || skipWords.contains(word)
    }
}
