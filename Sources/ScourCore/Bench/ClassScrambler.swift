/// A probe for `scour bench --hide-classes`: every word of every `class` and `id` value inside
/// a tag becomes a meaningless token that stands for it ("article-body main" → "x3094158 x7702611"),
/// the same word always the same token. The page keeps its structure (tags, nesting, repeated
/// class lists) and loses its vocabulary, which is what a page from a site no word list knows
/// looks like. The drop in the figures is how much the extraction leans on class words.
public enum ClassScrambler {
    public static func scramble(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            // A comment is copied whole: a "<style>" inside it opens nothing.
            if bytes[index] == UInt8(ascii: "<"), bytes[index...].starts(with: commentOpen) {
                let end = find(commentClose, in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            // A tag opens with "<" and a letter; "<" before anything else is text.
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let rawText = opensRawText(bytes, at: index + 1)
            index = copyTag(bytes, from: index, into: &out)
            // A script's or style's text holds no tags: "n<max" or "it's" there opens nothing.
            if let rawText { index = copyRawText(bytes, from: index, closing: rawText, into: &out) }
        }
        return out
    }

    /// Copies one tag from its "<" to its ">", each class and id value scrambled; a quote counts only
    /// as a value's (right after "=").
    static func copyTag(_ bytes: [UInt8], from start: Int, into out: inout [UInt8]) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { out.append(byte); return index + 1 }
            if isSpace(byte) || byte == UInt8(ascii: "/"), let valueStart = classOrIDValue(bytes, after: index) {
                out.append(contentsOf: bytes[index..<valueStart])
                index = scrambleValue(bytes, from: valueStart, into: &out)
                index = scrambleAdjacent(bytes, from: index, into: &out)
                continue
            }
            if byte == UInt8(ascii: "=") {
                out.append(byte)
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { out.append(bytes[index]); index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let end = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
                    out.append(contentsOf: bytes[index..<min(end + 1, bytes.count)])
                    index = scrambleAdjacent(bytes, from: min(end + 1, bytes.count), into: &out)
                }
                continue
            }
            out.append(byte)
            index += 1
        }
        return index
    }

    /// `id="a"class="b"`: class or id attributes right after a value's closing quote, with no space.
    static func scrambleAdjacent(_ bytes: [UInt8], from start: Int, into out: inout [UInt8]) -> Int {
        var index = start
        while index > 0, index < bytes.count, bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "'"),
              let valueStart = classOrIDValue(bytes, after: index - 1) {
            out.append(contentsOf: bytes[index..<valueStart])
            index = scrambleValue(bytes, from: valueStart, into: &out)
        }
        return index
    }

    /// "script" or "style" when the tag name at `start` is one (its text is raw, not markup).
    static func opensRawText(_ bytes: [UInt8], at start: Int) -> [UInt8]? {
        for name in ["script", "style"] {
            let utf8 = Array(name.utf8)
            guard start + utf8.count <= bytes.count,
                  zip(bytes[start..<(start + utf8.count)], utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            let after = start + utf8.count
            if after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                return utf8
            }
        }
        return nil
    }

    /// Copies raw text up to its closing tag ("</script"), which is left for the main loop.
    static func copyRawText(_ bytes: [UInt8], from start: Int, closing name: [UInt8], into out: inout [UInt8]) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 + name.count < bytes.count, bytes[index + 1] == UInt8(ascii: "/"),
               zip(bytes[(index + 2)..<(index + 2 + name.count)], name).allSatisfy({ $0 | 0x20 == $1 }) {
                return index
            }
            out.append(bytes[index])
            index += 1
        }
        return index
    }

    /// After a space (or a value's closing quote) inside a tag: where the value of a `class=` or `id=`
    /// (any case, spaces around `=`) starts.
    static func classOrIDValue(_ bytes: [UInt8], after space: Int) -> Int? {
        var index = space + 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        for name in ["class", "id"] {
            let utf8 = Array(name.utf8)
            guard index + utf8.count < bytes.count,
                  zip(bytes[index..<(index + utf8.count)], utf8).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            var next = index + utf8.count
            while next < bytes.count, isSpace(bytes[next]) { next += 1 }
            guard next < bytes.count, bytes[next] == UInt8(ascii: "=") else { continue }
            next += 1
            while next < bytes.count, isSpace(bytes[next]) { next += 1 }
            return next
        }
        return nil
    }

    /// Copies a value (quoted or bare) with each word replaced; returns the index after it.
    static func scrambleValue(_ bytes: [UInt8], from start: Int, into out: inout [UInt8]) -> Int {
        var index = start
        var quote: UInt8 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            quote = bytes[index]
            out.append(quote)
            index += 1
        }
        func ends(_ byte: UInt8) -> Bool { quote != 0 ? byte == quote : (isSpace(byte) || byte == UInt8(ascii: ">")) }
        var word: [UInt8] = []
        func flushWord() {
            guard !word.isEmpty else { return }
            out.append(contentsOf: token(for: word))
            word.removeAll(keepingCapacity: true)
        }
        while index < bytes.count, !ends(bytes[index]) {
            if isSpace(bytes[index]) {
                flushWord()
                out.append(bytes[index])
            } else {
                word.append(bytes[index])
            }
            index += 1
        }
        flushWord()
        if quote != 0, index < bytes.count { out.append(quote); index += 1 }
        return index
    }

    /// "x" and seven decimal digits of the word's FNV-1a hash: digits, so that no token spells a
    /// word a list holds by chance (hex digits would: "ad", "fab").
    static func token(for word: [UInt8]) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var digits = [UInt8](repeating: 0x30, count: 7)
        for place in 0..<7 {
            digits[place] = 0x30 + UInt8(hash % 10)
            hash /= 10
        }
        return [UInt8(ascii: "x")] + digits
    }

    static let commentOpen = Array("<!--".utf8)
    static let commentClose = Array("-->".utf8)

    /// Where `needle` first occurs in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start + needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
}
