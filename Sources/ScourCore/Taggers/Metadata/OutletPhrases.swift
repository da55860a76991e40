import Foundation

extension MetadataContext {
    /// The token loop of `properCase` on bytes for text of plain scalars (`PlainScalar`) and an
    /// ASCII target; false (nothing counted) for other text. Every scalar there is a Character
    /// of its own, so splitting at the separator scalars is splitting at the separator
    /// Characters, and the tokens' keys, all plain scalars, compare as their bytes.
    static func countPhrasesPlain(_ text: String, target: [UInt8], into counts: inout [String: Int]) -> Bool {
        guard let tokens = plainTokens(text) else { return false }
        let keys = tokens.map { TextKey.letterBytes(String($0)) }
        var joined: [UInt8] = []
        for first in tokens.indices {
            joined.removeAll(keepingCapacity: true)
            for end in first..<min(tokens.count, first + 5) {
                joined += keys[end]
                if joined == target {
                    let phrase = tokens[first...end].joined(separator: " ")
                    if phrase.first?.isUppercase == true { counts[phrase, default: 0] += 1 }
                    break
                }
                if !target.starts(with: joined) { break }
            }
        }
        return true
    }

    /// `text.split` at " ", ",", ".", "’", "'" and ":", or nil when a scalar is not plain.
    static func plainTokens(_ text: String) -> [Substring]? {
        var tokens: [Substring] = []
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let value = scalars[index].value
            if value >= 0x80, value >= 0x2100 || PlainScalar.lowered[Int(value)] == 0 { return nil }
            if value == 0x0D { return nil }
            let separator = value == 0x20 || value == 0x2C || value == 0x2E || value == 0x2019 || value == 0x27 || value == 0x3A
            if separator {
                if let first = start { tokens.append(text[first..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            scalars.formIndex(after: &index)
        }
        if let first = start { tokens.append(text[first...]) }
        return tokens
    }
}
