import Foundation

/// Pages of URL lists, fetched with a `Fetcher` and handed out in list order. Each host's URLs
/// go to the fetcher through a window of their own (`HostWindows`), so a slow host does not
/// hold back the others; pages fetched ahead of their turn wait here. Memory stays bounded:
/// at most `lookahead` URLs are read ahead of the one handed out next, and once the pages
/// waiting hold `byteBudget` bytes no URL but that next one is read or sent.
/// A fetched page becomes a document whose source is the URL as listed and whose
/// `metadata.url` is where the redirects ended; its HTTP charset is the declared charset.
public struct URLSource: DocumentSource {
    private var list: URLList
    private let fetcher: Fetcher
    private let shard: (index: Int, count: Int)?
    private var windows: HostWindows
    private let lookahead: Int
    private let byteBudget: Int
    private var nextTag = 0
    private var nextEmit = 0
    private var ready: [Int: SourceItem] = [:]
    /// Body bytes of the pages in `ready`.
    private var heldBytes = 0
    private var listDone = false

    /// `extraURLs` (already checked, e.g. a feed crawl's articles) come after the lists' URLs.
    public init(lists: [String], extraURLs: [String] = [], fetcher: Fetcher, shard: (index: Int, count: Int)? = nil) {
        list = URLList(paths: lists, then: extraURLs)
        self.fetcher = fetcher
        self.shard = shard
        let config = fetcher.config
        // Two per transfer a host may run: one running, one waiting out the host's delay.
        windows = HostWindows(perHost: config.perHost * 2, total: max(64, config.concurrency * 4))
        lookahead = 10_000
        byteBudget = max(64 << 20, 2 * config.maxBytes)
    }

    public mutating func next() -> SourceItem? {
        while true {
            if let item = ready.removeValue(forKey: nextEmit) {
                nextEmit += 1
                if case let .document(page) = item {
                    heldBytes -= page.raw?.count ?? 0
                    fetcher.handedOn(page.source)
                }
                return item
            }
            readAhead()
            for (tag, url) in windows.release(first: nextEmit, onlyFirst: heldBytes >= byteBudget) {
                fetcher.submit(url, tag: tag)
            }
            if nextEmit == nextTag { return nil }
            if ready[nextEmit] != nil { continue }
            for (tag, outcome) in fetcher.step() {
                windows.finished(tag)
                let item = Self.item(outcome)
                if case let .document(page) = item { heldBytes += page.raw?.count ?? 0 }
                ready[tag] = item
            }
        }
    }

    /// Reads the lists on while within the look-ahead and the byte budget.
    private mutating func readAhead() {
        while !listDone, nextTag - nextEmit < lookahead, heldBytes < byteBudget {
            guard let entry = list.next() else {
                listDone = true
                return
            }
            switch entry {
            case let .url(url):
                // Sharding before fetching: other shards' URLs are never downloaded.
                if let shard, ShardFilter<URLSource>.shard(of: url, count: shard.count) != shard.index { continue }
                windows.add(url, tag: nextTag, host: Fetcher.target(of: url)?.host ?? url)
            case let .rejected(source, reason):
                ready[nextTag] = .rejected(source: source, Rejection(stage: "input", reason: reason))
            }
            nextTag += 1
        }
    }

    static func item(_ outcome: FetchOutcome) -> SourceItem {
        switch outcome {
        case let .page(page):
            return .document(document(page))
        case let .notModified(url):
            return .unchanged(source: url)
        case let .failed(failure):
            return .rejected(source: failure.url, Rejection(stage: "fetch", reason: failure.reason, status: failure.status))
        }
    }

    public static func document(_ page: FetchedPage) -> Document {
        var document = Document(source: page.requestedURL, raw: page.body, format: page.format,
                                declaredCharset: page.mediaType?.charset)
        document.metadata.url = page.finalURL
        document.metadata.evidence["url"] = Evidence(rule: page.finalURL == page.requestedURL ? "fetched-url" : "redirect-target")
        return document
    }
}

/// One source after another: the run's files first, then its URL lists.
struct ChainedSource<First: DocumentSource, Second: DocumentSource>: DocumentSource {
    var first: First
    var second: Second
    private var firstDone = false

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    mutating func next() -> SourceItem? {
        if !firstDone {
            if let item = first.next() { return item }
            firstDone = true
        }
        return second.next()
    }
}

/// No documents at all (a run with only URL lists).
struct EmptySource: DocumentSource {
    mutating func next() -> SourceItem? { nil }
}
