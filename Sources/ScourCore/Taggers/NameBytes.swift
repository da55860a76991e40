/// Byte paths of `PersonNames`' String rules for plain ASCII text (no CR), where each byte is a
/// Character, lowercasing maps bytes one to one and Foundation's trimming (by scalars) trims bytes.
/// Each returns nil for other text, whose callers keep the String rule.
enum NameBytes {
    /// `PersonNames.separatorEdges` and `partEdges`, the ASCII part of each (the dashes are not ASCII).
    static let separatorEdges: [UInt8] = Array(" ,;:|/-".utf8)
    static let partEdges: [UInt8] = Array(" .,;:".utf8)
    static let nameEdges: [UInt8] = Array(" .,;:|".utf8)

    /// String rule: `text.trimmingCharacters(in:)` a set of the ASCII `edges`.
    static func trimmed(_ text: String, edges: [UInt8]) -> String? {
        guard ASCIIText.isPlain(text) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            let kept = trimmed(bytes, edges: edges)
            return kept.count == bytes.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        } ?? text
    }

    /// The bytes left once `edges` are cut from both ends.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, edges: [UInt8]) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end, edges.contains(bytes[start]) { start += 1 }
        while end > start, edges.contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// String rule (`PersonNames.trimmedEnds`): trim the separators, drop trailing lowercase words of
    /// up to three letters while more than one word is left, join the words with single spaces, trim again.
    static func trimmedEnds(_ text: String) -> String? {
        guard ASCIIText.isPlain(text) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            let kept = trimmed(bytes, edges: separatorEdges)
            var words: [Range<Int>] = []
            var start = -1
            for index in kept {
                if bytes[index] == 0x20 {
                    if start >= 0 { words.append(start..<index); start = -1 }
                } else if start < 0 {
                    start = index
                }
            }
            if start >= 0 { words.append(start..<kept.upperBound) }
            while words.count > 1, let last = words.last, last.count <= 3, bytes[last].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                words.removeLast()
            }
            var joined: [UInt8] = []
            joined.reserveCapacity(kept.count)
            for (index, word) in words.enumerated() {
                if index > 0 { joined.append(0x20) }
                joined.append(contentsOf: bytes[word])
            }
            let final = joined.withUnsafeBufferPointer { trimmed($0, edges: separatorEdges) }
            return String(decoding: joined[final], as: UTF8.self)
        }
    }

    /// String rule: `word.lowercased().trimmingCharacters(in: PersonNames.partEdges)`.
    static func loweredPart(_ word: Substring) -> String? {
        guard let lower = ASCIIText.lowered(word) else { return nil }
        let kept = lower.withUnsafeBufferPointer { trimmed($0, edges: partEdges) }
        return String(decoding: lower[kept], as: UTF8.self)
    }
}
