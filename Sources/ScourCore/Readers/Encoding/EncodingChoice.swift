/// Which encoding to read a page's bytes in, decided as browsers decide it: a byte-order
/// mark, then the charset the transport declared (HTTP header, WARC or JSONL record), then
/// a `<meta>` declaration; failing those, UTF-8 when the bytes are mostly UTF-8 and
/// Windows-1252 otherwise. Two departures from a browser, both for scraped pages whose
/// label lies: a page declared UTF-8 whose bytes are mostly not UTF-8 is read as
/// Windows-1252, and a page declared in a legacy single-byte or multibyte charset whose bytes
/// are clearly UTF-8 is read as UTF-8. Either way the document's note says so.
public struct EncodingChoice: Sendable, Equatable {
    /// What decided the encoding.
    public enum Source: String, Sendable {
        case byteOrderMark = "byte-order mark"
        /// No mark, but every other byte NUL beside printable ASCII: UTF-16 saved without its mark.
        case utf16Pattern = "the bytes' UTF-16 pattern"
        case declaredHeader = "declared charset"
        case meta = "<meta> charset"
        /// Nothing usable was declared (or the declaration was overruled): read from the bytes.
        case sniffed = "the bytes"
    }

    public var encoding: WebEncoding
    public var source: Source
    /// A declared encoding the bytes contradicted, set aside for `encoding`.
    public var overruled: WebEncoding?

    public init(encoding: WebEncoding, source: Source, overruled: WebEncoding? = nil) {
        self.encoding = encoding
        self.source = source
        self.overruled = overruled
    }

    /// `declared`: the transport's charset label; `meta`: the page's own, looked up only when needed.
    public static func choose(_ bytes: [UInt8], declared: String?, meta: () -> String? = { nil }) -> EncodingChoice {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingChoice(encoding: .utf8, source: .byteOrderMark) }
        if bytes.starts(with: [0xFF, 0xFE]) { return EncodingChoice(encoding: .utf16LE, source: .byteOrderMark) }
        if bytes.starts(with: [0xFE, 0xFF]) { return EncodingChoice(encoding: .utf16BE, source: .byteOrderMark) }
        if let encoding = utf16WithoutMark(bytes) { return EncodingChoice(encoding: encoding, source: .utf16Pattern) }
        if let choice = fromLabel(declared, source: .declaredHeader, bytes) { return choice }
        if let choice = fromLabel(meta(), source: .meta, bytes) { return choice }
        return utf8OrWindows1252(bytes, source: .sniffed)
    }

    /// The choice a label makes, or nil when it names no encoding of the standard (`utf-32`, `IBM037`).
    private static func fromLabel(_ label: String?, source: Source, _ bytes: [UInt8]) -> EncodingChoice? {
        guard let label, var encoding = WebEncoding(label: label) else { return nil }
        if encoding.isUTF16 {
            // Without a byte-order mark a UTF-16 label is wrong: a page that could carry a <meta> is
            // ASCII-compatible (browsers read it as UTF-8), and a header's claim is not trusted either.
            guard source == .meta else { return nil }
            encoding = .utf8
        }
        if source == .meta, encoding == .xUserDefined { encoding = .windows1252 }
        if encoding == .replacement {
            // ISO-2022-KR/CN and HZ labels: a browser shows one U+FFFD for the whole page. Scraped pages
            // carrying them are mostly ASCII or UTF-8 with a stale label: read the bytes, and say so.
            var choice = utf8OrWindows1252(bytes, source: .sniffed)
            choice.overruled = .replacement
            return choice
        }
        if encoding == .utf8 { return utf8OrWindows1252(bytes, source: source) }
        // A single-byte label on UTF-8 bytes is the commonest lie of all ("windows-1252" on a UTF-8 CMS):
        // genuine single-byte text with letters beyond ASCII is almost never valid UTF-8.
        if encoding.isLegacyMultibyte || encoding.isSingleByte, UTF8Census(bytes).isClearlyUTF8 {
            return EncodingChoice(encoding: .utf8, source: .sniffed, overruled: encoding)
        }
        return EncodingChoice(encoding: encoding, source: source)
    }

    /// UTF-16 without a byte-order mark, told from the first 4 KiB by its high bytes: at most 5% of
    /// the low bytes are NUL, 90% of the units with a NUL high byte are printable ASCII or whitespace,
    /// and either at least 30% of the high bytes are NUL (markup is ASCII; a title in Persian fills
    /// the rest) or 95% are NUL or one alphabet's block below U+2000 (a text in Russian: U+04xx and
    /// spaces; Devanagari's and Malayalam's blocks share their byte with a tab or line break and
    /// count only through the first rule).
    /// ASCII-compatible text has printable bytes in both places; binary formats with a signature are
    /// checked first (`BinarySniffer`), and 16-bit numbers fail the printable test. CJK text, spread
    /// over many blocks, is not recognised.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> WebEncoding? {
        let sample = bytes.prefix(4096)
        let units = sample.count / 2
        guard units >= 8, !BinarySniffer.hasSignature(bytes) else { return nil }
        for (encoding, high, low) in [(WebEncoding.utf16LE, 1, 0), (.utf16BE, 0, 1)] {
            var highCounts = [Int](repeating: 0, count: 256)
            var nulLow = 0, printable = 0
            for unit in 0..<units {
                let highByte = sample[sample.startIndex + 2 * unit + high], lowByte = sample[sample.startIndex + 2 * unit + low]
                highCounts[Int(highByte)] += 1
                if lowByte == 0 { nulLow += 1 }
                if highByte == 0, (0x20...0x7E).contains(lowByte) || lowByte == 0x09 || lowByte == 0x0A || lowByte == 0x0D { printable += 1 }
            }
            let nulHigh = highCounts[0]
            guard nulLow * 20 <= units, printable * 10 >= nulHigh * 9 else { continue }
            // Alphabets below U+2000 (Latin extensions, Greek, Cyrillic, Hebrew, Arabic, Thai, Georgian…)
            // fill one block each. Only high bytes no ASCII text holds count: not 0x20 and up ("1 2 3 4"
            // would be all 0x20), not tab, line feed, form feed or return ("a\nb\nc" all 0x0A).
            let alphabet = Self.alphabetHighBytes.map { highCounts[$0] }.max() ?? 0
            if nulHigh * 10 >= units * 3 || (nulHigh + alphabet) * 20 >= units * 19 && alphabet * 10 >= units * 3 { return encoding }
        }
        return nil
    }

    static let alphabetHighBytes = (0x01...0x1F).filter { ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }

    /// A byte-order mark or the UTF-16 pattern decided: the page is text (UTF-16 is full of NULs), not sniffed for binary.
    public var skipsBinarySniff: Bool { source == .byteOrderMark || source == .utf16Pattern }

    private static func utf8OrWindows1252(_ bytes: [UInt8], source: Source) -> EncodingChoice {
        if UTF8Census.isValid(bytes) || UTF8Census(bytes).isMostlyUTF8 { return EncodingChoice(encoding: .utf8, source: source) }
        return EncodingChoice(encoding: .windows1252, source: .sniffed, overruled: source == .sniffed ? nil : .utf8)
    }

    /// What the document's note says about the choice, when it is more than the page declared.
    public var note: String? {
        if overruled == .replacement {
            return "declared a charset browsers replace whole (ISO-2022-KR/CN, HZ); decoded as \(encoding.rawValue)"
        }
        if let overruled {
            return "declared \(overruled.rawValue) but the bytes are \(encoding == .utf8 ? "UTF-8" : "mostly not UTF-8"); "
                + "decoded as \(encoding.rawValue)"
        }
        if source == .utf16Pattern {
            return "no byte-order mark, but the bytes are \(encoding.rawValue) (every other byte NUL); decoded as \(encoding.rawValue)"
        }
        if source == .sniffed, encoding == .windows1252 {
            return "no usable charset declared and not valid UTF-8; decoded as windows-1252"
        }
        return nil
    }
}
