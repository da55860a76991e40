/// Sitemaps (sitemaps.org 0.9), read from the stream: `urlset/url` with `loc` and `lastmod`, and
/// the Google News extension (`news:publication_date`, `news:title`, `news:publication/news:name`);
/// image and video extensions are skipped (their `loc` is not the page's). `sitemapindex/sitemap/loc`
/// lists child sitemaps.
struct SitemapReader: XMLStreamHandler {
    private enum Field { case loc, lastmod, newsDate, newsTitle, newsName }

    private struct URLItem {
        var loc: String?
        var base: String?
        var lastmod: String?
        var newsDate: String?
        var newsTitle: String?
        var newsName: String?
    }

    var collector: EntryCollector
    let urls: FeedURL
    let dates: FeedDates
    /// True for `sitemapindex`.
    let isIndex: Bool
    private(set) var children: [String] = []
    private var childSet: Set<String> = []
    private var item: URLItem?
    private var field: (kind: Field, depth: Int)?

    init(collector: EntryCollector, urls: FeedURL, dates: FeedDates, isIndex: Bool) {
        self.collector = collector
        self.urls = urls
        self.dates = dates
        self.isIndex = isIndex
    }

    mutating func start(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {
        guard field == nil else { return }
        if element.depth == 1, element.name == (isIndex ? "sitemap" : "url") {
            item = URLItem()
            return
        }
        guard item != nil else { return }
        let isNews = element.namespace == FeedNamespace.news
        switch (element.depth, element.name, isNews) {
        case (2, "loc", false):
            item?.base = stream.baseURI
            begin(.loc, element, stream)
        case (2, "lastmod", false): begin(.lastmod, element, stream)
        case (3, "publication_date", true): begin(.newsDate, element, stream)
        case (3, "title", true): begin(.newsTitle, element, stream)
        case (4, "name", true): begin(.newsName, element, stream)
        default: break
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
            case .loc: item?.loc = text
            case .lastmod: item?.lastmod = text
            case .newsDate: item?.newsDate = text
            case .newsTitle: item?.newsTitle = FeedText.plain(text)
            case .newsName: item?.newsName = FeedText.plain(text)
            }
            return
        }
        if element.depth == 1, let finished = item {
            item = nil
            try emit(finished)
        }
    }

    private mutating func emit(_ item: URLItem) throws(FeedParseError) {
        guard let loc = item.loc else { return }
        if isIndex {
            guard let url = FeedURL.documentURL(loc, base: item.base) else { return }
            guard children.count < collector.limit else { throw .tooManyEntries(limit: collector.limit) }
            if childSet.insert(url).inserted { children.append(url) }
            return
        }
        guard let url = urls.entryURL(loc, base: item.base) else { return }
        var entry = FeedEntry(url: url, feed: collector.feed, title: item.newsTitle, outlet: item.newsName)
        if let date = item.newsDate.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "sitemap:news.publication_date"
        } else if let date = item.lastmod.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "sitemap:lastmod"
        }
        try collector.add(entry)
    }
}
