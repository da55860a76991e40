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
        var inTag = false
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !inTag {
                // A tag opens with "<" and a letter; "<" before anything else is text.
                if byte == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) { inTag = true }
                out.append(byte)
                index += 1
                continue
            }
            if quote != 0 {
                if byte == quote { quote = 0 }
                out.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") { inTag = false; out.append(byte); index += 1; continue }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte; out.append(byte); index += 1; continue }
            if isSpace(byte), let valueStart = classOrIDValue(bytes, after: index) {
                out.append(contentsOf: bytes[index..<valueStart])
                index = scrambleValue(bytes, from: valueStart, into: &out)
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    /// After a space inside a tag: where the value of a `class=` or `id=` (any case, spaces around `=`) starts.
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

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
}
