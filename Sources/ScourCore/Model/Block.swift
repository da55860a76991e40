/// What a block is in the page's structure; boilerplate rules and the writer
/// treat headings and list items differently from prose.
public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list_item"
    case quote
    case preformatted
    case tableRow = "table_row"
    case caption
}

/// A hyperlink found inside a block; link density is a boilerplate signal.
public struct Link: Sendable, Equatable {
    public var text: String
    public var target: String

    public init(text: String, target: String) {
        self.text = text
        self.target = target
    }
}

/// Why a block was dropped: kept for `scour explain`, the run report and counts.
public struct Removal: Sendable, Equatable {
    public var stage: String
    public var rule: String

    public init(stage: String, rule: String) {
        self.stage = stage
        self.rule = rule
    }
}

/// Evidence an HTML block carries from the markup, so text-path rules can use it.
public struct MarkupEvidence: Sendable, Equatable {
    /// Tag names from the root to the block element, e.g. `body/div/article/p`.
    public var tagPath: String
    /// class and id tokens seen on the block and its ancestors, lowercased.
    public var tokens: [String]
    /// True when the block sits inside the container chosen as main content.
    public var inMainContent: Bool
    /// Why the reader left it out of the main content (a rule name), when it did.
    public var exclusion: String?
    /// Share of the block's text inside links, as measured on the markup.
    public var linkDensity: Double

    public init(tagPath: String, tokens: [String], inMainContent: Bool, exclusion: String? = nil, linkDensity: Double = 0) {
        self.tagPath = tagPath
        self.tokens = tokens
        self.inMainContent = inMainContent
        self.exclusion = exclusion
        self.linkDensity = linkDensity
    }
}

/// One unit of text: a paragraph, heading, list item and so on.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    /// Heading level 1–6 for headings, 0 otherwise.
    public var level: Int
    public var text: String
    public var links: [Link]
    /// 1-based line in the source where the block starts (0 when unknown).
    public var line: Int
    /// True when a blank line (or block element boundary) came before it.
    public var startsChunk: Bool
    public var markup: MarkupEvidence?
    /// nil while the block is kept.
    public var removal: Removal?

    public init(
        kind: BlockKind = .paragraph, level: Int = 0, text: String, links: [Link] = [],
        line: Int = 0, startsChunk: Bool = true, markup: MarkupEvidence? = nil
    ) {
        self.kind = kind
        self.level = level
        self.text = text
        self.links = links
        self.line = line
        self.startsChunk = startsChunk
        self.markup = markup
        self.removal = nil
    }

    public var isKept: Bool { removal == nil }

    /// Share of the block's characters that sit inside links.
    public var linkDensity: Double {
        let total = text.count
        guard total > 0 else { return 0 }
        let linked = links.reduce(0) { $0 + $1.text.count }
        return min(1, Double(linked) / Double(total))
    }
}
