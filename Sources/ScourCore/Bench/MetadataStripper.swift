/// A probe for `scour bench --hide-metadata`: the page loses its JSON-LD scripts and every `<meta>`
/// whose name, property or itemprop names a date or an author (`article:published_time`, `author`,
/// `dc.creator`, `parsely-pub-date`…), and keeps everything it shows. Many pages on the web carry no
/// such markup; the figures then rest on the visible byline and dateline, which is what this measures.
/// One pass over the bytes, each byte copied or dropped once.
public enum MetadataStripper {
    /// Parts of a `<meta>` key that make it date or author metadata.
    static let keyParts: [[UInt8]] = ["date", "time", "publish", "modif", "creat", "author", "byl", "dc.", "dcterms",
                                      "sailthru", "parsely", "citation_"].map { Array($0.utf8) }

    public static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: ClassScrambler.commentOpen) {
                let end = ClassScrambler.find(ClassScrambler.commentClose, in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, ClassScrambler.isLetter(bytes[index + 1]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let tagEnd = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
            let tag = bytes[index..<tagEnd]
            let rawText = ClassScrambler.opensRawText(bytes, at: index + 1)
            if rawText != nil, contains(tag, Self.jsonLD) {
                // The whole script goes, its text with it.
                var dropped: [UInt8] = []
                let close = ClassScrambler.copyRawText(bytes, from: tagEnd, closing: rawText ?? [], into: &dropped)
                index = close < bytes.count ? (bytes[close...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1 : bytes.count
                continue
            }
            if startsWithName(tag, "meta"), let key = keyValue(tag), keyParts.contains(where: { contains(key[...], $0) }) {
                index = tagEnd
                continue
            }
            out.append(contentsOf: tag)
            index = tagEnd
            if let rawText { index = ClassScrambler.copyRawText(bytes, from: index, closing: rawText, into: &out) }
        }
        return out
    }

    /// Whether the tag's name (after "<") is `name`, in any case.
    static func startsWithName(_ tag: ArraySlice<UInt8>, _ name: String) -> Bool {
        let start = tag.startIndex + 1
        let wanted = Array(name.utf8)
        guard tag.count > wanted.count + 1 else { return false }
        for (offset, byte) in wanted.enumerated() where ASCIIText.fold(tag[start + offset]) != byte { return false }
        let after = tag[start + wanted.count]
        return ClassScrambler.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")
    }

    /// The lowercased values of the tag's `name`, `property` and `itemprop` attributes, joined.
    static func keyValue(_ tag: ArraySlice<UInt8>) -> [UInt8]? {
        let lowered = tag.map(ASCIIText.fold)
        var key: [UInt8] = []
        for attribute in ["name", "property", "itemprop"] {
            for pattern in [attribute + "=\"", attribute + "='", attribute + "="] {
                let needle = Array(pattern.utf8)
                guard let at = ClassScrambler.find(needle, in: lowered, from: 0),
                      at > 0, ClassScrambler.isSpace(lowered[at - 1]) else { continue }
                var index = at + needle.count
                let quote = pattern.last == "=" ? nil : lowered[index - 1]
                while index < lowered.count, lowered[index] != (quote ?? UInt8(ascii: " ")), lowered[index] != UInt8(ascii: ">") {
                    key.append(lowered[index])
                    index += 1
                }
                key.append(UInt8(ascii: " "))
                break
            }
        }
        return key.isEmpty ? nil : key
    }

    static let jsonLD = Array("ld+json".utf8)

    /// Whether `needle` (lowercase ASCII) occurs in `hay`, any case.
    static func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { ASCIIText.foldedOffset(of: needle, in: $0) != nil }
    }
}
