import Foundation

/// What class/id/role tokens and tags say about an HTML container, from
/// `Resources/html/containers.json`: content ("article-body"), boilerplate
/// ("share-bar", role=navigation) or nothing.
public struct MarkupTokens: Sendable, Decodable {
    public struct Words: Sendable, Decodable {
        public var parts: [String]
        public var substrings: [String]?
        public var exact: [String]?
        public var roles: [String]
        public var tags: [String]
    }

    public enum Hint: Sendable, Equatable {
        case content
        case strongContent
        case boilerplate(String)
        case none
    }

    public struct Neutral: Sendable, Decodable {
        public var parts: [String]
    }

    public var boilerplate: Words
    public var content: Words
    public var neutral: Neutral
    public var skip: Neutral

    /// Lookup sets built once after decoding.
    private var boilerplateParts: Set<String> = []
    private var contentParts: Set<String> = []
    private var contentExact: Set<String> = []
    private var boilerplateRoles: Set<String> = []
    private var contentRoles: Set<String> = []
    private var boilerplateTags: Set<String> = []
    private var contentTags: Set<String> = []
    private var neutralParts: Set<String> = []
    private var skipParts: Set<String> = []
    private var skipPartBytes: [[UInt8]] = []
    private var skipFirstBytes: [Bool] = []
    private var skipPartsByFirst: [[[UInt8]]] = []
    private var taxonomyPrefixes: Set<String> = []
    private var metadataRegionWords: Set<String> = []
    /// Boilerplate words that only say where a block sits ("header", "teaser"), not what it is:
    /// a lead paragraph under such a mark, before the story body, is the story's.
    public private(set) var leadMarks: Set<String> = []
    /// Lowercased "read also / more on this / share" phrases that end the story inside the main content.
    public private(set) var endOfArticle: Set<String> = []
    /// Longest phrase of `endOfArticle`, in characters: longer blocks are never compared.
    public private(set) var endOfArticleMaxCharacters = 0

    /// Marks that do not stop a paragraph matching the page's description from being its lead (see `DescribedLead`).
    public private(set) var describedLeadMarks: Set<String> = []
    /// Lowercased markers that start a photo credit ("©", "photo:").
    public private(set) var creditMarkers: [String] = []
    /// Lowercased phrases that make a short block a call to action ("support us", "rate this article").
    public private(set) var callsToAction: [String] = []

    private var leadWords: Set<String> = []
    private var articleStates: Set<String> = []
    private var responsiveParts: Set<String> = []
    private var printLayoutParts: Set<String> = []

    struct Lead: Decodable {
        var parts: [String]
        var words: [String]?
    }

    struct EndOfArticle: Decodable {
        var phrases: [String]
    }

    enum CodingKeys: String, CodingKey { case boilerplate, content, neutral, skip, taxonomy, metadataRegions = "metadata_regions", lead, endOfArticle = "end_of_article",
        articleStates = "article_states", responsive, describedLead = "described_lead", credits = "credit_markers",
        callsToAction = "calls_to_action", printLayout = "print_layout" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        boilerplate = try container.decode(Words.self, forKey: .boilerplate)
        content = try container.decode(Words.self, forKey: .content)
        neutral = try container.decode(Neutral.self, forKey: .neutral)
        neutralParts = Set(neutral.parts)
        skip = try container.decode(Neutral.self, forKey: .skip)
        skipParts = Set(skip.parts)
        skipPartBytes = skip.parts.map { Array($0.lowercased().utf8) }
        skipFirstBytes = [Bool](repeating: false, count: 256)
        skipPartsByFirst = [[[UInt8]]](repeating: [], count: 256)
        for part in skipPartBytes {
            guard let first = part.first else { continue }
            skipFirstBytes[Int(first)] = true
            skipPartsByFirst[Int(first)].append(part)
        }
        taxonomyPrefixes = Set(try container.decode(Neutral.self, forKey: .taxonomy).parts)
        metadataRegionWords = Set(try container.decode(Neutral.self, forKey: .metadataRegions).parts)
        boilerplateParts = Set(boilerplate.parts)
        contentParts = Set(content.parts)
        contentExact = Set(content.exact ?? [])
        boilerplateRoles = Set(boilerplate.roles)
        contentRoles = Set(content.roles)
        boilerplateTags = Set(boilerplate.tags)
        contentTags = Set(content.tags)
        articleStates = Set(try container.decodeIfPresent(Neutral.self, forKey: .articleStates)?.parts ?? [])
        responsiveParts = Set(try container.decodeIfPresent(Neutral.self, forKey: .responsive)?.parts ?? [])
        printLayoutParts = Set(try container.decodeIfPresent(Neutral.self, forKey: .printLayout)?.parts ?? [])
        let lead = try container.decodeIfPresent(Lead.self, forKey: .lead)
        leadMarks = Set(lead?.parts ?? [])
        leadWords = Set(lead?.words ?? [])
        describedLeadMarks = Set(try container.decodeIfPresent(Neutral.self, forKey: .describedLead)?.parts ?? [])
        creditMarkers = (try container.decodeIfPresent(EndOfArticle.self, forKey: .credits)?.phrases ?? []).map { $0.lowercased() }
        callsToAction = (try container.decodeIfPresent(EndOfArticle.self, forKey: .callsToAction)?.phrases ?? []).map { $0.lowercased() }
        let phrases = try container.decodeIfPresent(EndOfArticle.self, forKey: .endOfArticle)?.phrases ?? []
        endOfArticle = Set(phrases.map { $0.lowercased() })
        endOfArticleMaxCharacters = phrases.map(\.count).max() ?? 0
    }

    /// Reads a container's tag and tokens. Boilerplate wins over generic content words
    /// ("article-comments"), but not over exact content names ("article-body") or itemprop=articleBody.
    public func hint(tag: HTMLTag, tokens: [String]) -> Hint {
        var content = contentTags.contains(tag.name)
        var boilerplateWord: String? = boilerplateTags.contains(tag.name) ? tag.name : nil
        for token in tokens {
            let lower = token.lowercased()
            if lower == "articlebody" || contentExact.contains(lower) { return .strongContent }
            if contentRoles.contains(lower) { content = true; continue }
            if boilerplateRoles.contains(lower) { boilerplateWord = boilerplateWord ?? lower; continue }
            // <article> and <main> class lists often carry the post's taxonomy
            // ("tag-schools category-news"), which says nothing about the element.
            if content, tag == .article || tag == .main, let dash = lower.firstIndex(where: { $0 == "-" || $0 == "_" }),
               taxonomyPrefixes.contains(String(lower[..<dash])) { continue }
            var tokenIsContent = false
            var tokenBoilerplate: String?
            let parts = Self.parts(of: token)
            if parts.contains(where: neutralParts.contains) { continue }
            if tag == .article || tag == .main, parts.contains(where: articleStates.contains) { continue }
            for part in parts {
                if boilerplateParts.contains(part) { tokenBoilerplate = tokenBoilerplate ?? part }
                if contentParts.contains(part) { tokenIsContent = true }
            }
            if tokenBoilerplate == nil, let substrings = boilerplate.substrings {
                tokenBoilerplate = substrings.first { Self.bytesContain(lower, $0) }
            }
            // "hidden-xs": hidden on some screens only.
            if tokenBoilerplate == "hidden", parts.contains(where: responsiveParts.contains) { tokenBoilerplate = nil }
            // "print-full", "no-print": how the element prints, not a print button.
            if tokenBoilerplate == "print", parts.contains(where: printLayoutParts.contains) { tokenBoilerplate = nil }
            if let word = tokenBoilerplate { boilerplateWord = boilerplateWord ?? word } else if tokenIsContent { content = true }
        }
        if let word = boilerplateWord { return .boilerplate(word) }
        return content ? .content : .none
    }

    /// True when a token names the element a lead or standfirst ("article__intro", "ts-intro").
    public func namesLead(_ tokens: [String]) -> Bool {
        for token in tokens {
            for part in Self.parts(of: token) where leadWords.contains(part) { return true }
        }
        return false
    }

    /// A cheap first look at an element's raw class/id bytes: false means no skip word can be
    /// in them (every skip part must appear as a case-insensitive substring), true means "look closer".
    public func mayHoldSkipWord(_ raw: [UInt8]) -> Bool {
        // One table look-up per byte; only bytes that start a skip word lead to comparisons.
        let count = raw.count
        for start in 0..<count {
            let first = Int(raw[start] | 0x20)
            guard skipFirstBytes[first] else { continue }
            for part in skipPartsByFirst[first] where start + part.count <= count {
                var offset = 1
                while offset < part.count, raw[start + offset] | 0x20 == part[offset] { offset += 1 }
                if offset == part.count { return true }
            }
        }
        return false
    }

    /// Whether a block left out of the article for `reason` can hold nothing the metadata rules
    /// want, so the read stage may remove it at once (a header or byline region might; a menu cannot).
    public func neverHoldsMetadata(_ reason: String) -> Bool {
        let prefix = "markup-boilerplate:"
        guard reason.hasPrefix(prefix) else { return reason == "figure-caption" }
        return !metadataRegionWords.contains(String(reason.dropFirst(prefix.count)))
    }

    /// True when an element with these tokens holds text that is never read (captions, tooltips, screen-reader text).
    public func skips(_ tokens: [String]) -> Bool {
        for token in tokens {
            for part in Self.parts(of: token) where skipParts.contains(part) { return true }
        }
        return false
    }

    /// "post-content__shareBar" → ["post", "content", "share", "bar"]. Works on bytes: every
    /// class name of every page goes through here.
    static func parts(of token: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var previousLower = false
        func close() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                current.append(byte)
                previousLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousLower { close() }
                current.append(byte | 0x20)
                previousLower = false
            case 0x80...:
                current.append(byte)
                previousLower = false
            default:  // '-', '_', ':', '.', digits and the rest separate parts
                close()
                previousLower = false
            }
        }
        close()
        return parts
    }

    /// Plain byte search: Foundation's `contains` is far slower for these short ASCII needles.
    static func bytesContain(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { pin in ByteSearch.firstOffset(of: pin, in: hay) != nil } }
    }
}
