import Foundation

/// The keys that say when two texts count as the same, in one place. They are not one rule:
/// each variant below is named for what it keeps, and each byte fast path stands for the
/// String rule written in its comment (`TextKeyTests` holds each to it).
enum TextKey {
    /// The letters of a host's own name, its label before the top-level domain ("tageszeitung" of
    /// www.tageszeitung.it); nil for a host of one label.
    static func hostLabel(_ host: String) -> String? {
        host.split(separator: ".").dropLast().last.map { letters(String($0)) }
    }

    // MARK: letters (scalar by scalar)

    /// Letters and digits only, lowercased, scalar by scalar (a combining mark that is not
    /// alphabetic goes): the identity of a block for repetition and duplicates, a title found
    /// again in the body, an outlet's name in the text.
    /// String rule: the scalars that are alphabetic or numeric, each replaced by its lowercase mapping.
    /// Built as UTF-8 bytes in one pass (`LetterKeyBytes`), straight into the String's storage.
    static func letters(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: LetterKeyBytes.capacity(utf8.count)) { LetterKeyBytes.write(utf8, to: $0) }
        }
    }

    /// `letters(text)` as bytes.
    static func letterBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: LetterKeyBytes.capacity(utf8.count)) { out, count in
                count = LetterKeyBytes.write(utf8, to: out)
            }
        }
    }

    // MARK: letter characters (Character by Character)

    /// Letters and numbers only, lowercased, Character by Character (a letter keeps its marks):
    /// "Jobs & Hire" → "jobshire". Names and site names, where "José" must stay one letter.
    /// String rule: `text.lowercased().filter { $0.isLetter || $0.isNumber }`.
    static func letterCharacters(_ text: String) -> String {
        // ASCII without CR: Characters are bytes, letters are A-Z and a-z, numbers the digits.
        if ASCIIText.isPlain(text) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                let lower = ASCIIText.fold(byte)
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { bytes.append(lower) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    // MARK: phrase (the lexicons' exact phrases)

    /// Lowercased, runs of digits as `#`, surrounding punctuation and spaces trimmed: how a block
    /// compares with the lexicons' exact phrases ("— Кнопка 12! —" → "кнопка #").
    static func phrase(_ text: String) -> String {
        let folded = TextFold.fold(text).folded
        return String(decoding: folded[trimmedRange(folded)], as: UTF8.self)
    }

    /// The bytes left once white space, punctuation and symbols (but `#$%&@`) are cut from both ends.
    static func trimmedRange(_ bytes: [UInt8]) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end {
            let (scalar, length) = decode(bytes, at: start)
            guard trims(scalar) else { break }
            start += length
        }
        while end > start {
            var head = end - 1
            while head > start, bytes[head] & 0xC0 == 0x80 { head -= 1 }
            let (scalar, _) = decode(bytes, at: head)
            guard trims(scalar) else { break }
            end = head
        }
        return start..<end
    }

    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether a scalar is cut from a phrase's ends. String rule: `trimSet.contains(scalar)`.
    @inline(__always)
    static func trims(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? asciiTrims[Int(scalar.value)] : trimSet.contains(scalar)
    }

    static let trimSet = CharacterSet.whitespacesAndNewlines
        .union(.punctuationCharacters).union(.symbols).subtracting(CharacterSet(charactersIn: "#$%&@"))
    private static let asciiTrims: [Bool] = (0..<128).map { trimSet.contains(Unicode.Scalar(UInt8($0))) }

    // MARK: teaser (announcement lines)

    /// Lowercased, spaces collapsed, trailing ": ? ! . … space » › > →" removed, typographic
    /// apostrophes as ASCII: how a line compares with the teaser announcements ("Schon gelesen?").
    static func teaser(_ text: Substring) -> String {
        // Built as UTF-8 bytes; the trailing marks are cut by their byte sequences.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        TextFold.appendCollapsingSpaces(text, to: &bytes, fold: TextFold.appendLowercased)
        trimming: while let last = bytes.last {
            switch last {
            case UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), 0x20, UInt8(ascii: ">"):
                bytes.removeLast()
                continue trimming
            default:
                for mark in trailingMarks where bytes.count >= mark.count && bytes.suffix(mark.count).elementsEqual(mark) {
                    bytes.removeLast(mark.count)
                    continue trimming
                }
                break trimming
            }
        }
        var key = String(decoding: bytes, as: UTF8.self)
        // Typographic apostrophes as in the word list ("don’t" → "don't").
        if key.unicodeScalars.contains("\u{2019}") { key = String(key.map { $0 == "\u{2019}" ? "'" : $0 }) }
        return key
    }

    /// The non-ASCII trailing marks `teaser` removes, as UTF-8: "…", "»", "›", "→".
    private static let trailingMarks: [[UInt8]] = ["\u{2026}", "\u{00BB}", "\u{203A}", "\u{2192}"].map { Array($0.utf8) }
}
