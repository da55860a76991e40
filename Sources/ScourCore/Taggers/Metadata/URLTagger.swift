import Foundation

/// URL: the markup's canonical link, else an "Original url:" line or a lone link after it.
extension MetadataContext {
    /// The markup's URL (the first hint wins).
    mutating func tagMarkupURL() {
        for (hint, value) in markupValues([.url]) where meta.url == nil {
            meta.url = value; set("url", rule: hint.origin.description)
        }
    }

    /// "Original url:" followed by a link, or a lone link after the article.
    mutating func tagURL() {
        for index in document.blocks.indices where document.blocks[index].isKept {
            let text = document.blocks[index].text
            // Only the start is asked about, on bytes where its scalars are plain: lowercasing was a hot spot.
            guard stage.urlLabelLeads.startsPrefix(text, characters: 16) ?? Self.startsWithURLLabel(text, labels: stage.words.urlLabels)
            else { continue }
            var url = firstURL(in: document.blocks[index])
            var urlBlock = index
            if url == nil, index + 1 < document.blocks.count, let next = firstURL(in: document.blocks[index + 1]),
               TextKey.letters(document.blocks[index + 1].text) == TextKey.letters(next) {
                url = next
                urlBlock = index + 1
            }
            guard let found = url else { continue }
            if meta.url == nil {
                meta.url = found
                set("url", rule: "original-url-line", block: urlBlock)
            }
            consume(index, rule: "url-line")
            if urlBlock != index { consume(urlBlock, rule: "url-line") }
            return
        }
    }

    /// The String rule of `LeadingLabels.startsPrefix` for the URL labels.
    static func startsWithURLLabel(_ text: String, labels: [String]) -> Bool {
        let lower = text.prefix(16).lowercased()
        return labels.contains(where: { lower.hasPrefix($0) })
    }

    func firstURL(in block: Block) -> String? {
        if let link = block.links.first(where: { $0.target.hasPrefix("http") }) { return link.target }
        // The regex needs "http://" or "https://" in the bytes; most lines have neither.
        guard Self.hasURLScheme(block.text),
              let range = block.text.range(of: "https?://[^\\s<>\"]+", options: .regularExpression) else { return nil }
        return String(block.text[range])
    }

    static func hasURLScheme(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var start = 0
        while let found = ByteSearch.firstOffset(of: httpBytes, in: bytes[start...]) {
            let rest = bytes[(start + found + 4)...]
            if rest.starts(with: schemeEnd) || rest.starts(with: secureSchemeEnd) { return true }
            start += found + 4
        }
        return false
    }

    static let httpBytes = Array("http".utf8)
    static let schemeEnd = Array("://".utf8)
    static let secureSchemeEnd = Array("s://".utf8)
}
