/// The distinct class lists (class, id, role and itemprop values, as `ElementAttributes` joins
/// them) of one page, each split and judged once: a page repeats its lists ("col-md-4",
/// "post-item") across hundreds of elements, and the walker asks the same questions of each.
///
/// A list is found again by a hash of its bytes in a small open-addressing table (no String
/// is made, no `Hasher` run, for a list seen before). Every answer is worked out the first time
/// it is asked, from the list's tokens exactly as the walker worked it out per element.
struct HTMLClassLists {
    private struct Entry {
        var raw: [UInt8]
        var tokens: [String]?
        var lowered: [String]?
        var skip: Bool?
        var lead: Bool?
    }

    private var entries: [Entry] = []
    /// Slot → hash of the list's bytes; `indices` holds entry index + 1 (0: an empty slot).
    private var hashes = [UInt64](repeating: 0, count: 64)
    private var indices = [Int32](repeating: 0, count: 64)

    /// The entry of the list `raw` (not empty), added when new. A list whose hash is taken by
    /// another list gets an entry of its own that the table does not find again: answers stay exact.
    mutating func entry(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = hashes.count - 1
        var slot = Int(truncatingIfNeeded: (hash ^ hash >> 29) & UInt64(mask))
        while indices[slot] != 0 {
            if hashes[slot] == hash {
                let index = Int(indices[slot]) - 1
                if entries[index].raw.elementsEqual(raw) { return index }
                entries.append(Entry(raw: Array(raw)))
                return entries.count - 1
            }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(raw: Array(raw)))
        hashes[slot] = hash
        indices[slot] = Int32(entries.count)
        if entries.count * 2 > hashes.count { grow() }
        return entries.count - 1
    }

    private mutating func grow() {
        let size = hashes.count * 2
        var newHashes = [UInt64](repeating: 0, count: size)
        var newIndices = [Int32](repeating: 0, count: size)
        for slot in hashes.indices where indices[slot] != 0 {
            let hash = hashes[slot]
            var target = Int(truncatingIfNeeded: (hash ^ hash >> 29) & UInt64(size - 1))
            while newIndices[target] != 0 { target = (target + 1) & (size - 1) }
            newHashes[target] = hash
            newIndices[target] = indices[slot]
        }
        hashes = newHashes
        indices = newIndices
    }

    /// The list's tokens as written, split on ASCII whitespace. One array per distinct list:
    /// the selector knows a list met again by the array's storage.
    mutating func tokens(_ index: Int) -> [String] {
        if let known = entries[index].tokens { return known }
        let raw = entries[index].raw
        var tokens: [String] = []
        var start = 0
        for offset in 0...raw.count {
            let byte = offset < raw.count ? raw[offset] : 0x20
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { continue }
            if offset > start { tokens.append(String(decoding: raw[start..<offset], as: UTF8.self)) }
            start = offset + 1
        }
        entries[index].tokens = tokens
        return tokens
    }

    /// The tokens lowercased: what the boilerplate rules see of the markup.
    mutating func lowered(_ index: Int) -> [String] {
        if let known = entries[index].lowered { return known }
        let lowered = tokens(index).map { $0.lowercased() }
        entries[index].lowered = lowered
        return lowered
    }

    /// The list names an element whose text is never read; the byte prefilter rules most lists out
    /// before any token is split off.
    mutating func skips(_ index: Int, _ markupTokens: MarkupTokens) -> Bool {
        if let known = entries[index].skip { return known }
        let skip = markupTokens.mayHoldSkipWord(entries[index].raw) && markupTokens.skips(tokens(index))
        entries[index].skip = skip
        return skip
    }

    /// The list names a lead or standfirst.
    mutating func namesLead(_ index: Int, _ markupTokens: MarkupTokens) -> Bool {
        if let known = entries[index].lead { return known }
        let tokens = tokens(index)
        let lead = !tokens.isEmpty && markupTokens.namesLead(tokens)
        entries[index].lead = lead
        return lead
    }
}
