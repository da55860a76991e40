/// How much of a byte string reads as UTF-8: the evidence for choosing UTF-8 over a
/// legacy encoding when a page says nothing, or says something its bytes contradict.
struct UTF8Census: Sendable, Equatable {
    /// Well-formed sequences of two to four bytes (non-ASCII characters).
    var multibyte = 0
    /// Maximal invalid subparts: what the UTF-8 decoder would replace with U+FFFD.
    var invalid = 0

    /// Mostly UTF-8: more good non-ASCII characters than bad sequences. Latin-1 or
    /// Windows-1252 text seldom forms a valid sequence by chance, so a page of them counts
    /// as not UTF-8, while a UTF-8 page with a stray byte or two stays UTF-8.
    var isMostlyUTF8: Bool { invalid == 0 || multibyte > invalid }

    /// Valid UTF-8 with real non-ASCII text, bar an invalid sequence per fifty good ones: what a
    /// page mislabelled with a legacy multibyte charset looks like (a Shift_JIS or GBK page
    /// has bad sequences all through).
    var isClearlyUTF8: Bool { multibyte > 0 && invalid * 50 <= multibyte }

    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                index = Self.skippingASCII(buffer, from: index)
                while index < count, buffer[index] < 0x80 { index += 1 }
                guard index < count else { break }
                let length = Self.sequenceLength(buffer, at: index)
                if length > 0 { multibyte += 1; index += length } else { invalid += 1; index += max(1, -length) }
            }
        }
    }

    /// The index of the first 8-byte word from `index` on that holds a byte ≥ 0x80 (or of the last
    /// few bytes, under 8). Pages are mostly ASCII markup: once a word is ASCII, the run goes on
    /// 32 bytes at a time; text with a non-ASCII letter every few bytes costs one load per check.
    @inline(__always)
    static func skippingASCII(_ buffer: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = buffer.baseAddress else { return index }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = index
        while index + 8 <= buffer.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & high == 0 {
            index += 8
            while index + 32 <= buffer.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                guard word & high == 0 else { break }
                index += 32
            }
        }
        return index
    }

    /// The length of the well-formed sequence at `index`, or minus the length of its maximal
    /// invalid subpart (at least one byte).
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = buffer[index]
        let needed: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF:
            needed = 2
            if lead == 0xE0 { lower = 0xA0 }
            if lead == 0xED { upper = 0x9F }
        case 0xF0...0xF4:
            needed = 3
            if lead == 0xF0 { lower = 0x90 }
            if lead == 0xF4 { upper = 0x8F }
        default: return -1
        }
        for offset in 1...needed {
            guard index + offset < buffer.count else { return -offset }
            let byte = buffer[index + offset]
            guard byte >= lower, byte <= upper else { return -offset }
            lower = 0x80
            upper = 0xBF
        }
        return needed + 1
    }

    /// Strict UTF-8 check (ASCII runs skipped by words, see `skippingASCII`), copying nothing.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                index = skippingASCII(buffer, from: index)
                while index < count, buffer[index] < 0x80 { index += 1 }
                guard index < count else { break }
                let length = sequenceLength(buffer, at: index)
                if length < 0 { return false }
                index += length
            }
            return true
        }
    }
}

/// Whether bytes are a binary file (an image, an archive…) rather than text in some encoding.
enum BinarySniffer {
    /// Signatures of common binary formats scrapes pick up under text or HTML names.
    private static let signatures: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], Array("GIF8".utf8), [0xFF, 0xD8, 0xFF], [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B],
        Array("%PDF-".utf8), [0x7F, 0x45, 0x4C, 0x46], Array("BZh".utf8), [0x28, 0xB5, 0x2F, 0xFD],
        [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], Array("wOFF".utf8), Array("wOF2".utf8),
    ]

    /// Starts with a known binary format's signature.
    static func hasSignature(_ bytes: [UInt8]) -> Bool {
        if signatures.contains(where: { bytes.starts(with: $0) }) { return true }
        return bytes.starts(with: Array("RIFF".utf8)) && bytes.count >= 12 && bytes[8..<12].elementsEqual("WEBP".utf8)
    }

    /// A known binary signature, or control bytes (NUL included, tab, line breaks, form feed
    /// and escape not) over 2% of the first 8 KiB. One stray NUL in a page is not enough:
    /// a page is text with a fault, and the fault is read as a space.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if hasSignature(bytes) { return true }
        let sample = bytes.prefix(8192)
        var control = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
            control += 1
        }
        return control > 1 && control * 50 > sample.count
    }
}
