/// The story a page's scripts carry as HTML in a JSON string, for a page whose markup shows none:
/// a page its framework builds in the browser from data (`"content":"\u003cp\u003e…"` in a
/// hydration payload). Read only when the walk found no story, so normal pages never pay for it.
///
/// One pass over the page's bytes: each `<script>` (not JSON-LD, whose `articleBody` is read as
/// data) is scanned for double-quoted strings, each decoded once; the longest decoded string
/// holding at least `minimumParagraphs` paragraph tags and `minimumBytes` bytes is the story.
/// A string escaped twice (JSON inside a JavaScript string: `\\u003cp`) is decoded again.
enum ScriptStory {
    static let minimumParagraphs = 3
    static let minimumBytes = 500

    static func fragment(in page: [UInt8]) -> [UInt8]? {
        var best: [UInt8]?
        var position = 0
        while let open = find(Self.scriptOpen, in: page, from: position) {
            guard let tagEnd = page[open...].firstIndex(of: 0x3E) else { break }
            let end = find(Self.scriptClose, in: page, from: tagEnd) ?? page.count
            position = end
            if find(Self.jsonLD, in: Array(page[open..<tagEnd]), from: 0) != nil { continue }
            if let found = longestStory(in: page, tagEnd + 1..<end, nested: true), found.count > best?.count ?? 0 { best = found }
        }
        return best
    }

    /// The longest string in `range` that decodes to story HTML. A long string that decodes to
    /// escaped HTML (JSON inside a JavaScript string) is searched the same way once more.
    private static func longestStory(in bytes: [UInt8], _ range: Range<Int>, nested: Bool) -> [UInt8]? {
        var best: [UInt8]?
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == 0x22 else { index += 1; continue }
            let quote = index
            let (decoded, next) = decodeString(bytes, from: index + 1, end: range.upperBound)
            index = next
            guard let text = decoded, text.count >= minimumBytes, text.count > best?.count ?? 0 else { continue }
            if paragraphs(in: text) >= minimumParagraphs {
                // Only the value of a key that names a body ("contentHtml", "body", "articleText"):
                // a consent banner's or a menu's HTML is no story.
                if namesBody(key(before: quote, in: bytes, from: range.lowerBound)) { best = text }
            } else if nested, find(Self.escapedParagraph, in: text, from: 0) != nil,
                      let inner = longestStory(in: text, 0..<text.count, nested: false), inner.count > best?.count ?? 0 {
                best = inner
            }
        }
        return best
    }

    /// The key of the JSON member whose string value opens at `quote` (`"key": "…`), lowercased;
    /// empty when the string is no member's value or the key is longer than 40 bytes.
    static func key(before quote: Int, in bytes: [UInt8], from lowerBound: Int) -> [UInt8] {
        var index = quote - 1
        while index >= lowerBound, bytes[index] == 0x20 { index -= 1 }
        guard index >= lowerBound, bytes[index] == 0x3A else { return [] }
        index -= 1
        while index >= lowerBound, bytes[index] == 0x20 { index -= 1 }
        guard index >= lowerBound, bytes[index] == 0x22 else { return [] }
        let end = index
        index -= 1
        while index >= lowerBound, bytes[index] != 0x22, end - index <= 40 { index -= 1 }
        guard index >= lowerBound, bytes[index] == 0x22 else { return [] }
        return bytes[(index + 1)..<end].map(ASCIIText.fold)
    }

    /// A key that names a body of text.
    static func namesBody(_ key: [UInt8]) -> Bool {
        bodyKeyWords.contains { find($0, in: key, from: 0) != nil }
    }

    static let bodyKeyWords = ["body", "content", "html", "text", "article", "story"].map { Array($0.utf8) }

    /// The decoded bytes of the JSON string starting at `start` (after its opening quote) and the
    /// index after its closing quote; nil bytes when the string does not close before `end`.
    static func decodeString(_ bytes: [UInt8], from start: Int, end: Int) -> ([UInt8]?, Int) {
        var out: [UInt8] = []
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 { return (out, index + 1) }
            guard byte == 0x5C, index + 1 < end else { out.append(byte); index += 1; continue }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(0x20)
            case UInt8(ascii: "u"):
                guard let unit = hex(bytes, at: index, end: end) else { out.append(escaped); continue }
                index += 4
                var scalar = unit
                // A surrogate pair: "\ud83d\ude00".
                if (0xD800..<0xDC00).contains(unit), index + 6 <= end, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u"),
                   let low = hex(bytes, at: index + 2, end: end), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default: out.append(escaped)
            }
        }
        return (nil, end)
    }

    private static func hex(_ bytes: [UInt8], at index: Int, end: Int) -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// `<p>` and `<p …>` tags, in any case.
    static func paragraphs(in text: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + 2 < text.count {
            if text[index] == 0x3C, text[index + 1] | 0x20 == UInt8(ascii: "p"), text[index + 2] == 0x3E || text[index + 2] == 0x20 { count += 1 }
            index += 1
        }
        return count
    }

    /// First offset of `needle` (lowercase) in `bytes` at or after `from`, ASCII letters matched in any case.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            ASCIIText.foldedOffset(of: needle, in: UnsafeBufferPointer(rebasing: all[from...])).map { $0 + from }
        }
    }

    static let scriptOpen = Array("<script".utf8)
    static let scriptClose = Array("</script".utf8)
    static let jsonLD = Array("ld+json".utf8)
    static let escapedParagraph = Array("\\u003cp".utf8)
}
