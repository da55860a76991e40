import Foundation

/// Substring search over UTF-8 bytes. Foundation's `range(of:)` bridges to NSString
/// and dominated profiles; rules here only need plain, case-sensitive byte matches.
extension StringProtocol {
    /// Byte offset of the first (or last) occurrence of `needle`, or nil.
    func byteOffset(of needle: String, backwards: Bool = false) -> Int? {
        let hay = Array(utf8)
        let pattern = Array(needle.utf8)
        if !backwards { return ByteSearch.firstOffset(of: pattern, in: hay) }
        guard !pattern.isEmpty, pattern.count <= hay.count else { return nil }
        let first = pattern[0]
        let last = hay.count - pattern.count
        var start = backwards ? last : 0
        while backwards ? start >= 0 : start <= last {
            if hay[start] == first {
                var matched = true
                for offset in 1..<pattern.count where hay[start + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return start }
            }
            start += backwards ? -1 : 1
        }
        return nil
    }

    func containsBytes(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

    /// The range of `needle` as String indices, found by bytes.
    func byteRange(of needle: String, backwards: Bool = false) -> Range<String.Index>? {
        guard let offset = byteOffset(of: needle, backwards: backwards) else { return nil }
        let text = String(self)
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        let upper = text.utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }
}

/// Plain substring search over byte buffers: the one loop every hot path here shares.
enum ByteSearch {
    /// Offset of the first occurrence of `needle` in `hay`, or nil (an empty needle is never found).
    static func firstOffset<Hay: RandomAccessCollection, Needle: RandomAccessCollection>(of needle: Needle, in hay: Hay) -> Int?
    where Hay.Element == UInt8, Hay.Index == Int, Needle.Element == UInt8, Needle.Index == Int {
        guard let first = needle.first, needle.count <= hay.count else { return nil }
        let base = hay.startIndex, pin = needle.startIndex
        var start = 0
        let last = hay.count - needle.count
        while start <= last {
            if hay[base + start] == first {
                var offset = 1
                while offset < needle.count, hay[base + start + offset] == needle[pin + offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// Whether `needle` occurs in a contiguous buffer: `memchr` for its first byte, then `memcmp`.
    /// Many needles over one buffer (`ChallengePages`) cost a byte loop each above; libc's vector
    /// loops do the same scan several times faster.
    static func occurs(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeRawBufferPointer) -> Bool {
        guard let base = hay.baseAddress, let pattern = needle.baseAddress, let first = needle.first, needle.count <= hay.count else { return false }
        var start = 0
        let last = hay.count - needle.count
        while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
            let offset = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + offset, pattern, needle.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }
}
