/// The HTML side of choosing an encoding: `EncodingChoice`'s order (byte-order mark,
/// declared charset, `<meta>`, the bytes) with the page's `<meta>` found here.
/// The page is then decoded to UTF-8 by scour itself (`TextDecoder.read`), so libxml2 is
/// always handed checked UTF-8 and never stops at a byte its converter cannot map.
public enum HTMLCharset {
    public static func choose(_ bytes: [UInt8], declared: String?) -> EncodingChoice {
        EncodingChoice.choose(bytes, declared: declared, meta: { metaCharset(bytes) ?? xmlDeclarationCharset(bytes) })
    }

    /// The `encoding` of an XML declaration opening the page (`<?xml version="1.0" encoding="Shift_JIS"?>`,
    /// XHTML with no `<meta>`), taken only when the bytes are not valid UTF-8: browsers ignore the
    /// declaration in HTML, but without it such a page falls to Windows-1252 and its text is mojibake.
    static func xmlDeclarationCharset(_ bytes: [UInt8]) -> String? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        let head = Array(bytes[start..<min(bytes.count, start + 200)])
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")),
              let at = find(lowercase: Array("encoding".utf8), in: Array(head[..<end]), from: 0) else { return nil }
        var cursor = at + 8
        while cursor < end, [0x20, 0x09, 0x3D, 0x22, 0x27].contains(head[cursor]) { cursor += 1 }
        var value: [UInt8] = []
        while cursor < end, ![0x20, 0x09, 0x22, 0x27, 0x3F].contains(head[cursor]) {
            value.append(head[cursor])
            cursor += 1
        }
        guard !value.isEmpty, value.count < 40, !UTF8Census.isValid(bytes) else { return nil }
        return String(decoding: value, as: UTF8.self)
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
}
