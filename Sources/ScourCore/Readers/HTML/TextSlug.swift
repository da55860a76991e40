/// An element id written from the element's own text, as slide shows, listicles and
/// table-of-contents plugins name their anchors ("zendaya-promoted-dune-part-two-in-london-1",
/// "Why_you_should_share_your_password"). Such an id's words are the headline's, not a kind of
/// box, so the walker does not read them as class words.
enum TextSlug {
    /// At least this many words (digits-only parts aside) before an id can be a slug: machine
    /// names of three or four words ("block-related-articles") are read as names.
    static let minimumWords = 5
    /// How much of the element's leading text is compared, and how many nodes are visited for
    /// it: the check costs a bounded amount whatever the element holds.
    static let textBytes = 400
    static let nodes = 64

    /// A cheap first look at an id's bytes: enough separators, no spaces, not too long.
    static func mayBeOne(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 2 * minimumWords, value.count <= 200 else { return false }
        var separators = 0
        for byte in value {
            if byte == 0x2D || byte == 0x5F { separators += 1 } else if byte == 0x20 { return false }
        }
        return separators >= minimumWords - 1
    }

    /// True when the id's words (split at '-' and '_', digits-only parts aside, ASCII case
    /// ignored) appear in order among the first words of the element's text.
    static func spells(_ id: [UInt8], textOf node: HTMLNode) -> Bool {
        let parts = id.split { $0 == 0x2D || $0 == 0x5F }.map { $0.map(ASCIIText.fold) }.filter { part in !part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts.count >= minimumWords else { return false }
        let words = leadingWords(of: node)
        var next = 0
        for word in words where next < parts.count && word == parts[next] { next += 1 }
        return next == parts.count
    }

    /// The element's first words: runs of ASCII letters and digits and of non-ASCII bytes, lowercased.
    private static func leadingWords(of node: HTMLNode) -> [[UInt8]] {
        var text: [UInt8] = []
        node.forEachDescendant(limit: nodes) { child in
            guard text.count < textBytes else { return false }
            if child.isText { child.withContent { text.append(contentsOf: $0.prefix(textBytes - text.count)); text.append(0x20) } }
            return true
        }
        return text.split { byte in byte < 0x80 && !isAlphanumeric(byte) }.map { $0.map(ASCIIText.fold) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
