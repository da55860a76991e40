import Foundation

/// Pages of URL lists, fetched with a `Fetcher` and handed out in list order (a window of
/// URLs is in flight at once, so order costs no parallelism and memory stays bounded).
/// A fetched page becomes a document whose source is the URL as listed and whose
/// `metadata.url` is where the redirects ended; its HTTP charset is the declared charset.
public struct URLSource: DocumentSource {
    private var list: URLList
    private let fetcher: Fetcher
    private let window: Int
    private let shard: (index: Int, count: Int)?
    private var nextTag = 0
    private var nextEmit = 0
    private var ready: [Int: SourceItem] = [:]
    private var listDone = false

    public init(lists: [String], fetcher: Fetcher, shard: (index: Int, count: Int)? = nil) {
        list = URLList(paths: lists)
        self.fetcher = fetcher
        self.shard = shard
        window = max(64, fetcher.config.concurrency * 4)
    }

    public mutating func next() -> SourceItem? {
        while true {
            if let item = ready.removeValue(forKey: nextEmit) {
                nextEmit += 1
                if case let .document(page) = item { fetcher.handedOn(page.source) }
                return item
            }
            while !listDone, nextTag - nextEmit < window {
                guard let entry = list.next() else {
                    listDone = true
                    break
                }
                switch entry {
                case let .url(url):
                    // Sharding before fetching: other shards' URLs are never downloaded.
                    if let shard, ShardFilter<URLSource>.shard(of: url, count: shard.count) != shard.index { continue }
                    fetcher.submit(url, tag: nextTag)
                case let .rejected(source, reason):
                    ready[nextTag] = .rejected(source: source, Rejection(stage: "input", reason: reason))
                }
                nextTag += 1
            }
            if nextEmit == nextTag { return nil }
            if ready[nextEmit] != nil { continue }
            for (tag, outcome) in fetcher.step() { ready[tag] = Self.item(outcome) }
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
