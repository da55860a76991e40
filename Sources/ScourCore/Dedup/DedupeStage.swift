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
        for index in document.blocks.indices where document.blocks[index].isKept {
            let block = document.blocks[index]
            let key = Self.key(block.text)
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

    /// Letters and digits only, lowercased: the identity of a block for repetition.
    /// Built as UTF-8 bytes in one pass over the text's bytes; only non-ASCII scalars are decoded.
    static func key(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    // ASCII: letters lowercased, digits kept, everything else dropped.
                    if byte >= 0x41 && byte <= 0x5A {
                        bytes.append(byte + 0x20)
                    } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        bytes.append(byte)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = TextFold.decodeScalar(utf8, at: index)
                index += length
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                        UTF8.encode(lowered) { bytes.append($0) }
                    }
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `key.count` without walking Characters when the key is ASCII (one Character per byte: a key holds no CR/LF).
    static func characterCount(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { $0.allSatisfy { $0 < 0x80 } } ? key.utf8.count : key.count
    }
}
