/// Atom 1.0 (`<feed xmlns="http://www.w3.org/2005/Atom"><entry>`), read from the stream:
/// an entry's `link rel="alternate"` (or without rel; `text/html` first) resolved against its
/// `xml:base`, else its `id` when that is a URL; `title` (text or html), `published` (else
/// `updated`), `author/name`, `category/@term`; the feed's `title` is the outlet.
struct AtomReader: XMLStreamHandler {
    private enum Field { case title, id, published, updated, authorName, feedTitle }

    private struct Entry {
        var depth: Int
        var title: String?
        var titleIsHTML = false
        /// The alternate link chosen so far, resolved, and whether it is text/html.
        var link: String?
        var linkIsHTML = false
        var id: String?
        var idBase: String?
        var published: String?
        var updated: String?
        var authors: [String] = []
        var categories: [String] = []
    }

    var collector: EntryCollector
    let urls: FeedURL
    let dates: FeedDates
    private var feedTitle: String?
    private var feedTitleIsHTML = false
    private var entry: Entry?
    private var authorDepth: Int?
    private var field: (kind: Field, depth: Int)?

    init(collector: EntryCollector, urls: FeedURL, dates: FeedDates) {
        self.collector = collector
        self.urls = urls
        self.dates = dates
    }

    mutating func start(_ element: XMLStream.Element, stream: XMLStream) throws(FeedParseError) {
        guard field == nil, element.namespace == FeedNamespace.atom else { return }
        guard var entry else {
            if element.name == "entry" {
                entry = Entry(depth: element.depth)
            } else if element.name == "title", element.depth == 1, feedTitle == nil {
                feedTitleIsHTML = stream.attribute("type") == "html"
                begin(.feedTitle, element, stream)
            }
            return
        }
        if let authorDepth, element.depth == authorDepth + 1, element.name == "name" {
            begin(.authorName, element, stream)
            return
        }
        guard element.depth == entry.depth + 1 else { return }
        switch element.name {
        case "title":
            entry.titleIsHTML = stream.attribute("type") == "html"
            begin(.title, element, stream)
        case "link":
            let rel = stream.attribute("rel")?.feedTrimmed.lowercased() ?? "alternate"
            let isHTML = stream.attribute("type")?.lowercased().hasPrefix("text/html") ?? true
            if rel == "alternate", entry.link == nil || (isHTML && !entry.linkIsHTML),
               let href = stream.attribute("href"), let url = urls.entryURL(href, base: stream.baseURI) {
                entry.link = url
                entry.linkIsHTML = isHTML
            }
        case "id":
            entry.idBase = stream.baseURI
            begin(.id, element, stream)
        case "published": begin(.published, element, stream)
        case "updated": begin(.updated, element, stream)
        case "author": authorDepth = element.depth
        case "category":
            if let term = FeedText.plain(stream.attribute("term")) { entry.categories.append(term) }
        default: break
        }
        self.entry = entry
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
            case .title:
                let isHTML = entry?.titleIsHTML ?? false
                entry?.title = FeedText.plain(text, html: isHTML)
            case .id: entry?.id = text
            case .published: entry?.published = text
            case .updated: entry?.updated = text
            case .authorName: if let name = FeedText.plain(text) { entry?.authors.append(name) }
            case .feedTitle:
                feedTitle = FeedText.plain(text, html: feedTitleIsHTML)
                collector.setOutlet(feedTitle)
            }
            return
        }
        if let depth = authorDepth, depth == element.depth { authorDepth = nil }
        if let finished = entry, element.depth == finished.depth, element.namespace == FeedNamespace.atom {
            entry = nil
            try emit(finished)
        }
    }

    private mutating func emit(_ item: Entry) throws(FeedParseError) {
        var url = item.link
        if url == nil, let id = item.id, FeedURL.isPermalink(id) { url = urls.entryURL(id, base: item.idBase) }
        guard let url else { return }
        var entry = FeedEntry(url: url, feed: collector.feed, title: item.title, authors: RSSReader.unique(item.authors),
                              categories: RSSReader.unique(item.categories), outlet: feedTitle)
        if let date = item.published.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "feed:atom.published"
        } else if let date = item.updated.flatMap(dates.normalize) {
            entry.date = date
            entry.dateEvidence = "feed:atom.updated"
        }
        try collector.add(entry)
    }
}
