/// Decides `MarkupScan.isShortLine(node.spacedText)` (with the 1200-byte read limit) from the
/// text nodes' bytes, without building the text: the byline check asks it of most elements after
/// the headline, and nearly all of them are paragraphs or links that are plainly not short lines.
///
/// Exact while every scalar is one the byte rules know (ASCII, Latin-1 and Latin Extended-A,
/// common punctuation): each is then one Character, and the whitespace among them is ASCII
/// whitespace or U+00A0, so the collapsed text's words and length are counts. Other text gets
/// only a lower bound on its length, and is built and measured when the bound does not rule it out.
struct ShortLineProbe {
    enum Verdict {
        case no, yes, unknown
    }

    static let byteLimit = 1200
    static let characterLimit = 100
    static let wordLimit = 12

    /// Bytes of all text nodes (the read limit).
    private(set) var rawBytes = 0
    private var words = 0
    /// Characters and UTF-8 bytes of the words (exact text only).
    private var characters = 0
    private var wordBytes = 0
    private var inWord = false
    private var exact = true
    /// Non-space ASCII bytes that follow an ASCII byte or a text boundary: each starts its own
    /// Character in the collapsed text, whatever else the text holds.
    private var asciiStarts = 0

    /// True once the answer can only be no: the walk may stop.
    var isDecided: Bool {
        rawBytes > Self.byteLimit || asciiStarts > Self.characterLimit
            || exact && (characters + words - 1 > Self.characterLimit || words > Self.wordLimit)
    }

    var verdict: Verdict {
        if rawBytes > Self.byteLimit || asciiStarts > Self.characterLimit { return .no }
        guard exact else { return .unknown }
        guard words > 0, words <= Self.wordLimit, characters + words - 1 <= Self.characterLimit,
              wordBytes + words - 1 <= Self.byteLimit else { return .no }
        return .yes
    }

    /// One text node; nodes are joined with a space, so a node boundary ends a word.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        rawBytes += bytes.count
        inWord = false
        var previousASCII = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    inWord = false
                } else {
                    if previousASCII { asciiStarts += 1 }
                    countCharacter(bytes: 1)
                }
                previousASCII = true
                index += 1
                continue
            }
            previousASCII = false
            guard exact else {
                index += 1
                continue
            }
            switch Self.knownScalar(bytes, at: index) {
            case .space:
                inWord = false
                index += 2
            case .character(let length):
                countCharacter(bytes: length)
                index += length
            case .unknown:
                exact = false
                index += 1
            }
        }
    }

    private mutating func countCharacter(bytes length: Int) {
        if !inWord {
            inWord = true
            words += 1
        }
        characters += 1
        wordBytes += length
    }

    private enum Scalar {
        case space, character(Int), unknown
    }

    /// Scalars that are one Character on their own next to ASCII and each other (no joining,
    /// no control): U+00A0 (whitespace), U+00A1–U+017F but U+00AD, U+2010–U+2027, U+20AC.
    private static func knownScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Scalar {
        let lead = bytes[index]
        if lead == 0xC2 || lead == 0xC3 || lead == 0xC4 || lead == 0xC5 {
            guard index + 1 < bytes.count else { return .unknown }
            let next = bytes[index + 1]
            guard next >= 0x80 && next <= 0xBF else { return .unknown }
            if lead == 0xC2 {
                if next == 0xA0 { return .space }
                if next < 0xA0 || next == 0xAD { return .unknown }
            }
            return .character(2)
        }
        if lead == 0xE2 {
            guard index + 2 < bytes.count else { return .unknown }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && third >= 0x90 && third <= 0xA7 { return .character(3) }
            if second == 0x82 && third == 0xAC { return .character(3) }
        }
        return .unknown
    }
}
