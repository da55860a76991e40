/// The run's URL pages with a feed crawl's results: the failed feeds first, as reject lines
/// naming them, then the pages as `URLSource` hands them out. A page a feed listed gets the
/// feed's entry as hints (`Document.feedHints`); the article URLs handed on (cleaned, rejected
/// by a stage, or unchanged) are noted for the state of seen articles.
struct FeedArticleSource<Pages: DocumentSource>: DocumentSource {
    private var pages: Pages
    private var failures: IndexingIterator<[FeedFailure]>
    private let entries: [String: FeedEntry]
    /// Shared with the runner, which reads it once the run is over (the source itself is consumed).
    let handedOn: HandedOnArticles

    init(pages: Pages, crawl: FeedCrawlResult, handedOn: HandedOnArticles) {
        self.pages = pages
        self.handedOn = handedOn
        failures = crawl.failures.makeIterator()
        var entries: [String: FeedEntry] = [:]
        for entry in crawl.entries where entries[entry.url] == nil { entries[entry.url] = entry }
        self.entries = entries
    }

    mutating func next() -> SourceItem? {
        if let failure = failures.next() {
            return .rejected(source: failure.feed, Rejection(stage: "feed", reason: failure.reason, status: failure.status))
        }
        guard var item = pages.next() else { return nil }
        switch item {
        case var .document(document):
            if let entry = entries[document.source] {
                document.feedHints = FeedHints.hints(for: entry)
                handedOn.articles[entry.url] = entry.feed
                item = .document(document)
            }
        case let .unchanged(source):
            if let entry = entries[source] { handedOn.articles[entry.url] = entry.feed }
        case .rejected:
            // A fetch that failed is tried again next run: not seen.
            break
        }
        return item
    }
}

/// Article URL → the feed that listed it, for the articles a run handed on.
final class HandedOnArticles {
    var articles: [String: String] = [:]
}

/// A feed entry as metadata hints, each with its evidence (origin `.feed`).
enum FeedHints {
    static func hints(for entry: FeedEntry) -> [MarkupHint] {
        // "sitemap:news.publication_date" → "sitemap": the other fields say which kind listed them.
        let family = entry.dateEvidence?.split(separator: ":").first.map(String.init) ?? "feed"
        func hint(_ field: HintField, _ value: String, _ evidence: String) -> MarkupHint {
            MarkupHint(field: field, value: value, origin: HintOrigin(.feed(evidence)))
        }
        var hints: [MarkupHint] = []
        if let title = entry.title { hints.append(hint(.title, title, family + ":title")) }
        hints += entry.authors.map { hint(.author, $0, family + ":author") }
        if let date = entry.date { hints.append(hint(.date, date, entry.dateEvidence ?? family + ":date")) }
        hints += entry.categories.map { hint(.tag, $0, family + ":category") }
        if let outlet = entry.outlet { hints.append(hint(.outlet, outlet, family + ":outlet")) }
        return hints
    }
}
