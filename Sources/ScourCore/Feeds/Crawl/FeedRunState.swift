import Foundation

/// A run's feed side: the crawl before the pages, and what the state keeps of it once the run
/// is committed (validators of the feeds read in full, the articles handed on).
final class FeedRunState {
    let validators: FetchState?
    let seen: SeenArticles?
    /// Incremental runs send the feeds' validators and leave out articles seen before.
    let incremental: Bool
    let handedOn = HandedOnArticles()
    private var result = FeedCrawlResult()

    init(_ state: RunState?, incremental: Bool) throws(StateError) {
        validators = try state.map { state throws(StateError) in try FetchState(state, table: .feeds) }
        seen = try state.map { state throws(StateError) in try SeenArticles(state) }
        self.incremental = incremental
    }

    /// Crawls the config's feeds and those listed in `lists` (files of URLs, like URL lists; a
    /// bad line is a failure naming the file and line).
    func crawl(_ config: FeedsConfig, lists: [String], fetcher: Fetcher, stop: StopRequest) -> FeedCrawlResult {
        let (listed, listFailures) = FeedDiscovery.read(lists)
        let urls = config.urls + listed
        var crawl = FeedCrawl(fetcher: fetcher, config: config)
        if incremental {
            let validators = self.validators, seen = self.seen
            crawl.validators = { url in try? validators?.validators(for: url) }
            // A state that cannot be read leaves every article new: fetched again rather than lost.
            crawl.seen = { urls in (try? seen?.seen(among: urls)) ?? [] }
        }
        crawl.stopped = { stop.isRequested }
        result = crawl.run(urls)
        result.failures = listFailures + result.failures
        return result
    }

    /// After the commit: the articles handed on are seen; a feed's validators are kept once
    /// all its new articles were handed on (else the next run reads it in full again).
    func remember(at date: String) throws(StateError) {
        try seen?.remember(handedOn.articles, at: date)
        var complete: [String: FetchValidators] = [:]
        for feed in result.readFeeds where feed.complete && !feed.validators.isEmpty
            && feed.newArticles.allSatisfy({ handedOn.articles[$0] != nil }) {
            complete[feed.url] = feed.validators
        }
        try validators?.remember(complete, at: date)
    }
}

extension FeedCrawlResult {
    /// The crawl's summary line for stderr.
    public var line: String {
        "feeds: \(fetched) fetched, \(notModified) not modified, \(entries.count) new article URLs, \(failures.count) failed"
    }
}

/// Discovery alone (`scour feeds`): the crawl without a state, every entry the filters keep.
public enum FeedDiscovery {
    public static func run(_ config: FeedsConfig, lists: [String], fetch: FetchConfig,
                           stop: StopRequest) throws(FetchSetupError) -> FeedCrawlResult {
        let fetcher = try Fetcher(config: fetch)
        let (listed, listFailures) = read(lists)
        var crawl = FeedCrawl(fetcher: fetcher, config: config)
        crawl.stopped = { stop.isRequested }
        var result = crawl.run(config.urls + listed)
        result.failures = listFailures + result.failures
        return result
    }

    /// The URLs of feed list files (read like URL lists); a bad line is a failure naming the file and line.
    static func read(_ lists: [String]) -> (urls: [String], failures: [FeedFailure]) {
        var urls: [String] = []
        var failures: [FeedFailure] = []
        var list = URLList(paths: lists)
        while let entry = list.next() {
            switch entry {
            case let .url(url): urls.append(url)
            case let .rejected(source, reason): failures.append(FeedFailure(feed: source, status: nil, reason: reason))
            }
        }
        return (urls, failures)
    }
}

extension FeedEntry {
    /// The entry as `scour feeds` prints it: one JSON object, every key present.
    public var json: JSONValue {
        .object([("url", .string(url)), ("feed", .string(feed)), ("date", .optional(date)),
                 ("date_evidence", .optional(dateEvidence)), ("title", .optional(title)),
                 ("authors", .array(authors.map(JSONValue.string))), ("categories", .array(categories.map(JSONValue.string))),
                 ("outlet", .optional(outlet))])
    }
}
