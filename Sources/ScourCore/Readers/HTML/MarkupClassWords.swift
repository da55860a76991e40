/// What an element's class and id words say: it holds an author, a date, or sits in a region
/// (comments, sidebar, share bar) whose names and dates belong to other texts.
struct ClassFlags {
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
/// table; any other word (non-ASCII, longer) takes the String sets, which decide exactly as before.
struct ClassWordTable: Sendable {
    private struct Slot: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// 0 marks an empty slot (no word is empty).
        var length: UInt8 = 0
        var flags = ClassFlagBits()
    }

    private struct ClassFlagBits: Sendable {
        var author = false
        var date = false
        var skip = false
    }

    private let slots: [Slot]
    private let mask: Int
    private let authorWords: Set<String>
    private let dateWords: Set<String>
    private let skipWords: Set<String>
    /// Any vocabulary word that is not plain ASCII: Unicode equivalence could then match bytes
    /// the table does not know, so every word takes the String sets.
    private let stringsOnly: Bool
    /// Bit n: some plain vocabulary word is n bytes long (a cheap test before hashing).
    private let wordLengths: UInt32
    /// The longest plain vocabulary word; a plain class word longer than this matches nothing.
    private let longestPlainWord: Int

    init(author: Set<String>, date: Set<String>, skip: Set<String>) {
        authorWords = author
        dateWords = date
        skipWords = skip
        let all = author.union(date).union(skip)
        stringsOnly = all.contains { word in word.utf8.contains { $0 >= 0x80 } }
        let plainLengths = all.filter { !$0.isEmpty && $0.utf8.count <= 16 }.map(\.utf8.count)
        wordLengths = plainLengths.reduce(0) { $0 | 1 << UInt32($1) }
        longestPlainWord = all.map(\.utf8.count).max() ?? 0
        var size = 16
        while size < all.count * 4 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        for word in all where word.utf8.count <= 16 && !word.isEmpty {
            let (low, high) = Self.pack(Array(word.utf8))
            let length = UInt8(word.utf8.count)
            var index = Self.hash(low, high, length) & (size - 1)
            while slots[index].length != 0 { index = (index + 1) & (size - 1) }
            slots[index] = Slot(low: low, high: high, length: length,
                                flags: ClassFlagBits(author: author.contains(word), date: date.contains(word),
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
        var index = 0
        while index < count {
            while index < count, Self.isSeparator(bytes[index]) { index += 1 }
            guard index < count else { break }
            let start = index
            var any: UInt8 = 0
            while index < count, !Self.isSeparator(bytes[index]) {
                any |= bytes[index]
                index += 1
            }
            let length = index - start
            if any >= 0x80 || stringsOnly || length > 16 {
                if any < 0x80 && !stringsOnly && length > longestPlainWord { continue }
                lookUpString(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &result)
            } else if (wordLengths >> UInt32(length)) & 1 != 0 {
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
                        let byte = UInt64(bytes[start + offset])
                        if offset < 8 { low |= byte << UInt64(8 * offset) } else { high |= byte << UInt64(8 * (offset - 8)) }
                    }
                }
                lookUp(Self.lowercased(low), Self.lowercased(high), UInt8(length), into: &result)
            }
        }
        return result
    }

    /// Space, tab, newline, carriage return, '-' and '_' end a class word.
    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x5F || (byte < 64 && (0x0000_2001_0000_2600 as UInt64) >> UInt64(byte) & 1 != 0)
    }

    /// ASCII 'A'–'Z' to 'a'–'z' in each byte of a packed word (all bytes below 0x80).
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let atLeastA = (word &+ ones &* (0x80 - 0x41)) & (ones &* 0x80)
        let aboveZ = (word &+ ones &* (0x80 - 0x5B)) & (ones &* 0x80)
        return word | ((atLeastA & ~aboveZ) >> 2)
    }

    private func lookUp(_ low: UInt64, _ high: UInt64, _ length: UInt8, into result: inout ClassFlags) {
        var index = Self.hash(low, high, length) & mask
        while true {
            let slot = slots[index]
            if slot.length == 0 { return }
            if slot.length == length && slot.low == low && slot.high == high {
                result.author = result.author || slot.flags.author
                result.date = result.date || slot.flags.date
                result.skip = result.skip || slot.flags.skip
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
