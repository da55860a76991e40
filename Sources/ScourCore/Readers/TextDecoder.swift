/// Turns input bytes into a String: BOMs and UTF-8 first, Windows-1252 as the
/// fallback for legacy text, and a refusal for bytes that are not text at all.
public enum TextDecoder {
    public enum Outcome: Sendable, Equatable {
        case text(String, note: String?)
        case notText(reason: String)
    }

    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> Outcome {
        if bytes.isEmpty { return .notText(reason: "empty file") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return .text(decodeUTF16(bytes.dropFirst(2), bigEndian: false), note: nil) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .text(decodeUTF16(bytes.dropFirst(2), bigEndian: true), note: nil) }
        if looksBinary(bytes) { return .notText(reason: "binary content, not text") }
        if let charset = declaredCharset?.lowercased(), isSingleByteLatin(charset) {
            return .text(decodeWindows1252(bytes), note: nil)
        }
        return decodeUTF8(bytes)
    }

    private static func decodeUTF8(_ bytes: [UInt8]) -> Outcome {
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text, note: nil) }
        return .text(decodeWindows1252(bytes), note: "not valid UTF-8; decoded as Windows-1252")
    }

    static func isSingleByteLatin(_ charset: String) -> Bool {
        ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso8859-1", "us-ascii", "ascii"].contains(charset)
    }

    /// NUL bytes or many control characters in the first 8 KiB mean this is not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B { control += 1 }
        }
        return control * 100 > sample.count * 2
    }

    static func decodeUTF16<C: Collection>(_ bytes: C, bigEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252 is Latin-1 with printable characters in 0x80–0x9F.
    public static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, let mapped = Unicode.Scalar(cp1252High[Int(byte - 0x80)]) {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
