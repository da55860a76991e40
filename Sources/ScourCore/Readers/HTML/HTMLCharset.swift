/// Decides which encoding to hand libxml2, in the order browsers use:
/// byte-order mark, the charset a fetcher was told (HTTP header), a `<meta>`
/// declaration near the top, and failing those, UTF-8 when the bytes are valid
/// UTF-8 and Windows-1252 otherwise. libxml2 then decodes to UTF-8 itself.
public enum HTMLCharset {
    public struct Choice: Sendable, Equatable {
        public var encoding: String
        /// `bom`, `declared`, `meta`, `utf8-valid` or `fallback`: for notes and tests.
        public var source: String

        /// UTF-8 for bytes checked to be valid UTF-8: every UTF-8 choice but one made on a
        /// byte-order mark alone (`HTMLTree.parse` then reads them without a converter).
        public var isCheckedUTF8: Bool { encoding == "UTF-8" && source != "bom" }
    }

    public static func choose(_ bytes: [UInt8], declared: String?) -> Choice {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Choice(encoding: "UTF-8", source: "bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return Choice(encoding: "UTF-16LE", source: "bom") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Choice(encoding: "UTF-16BE", source: "bom") }
        let validUTF8 = isValidUTF8(bytes)
        for (candidate, source) in [(declared, "declared"), (metaCharset(bytes), "meta")] {
            guard let name = candidate.map(canonicalName), !name.isEmpty else { continue }
            // A page declared UTF-8 that is not: its bytes are legacy text (decoding would stop at the first bad byte).
            if name == "UTF-8" && !validUTF8 { return Choice(encoding: "windows-1252", source: "fallback") }
            if name == "UTF-16LE" || name == "UTF-16BE" || name == "UTF-16" { continue }  // a BOM would have said so
            if HTMLTree.knowsEncoding(name) { return Choice(encoding: name, source: source) }
        }
        return validUTF8 ? Choice(encoding: "UTF-8", source: "utf8-valid") : Choice(encoding: "windows-1252", source: "fallback")
    }

    /// Labels browsers treat as one encoding, mapped to names iconv knows (WHATWG's table, the common part).
    static func canonicalName(_ label: String) -> String {
        let name = label.trimmingSpacesAndQuotes().lowercased()
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252",
             "iso_8859-1", "cp819", "ibm819", "iso-ir-100": return "windows-1252"
        case "x-sjis", "shift-jis", "shift_jis", "sjis", "ms_kanji", "csshiftjis", "windows-31j": return "SHIFT_JIS"
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "chinese": return "GB18030"
        case "big5-hkscs", "big5", "x-x-big5": return "BIG5-HKSCS"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr": return "CP949"
        case "iso-8859-9", "latin5", "windows-1254": return "windows-1254"
        case "tis-620", "iso-8859-11", "windows-874": return "CP874"
        default: return name
        }
    }

    /// The charset of the first `<meta charset=…>` or `http-equiv` content type in the first 4 KiB.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096))
        var index = 0
        while let meta = find(lowercase: Array("<meta".utf8), in: head, from: index) {
            let end = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[meta..<end])
            if let at = find(lowercase: Array("charset".utf8), in: tag, from: 0) {
                var cursor = at + 7
                while cursor < tag.count, tag[cursor] == 0x20 || tag[cursor] == 0x09 { cursor += 1 }
                if cursor < tag.count, tag[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < tag.count, [0x20, 0x09, 0x22, 0x27].contains(tag[cursor]) { cursor += 1 }
                    var value: [UInt8] = []
                    while cursor < tag.count, !([0x20, 0x09, 0x22, 0x27, 0x3B, 0x2F, 0x3E] as [UInt8]).contains(tag[cursor]) {
                        value.append(tag[cursor])
                        cursor += 1
                    }
                    if !value.isEmpty, value.count < 40 { return String(decoding: value, as: UTF8.self) }
                }
            }
            index = end
        }
        return nil
    }

    private static func find(lowercase needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            var matched = true
            for offset in 0..<needle.count where haystack[index + offset] | 0x20 != needle[offset] | 0x20 {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        return nil
    }

    /// Strict UTF-8 check over the bytes (ASCII runs skipped eight at a time). Unlike
    /// `String(validating:)` (what TextDecoder uses) it builds no copy of a page it only asks about.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
                }
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
                default: return false
                }
                guard index + length <= count else { return false }
                for offset in 1..<length {
                    let byte = buffer[index + offset]
                    guard byte & 0xC0 == 0x80 else { return false }
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return false }
                index += length
            }
            return true
        }
    }
}

private extension String {
    func trimmingSpacesAndQuotes() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\"" || first == "'" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\"" || last == "'" { scalars.removeLast() }
        return String(scalars)
    }
}
