import Foundation

/// A feed, sitemap or home page that could not be read; the run writes it as a reject line.
public struct FeedFailure: Sendable, Equatable {
    public var feed: String
    public var status: Int?
    public var reason: String
}

/// What a crawl found: the article URLs to fetch, in a stable order, and what went wrong.
public struct FeedCrawlResult: Sendable {
    /// New article entries, each URL once (the first listing wins), in the order of the listed
    /// feeds, then of what each led to (linked feeds, child sitemaps), then of the entries.
    public var entries: [FeedEntry] = []
    public var failures: [FeedFailure] = []
    /// Feeds with entries, read in full this run: their validators and the article URLs they
    /// list that were new this run. The state keeps a feed's validators only once every one of
    /// those URLs was handed on, so a 304 on a later run never hides an article not yet cleaned.
    public var readFeeds: [ReadFeed] = []
    /// Resources fetched (feeds, sitemaps, home pages, robots.txt asked for by the crawl).
    public var fetched = 0
    /// Feeds answered 304 (no new entries).
    public var notModified = 0
    /// Where each failure's resource was found, to list failures in that order at the end.
    fileprivate var failurePaths: [[Int]] = []

    fileprivate mutating func fail(_ failure: FeedFailure, at path: [Int]) {
        failures.append(failure)
        failurePaths.append(path)
    }

    public struct ReadFeed: Sendable {
        public var url: String
        public var validators: FetchValidators
        public var newArticles: [String]
        /// False when `max_per_feed` held back some of its new articles for a later run.
        public var complete: Bool
    }
}

/// Discovers article URLs from feeds, sitemaps and home pages with the run's `Fetcher` (same
/// robots.txt, politeness and archive as the pages). Works in waves: the listed URLs, then
/// every feed or sitemap they lead to, and so on down to `max_depth`; each wave's transfers
/// run together, and results are ordered by where they were found, not by when they arrived,
/// so the URL order is the same from run to run.
public struct FeedCrawl {
    public let fetcher: Fetcher
    public let parser: FeedParser
    public let config: FeedsConfig
    public let filter: FeedFilter
    /// Validators kept for a feed by earlier runs (nil: ask unconditionally).
    public var validators: ((String) -> FetchValidators?)?
    /// Which of these article URLs an earlier committed run already took (nil: take all).
    public var seen: (([String]) -> Set<String>)?
    /// Asked between waves: a stop request leaves the rest unfetched (and rejected as such).
    public var stopped: () -> Bool = { false }

    public init(fetcher: Fetcher, config: FeedsConfig, now: Date = Date()) {
        self.fetcher = fetcher
        self.config = config
        parser = FeedParser(tracking: config.tracking)
        filter = config.filter(now: now)
    }

    /// One resource to fetch: `path` is where it was found (listed index, then child indexes).
    struct Task {
        enum Kind { case feed, robots }
        var url: String
        var depth: Int
        var path: [Int]
        var kind: Kind = .feed
        var listedBy: String?
    }

    /// A feed whose entries were read, with where it was found.
    struct Listing {
        var path: [Int]
        var url: String
        var entries: [FeedEntry]
        var validators: FetchValidators
    }

    public func run(_ urls: [String]) -> FeedCrawlResult {
        var result = FeedCrawlResult()
        var known: Set<String> = []
        var listings: [Listing] = []
        var wave: [Task] = []
        for url in urls where known.insert(url).inserted {
            wave.append(Task(url: url, depth: 0, path: [wave.count]))
        }
        while !wave.isEmpty {
            var allowed: [Task] = []
            for task in wave {
                if stopped() {
                    result.fail(FeedFailure(feed: task.url, status: nil, reason: "not fetched: the run was stopped"), at: task.path)
                } else if result.fetched >= config.maxFeeds {
                    result.fail(FeedFailure(feed: task.url, status: nil,
                                            reason: "not fetched: feeds.max_feeds (\(config.maxFeeds)) reached this run"), at: task.path)
                } else {
                    result.fetched += 1
                    allowed.append(task)
                }
            }
            var next: [Task] = []
            for (task, reading) in zip(allowed, fetch(allowed)) {
                next += read(task, reading, into: &result, listings: &listings)
            }
            wave = next.filter { $0.kind == .robots || known.insert($0.url).inserted }
        }
        select(listings.sorted { $0.path.lexicographicallyPrecedes($1.path) }, into: &result)
        // Failures in the order their resources were listed, whatever wave found them.
        let order = result.failurePaths.indices.sorted {
            result.failurePaths[$0].lexicographicallyPrecedes(result.failurePaths[$1])
        }
        result.failures = order.map { result.failures[$0] }
        result.failurePaths = []
        return result
    }

    /// What one fetched resource turned out to be, read as soon as it arrived (a wave of
    /// sitemaps never holds all their bytes at once).
    enum Reading {
        case failed(FetchFailure)
        case notModified
        case robots([String])
        case parsed(Result<FeedDocument, FeedParseError>, page: FetchedPage)
    }

    /// Fetches and reads one wave; the readings in the tasks' order.
    private func fetch(_ tasks: [Task]) -> [Reading] {
        for (tag, task) in tasks.enumerated() {
            fetcher.submitFeed(task.url, tag: tag, conditional: task.kind == .feed ? validators?(task.url) : nil)
        }
        var readings: [Int: Reading] = [:]
        while readings.count < tasks.count, fetcher.busy {
            for (tag, outcome) in fetcher.step() where tasks.indices.contains(tag) {
                switch outcome {
                case let .failed(failure): readings[tag] = .failed(failure)
                case .notModified: readings[tag] = .notModified
                case var .page(page) where tasks[tag].kind == .robots:
                    let lines = Fetcher.sitemapLines(in: String(decoding: page.body, as: UTF8.self))
                    page.body = []
                    readings[tag] = .robots(RobotsSitemaps.urls(in: lines.joined(separator: "\n")))
                case var .page(page):
                    let parsed = parser.parse(page.body, url: page.finalURL, contentType: page.mediaType?.essence)
                    page.body = []
                    readings[tag] = .parsed(parsed, page: page)
                }
            }
        }
        return tasks.indices.map { tag in
            readings[tag] ?? .failed(FetchFailure(url: tasks[tag].url, status: nil, reason: "the fetcher gave no answer"))
        }
    }

    /// Takes one reading in; returns the resources it leads to.
    private func read(_ task: Task, _ reading: Reading, into result: inout FeedCrawlResult,
                      listings: inout [Listing]) -> [Task] {
        func fail(_ reason: String, status: Int? = nil) {
            let origin = task.listedBy.map { " (listed by \($0))" } ?? ""
            result.fail(FeedFailure(feed: task.url, status: status, reason: reason + origin), at: task.path)
        }
        let page: FetchedPage
        let parsed: Result<FeedDocument, FeedParseError>
        switch reading {
        case let .failed(failure):
            fail(failure.reason, status: failure.status)
            return []
        case .notModified:
            result.notModified += 1
            return []
        case let .robots(sitemaps):
            return children(of: task, sitemaps, depth: task.depth)
        case let .parsed(outcome, fetched):
            page = fetched
            parsed = outcome
        }
        switch parsed {
        case let .failure(error):
            fail(error.description, status: page.status)
            return []
        case let .success(.entries(entries)):
            // Filtered now: a listing keeps only the entries that may be fetched.
            var kept = filter.apply(entries, feedURL: task.url)
            if let seen {
                let taken = seen(kept.map(\.url))
                if !taken.isEmpty { kept.removeAll { taken.contains($0.url) } }
            }
            listings.append(Listing(path: task.path, url: task.url, entries: kept, validators: page.validators))
            return []
        case let .success(.sitemapIndex(urls)):
            guard task.depth < config.maxDepth else {
                fail("sitemap index at depth \(task.depth): its \(urls.count) sitemaps are past feeds.max_depth (\(config.maxDepth))")
                return []
            }
            return children(of: task, urls, depth: task.depth + 1)
        case let .success(.homePage(feeds)):
            guard task.depth == 0 else {
                fail("not a feed or sitemap: an HTML page")
                return []
            }
            guard task.depth < config.maxDepth else {
                fail("home page: its feeds are past feeds.max_depth (\(config.maxDepth))")
                return []
            }
            var tasks = children(of: task, feeds, depth: 1)
            // The Sitemap: lines of the host's robots.txt, read by the fetcher before the page;
            // with robots.txt off, the crawl asks for it itself.
            if let lines = fetcher.robotsSitemapLines(for: page.finalURL) {
                let sitemaps = RobotsSitemaps.urls(in: lines.joined(separator: "\n"))
                tasks += children(of: task, sitemaps, depth: 1, from: tasks.count)
            } else if let robots = Fetcher.target(of: page.finalURL).map({ $0.host + "/robots.txt" }) {
                tasks.append(Task(url: robots, depth: 1, path: task.path + [tasks.count], kind: .robots, listedBy: task.url))
            }
            if tasks.isEmpty { fail("home page links no feed, and its robots.txt names no sitemap") }
            return tasks
        }
    }

    private func children(of task: Task, _ urls: [String], depth: Int, from start: Int = 0) -> [Task] {
        urls.enumerated().map { offset, url in
            Task(url: url, depth: depth, path: task.path + [start + offset], listedBy: task.url)
        }
    }

    /// The entries of every listing in order (filtered and new already): each URL once, the
    /// first listing's, and at most `max_per_feed` of a feed's (its newest, as `FeedFilter` picks).
    private func select(_ listings: [Listing], into result: inout FeedCrawlResult) {
        let limiter = config.maxPerFeed.map {
            FeedFilter(since: nil, include: [], exclude: [], sameHostOnly: false, maxPerFeed: $0)
        }
        var taken: Set<String> = []
        for listing in listings {
            var newArticles: [String] = []
            var candidates: [FeedEntry] = []
            var counted: Set<String> = []
            for entry in listing.entries where counted.insert(entry.url).inserted {
                newArticles.append(entry.url)
                if !taken.contains(entry.url) { candidates.append(entry) }
            }
            let chosen = limiter?.apply(candidates, feedURL: listing.url) ?? candidates
            for entry in chosen {
                taken.insert(entry.url)
                result.entries.append(entry)
            }
            result.readFeeds.append(.init(url: listing.url, validators: listing.validators,
                                          newArticles: newArticles, complete: chosen.count == candidates.count))
        }
    }
}
