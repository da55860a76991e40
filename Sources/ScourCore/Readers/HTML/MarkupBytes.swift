/// Byte-level stand-ins for the String calls the markup scan makes on attribute values and text.
/// Each gives the String call's answer exactly; values they cannot judge on bytes (non-ASCII,
/// for most) take the String call itself.
enum MarkupBytes {
    static func isASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `value.lowercased().split(separator: " ").contains(token)`, for a lowercase ASCII token.
    static func lowercased(_ value: String, hasToken token: StaticString) -> Bool {
        guard isASCII(value) else { return value.lowercased().split(separator: " ").contains(Substring(token.description)) }
        var copy = value
        return copy.withUTF8 { bytes in
            let wanted = UnsafeBufferPointer(start: token.utf8Start, count: token.utf8CodeUnitCount)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                if end - start == wanted.count {
                    var offset = 0
                    while offset < wanted.count, ASCIIText.fold(bytes[start + offset]) == wanted[offset] { offset += 1 }
                    if offset == wanted.count { return true }
                }
                start = end + 1
            }
            return false
        }
    }

    /// `type.lowercased().contains("ld+json")`: a script of JSON-LD.
    static func isJSONLDType(_ type: String) -> Bool {
        guard isASCII(type) else { return type.lowercased().contains("ld+json") }
        return asciiLowercased(type, contains: "ld+json")
    }

    /// Whether an ASCII value, lowercased, contains a lowercase ASCII needle.
    static func asciiLowercased(_ value: String, contains needle: StaticString) -> Bool {
        var copy = value
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return copy.withUTF8 { ASCIIText.foldedOffset(of: wanted, in: $0) != nil }
    }

    /// `value.lowercased()` for an ASCII value.
    static func asciiLowercased(_ value: String) -> String {
        var copy = value
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for offset in 0..<bytes.count { out[offset] = ASCIIText.fold(bytes[offset]) }
                return bytes.count
            }
        }
    }

    /// `value.lowercased().trimmingCharacters(in: .whitespaces)` for an ASCII value
    /// (`.whitespaces` holds only space and tab there).
    static func lowercasedTrimmingSpaces(_ value: String) -> String {
        var copy = value
        return copy.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for offset in 0..<(end - start) { out[offset] = ASCIIText.fold(bytes[start + offset]) }
                return end - start
            }
        }
    }

    /// Whether the bytes are the ASCII name `name`, byte for byte.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        let wanted = name.utf8Start
        for offset in 0..<bytes.count where bytes[offset] != wanted[offset] { return false }
        return true
    }

    /// `MarkupScan.profileKey` for plain ASCII (no CR): there `.whitespaces` is space and tab,
    /// every byte is a Character, lowercasing is per byte and prefixes compare as bytes.
    static func profileKey(_ raw: String) -> String? {
        var copy = raw
        return copy.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return nil }
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if let cut = bytes[start..<end].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { end = cut }
            func hasPrefix(_ prefix: StaticString, from offset: Int) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard end - offset >= count else { return false }
                for index in 0..<count where ASCIIText.fold(base[offset + index]) != prefix.utf8Start[index] { return false }
                return true
            }
            start = schemeEnd(bytes, from: start, to: end) ?? start
            let hasScheme = ByteSearch.firstOffset(of: Self.schemeMark, in: bytes) != nil
            guard hasPrefix("/", from: start) || hasScheme || (bytes.count >= 2 && bytes[0] == 0x2F && bytes[1] == 0x2F) else { return nil }
            if hasPrefix("www.", from: start) { start += 4 }
            while end > start, base[end - 1] == UInt8(ascii: "/") { end -= 1 }
            guard end - start > 2 else { return nil }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for offset in 0..<(end - start) { out[offset] = ASCIIText.fold(base[start + offset]) }
                return end - start
            }
        }
    }

    private static let schemeMark: [UInt8] = Array("://".utf8)

    /// The offset after "https://", "http://" or "//" (any case) at `start`, if one is there before `end`.
    static func schemeEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        for scheme: StaticString in ["https://", "http://", "//"] {
            let count = scheme.utf8CodeUnitCount
            guard end - start >= count else { continue }
            if (0..<count).allSatisfy({ ASCIIText.fold(bytes[start + $0]) == scheme.utf8Start[$0] }) { return start + count }
        }
        return nil
    }

    /// Whether the bytes hold an ASCII digit; eight bytes at a time (every text node of a page is asked).
    static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Per byte, without carries: high bit set when 0x2F < byte < 0x3A (and byte < 0x80).
            let low = word & (ones &* 0x7F)
            if (ones &* (127 + 0x3A) &- low) & ~word & (low &+ ones &* (127 - 0x2F)) & (ones &* 0x80) != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x30 && bytes[index] <= 0x39 { return true }
            index += 1
        }
        return false
    }

    enum Whitespace {
        /// Not whitespace.
        case none
        /// Whitespace that is a grapheme break class of its own (line breaks, tab): nothing joins it.
        case breaking
        /// Whitespace that neighbouring marks can join into their Character.
        case joinable
    }

    /// Unicode White_Space (what `Character.isWhitespace` asks of a Character's first scalar), by how it joins.
    static func whitespace(_ scalar: UInt32) -> Whitespace {
        switch scalar {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: return .breaking
        case 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .joinable
        default: return .none
        }
    }

    /// Scalars that neither join the scalar after them (prepended marks) nor the one before them
    /// (combining marks, joiners, spacing marks): Latin up to U+02FF, general punctuation
    /// U+2010–U+2027, the euro sign, and whitespace.
    static func isPlainScalar(_ scalar: UInt32) -> Bool {
        scalar < 0x300 || (scalar >= 0x2010 && scalar <= 0x2027) || scalar == 0x20AC || whitespace(scalar) != .none
    }
}
