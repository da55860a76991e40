import Foundation

/// Metadata candidates read from a page's markup (JSON-LD, OpenGraph, `<meta>`,
/// `<time>`, `rel=author`, itemprop, canonical link, `<html lang>`, `<title>`)
/// and from elements whose class names say what they hold (byline, date),
/// best first per field, each naming where it came from. The metadata stage
/// takes them before the visible-text rules.
public enum MarkupMetadata {
    /// Hints for `MetadataStage`: fields `title`, `description`, `author`, `date`, `modified`,
    /// `outlet`, `url`, `language`, `tag`, `section`. Several `author` or `tag` hints with the
    /// same origin make a list.
    public static func hints(in tree: HTMLTree, vocabulary: MarkupVocabulary = .bundled) -> [MarkupHint] {
        guard let root = tree.root else { return [] }
        var scan = MarkupScan(vocabulary: vocabulary)
        scan.read(root)
        return scan.rankedHints()
    }
}

/// What the markup reader looks for, from `Resources/language/markup.json`:
/// which `<meta>` keys carry which field and how far to trust them, the schema.org
/// types that are articles, and the class-name words that mark bylines and dates.
public struct MarkupVocabulary: Sendable, Decodable {
    public struct MetaKey: Sendable, Decodable {
        public var key: String
        public var field: HintField
        /// Lower is more trusted; candidates of a field are offered in rank order.
        public var rank: Int
    }

    public let meta: [MetaKey]
    public let articleTypes: Set<String>
    public let pageTypes: Set<String>
    public let dateClassWords: Set<String>
    public let authorClassWords: Set<String>
    public let skipClassWords: Set<String>
    let titleSeparators: [TitleSeparator]
    public let authorPathSegments: Set<String>
    public let authorMetaLabels: Set<String>
    /// What an author element's text leaves out (`AuthorElementText`).
    let authorText: AuthorElementText
    let metaByKey: [String: MetaKey]
    /// The author path segments as lowercase bytes, for the per-link check.
    let authorPathSegmentBytes: [[UInt8]]
    /// The class words, for the per-element check.
    let classWordTable: ClassWordTable

    enum CodingKeys: String, CodingKey {
        case meta
        case articleTypes = "article_types"
        case pageTypes = "page_types"
        case dateClassWords = "date_class_words"
        case authorClassWords = "author_class_words"
        case skipClassWords = "skip_class_words"
        case titleSeparators = "title_separators"
        case authorPathSegments = "author_path_segments"
        case authorMetaLabels = "author_meta_labels"
        case authorText = "author_text"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        meta = try container.decode([MetaKey].self, forKey: .meta)
        articleTypes = try container.decode(Set<String>.self, forKey: .articleTypes)
        pageTypes = try container.decode(Set<String>.self, forKey: .pageTypes)
        dateClassWords = try container.decode(Set<String>.self, forKey: .dateClassWords)
        authorClassWords = try container.decode(Set<String>.self, forKey: .authorClassWords)
        skipClassWords = try container.decode(Set<String>.self, forKey: .skipClassWords)
        titleSeparators = try container.decode([TitleSeparator].self, forKey: .titleSeparators)
        authorPathSegments = try container.decode(Set<String>.self, forKey: .authorPathSegments)
        authorPathSegmentBytes = authorPathSegments.sorted().map { Array($0.lowercased().utf8) }
        authorMetaLabels = try container.decode(Set<String>.self, forKey: .authorMetaLabels)
        authorText = try container.decodeIfPresent(AuthorElementText.self, forKey: .authorText) ?? .none
        classWordTable = ClassWordTable(author: authorClassWords, date: dateClassWords, skip: skipClassWords)
        metaByKey = Dictionary(meta.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The vocabulary shipped with the library (or under `SCOUR_DATA`); empty if the file is missing,
    /// so a broken install loses markup hints rather than every page.
    public static let bundled: MarkupVocabulary = {
        let url = Resources.bundledDirectory.appendingPathComponent("language/markup.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let vocabulary = try? JSONDecoder().decode(MarkupVocabulary.self, from: data) else {
            return try! JSONDecoder().decode(MarkupVocabulary.self, from: Data(Self.emptyJSON.utf8))
        }
        return vocabulary
    }()

    private static let emptyJSON = """
    {"meta": [], "article_types": [], "page_types": [], "date_class_words": [], "author_class_words": [],
     "skip_class_words": [], "title_separators": [], "author_path_segments": [], "author_meta_labels": []}
    """

    /// A schema.org type (lowercased) that is a story of its own: a listed one, or any `…Article` or
    /// `…Posting` ("reportagenewsarticle", "discussionforumposting").
    func isArticleType(_ type: String) -> Bool {
        articleTypes.contains(type) || type.hasSuffix("article") || type.hasSuffix("posting")
    }
}

/// Trust ranks of the sources that are not `<meta>` keys (those are in the vocabulary file).
/// Lower wins; a field's candidates are offered in this order.
enum MarkupRank {
    static let canonicalLink = 10
    static let htmlLang = 10
    static let articleJSONLD = 10
    static let articleJSONLDSecondary = 15
    static let microdata = 18
    static let pageJSONLD = 30
    static let articleHeadlineJSONLD = 15
    static let itempropAuthor = 24
    static let relAuthor = 30
    static let titleElement = 32
    /// The site's name after the headline in `<title>`: below every `<meta>` and JSON-LD name.
    static let titleSuffixOutlet = 34
    /// A date as a later part of `<title>` ("Headline | DW | 28.04.2023"): the site's own statement,
    /// below its metas and microdata, above the page's `<time>`s (a teaser's among them).
    static let titleDate = 33
    static let publishedTimeElement = 34
    static let timeElement = 40
    static let authorClassElement = 45
    static let authorLink = 46
    static let bylineText = 47
    static let pageAuthorJSONLD = 48
    /// A link into the author pages above the headline (a teaser's, a top bar's): after every visible byline.
    static let authorLinkAboveHeadline = 49
    static let twitterLabel = 26
    static let dateClassElement = 50
    /// `datePublished` or `uploadDate` of a JSON-LD object that is neither an article nor a page (a video, an episode).
    static let otherJSONLDDate = 52
    static let textAfterHeadline = 60
    static let headlineText = 62
    static let textBeforeHeadline = 64
    /// A date in the page's banner (`<header>` outside the article, above the headline): today's date, mostly.
    static let pageHeaderDate = 66
    /// A line outside the article (sidebar, footer): its own field, read only when no other date was found.
    static let outsideArticle = 90
}

/// Reads `<script type="application/ld+json">` blocks: objects, arrays and `@graph`,
/// articles first; other page types only as weaker candidates.
struct JSONLDReader {
    let vocabulary: MarkupVocabulary
    var candidates: [MarkupScan.Candidate] = []
    var siteNames: [String] = []

    init(vocabulary: MarkupVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Names of the objects that have an `@id`: Yoast-style graphs refer to the author as `{"@id": …}`.
    var namesByID: [String: String] = [:]

    mutating func read(_ text: String) {
        guard let object = Self.parse(text) else { return }
        collectIDs(object, depth: 0)
        visit(object, depth: 0)
    }

    private mutating func collectIDs(_ value: Any, depth: Int) {
        guard depth < 12 else { return }
        if let array = value as? [Any] {
            for item in array { collectIDs(item, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if let id = object["@id"] as? String, let name = Self.names(object, ids: [:]).first { namesByID[id] = name }
            // Scalars fail both casts at the next level: no cast here first.
            for child in object.values { collectIDs(child, depth: depth + 1) }
        }
    }

    /// Tolerates HTML comments, CDATA markers, raw newlines inside strings and trailing junk.
    static func parse(_ text: String) -> Any? {
        var body = String(decoding: cleanedBytes(text), as: UTF8.self)
        if body.hasSuffix(";") { body.removeLast() }
        guard let first = body.firstIndex(where: { $0 == "{" || $0 == "[" }) else { return nil }
        body = String(body[first...])
        if let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) { return object }
        // Trailing junk: cut after the bracket that closes the first value.
        if let end = closingIndex(of: body), let object = try? JSONSerialization.jsonObject(with: Data(body[...end].utf8)) {
            return object
        }
        return nil
    }

    /// The script's bytes without comment and CDATA markers, with raw newlines and tabs
    /// (which JSON forbids inside strings, and pages put there) as spaces, ends trimmed.
    /// One pass over bytes: JSON-LD blocks run to hundreds of kilobytes.
    static func cleanedBytes(_ text: String) -> [UInt8] {
        var copy = text
        var out = copy.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, written in
                var count = 0
                var index = 0
                scanning: while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "/") {
                        for marker in Self.markers where index + marker.count <= bytes.count && marker[0] == byte {
                            var offset = 1
                            while offset < marker.count, bytes[index + offset] == marker[offset] { offset += 1 }
                            if offset == marker.count {
                                index += marker.count
                                continue scanning
                            }
                        }
                    }
                    buffer[count] = byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte
                    count += 1
                    index += 1
                }
                written = count
            }
        }
        while let last = out.last, last == 0x20 { out.removeLast() }
        var start = 0
        while start < out.count, out[start] == 0x20 { start += 1 }
        return start > 0 ? Array(out[start...]) : out
    }

    private static let markers: [[UInt8]] = ["//<![CDATA[", "//]]>", "<![CDATA[", "]]>", "<!--", "-->"].map { Array($0.utf8) }

    /// The index of the bracket that balances the first one, skipping strings.
    static func closingIndex(of text: String) -> String.Index? {
        var depth = 0
        var inString = false
        var escaped = false
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if inString {
                if escaped { escaped = false } else if char == "\\" { escaped = true } else if char == "\"" { inString = false }
            } else if char == "\"" {
                inString = true
            } else if char == "{" || char == "[" {
                depth += 1
            } else if char == "}" || char == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private mutating func add(_ field: HintField, _ value: String, origin: HintOrigin, rank: Int) {
        let collapsed = MarkupScan.collapse(HTMLEntities.decode(value))
        guard !collapsed.isEmpty else { return }
        candidates.append(.init(hint: MarkupHint(field: field, value: collapsed, origin: origin), rank: rank))
    }

    /// A text whose line breaks part its paragraphs: each line collapsed, empty lines dropped.
    private mutating func addBody(_ value: String, origin: HintOrigin, rank: Int) {
        let lines = HTMLEntities.decode(value).split(whereSeparator: \.isNewline).map { MarkupScan.collapse(String($0)) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return }
        candidates.append(.init(hint: MarkupHint(field: .body, value: lines.joined(separator: "\n"), origin: origin), rank: rank))
    }

    private static func types(_ object: [String: Any]) -> [String] {
        let raw = object["@type"]
        let list = (raw as? [Any])?.compactMap { $0 as? String } ?? (raw as? String).map { [$0] } ?? []
        return list.map { type in
            // Nearly every type is ASCII with no schema.org URL: lowercased per byte, nothing to replace.
            if MarkupBytes.isASCII(type), !MarkupBytes.asciiLowercased(type, contains: "schema.org/") {
                return MarkupBytes.asciiLowercased(type)
            }
            return type.lowercased().replacingOccurrences(of: "http://schema.org/", with: "").replacingOccurrences(of: "https://schema.org/", with: "")
        }
    }

    /// Keys whose objects describe something else than the page's text (its comments, images, offers).
    static let foreignKeys: Set<String> = ["author", "creator", "publisher", "image", "logo", "video", "comment", "review",
                                           "aggregaterating", "offers", "potentialaction", "sameas", "breadcrumb",
                                           "itemlistelement", "citation", "contributor", "editor", "sourceorganization",
                                           "copyrightholder", "provider", "funder", "speakable", "associatedmedia", "thumbnail"]

    private mutating func visit(_ value: Any, depth: Int) {
        guard depth < 12 else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let types = Self.types(object)
        let isArticle = types.contains(where: vocabulary.isArticleType)
        let isPage = !isArticle && types.contains { vocabulary.pageTypes.contains($0) }
        if isArticle || isPage {
            readCreativeWork(object, isArticle: isArticle)
        } else if let date = Self.dateString(object["datePublished"]) ?? Self.dateString(object["uploadDate"]) {
            // A video, podcast episode or other work that is the page's subject: a weak date, for pages with no other.
            add(.date, date, origin: .init(.jsonLD("other.datePublished")), rank: MarkupRank.otherJSONLDDate)
        }
        if object["isAccessibleForFree"] != nil, let selector = object["cssSelector"] {
            for name in Self.classNames(selector) {
                add(.articlePart, name, origin: .init(.jsonLD("hasPart.cssSelector")), rank: MarkupRank.articleJSONLD)
            }
        }
        if types.contains("website"), let name = object["name"] as? String {
            add(.outlet, name, origin: .init(.jsonLD("WebSite.name")), rank: 22)
            siteNames.append(MarkupScan.collapse(name))
        }
        for (key, child) in object where !Self.foreignKeys.contains(key.lowercased()) {
            visit(child, depth: depth + 1)
        }
    }

    private mutating func readCreativeWork(_ object: [String: Any], isArticle: Bool) {
        let kind = isArticle ? "article" : "page"
        func rank(_ article: Int, _ page: Int) -> Int { isArticle ? article : page }
        if let headline = object["headline"] as? String {
            add(.title, headline, origin: .init(.jsonLD("\(kind).headline")), rank: rank(MarkupRank.articleHeadlineJSONLD, 36))
        } else if isArticle, let name = object["name"] as? String {
            add(.title, name, origin: .init(.jsonLD("\(kind).name")), rank: 28)
        }
        if let date = Self.dateString(object["datePublished"]) {
            add(.date, date, origin: .init(.jsonLD("\(kind).datePublished")), rank: rank(MarkupRank.articleJSONLD, MarkupRank.pageJSONLD))
        }
        if let date = Self.dateString(object["dateCreated"]) {
            add(.date, date, origin: .init(.jsonLD("\(kind).dateCreated")), rank: rank(28, 36))
        }
        if let date = Self.dateString(object["dateModified"]) {
            add(.modified, date, origin: .init(.jsonLD("\(kind).dateModified")), rank: rank(MarkupRank.articleJSONLD, MarkupRank.pageJSONLD))
        }
        for name in Self.names(object["author"] ?? object["creator"], ids: namesByID) {
            // A web page's author (often the site's default account) comes after the visible byline.
            add(.author, name, origin: .init(.jsonLD("\(kind).author")), rank: rank(MarkupRank.articleJSONLD, MarkupRank.pageAuthorJSONLD))
        }
        if let publisher = Self.names(object["publisher"], ids: namesByID).first {
            add(.outlet, publisher, origin: .init(.jsonLD("\(kind).publisher")), rank: rank(MarkupRank.articleJSONLDSecondary, 26))
            siteNames.append(MarkupScan.collapse(publisher))
        }
        if isArticle, let body = object["articleBody"] as? String {
            addBody(body, origin: .init(.jsonLD("article.articleBody")), rank: MarkupRank.articleJSONLD)
        }
        if let description = object["description"] as? String {
            add(.description, description, origin: .init(.jsonLD("\(kind).description")), rank: rank(21, 30))
        }
        if let section = Self.string(object["articleSection"]) {
            add(.section, section, origin: .init(.jsonLD("\(kind).articleSection")), rank: rank(15, 30))
        }
        if let language = Self.string(object["inLanguage"]) {
            add(.language, language, origin: .init(.jsonLD("\(kind).inLanguage")), rank: rank(25, 32))
        }
        if let keywords = object["keywords"] {
            let list = (keywords as? [Any])?.compactMap { $0 as? String }
                ?? (keywords as? String).map { $0.split(separator: ",").map(String.init) } ?? []
            for keyword in list { add(.tag, keyword, origin: .init(.jsonLD("\(kind).keywords")), rank: rank(15, 30)) }
        }
    }

    /// The class names of a `cssSelector` (a string or a list of them) that each pick elements by one
    /// class alone (`.paywall`, `div.article-payant`, `.a, .b`), lowercased; descendant and attribute
    /// selectors name no element the walker can match on its own and are left out.
    static func classNames(_ selector: Any) -> [String] {
        let texts = (selector as? [Any])?.compactMap { $0 as? String } ?? (selector as? String).map { [$0] } ?? []
        var names: [String] = []
        for text in texts.prefix(8) {
            for part in text.split(separator: ",").prefix(8) {
                let simple = part.trimmingCharacters(in: .whitespaces)
                guard let dot = simple.firstIndex(of: "."), simple[..<dot].allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
                let name = simple[simple.index(after: dot)...]
                guard !name.isEmpty, name.count <= 80,
                      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { continue }
                names.append(name.lowercased())
            }
        }
        return names
    }

    /// A date as a string, or as a number (Unix time in seconds or milliseconds, which some CMSs
    /// write: `"datePublished": 1676551869`) written as ISO 8601 in UTC.
    static func dateString(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        guard let number = value as? NSNumber else { return nil }
        return UnixTime.iso(number.doubleValue)
    }

    /// A string, or the first string of an array.
    static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let list = value as? [Any] { return list.lazy.compactMap { $0 as? String }.first }
        return nil
    }

    /// Names of people or organisations: "Jane Doe", {"name": …}, {"givenName", "familyName"}, or a list.
    static func names(_ value: Any?, ids: [String: String]) -> [String] {
        if let text = value as? String { return [text] }
        if let list = value as? [Any] { return list.flatMap { names($0, ids: ids) } }
        guard let object = value as? [String: Any] else { return [] }
        if object["name"] == nil, let id = object["@id"] as? String, let name = ids[id] { return [name] }
        if let name = object["name"] as? String { return [name] }
        if let name = object["name"] as? [Any] { return name.compactMap { $0 as? String } }
        let parts = [object["givenName"], object["familyName"]].compactMap { $0 as? String }
        return parts.isEmpty ? [] : [parts.joined(separator: " ")]
    }
}

/// Character references left in values that were escaped twice (`Redacci&oacute;n` in JSON-LD).
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        // Most values hold no '&' byte at all; only those need the Character search.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        guard let amp = text.firstIndex(of: "&"), text[amp...].contains(";") else { return text }
        // libxml2 knows every named reference; a tiny document is the cheapest way to ask it.
        guard let tree = HTMLTree.parse(Array("<html><body><p>\(text.replacingOccurrences(of: "<", with: "&lt;"))</p></body></html>".utf8), encoding: "UTF-8") else { return text }
        return withExtendedLifetime(tree) { tree.root?.textContent ?? text }
    }
}
