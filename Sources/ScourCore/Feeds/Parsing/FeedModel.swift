/// One article URL a feed or sitemap lists, with what the feed says about it.
public struct FeedEntry: Sendable, Equatable {
    /// Absolute, cleaned: fragment and tracking parameters removed.
    public var url: String
    /// The URL of the feed or sitemap that listed it.
    public var feed: String
    public var title: String?
    public var authors: [String]
    /// ISO 8601 (date or date-time) as the feed gives it, normalized.
    public var date: String?
    /// Where the date came from: "feed:rss.pubDate", "feed:atom.published", "feed:atom.updated",
    /// "feed:json.date_published", "sitemap:news.publication_date", "sitemap:lastmod".
    public var dateEvidence: String?
    public var categories: [String]
    /// The feed's title, or news:publication/news:name.
    public var outlet: String?

    public init(url: String, feed: String, title: String? = nil, authors: [String] = [], date: String? = nil,
                dateEvidence: String? = nil, categories: [String] = [], outlet: String? = nil) {
        self.url = url
        self.feed = feed
        self.title = title
        self.authors = authors
        self.date = date
        self.dateEvidence = dateEvidence
        self.categories = categories
        self.outlet = outlet
    }
}

/// What one fetched feed-like resource turned out to be.
public enum FeedDocument: Sendable, Equatable {
    /// RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.1, urlset, text sitemap.
    case entries([FeedEntry])
    /// Child sitemap URLs (absolute).
    case sitemapIndex([String])
    /// An HTML page: its `<link rel=alternate type=rss/atom/json feed>` URLs.
    case homePage(feeds: [String])
}

/// Why a resource could not be read as a feed; `description` is the reject reason.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The DOCTYPE declares entities: refused before anything is expanded (entity-expansion bombs).
    case entityDeclarations(line: Int)
    /// The DOCTYPE names an external DTD or an entity declares a SYSTEM/PUBLIC target (XXE): nothing is fetched.
    case externalEntity(line: Int, target: String)
    /// Readable, but no feed format: `lookedLike` says what it seemed to be.
    case notAFeed(lookedLike: String)
    /// libxml2's (or the JSON reader's) message, and the line it stopped at.
    case malformed(message: String, line: Int)
    case tooManyEntries(limit: Int)
    /// More than `limit` bytes, after gzip inflation.
    case tooLarge(limit: Int)
    /// gzip bytes that do not inflate.
    case badGzip(String)

    public var description: String {
        switch self {
        case let .entityDeclarations(line):
            return "feed refused: its DOCTYPE declares entities (line \(line)); entity expansion is never done (entity-bomb guard)"
        case let .externalEntity(line, target):
            return "feed refused: external DTD or entity \"\(target)\" (line \(line)); nothing is fetched for it (XXE guard)"
        case let .notAFeed(lookedLike):
            return "not a feed or sitemap: \(lookedLike)"
        case let .malformed(message, line):
            return "malformed feed at line \(line): \(message)"
        case let .tooManyEntries(limit):
            return "feed lists more than \(limit) entries"
        case let .tooLarge(limit):
            return "feed is larger than \(limit) bytes (uncompressed)"
        case let .badGzip(detail):
            return "feed is not readable gzip: \(detail)"
        }
    }
}

/// Bounds on one resource, so that no feed costs more than these.
public struct FeedLimits: Sendable, Equatable {
    /// Uncompressed bytes (the sitemap protocol allows 50 MB).
    public var maxBytes: Int
    /// Entries (or child sitemaps) in one resource (the sitemap protocol allows 50,000).
    public var maxEntries: Int
    /// Feed links taken from one home page.
    public var maxHomePageFeeds: Int

    public init(maxBytes: Int = 50 << 20, maxEntries: Int = 50_000, maxHomePageFeeds: Int = 20) {
        self.maxBytes = maxBytes
        self.maxEntries = maxEntries
        self.maxHomePageFeeds = maxHomePageFeeds
    }
}
