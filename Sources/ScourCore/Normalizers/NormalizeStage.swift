import Foundation

/// Stage 2: one text form for every block. Resolves inline markdown into plain
/// text plus links, folds odd spaces, drops invisible characters, applies NFC,
/// and rejoins paragraphs that a scraper split mid-sentence.
public struct NormalizeStage: Stage {
    public static let name = "normalize"

    public var stripMarkdown: Bool
    public var joinBrokenParagraphs: Bool
    /// `byline_prefixes` of metadata.json, each with a space: "by Jeff Foust" under a headline is a
    /// byline, not the headline's lost end.
    let bylineStarts: [String]

    public init(section: ConfigSection, resources: Resources) throws {
        stripMarkdown = section.bool("strip_markdown", default: true)
        joinBrokenParagraphs = section.bool("join_broken_paragraphs", default: true)
        bylineStarts = resources.metadataWords.bylinePrefixes.map { $0.lowercased() + " " }
    }

    public func process(_ document: inout Document) throws(Rejection) {
        let markdown = stripMarkdown && document.format != .html
        for index in document.blocks.indices where document.blocks[index].isKept {
            var block = document.blocks[index]
            if markdown && block.kind != .preformatted {
                let inline = InlineMarkdown.resolve(block.text)
                block.text = inline.text
                block.links += inline.links
            }
            block.text = Self.normalize(block.text, keepLineBreaks: block.kind == .preformatted)
            document.blocks[index] = block
            if block.text.isEmpty { removeBlock(&document, at: index, rule: "empty") }
        }
        if joinBrokenParagraphs { joinBroken(&document) }
    }

    /// Joins a paragraph that stops mid-sentence with the next one when that starts in lower case.
    private func joinBroken(_ document: inout Document) {
        var previous: Int?
        for index in document.blocks.indices where document.blocks[index].isKept {
            defer { if document.blocks[index].isKept { previous = index } }
            guard let head = previous, joins(document.blocks[head], document.blocks[index]) else { continue }
            let next = document.blocks[index]
            document.blocks[head].text += " " + next.text
            document.blocks[head].links += next.links
            removeBlock(&document, at: index, rule: "joined-into-previous")
            previous = head
        }
    }

    /// Whether `next` carries on the sentence `first` breaks off. Asked of a paragraph that may
    /// already hold many joined ones: every test here costs the same whatever its length
    /// (counting its Characters made a page of 25,000 unfinished lines take minutes).
    private func joins(_ first: Block, _ next: Block) -> Bool {
        guard first.kind == .paragraph, next.kind == .paragraph,
              let last = first.text.last, !Self.sentenceEnders.contains(last),
              let start = next.text.first, start.isLowercase,
              !first.text.dropFirst(24).isEmpty, !Self.isLabelLine(next.text), !isBylineLine(next.text) else { return false }
        return true
    }

    /// "by Jeff Foust — November 18, 2019": a short line that opens with a byline label and a capital.
    func isBylineLine(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        for start in bylineStarts where text.hasPrefix(start) {
            if text.dropFirst(start.count).first?.isUppercase == true { return true }
        }
        return false
    }

    /// A short line ending in ":" ("joe says:", "note:") labels what follows; it does not
    /// finish the sentence above.
    static func isLabelLine(_ text: String) -> Bool {
        text.utf8.last == UInt8(ascii: ":") && text.utf8.count <= 60
    }

    static let sentenceEnders: Set<Character> = [".", "!", "?", ":", ";", "\"", "”", "’", "»", ")", "…", "|"]

    /// What one scalar becomes: kept, a space, a line break, or nothing.
    private enum ScalarClass { case keep, space, lineBreak, drop }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x20, 0x09, 0x0B, 0x0C: return .space
            case 0x0A, 0x0D: return .lineBreak
            case 0..<0x20, 0x7F: return .drop
            default: return .keep
            }
        }
        switch value {
        // Zero-width spaces and joiners, word joiner, BOM, soft hyphen: no space, no text.
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return .drop
        case 0x2028, 0x2029: return .lineBreak
        case 0x80..<0xA0: return .drop
        default:
            // NBSP, en/em/thin spaces, ideographic space and the rest of Zs.
            return scalar.properties.generalCategory == .spaceSeparator ? .space : .keep
        }
    }

    /// NFC, odd spaces to plain spaces, invisible characters removed, runs of white space collapsed.
    /// The result is built as UTF-8 bytes (ASCII appended as is): this runs on every block.
    public static func normalize(_ text: String, keepLineBreaks: Bool = false) -> String {
        if isNormal(text) { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var pendingBreak = false
        var needsNFC = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 && !needsNFC { needsNFC = !isNFCStable(scalar) }
            switch classify(scalar) {
            case .drop: continue
            case .lineBreak:
                if keepLineBreaks { pendingBreak = true } else { pendingSpace = true }
            case .space:
                pendingSpace = true
            case .keep:
                if !bytes.isEmpty {
                    if pendingBreak { bytes.append(0x0A) } else if pendingSpace { bytes.append(0x20) }
                }
                pendingSpace = false
                pendingBreak = false
                if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        let collapsed = String(decoding: bytes, as: UTF8.self)
        return needsNFC ? collapsed.precomposedStringWithCanonicalMapping : collapsed
    }

    /// True when `normalize` would return the text unchanged: single spaces between words only, and
    /// every scalar one that `classify` keeps and `isNFCStable` (or ASCII) leaves alone. Most blocks are
    /// already normal (the HTML walker folds white space), and then no copy is built.
    static func isNormal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let last = bytes.last, last != 0x20, bytes[0] != 0x20 else { return bytes.isEmpty }
            var index = 0
            var previousSpace = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 {
                        if previousSpace { return false }
                        previousSpace = true
                    } else {
                        guard byte > 0x20, byte != 0x7F else { return false }
                        previousSpace = false
                    }
                    index += 1
                    continue
                }
                previousSpace = false
                let (scalar, length) = TextFold.decodeScalar(bytes, at: index)
                let value = scalar.value
                switch value {
                // Latin-1 and Latin Extended letters and signs (not NBSP, not the soft hyphen), basic Cyrillic.
                case 0xA1...0x2FF where value != 0xAD, 0x400...0x4FF: break
                // General punctuation but the line and paragraph separators and the narrow no-break space; currency.
                case 0x2010...0x205E where value != 0x2028 && value != 0x2029 && value != 0x202F, 0x20A0...0x20CF: break
                default: return false
                }
                index += length
            }
            return true
        }
    }

    /// Scalars that NFC never changes and that never combine with a neighbour: Latin-1 and
    /// Latin Extended letters, general punctuation (curly quotes, dashes), currency signs,
    /// basic Cyrillic. Text made only of these skips Foundation's NFC pass.
    private static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0...0x2FF, 0x2010...0x205E, 0x20A0...0x20CF, 0x0400...0x04FF: return true
        default: return false
        }
    }
}

extension String {
    var isASCIIOnly: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
