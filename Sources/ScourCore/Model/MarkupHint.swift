/// A metadata candidate taken from markup (JSON-LD, meta tags, …) or from a visible element the
/// HTML reader singled out, with the field it is for and where it came from.
public struct MarkupHint: Sendable, Equatable {
    public var field: HintField
    public var value: String
    public var origin: HintOrigin
    /// The short text the page prints right before a `<time>` ("Aktualizacja:", "Opublikowano:"), or
    /// in the article's header the `<time>`'s own text ("Updated Nov 19, 9:41 AM"): what the page
    /// calls that date. Nil for other hints.
    public var label: String?

    public init(field: HintField, value: String, origin: HintOrigin, label: String? = nil) {
        self.field = field
        self.value = value
        self.origin = origin
        self.label = label
    }
}

/// The field a hint is a candidate for: the contract between the HTML reader (and the WARC
/// reader's capture time) and the metadata stage. The raw values are the names in
/// `Resources/language/markup.json`.
public enum HintField: String, Sendable, Decodable {
    case title, description, author, date, modified, outlet, url, language, tag, section
    /// A visible line that may be a byline ("Posted by …"): counts only with a byline label.
    case byline
    /// When an archive captured the page: only says the page existed then.
    case captureDate = "warc-date"
    /// A short line with digits outside the article (sidebar, footer, comments): a date only when nothing else gave one.
    case outsideDate = "outside-date"
    /// The article's own text in structured data (JSON-LD `articleBody`), paragraphs kept as lines:
    /// the body only when the page's markup keeps none (a body a script fills in).
    case body = "article-body"
    /// The text a `<time>` shows when its `datetime` attribute gave the date ("Nov 18, 2019 at 9:24 pm ET"
    /// for "2019-11-19T02:24:00Z"): read only to tell a UTC timestamp past midnight from the page's day.
    case shownTime = "time-text"
    /// A class name the page's structured data declares a part of its article (JSON-LD `hasPart`
    /// with `isAccessibleForFree` and `cssSelector: ".paywall"`, Google's paywalled-content markup):
    /// the element of that class is the story, whatever its name says.
    case articlePart = "article-part"
}

/// Where a hint came from: the kind of source, which tells whether a reader of the page sees
/// the value. `description` is the evidence rule written to the output ("json-ld:article.datePublished").
public struct HintOrigin: Sendable, Equatable, CustomStringConvertible {
    public enum Source: Sendable, Equatable {
        /// A JSON-LD property: "article.headline", "page.author", "WebSite.name".
        case jsonLD(String)
        /// A `<meta>` key (or an element's `content` attribute with such a key): "og:title", "dc.date".
        case meta(String)
        /// A microdata `itemprop`: "datePublished", "author".
        case microdata(String)
        /// A `<time>` element; `published` when it says so (`pubdate`, a "published" class).
        case timeElement(published: Bool)
        /// The `<title>` element.
        case titleElement
        /// `<link rel=canonical>`.
        case canonicalLink
        /// `<html lang>`.
        case htmlLang
        /// `<a rel=author>`.
        case relAuthor
        /// Text shown on the page, found by its place or its element's class.
        case visibleText(VisibleKind)
        /// The archive record's capture time.
        case archive
        /// A feed or sitemap entry that listed the page; the evidence its parser gave
        /// ("feed:rss.pubDate", "sitemap:news.publication_date"). Below anything the page says.
        case feed(String)
    }

    /// Which visible text a hint was read from.
    public enum VisibleKind: String, Sendable {
        case bylineText = "byline-text"
        case authorClass = "author-class"
        case authorLink = "author-link"
        case dateClass = "date-class"
        /// A dated element in the page's banner (a `<header>` outside the article): today's date, mostly.
        case pageHeader = "page-header"
        case headlineText = "headline-text"
        /// A short line with digits, on a page with no headline element.
        case text
        case textBeforeHeadline = "text-before-headline"
        case textAfterHeadline = "text-after-headline"
        /// A short dated line after the article's first paragraphs (an event, a citation, a teaser):
        /// it gives the date only when a label says it is the publication ("Veröffentlicht am …").
        case textInBody = "text-in-body"
        /// A line in a sidebar, footer or another region outside the article.
        case outsideArticle = "outside-article"

        /// Short lines with digits read by their place around the headline, not by their element.
        public var isPlacedLine: Bool { self == .text || self == .textBeforeHeadline || self == .textAfterHeadline }
    }

    public var source: Source

    public init(_ source: Source) {
        self.source = source
    }

    /// The page shows the value itself (a `<time>` or another visible element), rather than
    /// holding it in data no reader sees.
    public var isVisible: Bool {
        switch source {
        case .timeElement, .visibleText: return true
        default: return false
        }
    }

    /// The kind of visible text, for hints read from the page's text (not `<time>`).
    public var visibleText: VisibleKind? {
        if case .visibleText(let kind) = source { return kind }
        return nil
    }

    public var description: String {
        switch source {
        case .jsonLD(let property): return property.isEmpty ? "json-ld" : "json-ld:" + property
        case .meta(let key): return "meta:" + key
        case .microdata(let property): return "itemprop=" + property
        case .timeElement(let published): return published ? "time[pubdate]" : "time[datetime]"
        case .titleElement: return "title"
        case .canonicalLink: return "link[rel=canonical]"
        case .htmlLang: return "html[lang]"
        case .relAuthor: return "a[rel=author]"
        case .visibleText(let kind): return "html:" + kind.rawValue
        case .archive: return "warc-date"
        case .feed(let evidence): return evidence
        }
    }
}
