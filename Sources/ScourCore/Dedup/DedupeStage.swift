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
        let titleKey = document.metadata.title.map(Self.key)
        var seen: Set<String> = []
        for index in document.blocks.indices {
            let block = document.blocks[index]
            let key = Self.key(block.text)
            guard block.isKept, key.count >= minChars || (titleKey != nil && key == titleKey) else { continue }
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

    /// Letters and digits only, lowercased: the identity of a block for repetition.
    /// Built as UTF-8 bytes, with ASCII handled byte by byte (most text, and every page's menus).
    static func key(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                // ASCII: letters lowercased, digits kept, everything else dropped.
                if value >= 0x41 && value <= 0x5A {
                    bytes.append(UInt8(value + 0x20))
                } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                    bytes.append(UInt8(value))
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lowered) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
