import Foundation

/// Byte-level stand-ins for String and Foundation calls on ASCII text without CR: there every
/// byte is one Character, lowercasing maps bytes one to one, and canonical equivalence is
/// byte equality. Callers keep the String call for other text, so results never change.
enum ASCIIText {
    /// The text's bytes with letters lowercased, or nil when it is not plain ASCII (or holds CR).
    static func lowered<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            for byte in text.utf8 {
                guard byte < 0x80, byte != 0x0D else { ok = false; break }
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
        }
        return ok ? bytes : nil
    }

    /// Whether the text is plain ASCII without CR.
    static func isPlain<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// Whether `hay` starts with `needle` when hay's letters are lowercased.
    @inline(__always)
    static func hasLoweredPrefix<Hay: Collection>(_ hay: Hay, _ needle: [UInt8]) -> Bool where Hay.Element == UInt8 {
        var index = hay.startIndex
        for byte in needle {
            guard index != hay.endIndex else { return false }
            let value = hay[index]
            guard (value >= 0x41 && value <= 0x5A ? value + 0x20 : value) == byte else { return false }
            hay.formIndex(after: &index)
        }
        return true
    }
}

/// Words matched on ASCII text by bytes: the ASCII ones, and whether some other word could
/// still match ASCII text (its canonical decomposition is ASCII, as the Kelvin sign's is).
struct ASCIIWords: Sendable {
    let words: [[UInt8]]
    let needsFallback: Bool

    init(_ list: [String]) {
        words = list.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        needsFallback = list.contains { word in
            !word.utf8.allSatisfy { $0 < 0x80 } && word.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
        }
    }
}
