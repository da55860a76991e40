/// Post-selection step: inside the chosen main content, a short block that announces
/// teasers ("Read also", "Zobacz także", "Schon gelesen?", from `end_of_article` in
/// `Resources/html/containers.json`) is not story, and neither are the link lists and
/// short non-sentence blocks that follow it: they go until prose resumes. A line that
/// starts with such a phrase and a colon ("Czytaj też: Other story") is a teaser too.
struct TeaserBarrier {
    let phrases: Set<String>
    /// Longest phrase in characters; a block is compared only when its start is that short.
    let maxCharacters: Int

    /// Bytes some phrase starts with (canonically decomposed, as String equality compares), or nil
    /// when a phrase is empty: a block whose key cannot start with one of them matches none.
    let firstBytes: [Bool]?

    init(tokens: MarkupTokens) {
        phrases = tokens.endOfArticle
        maxCharacters = tokens.endOfArticleMaxCharacters
        var firstBytes: [Bool]? = [Bool](repeating: false, count: 256)
        for phrase in phrases {
            guard let first = phrase.canonicalDecomposed.utf8.first else { firstBytes = nil; break }
            firstBytes?[Int(first)] = true
        }
        self.firstBytes = firstBytes
    }

    /// False when `key(text)` (or the key of any start of it) cannot equal a phrase: its first
    /// character is ASCII and no phrase starts with it.
    @inline(__always)
    private func mayMatch(_ text: String) -> Bool {
        guard let firstBytes else { return true }
        for byte in text.utf8 where byte != 0x20 && byte != 0x0A && byte != 0x09 {
            guard byte < 0x80 else { return true }
            return firstBytes[Int(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)]
        }
        return true
    }

    enum Match {
        /// The whole block is the phrase: a heading over teasers.
        case heading
        /// The phrase, a colon, then the teaser itself.
        case line
    }

    /// Which kind of teaser announcement `text` is, if any. Allocates only for blocks whose
    /// start is short enough to be a phrase.
    func match(_ text: String) -> Match? {
        guard !phrases.isEmpty, mayMatch(text) else { return nil }
        let limitBytes = maxCharacters * 2 + 4
        var colon = -1
        var bytes = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { colon = bytes; break }
            bytes += 1
            if bytes > limitBytes { break }
        }
        let whole = text.utf8.count <= limitBytes
        guard whole || colon >= 0 else { return nil }
        if whole, phrases.contains(TextKey.teaser(Substring(text))) {
            return .heading
        }
        if colon > 0 {
            let colonIndex = text.utf8.index(text.utf8.startIndex, offsetBy: colon)
            let rest = text.utf8[text.utf8.index(after: colonIndex)...]
            // "Read also: …" with nothing after the colon was the heading case.
            if rest.contains(where: { $0 != 0x20 && $0 != 0x0A }), phrases.contains(TextKey.teaser(text[..<colonIndex])) {
                return .line
            }
        }
        return nil
    }

    /// A short heading ending in a colon that starts with a phrase and a space: "Weitere Informationen zum Thema X:".
    func startsWithPhrase(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        let last = text.utf8.last(where: { $0 != 0x20 && $0 != 0x0A })
        guard last == UInt8(ascii: ":") else { return false }
        let key = TextKey.teaser(Substring(text))
        for (offset, byte) in key.utf8.enumerated() where byte == 0x20 {
            if offset > maxCharacters * 2 { break }
            let prefix = String(decoding: key.utf8.prefix(offset), as: UTF8.self)
            if phrases.contains(prefix) { return true }
        }
        return false
    }

    /// Removes teaser announcements from `included` and, after each, the non-prose blocks
    /// that follow until a prose paragraph or a plain (unlinked) heading.
    /// A heading's box is the smallest container around it holding more than the heading; when that box
    /// is not the chosen container and holds little of the story, all of it is teaser.
    func apply(blocks: [WalkedBlock], containers: [ContentContainer], chosen: Int, good: [Double], bad: [Double],
               included: inout [Bool], reasons: inout [String?]) {
        guard !phrases.isEmpty else { return }
        var story = 0.0
        for index in blocks.indices where included[index] { story += good[index] }
        var barrier = false
        var boxEnd = -1
        for index in blocks.indices where included[index] {
            let walked = blocks[index]
            if index < boxEnd {
                included[index] = false
                reasons[index] = "teaser-box"
                continue
            }
            if let found = match(walked.block.text) {
                included[index] = false
                reasons[index] = found == .heading ? "teaser-heading" : "teaser-line"
                barrier = true
                if found == .heading {
                    var box = walked.container
                    while box > 0, box != chosen, containers[box].endBlock - containers[box].firstBlock <= 1 {
                        box = containers[box].parent
                    }
                    if box > 0, box != chosen, containers[box].firstBlock == index,
                       containers[box].endBlock - containers[box].firstBlock <= 12 {
                        var boxGood = 0.0
                        for inner in containers[box].firstBlock..<containers[box].endBlock { boxGood += good[inner] }
                        if boxGood < 0.25 * story { boxEnd = containers[box].endBlock }
                    }
                }
                continue
            }
            if walked.block.kind == .heading, startsWithPhrase(walked.block.text) {
                included[index] = false
                reasons[index] = "teaser-heading"
                barrier = true
                continue
            }
            guard barrier else { continue }
            let prose = good[index] > 0 && bad[index] < 0.3 * good[index]
            let plainHeading = walked.block.kind == .heading && walked.linkCharacters == 0
            if prose || plainHeading {
                barrier = false
                continue
            }
            included[index] = false
            reasons[index] = "after-teaser-heading"
        }
    }
}
