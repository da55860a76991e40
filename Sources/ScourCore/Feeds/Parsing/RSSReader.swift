/// RSS 0.9x and 2.0 (`<rss><channel><item>`) and RSS 1.0 / 0.90 (RDF: `<rdf:RDF><channel/><item>`),
/// read from the stream: an item's `link` (else a permalink `guid`, else RDF's `rdf:about`),
/// `title`, `pubDate` (else `dc:date`), `author`/`dc:creator`, `category`/`dc:subject`; the
/// channel's `title` is the outlet.
struct RSSReader: XMLStreamHandler {
    private enum Field { case title, link, guid, pubDate, dcDate, author, creator, category, channelTitle }

    private struct Item {
        var depth: Int
        var title: String?
        var link: String?
        var linkBase: String?
        var guid: String?
        var guidBase: String?
        var guidIsPermalink = true
        var about: String?
        var aboutBase: String?
        var pubDate: String?
        var dcDate: String?
        var authors: [String] = []
        var categories: [String] = []
    }

    var collector: EntryCollector
    let urls: FeedURL
    let dates: FeedDates
    private var channelDepth: Int?
    private var channelTitle: String?
    private var item: Item?
    private var field: (kind: Field, depth: Int)?

    init(collector: EntryCollector, urls: FeedURL, dates: FeedDates) {
        self.collector = collector
        self.urls = urls
        self.dates = dates
    }

    mutating func start(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {
        guard field == nil else { return }
        if var item, element.depth == item.depth + 1 {
            let kind: Field?
            switch (element.name, element.namespace) {
            case ("title", FeedNamespace.dublinCore): kind = item.title == nil ? .title : nil
            case ("title", _): kind = .title
            case ("link", let namespace) where namespace != FeedNamespace.atom:
                kind = .link
                item.linkBase = stream.baseURI
            case ("guid", _):
                kind = .guid
                item.guidBase = stream.baseURI
                item.guidIsPermalink = stream.attribute("isPermaLink")?.feedTrimmed.lowercased() != "false"
            case ("pubDate", _): kind = .pubDate
            case ("date", FeedNamespace.dublinCore): kind = .dcDate
            case ("author", _): kind = .author
            case ("creator", FeedNamespace.dublinCore): kind = .creator
            case ("category", _), ("subject", FeedNamespace.dublinCore): kind = .category
            default: kind = nil
            }
            self.item = item
            if let kind { begin(kind, element, stream) }
        } else if item == nil, element.name == "item" {
            var item = Item(depth: element.depth)
            if let about = stream.attribute("rdf:about") {
                item.about = about
                item.aboutBase = stream.baseURI
            }
            self.item = item
        } else if item == nil, element.name == "channel", channelDepth == nil {
            channelDepth = element.depth
        } else if item == nil, element.name == "title", let channelDepth, element.depth == channelDepth + 1, channelTitle == nil {
            begin(.channelTitle, element, stream)
        }
    }

    private mutating func begin(_ kind: Field, _ element: XMLStream.Element, _ stream: XMLStream) {
        field = (kind, element.depth)
        stream.capture()
    }

    mutating func end(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {
        if let open = field, open.depth == element.depth {
            field = nil
            let text = stream.takeText()
            switch open.kind {
            case .title: item?.title = FeedText.plain(text)
            case .link: item?.link = text
            case .guid: item?.guid = text
            case .pubDate: item?.pubDate = text
            case .dcDate: item?.dcDate = text
            case .author: if let name = Self.authorName(text) { item?.authors.append(name) }
            case .creator: if let name = FeedText.plain(text) { item?.authors.append(name) }
            case .category: if let term = FeedText.plain(text) { item?.categories.append(term) }
            case .channelTitle:
                channelTitle = FeedText.plain(text)
                collector.setOutlet(channelTitle)
            }
            return
        }
        if let finished = item, element.depth == finished.depth {
            item = nil
            try emit(finished)
        }
    }

    private mutating func emit(_ item: Item) throws(FeedParseError) {
        var url = item.link.flatMap { urls.entryURL($0, base: item.linkBase) }
        if url == nil, item.guidIsPermalink, let guid = item.guid, FeedURL.isPermalink(guid) {
            url = urls.entryURL(guid, base: item.guidBase)
        }
        if url == nil, let about = item.about { url = urls.entryURL(about, base: item.aboutBase) }
        guard let url else { return }
        var entry = FeedEntry(url: url, feed: collector.feed, title: item.title, authors: Self.unique(item.authors),
                              categories: Self.unique(item.categories), outlet: channelTitle)
        if let date = item.pubDate.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "feed:rss.pubDate"
        } else if let date = item.dcDate.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "feed:rss.dc.date"
        }
        try collector.add(entry)
    }

    /// RSS `author` is an e-mail address, often with the name in parentheses:
    /// `jane@example.com (Jane Doe)` gives "Jane Doe"; a bare address gives nothing.
    static func authorName(_ text: String?) -> String? {
        guard let text = FeedText.plain(text) else { return nil }
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            return FeedText.plain(String(text[text.index(after: open)..<close]))
        }
        if text.contains("@") && !text.contains(" ") { return nil }
        return text
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// Namespace URIs the readers tell elements apart by.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    /// Google News sitemaps.
    static let news = "http://www.google.com/schemas/sitemap-news/0.9"
}
