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
        /// `article_states` only: the states that say how the story is sold.
        public var access: [String]?
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
    /// The part lists (neutral, article states, boilerplate, content, responsive, print layout) as one table of bits.
    private var partFlags: [String: UInt8] = [:]
    /// `partFlags` of the ASCII parts, by bytes.
    private var partTable = ByteTable<UInt8>([])
    /// Exact content names and the roles as one table of bits.
    private var tokenFlags: [String: UInt8] = [:]
    /// `tokenFlags` by bytes, used when every key is ASCII: an ASCII token then equals a key exactly
    /// when its bytes do (a non-ASCII token takes the String look-up).
    private var tokenTable = ByteTable<UInt8>([])
    private var tokenKeysAreASCII = false
    /// `boilerplate.substrings` as bytes, and their indices by first byte.
    private var substringBytes: [[UInt8]] = []
    private var substringsByFirstByte = [[Int]](repeating: [], count: 256)
    /// `contentTags` and `boilerplateTags` by `HTMLTag` raw value, so a container's tag costs no String lookup.
    private var contentTagFlags = [Bool](repeating: false, count: 256)
    private var boilerplateTagWords = [String?](repeating: nil, count: 256)
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
    /// Bot-check pages by vendor (`challenge_pages`), read by `ChallengePages`.
    public private(set) var challengeVendors: [ChallengePages.Vendor] = []

    private var leadWords: Set<String> = []
    /// Marks that never describe the page's layout (`always_trusted`): a consent dialog full of
    /// cookie prose is one even when it holds more text than the story.
    private var alwaysTrustedMarks: Set<String> = []
    /// Words holding a boilerplate substring that mean something else (`substring_exceptions`:
    /// "commentary", an opinion piece, holds "comment"): blanked before the substring search.
    private var substringExceptions: [String] = []
    private var articleStates: Set<String> = []
    /// Of `articleStates`, the ones that say how the story is sold ("paywall").
    private var accessStates: Set<String> = []
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
        callsToAction = "calls_to_action", printLayout = "print_layout", challengePages = "challenge_pages",
        alwaysTrusted = "always_trusted", substringExceptions = "substring_exceptions" }

    struct ChallengeList: Decodable {
        var vendors: [ChallengePages.Vendor]
    }

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
        for raw in 0..<256 {
            guard let tag = HTMLTag(rawValue: UInt8(raw)) else { continue }
            contentTagFlags[raw] = contentTags.contains(tag.name)
            boilerplateTagWords[raw] = boilerplateTags.contains(tag.name) ? tag.name : nil
        }
        challengeVendors = try container.decodeIfPresent(ChallengeList.self, forKey: .challengePages)?.vendors ?? []
        let states = try container.decodeIfPresent(Neutral.self, forKey: .articleStates)
        articleStates = Set(states?.parts ?? [])
        accessStates = Set(states?.access ?? [])
        responsiveParts = Set(try container.decodeIfPresent(Neutral.self, forKey: .responsive)?.parts ?? [])
        printLayoutParts = Set(try container.decodeIfPresent(Neutral.self, forKey: .printLayout)?.parts ?? [])
        for (list, flag) in [(neutralParts, PartFlag.neutral), (articleStates, PartFlag.articleState),
                             (boilerplateParts, PartFlag.boilerplate), (contentParts, PartFlag.content),
                             (responsiveParts, PartFlag.responsive), (printLayoutParts, PartFlag.printLayout)] {
            for part in list { partFlags[part, default: 0] |= flag }
        }
        partTable = ByteTable(partFlags.keys.sorted().filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { (Array($0.utf8), partFlags[$0]!) })
        for (list, flag) in [(contentExact, TokenFlag.exact), (contentRoles, TokenFlag.contentRole),
                             (boilerplateRoles, TokenFlag.boilerplateRole)] {
            for word in list { tokenFlags[word, default: 0] |= flag }
        }
        // An exact content name written with other separators is the same name: "article__content".
        for word in contentExact { tokenFlags[Self.dashed(word), default: 0] |= TokenFlag.exact }
        tokenKeysAreASCII = tokenFlags.keys.allSatisfy { MarkupBytes.isASCII($0) }
        tokenTable = ByteTable(tokenFlags.keys.sorted().map { (Array($0.utf8), tokenFlags[$0]!) })
        substringBytes = (boilerplate.substrings ?? []).map { Array($0.utf8) }
        for (index, bytes) in substringBytes.enumerated() where !bytes.isEmpty {
            substringsByFirstByte[Int(bytes[0])].append(index)
        }
        alwaysTrustedMarks = Set(try container.decodeIfPresent(Neutral.self, forKey: .alwaysTrusted)?.parts ?? [])
        substringExceptions = (try container.decodeIfPresent(Neutral.self, forKey: .substringExceptions)?.parts ?? []).map { $0.lowercased() }
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
        hint(tag: tag, count: tokens.count) { reading(of: tokens[$0]) }
    }

    /// What one class/id/role/itemprop token says whatever element carries it: a page repeats
    /// its tokens ("col-md-4", "post-item") across containers, so the selector reads each once.
    struct TokenReading {
        /// The token lowercased: the word a boilerplate role names.
        var lower: String
        var strongContent = false
        var contentRole = false
        var boilerplateRole = false
        /// Has a neutral part: never read as anything.
        var neutral = false
        /// Has an article-state part ("paywall-on"): ignored on <article>/<main>.
        var articleState = false
        /// The boilerplate word its parts or substrings name, after the responsive and print exceptions.
        var boilerplate: String?
        var content = false
    }

    /// Reads one token (see `TokenReading`). Each word list is one bit of `partFlags` (or
    /// `tokenFlags`), so a part costs one look-up, and the substrings are found in one scan.
    func reading(of token: String) -> TokenReading {
        // A utility class with variants ("print:max-w-small", "md:hidden", "dark:text-white"): the
        // words before the last ':' say when it applies (printing, a screen size, hover), not what
        // the element is; the utility after it is read, and hiding under a condition is no hiding.
        if let colon = token.utf8.lastIndex(of: 0x3A), colon != token.utf8.startIndex,
           token.utf8.index(after: colon) != token.utf8.endIndex {
            var reading = reading(of: String(token[token.utf8.index(after: colon)...]))
            if reading.boilerplate == "hidden" { reading.boilerplate = nil }
            return reading
        }
        let lower = token.lowercased()
        var reading = TokenReading(lower: lower)
        var whole = lower == "articlebody" ? TokenFlag.exact : wholeTokenFlags(lower)
        if whole == 0, Self.hasOtherSeparators(lower) { whole = wholeTokenFlags(Self.dashed(lower)) & TokenFlag.exact }
        if whole & TokenFlag.exact != 0 { reading.strongContent = true; return reading }
        if whole & TokenFlag.contentRole != 0 { reading.contentRole = true; return reading }
        if whole & TokenFlag.boilerplateRole != 0 { reading.boilerplateRole = true; return reading }
        let (any, firstBoilerplate, content, modifierAt) = partFlags(of: token)
        var tokenBoilerplate = firstBoilerplate
        reading.content = content
        if any & PartFlag.neutral != 0 {
            reading.content = false
            reading.neutral = true
            return reading
        }
        reading.articleState = any & PartFlag.articleState != 0
        if tokenBoilerplate == nil {
            // Only the words before "with"/"has" say what the element is.
            // (The offset is the token's: its lowercased copy may differ in length, "K" Kelvin sign.)
            var searched = modifierAt.map { String(decoding: token.utf8.prefix($0), as: UTF8.self).lowercased() } ?? lower
            for exception in substringExceptions where Self.bytesContain(searched, exception) {
                searched = searched.replacingOccurrences(of: exception, with: " ")
            }
            tokenBoilerplate = firstSubstring(in: searched)
        }
        // "hidden-xs": hidden on some screens only.
        if tokenBoilerplate == "hidden", any & PartFlag.responsive != 0 { tokenBoilerplate = nil }
        // "print-full", "no-print": how the element prints, not a print button.
        if tokenBoilerplate == "print", any & PartFlag.printLayout != 0 { tokenBoilerplate = nil }
        reading.boilerplate = tokenBoilerplate
        return reading
    }

    /// The `PartFlag` bits of all parts of a token (see `parts(of:)`) together, its first boilerplate
    /// part, and whether a part is a content word. A part is a stretch of the token's own bytes,
    /// looked up with its capitals folded (no part is copied out); the lists are compared as Strings,
    /// by canonical equivalence, which for ASCII is byte equality, so a non-ASCII part takes the String.
    private func partFlags(of token: String) -> (any: UInt8, boilerplate: String?, content: Bool, modifierAt: Int?) {
        var any: UInt8 = 0
        var boilerplate: String?
        var content = false
        var token = token
        var afterModifier = false
        var modifierAt: Int?
        token.withUTF8 { bytes in
            Self.forEachPartRange(of: bytes) { range in
                let part = UnsafeBufferPointer(rebasing: bytes[range])
                // "article--with-sidebar", "hasCaption": what the element has beside it, not what it is.
                if afterModifier {
                    afterModifier = Self.isModifier(part, at: range.lowerBound, in: bytes)
                    return
                }
                afterModifier = Self.isModifier(part, at: range.lowerBound, in: bytes)
                if afterModifier, modifierAt == nil { modifierAt = range.lowerBound }
                let flag: UInt8
                if part.allSatisfy({ $0 < 0x80 }) {
                    flag = partTable.value(folding: part) ?? 0
                } else {
                    flag = partFlags[Self.folded(part)] ?? 0
                }
                any |= flag
                if flag & PartFlag.boilerplate != 0, boilerplate == nil { boilerplate = Self.folded(part) }
                if flag & PartFlag.content != 0 { content = true }
            }
        }
        return (any, boilerplate, content, modifierAt)
    }

    /// Bits of `partFlags`: which word lists a token part is in.
    private enum PartFlag {
        static let neutral: UInt8 = 1, articleState: UInt8 = 2, boilerplate: UInt8 = 4, content: UInt8 = 8
        static let responsive: UInt8 = 16, printLayout: UInt8 = 32
    }

    /// Whether `dashed` would change the token: it holds '_' or two separators in a row (most tokens,
    /// "col-md-4", do not, and are looked up once).
    static func hasOtherSeparators(_ token: String) -> Bool {
        var previous: UInt8 = 0
        for byte in token.utf8 {
            if byte == 0x5F || (byte == 0x2D && previous == 0x2D) { return true }
            previous = byte
        }
        return false
    }

    /// The token with each run of '-' and '_' written as one '-' ("article__content" → "article-content").
    static func dashed(_ token: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(token.utf8.count)
        for byte in token.utf8 {
            let separator = byte == 0x5F || byte == 0x2D
            if separator { if out.last != 0x2D { out.append(0x2D) } } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `tokenFlags[lower] ?? 0`, by bytes where that gives the same answer.
    func wholeTokenFlags(_ lower: String) -> UInt8 {
        guard tokenKeysAreASCII else { return tokenFlags[lower] ?? 0 }
        var copy = lower
        return copy.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? tokenTable.value(for: bytes) ?? 0 : tokenFlags[lower] ?? 0
        }
    }

    /// The String look-up `wholeTokenFlags` stands in for.
    func wholeTokenFlagsByString(_ lower: String) -> UInt8 { tokenFlags[lower] ?? 0 }

    /// Bits of `tokenFlags`: which lists a whole lowercased token is in.
    private enum TokenFlag {
        static let exact: UInt8 = 1, contentRole: UInt8 = 2, boilerplateRole: UInt8 = 4
    }

    /// "tag-schools", "category_news": the text before the first dash or underscore is a taxonomy prefix.
    private func hasTaxonomyPrefix(_ lower: String) -> Bool {
        if lower.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: one Character per byte.
            guard let dash = lower.utf8.firstIndex(where: { $0 == 0x2D || $0 == 0x5F }) else { return false }
            return taxonomyPrefixes.contains(String(lower[..<dash]))
        }
        guard let dash = lower.firstIndex(where: { $0 == "-" || $0 == "_" }) else { return false }
        return taxonomyPrefixes.contains(String(lower[..<dash]))
    }

    /// The first of `boilerplate.substrings` (in list order) that occurs in `lower`.
    private func firstSubstring(in lower: String) -> String? {
        guard !substringBytes.isEmpty else { return nil }
        var best = Int.max
        var lower = lower
        lower.withUTF8 { hay in
            for start in 0..<hay.count {
                for index in substringsByFirstByte[Int(hay[start])] where index < best {
                    let needle = substringBytes[index]
                    guard start + needle.count <= hay.count else { continue }
                    var offset = 1
                    while offset < needle.count, hay[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { best = index }
                }
            }
        }
        return best == Int.max ? nil : boilerplate.substrings?[best]
    }

    /// The hint from a tag and the readings of its `count` tokens, in order (see `hint(tag:tokens:)`).
    func hint(tag: HTMLTag, count: Int, reading: (Int) -> TokenReading) -> Hint {
        let tagIndex = Int(tag.rawValue)
        var content = contentTagFlags[tagIndex]
        var boilerplateWord: String? = boilerplateTagWords[tagIndex]
        let articleOrMain = tag == .article || tag == .main
        // "content_print" beside "article_content": the story as it prints, not a print button.
        var printsContent = false, contentToken = false
        var stateWord: String?
        for index in 0..<count {
            let token = reading(index)
            if token.strongContent { return .strongContent }
            if token.contentRole { content = true; continue }
            if token.boilerplateRole { boilerplateWord = boilerplateWord ?? token.lower; continue }
            // <article> and <main> class lists often carry the post's taxonomy
            // ("tag-schools category-news"), which says nothing about the element.
            if content, articleOrMain, hasTaxonomyPrefix(token.lower) { continue }
            if token.neutral { continue }
            if articleOrMain, token.articleState { continue }
            // "paywall-article" beside "article-body__content": the story's state, as on <article>
            // (decided below, once it is known whether another token names content).
            if token.articleState, token.content, let word = token.boilerplate, accessStates.contains(word) { stateWord = stateWord ?? word; continue }
            if token.boilerplate == "print", token.content, boilerplateWord == nil { printsContent = true; continue }
            if let word = token.boilerplate { boilerplateWord = boilerplateWord ?? word } else if token.content { content = true; contentToken = true }
        }
        if printsContent, boilerplateWord == nil, !contentToken { boilerplateWord = "print" }
        if let stateWord, boilerplateWord == nil, !contentToken { boilerplateWord = stateWord }
        if let word = boilerplateWord { return .boilerplate(word) }
        return content ? .content : .none
    }

    /// True when a token's part is an access state (`access` under `article_states`: "paywall",
    /// "premium", "locked"): how the story is sold.
    func namesAccessState(_ tokens: [String]) -> Bool {
        tokens.contains { token in Self.parts(of: token).contains { accessStates.contains($0) } }
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
        raw.withUnsafeBufferPointer { mayHoldSkipWord($0) }
    }

    func mayHoldSkipWord(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        // One table look-up per byte; only bytes that start a skip word lead to comparisons.
        let count = raw.count
        return skipFirstBytes.withUnsafeBufferPointer { starts in
            for start in 0..<count {
                let first = Int(raw[start] | 0x20)
                guard starts[first] else { continue }
                for part in skipPartsByFirst[first] where start + part.count <= count {
                    var offset = 1
                    while offset < part.count, raw[start + offset] | 0x20 == part[offset] { offset += 1 }
                    if offset == part.count { return true }
                }
            }
            return false
        }
    }

    /// Whether a block left out of the article for `reason` can hold nothing the metadata rules
    /// want, so the read stage may remove it at once (a header or byline region might; a menu cannot).
    public func neverHoldsMetadata(_ reason: String) -> Bool {
        let prefix = Self.boilerplateReasonPrefix
        guard reason.hasPrefix(prefix) else { return reason == "figure-caption" }
        return !metadataRegionWords.contains(String(reason.dropFirst(prefix.count)))
    }

    /// Whether a mark is trusted however much of the page's text its element holds: an
    /// `always_trusted` word in a token that is no taxonomy token ("onetrust-consent-sdk", not
    /// "category-gdpr": a post filed under a topic is no consent dialog).
    func isAlwaysTrusted(_ word: String, tokens: [String]) -> Bool {
        guard alwaysTrustedMarks.contains(word) else { return false }
        return tokens.contains { token in
            let lower = token.lowercased()
            return Self.bytesContain(lower, word) && !hasTaxonomyPrefix(lower)
        }
    }

    /// A block left out because the markup marks its region: "markup-boilerplate:footer".
    public static let boilerplateReasonPrefix = "markup-boilerplate:"
    public static func boilerplateReason(_ word: String) -> String { boilerplateReasonPrefix + word }

    /// True when an element with these tokens holds text that is never read (captions, tooltips, screen-reader text).
    /// A part after "has", "with" or "without" says what the element has beside it
    /// ("hasCaption", "with-caption"), not what it is: it names no never-read element. ("no-print"
    /// still says the element is chrome a printout leaves out.)
    public func skips(_ tokens: [String]) -> Bool {
        for var token in tokens {
            let found = token.withUTF8 { bytes -> Bool in
                var afterModifier = false
                var skip = false
                Self.forEachPartRange(of: bytes) { range in
                    guard !skip else { return }
                    let part = UnsafeBufferPointer(rebasing: bytes[range])
                    if !afterModifier, skipParts.contains(Self.folded(part)) { skip = true }
                    afterModifier = Self.isModifier(part, at: range.lowerBound, in: bytes)
                }
                return skip
            }
            if found { return true }
        }
        return false
    }

    /// "has", "with" or "without" where a class states a modifier: opening the token ("hasCaption",
    /// "with-sidebar") or after a BEM separator ("article--with-sidebar", "wrapper__with-ads").
    /// Inside a name ("box-with-comments") it is part of what the element is.
    @inline(__always)
    static func isModifier(_ part: UnsafeBufferPointer<UInt8>, at start: Int, in token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isModifier(part) else { return false }
        if start == 0 { return true }
        guard start >= 2 else { return false }
        let separator = token[start - 1]
        return (separator == 0x2D || separator == 0x5F) && token[start - 2] == separator
    }

    /// "has", "with", "without" on a part's bytes, any case.
    @inline(__always)
    static func isModifier(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        func lower(_ index: Int) -> UInt8 { part[index] | 0x20 }
        switch part.count {
        case 3: return lower(0) == 0x68 && lower(1) == 0x61 && lower(2) == 0x73
        case 4: return lower(0) == 0x77 && lower(1) == 0x69 && lower(2) == 0x74 && lower(3) == 0x68
        case 7: return lower(0) == 0x77 && lower(1) == 0x69 && lower(2) == 0x74 && lower(3) == 0x68
            && lower(4) == 0x6F && lower(5) == 0x75 && lower(6) == 0x74
        default: return false
        }
    }

    /// "post-content__shareBar" → ["post", "content", "share", "bar"]. Works on bytes: every
    /// class name of every page goes through here.
    static func parts(of token: String) -> [String] {
        var parts: [String] = []
        var token = token
        token.withUTF8 { bytes in
            forEachPartRange(of: bytes) { parts.append(folded(UnsafeBufferPointer(rebasing: bytes[$0]))) }
        }
        return parts
    }

    /// A part's bytes with ASCII capitals lowercased, as a String.
    static func folded(_ part: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: part.count) { out in
            for offset in 0..<part.count { out[offset] = ASCIIText.fold(part[offset]) }
            return part.count
        }
    }

    /// Calls `body` with each part of a token as a range of its bytes, in order: runs of letters and
    /// non-ASCII bytes, split before a capital that follows a lowercase letter; '-', '_', ':', '.',
    /// digits and the other ASCII bytes separate parts. The part is the range with its capitals lowercased.
    @inline(__always)
    static func forEachPartRange(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        var previousLower = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                previousLower = true
            } else if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                if previousLower, index > start { body(start..<index) }
                if previousLower { start = index }
                previousLower = false
            } else if byte >= 0x80 {
                previousLower = false
            } else {
                if index > start { body(start..<index) }
                start = index + 1
                previousLower = false
            }
        }
        if bytes.count > start { body(start..<bytes.count) }
    }

    /// Plain byte search: Foundation's `contains` is far slower for these short ASCII needles.
    static func bytesContain(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { pin in ByteSearch.firstOffset(of: pin, in: hay) != nil } }
    }
}
