/// What a resource's bytes are, before any parser sees them.
enum FeedSniffer {
    enum Kind: Equatable {
        case xml, json, html, text
        case other(String)
    }

    static func kind(of bytes: [UInt8], contentType: String?) -> Kind {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return .other("an empty response") }
        let head = String(decoding: bytes[index..<min(bytes.count, index + 1024)], as: UTF8.self).lowercased()
        let type = contentType?.lowercased() ?? ""
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return .json
        case UInt8(ascii: "<"):
            // A feed's root comes early; an HTML page may open with comments before its doctype.
            let feedRoots = ["<rss", "<feed", "<urlset", "<sitemapindex", "<rdf:rdf"]
            if feedRoots.contains(where: { head.contains($0) }) { return .xml }
            if head.contains("<!doctype html") || head.contains("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
                || (type.contains("html") && !head.hasPrefix("<?xml")) {
                return .html
            }
            return .xml
        default:
            let isText = bytes.withUnsafeBufferPointer { TextSitemapReader.looksLikeOne($0) }
            if isText { return .text }
            let start = String(head.prefix(40)).replacingOccurrences(of: "\n", with: " ")
            return .other("neither XML, JSON nor a list of URLs (starts with \"\(start)\")")
        }
    }

    /// UTF-16 input (a byte-order mark, or `<?` as UTF-16) as UTF-8, so that the entity guard
    /// and libxml2 read the same bytes; nil for anything else.
    static func utf16AsUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4 else { return nil }
        var bigEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
        case (0xFE, 0xFF, _, _): bigEndian = true; start = 2
        case (0xFF, 0xFE, _, _): bigEndian = false; start = 2
        case (0x00, 0x3C, 0x00, _): bigEndian = true
        case (0x3C, 0x00, _, 0x00): bigEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index]))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
