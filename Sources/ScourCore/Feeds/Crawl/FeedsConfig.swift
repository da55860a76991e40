import Foundation

/// The `feeds` section of `pipeline.json`: feeds, sitemaps and home pages whose articles a run
/// fetches, and which of their entries it takes.
public struct FeedsConfig: Sendable, Equatable {
    /// Feed, sitemap or home-page URLs, crawled in this order (before the articles are fetched).
    public var urls: [String] = []
    /// Only entries dated on or after this: a date ("2026-12-01") or a span back from now ("2d", "12h").
    public var since: String?
    /// Article URLs must contain one of these (when any are given) …
    public var include: [String] = []
    /// … and none of these.
    public var exclude: [String] = []
    /// Only articles on the feed's own host.
    public var sameHost = true
    /// New article URLs taken from one feed per run; nil: all.
    public var maxPerFeed: Int?
    /// How deep sitemap indexes (and a home page's feed links) are followed: the listed URL is depth 0.
    public var maxDepth = 3
    /// Feeds, sitemaps and home pages fetched per run, over all listed URLs and what they lead to.
    public var maxFeeds = 1000
    /// Query parameters removed from article URLs (a trailing `*` names a prefix); nil: the parser's default list.
    public var trackingParameters: [String]?

    public init() {}

    public static let keys = ["urls", "since", "include", "exclude", "same_host", "max_per_feed", "max_depth", "max_feeds",
                              "tracking_parameters"]

    /// Reads the section; bad values are reported by the section and leave the defaults.
    static func parse(_ section: ConfigSection) -> FeedsConfig {
        var config = FeedsConfig()
        config.urls = section.strings("urls", default: [])
        for (index, url) in config.urls.enumerated() where Fetcher.target(of: url) == nil {
            section.problem("urls", "entry \(index + 1) is not an http(s) URL: \(url.prefix(200))")
        }
        if let since = section.string("since", default: nil) {
            if SinceSpec.parse(since, now: Date()) == nil {
                section.problem("since", "cannot read \"\(since)\" as a date (2026-12-01, 2026-12-01T06:00:00Z) or a span back from now (12h, 2d, 1w)")
            } else {
                config.since = since
            }
        }
        config.include = section.strings("include", default: [])
        config.exclude = section.strings("exclude", default: [])
        config.sameHost = section.bool("same_host", default: true)
        let perFeed = section.int("max_per_feed", default: 0, range: 0...1_000_000)
        config.maxPerFeed = perFeed > 0 ? perFeed : nil
        config.maxDepth = section.int("max_depth", default: config.maxDepth, range: 0...10)
        config.maxFeeds = section.int("max_feeds", default: config.maxFeeds, range: 1...1_000_000)
        if section.has("tracking_parameters") {
            config.trackingParameters = section.strings("tracking_parameters", default: [])
        }
        return config
    }

    /// One line for `scour validate`: what a run will crawl and with which limits.
    public var summary: String {
        var parts = ["same_host \(sameHost)", "max_depth \(maxDepth)", "max_feeds \(maxFeeds)"]
        if let since { parts.insert("since \(since)", at: 0) }
        if let maxPerFeed { parts.append("max_per_feed \(maxPerFeed)") }
        if !include.isEmpty { parts.append("include \(include.joined(separator: ", "))") }
        if !exclude.isEmpty { parts.append("exclude \(exclude.joined(separator: ", "))") }
        return "feeds: \(urls.count) URL\(urls.count == 1 ? "" : "s") (\(parts.joined(separator: "; ")))"
    }

    /// The tracking parameters as the parser takes them: `utm_*` is a prefix, `fbclid` a name.
    public var tracking: TrackingParameters {
        guard let trackingParameters else { return .default }
        let prefixes = trackingParameters.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        let names = trackingParameters.filter { !$0.hasSuffix("*") }
        return TrackingParameters(names: names, prefixes: prefixes)
    }

    /// The entry filter for a run started at `now` (`since` read against it); the per-feed maximum
    /// is applied by the crawl after seen articles are left out, so it is not the filter's.
    public func filter(now: Date) -> FeedFilter {
        FeedFilter(since: since.flatMap { SinceSpec.parse($0, now: now) }, include: include, exclude: exclude,
                   sameHostOnly: sameHost, maxPerFeed: nil)
    }
}
