#if canImport(Glibc)
import Glibc
#endif

/// The distinct class lists (class, id, role and itemprop values, as `ElementAttributes` joins
/// them) of one page, each split and judged once: a page repeats its lists ("col-md-4",
/// "post-item") across hundreds of elements, and the walker asks the same questions of each.
///
/// A list is found again by a hash of its bytes in a small open-addressing table (no String
/// is made, no `Hasher` run, for a list seen before). Every answer is worked out the first time
/// it is asked, from the list's tokens exactly as the walker worked it out per element.
struct HTMLClassLists {
    /// Entry n's bytes are `bytes[offsets[n]..<offsets[n + 1]]`; its answers, once worked out,
    /// sit in the arrays below (kept apart: an entry is never copied out to read one field).
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var tokenLists: [[String]?] = []
    private var loweredLists: [[String]?] = []
    /// 0: not asked yet, 1: no, 2: yes.
    private var skipAnswers: [UInt8] = []
    private var leadAnswers: [UInt8] = []
    /// Slot → hash of the list's bytes; `indices` holds entry index + 1 (0: an empty slot).
    private var hashes = [UInt64](repeating: 0, count: 64)
    private var indices = [Int32](repeating: 0, count: 64)

    private var count: Int { skipAnswers.count }

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
                if holds(index, raw) { return index }
                return add(raw)
            }
            slot = (slot + 1) & mask
        }
        let index = add(raw)
        hashes[slot] = hash
        indices[slot] = Int32(index + 1)
        if count * 2 > hashes.count { grow() }
        return index
    }

    private func holds(_ index: Int, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[index], end = offsets[index + 1]
        guard end - start == raw.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            raw.count == 0 || memcmp(stored.baseAddress! + start, raw.baseAddress!, raw.count) == 0
        }
    }

    private mutating func add(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.append(contentsOf: raw)
        offsets.append(bytes.count)
        tokenLists.append(nil)
        loweredLists.append(nil)
        skipAnswers.append(0)
        leadAnswers.append(0)
        return count - 1
    }

    private func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]])) }
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
        if let known = tokenLists[index] { return known }
        let tokens = withBytes(index) { raw -> [String] in
            var tokens: [String] = []
            var start = 0
            for offset in 0...raw.count {
                let byte = offset < raw.count ? raw[offset] : 0x20
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { continue }
                if offset > start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: raw[start..<offset]), as: UTF8.self)) }
                start = offset + 1
            }
            return tokens
        }
        tokenLists[index] = tokens
        return tokens
    }

    /// The tokens lowercased: what the boilerplate rules see of the markup.
    mutating func lowered(_ index: Int) -> [String] {
        if let known = loweredLists[index] { return known }
        let lowered = tokens(index).map { $0.lowercased() }
        loweredLists[index] = lowered
        return lowered
    }

    /// The list names an element whose text is never read; the byte prefilter rules most lists out
    /// before any token is split off.
    mutating func skips(_ index: Int, _ markupTokens: MarkupTokens) -> Bool {
        if skipAnswers[index] != 0 { return skipAnswers[index] == 2 }
        let skip = withBytes(index) { markupTokens.mayHoldSkipWord($0) } && markupTokens.skips(tokens(index))
        skipAnswers[index] = skip ? 2 : 1
        return skip
    }

    /// The list names a lead or standfirst.
    mutating func namesLead(_ index: Int, _ markupTokens: MarkupTokens) -> Bool {
        if leadAnswers[index] != 0 { return leadAnswers[index] == 2 }
        let tokens = tokens(index)
        let lead = !tokens.isEmpty && markupTokens.namesLead(tokens)
        leadAnswers[index] = lead ? 2 : 1
        return lead
    }
}
