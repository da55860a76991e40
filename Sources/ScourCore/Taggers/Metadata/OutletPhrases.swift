import Foundation

extension MetadataContext {
    /// The token loop of `properCase` (`countPhrasesByTokens`) on bytes, for an ASCII target and
    /// text where every separator scalar stands as a Character of its own (`PhraseTokens`); false
    /// (nothing counted) for other text. Splitting at those scalars is then splitting at the
    /// separator Characters, and a token's key (scalar by scalar) is its bytes' letter key, so the
    /// keys of the tokens are written once, one after the other, and compared as bytes.
    static func countPhrasesPlain(_ text: String, target: [UInt8], into counts: inout [String: Int]) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            guard let tokens = PhraseTokens.split(utf8) else { return false }
            // `bounds[t]..<bounds[t + 1]`: token t's key in `keys`.
            var bounds = [0]
            bounds.reserveCapacity(tokens.count + 1)
            let keys = [UInt8](unsafeUninitializedCapacity: LetterKeyBytes.capacity(utf8.count)) { out, count in
                for token in tokens {
                    // What is left of `out` holds the token's key: keys are at most 3/2 of their text.
                    count += LetterKeyBytes.write(UnsafeBufferPointer(rebasing: utf8[token]), to: UnsafeMutableBufferPointer(rebasing: out[count...]))
                    bounds.append(count)
                }
            }
            for first in tokens.indices {
                for end in first..<min(tokens.count, first + 5) {
                    let joined = keys[bounds[first]..<bounds[end + 1]]
                    if joined.elementsEqual(target) {
                        let phrase = tokens[first...end].map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
                            .joined(separator: " ")
                        if phrase.first?.isUppercase == true { counts[phrase, default: 0] += 1 }
                        break
                    }
                    if !target.starts(with: joined) { break }
                }
            }
            return true
        }
    }
}

/// `text.split` at the Characters " ", ",", ".", "’", "'" and ":" (`countPhrasesByTokens`), on bytes.
/// A separator scalar is that Character when it joins neither neighbour: it is no Prepend scalar's
/// follower, and the scalar after it is no mark, joiner or spacing mark. None of those is below U+0300
/// or a plain scalar (`PlainScalar`); other neighbours are asked of String itself.
enum PhraseTokens {
    /// The tokens' byte ranges, or nil when a separator scalar is part of a larger Character.
    static func split(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var tokens: [Range<Int>] = []
        var start = -1
        var index = 0
        var previous = -1
        while index < utf8.count {
            let byte = utf8[index]
            var length = 1
            let separator: Bool
            if byte < 0x80 {
                separator = byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x27 || byte == 0x3A
            } else {
                length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                separator = byte == 0xE2 && utf8[index + 1] == 0x80 && utf8[index + 2] == 0x99
            }
            if separator {
                guard standsAlone(utf8, at: index, length: length, previous: previous) else { return nil }
                if start >= 0 { tokens.append(start..<index); start = -1 }
            } else if start < 0 {
                start = index
            }
            previous = index
            index += length
        }
        if start >= 0 { tokens.append(start..<utf8.count) }
        return tokens
    }

    /// Whether the separator scalar at `index` is a Character of its own (`previous`: the start of
    /// the scalar before it, -1 at the text's start).
    static func standsAlone(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, length: Int, previous: Int) -> Bool {
        let next = index + length
        let before = previous >= 0 && utf8[previous] >= 0x80 ? TextFold.decodeScalar(utf8, at: previous).0 : nil
        let after = next < utf8.count && utf8[next] >= 0x80 ? TextFold.decodeScalar(utf8, at: next).0 : nil
        if isInert(before), isInert(after) { return true }
        // Rare (a mark or an emoji beside a space): the String's own grapheme breaking decides.
        var scalars = String.UnicodeScalarView()
        var expected = 1
        if previous >= 0 { scalars.append(TextFold.decodeScalar(utf8, at: previous).0); expected += 1 }
        scalars.append(TextFold.decodeScalar(utf8, at: index).0)
        if next < utf8.count { scalars.append(TextFold.decodeScalar(utf8, at: next).0); expected += 1 }
        return String(scalars).count == expected
    }

    /// A scalar that joins no neighbour: below U+0300 or plain (nil: ASCII or no neighbour).
    @inline(__always)
    static func isInert(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return true }
        return value < 0x300 || (value < 0x2100 && PlainScalar.lowered[Int(value)] != 0)
    }
}
