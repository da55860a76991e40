/// Stage: within one page, a heading or block repeated later is dropped, and
/// so is any block that only repeats the title (HTML main content keeps its own repeats). Comparison ignores case,
/// spacing and punctuation, so " Title" and "Title" are the same block.
public struct DedupeStage: Stage {
    public static let name = "dedupe"

    /// Blocks shorter than this many characters (e.g. "Share", "Reply") are never compared.
    public var minChars: Int

    public init(section: ConfigSection, resources: Resources) throws {
        minChars = section.int("min_chars", default: 8, range: 0...10_000)
    }

    public func process(_ document: inout Document) throws(Rejection) {
        let titleKey = document.metadata.title.map(TextKey.letters)
        var seen: Set<String> = []
        for index in document.blocks.indices where document.blocks[index].isKept {
            let block = document.blocks[index]
            let key = TextKey.letters(block.text)
            guard Self.characterCount(key) >= minChars || (titleKey != nil && key == titleKey) else { continue }
            let alreadySeen = !seen.insert(key).inserted
            if let titleKey, key == titleKey {
                removeBlock(&document, at: index, rule: "title-repeat")
            } else if alreadySeen, block.markup?.inMainContent != true {
                // Inside an HTML page's main content, repeats are the author's (a meal plan's
                // "Pre-Workout Meal" under every day); scraper repeats live outside it.
                removeBlock(&document, at: index, rule: block.kind == .heading ? "repeated-heading" : "repeated-block")
            }
        }
    }

    /// `key.count` without walking Characters when the key is ASCII (one Character per byte: a key holds no CR/LF).
    static func characterCount(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { $0.allSatisfy { $0 < 0x80 } } ? key.utf8.count : key.count
    }
}
