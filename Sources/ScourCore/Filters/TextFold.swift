/// Case folding done once per block, on UTF-8 bytes, so phrase rules compare bytes
/// instead of going through Foundation string search (which copies the text per phrase).
/// Lowercasing follows `String.lowercased()` (per-scalar full mapping), with table-free
/// fast paths for ASCII, Latin-1, Cyrillic and caseless scripts.
enum TextFold {
    /// Appends the lowercase form of one scalar as UTF-8.
    @inline(__always)
    static func appendLowercased(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
            return
        }
        var lowered = value
        switch value {
        case 0xC0...0xDE where value != 0xD7: lowered = value + 0x20
        case 0x410...0x42F: lowered = value + 0x20
        case 0x400...0x40F: lowered = value + 0x50
        case 0xDF...0xFF, 0x430...0x45F, 0x2000...0x20FF, 0x3000...0x9FFF, 0xAC00...0xD7A3: break
        default:
            // Rare scalars: the library's full mapping (may be several scalars, e.g. "İ").
            for byte in scalar.properties.lowercaseMapping.utf8 { bytes.append(byte) }
            return
        }
        appendUTF8(Unicode.Scalar(lowered)!, to: &bytes)
    }

    /// Appends `text` as UTF-8 with each run of spaces, tabs, newlines and no-break spaces as one
    /// space (none at the start) and every other scalar through `fold`: the shape of a short key
    /// compared across blocks (teaser phrases, page descriptions).
    @inline(__always)
    static func appendCollapsingSpaces<S: StringProtocol>(_ text: S, to bytes: inout [UInt8],
                                                          fold: (Unicode.Scalar, inout [UInt8]) -> Void) {
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\u{00A0}" {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            fold(scalar, &bytes)
        }
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// The text lowercased (`lower`) and lowercased with each run of ASCII digits written `#` (`folded`).
    static func fold(_ text: String) -> (lower: [UInt8], folded: [UInt8]) {
        var text = text
        // Native strings (all block text) are contiguous: the ASCII case (most text) is a byte loop into
        // buffers of known size.
        return text.withUTF8 { bytes -> (lower: [UInt8], folded: [UInt8]) in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return foldMixed(bytes) }
            var folded = [UInt8](repeating: 0, count: bytes.count)
            var foldedCount = 0
            let lower = [UInt8](unsafeUninitializedCapacity: bytes.count) { lower, initialized in
                var inDigits = false
                for (index, byte) in bytes.enumerated() {
                    let low = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    lower[index] = low
                    if byte >= 0x30 && byte <= 0x39 {
                        if !inDigits { folded[foldedCount] = 0x23; foldedCount += 1 }
                        inDigits = true
                    } else {
                        inDigits = false
                        folded[foldedCount] = low
                        foldedCount += 1
                    }
                }
                initialized = bytes.count
            }
            folded.removeLast(bytes.count - foldedCount)
            return (lower, folded)
        }
    }

    /// `fold` for text with non-ASCII scalars: ASCII bytes as above, only the other scalars decoded.
    private static func foldMixed(_ bytes: UnsafeBufferPointer<UInt8>) -> (lower: [UInt8], folded: [UInt8]) {
        var lower: [UInt8] = []
        var folded: [UInt8] = []
        lower.reserveCapacity(bytes.count + 8)
        folded.reserveCapacity(bytes.count + 8)
        var inDigits = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let low = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                lower.append(low)
                if byte >= 0x30 && byte <= 0x39 {
                    if !inDigits { folded.append(0x23) }
                    inDigits = true
                } else {
                    inDigits = false
                    folded.append(low)
                }
                index += 1
                continue
            }
            inDigits = false
            let (scalar, length) = decodeScalar(bytes, at: index)
            index += length
            var copied = lower.count
            appendLowercased(scalar, to: &lower)
            while copied < lower.count {
                folded.append(lower[copied])
                copied += 1
            }
        }
        return (lower, folded)
    }

    /// The scalar starting at `index` of valid UTF-8 (a String's bytes), and its length in bytes.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)) ?? "\u{FFFD}", 2)
        }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }

    /// `bytes` starts with `phrase` at `offset`.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ phrase: [UInt8]) -> Bool {
        guard offset >= 0, offset + phrase.count <= bytes.count else { return false }
        return phrase.withUnsafeBufferPointer { p in
            var index = 0
            while index < p.count {
                if bytes[offset + index] != p[index] { return false }
                index += 1
            }
            return true
        }
    }
}
