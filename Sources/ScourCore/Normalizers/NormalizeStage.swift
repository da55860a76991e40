import Foundation

/// Stage 2: one text form for every block. Resolves inline markdown into plain
/// text plus links, folds odd spaces, drops invisible characters, applies NFC,
/// and rejoins paragraphs that a scraper split mid-sentence.
public struct NormalizeStage: Stage {
    public static let name = "normalize"

    public var stripMarkdown: Bool
    public var joinBrokenParagraphs: Bool

    public init(section: ConfigSection, resources: Resources) throws {
        stripMarkdown = section.bool("strip_markdown", default: true)
        joinBrokenParagraphs = section.bool("join_broken_paragraphs", default: true)
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
            guard let head = previous else { continue }
            let first = document.blocks[head]
            let next = document.blocks[index]
            guard first.kind == .paragraph, next.kind == .paragraph,
                  let last = first.text.last, !Self.sentenceEnders.contains(last),
                  let start = next.text.first, start.isLowercase,
                  first.text.count >= 25 else { continue }
            document.blocks[head].text += " " + next.text
            document.blocks[head].links += next.links
            removeBlock(&document, at: index, rule: "joined-into-previous")
            previous = head
        }
    }

    static let sentenceEnders: Set<Character> = [".", "!", "?", ":", ";", "\"", "”", "’", "»", ")", "…", "|"]

    /// Space characters other than the plain space that scrapers leave behind.
    private static let oddSpaces: Set<Unicode.Scalar> = [
        "\u{00A0}", "\u{1680}", "\u{2000}", "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}",
        "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}", "\t", "\u{000B}", "\u{000C}",
    ]
    /// Characters that take no space and carry no text.
    private static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"]

    /// NFC, odd spaces to plain spaces, invisible characters removed, runs of white space collapsed.
    public static func normalize(_ text: String, keepLineBreaks: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        var pendingBreak = false
        for scalar in text.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if keepLineBreaks { pendingBreak = true } else { pendingSpace = true }
                continue
            }
            if scalar == " " || oddSpaces.contains(scalar) || scalar.properties.generalCategory == .spaceSeparator {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { continue }
            if !scalars.isEmpty {
                if pendingBreak { scalars.append("\n") } else if pendingSpace { scalars.append(" ") }
            }
            pendingSpace = false
            pendingBreak = false
            scalars.append(scalar)
        }
        let collapsed = String(scalars)
        return collapsed.isASCIIOnly ? collapsed : collapsed.precomposedStringWithCanonicalMapping
    }
}

extension String {
    var isASCIIOnly: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
