/// Decides `MarkupScan.isShortLine(node.spacedText)` (with the 1200-byte read limit) from the
/// text nodes' bytes, without building the text: the byline check asks it of every element after
/// the headline that opens with text, and the text is built only for those that are short lines.
///
/// Exact while every scalar is one the byte rules know (ASCII, Latin up to U+02FF, common
/// punctuation, Unicode spaces): each is then one Character, and whitespace is whitespace
/// scalar by scalar, so the collapsed text's words and length are counts. Other text gets
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
            case .space(let length):
                inWord = false
                index += length
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
        case space(Int), character(Int), unknown
    }

    /// Scalars that are one Character on their own next to ASCII and each other (no joining marks
    /// on either side): `MarkupBytes.isPlainScalar`, whitespace among them ending a word. Invalid or
    /// other sequences are unknown (the String path then decides).
    private static func knownScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Scalar {
        let lead = bytes[index]
        let scalar: UInt32
        let length: Int
        if lead >= 0xC2 && lead <= 0xDF {
            guard index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else { return .unknown }
            scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead >= 0xE0 && lead <= 0xEF {
            guard index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return .unknown }
            scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            // Overlong forms and surrogates decode below U+0800 or into U+D800–U+DFFF: neither is plain.
            guard scalar >= 0x800, scalar < 0xD800 || scalar > 0xDFFF else { return .unknown }
            length = 3
        } else {
            return .unknown
        }
        guard MarkupBytes.isPlainScalar(scalar) else { return .unknown }
        return MarkupBytes.whitespace(scalar) == .none ? .character(length) : .space(length)
    }
}
