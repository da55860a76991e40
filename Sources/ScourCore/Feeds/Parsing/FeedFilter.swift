import Foundation

/// Keeps entries by date (`since`), include/exclude URL patterns, same host as the feed, a max per feed.
public struct FeedFilter: Sendable {
    public var since: Date?
    public var include: [String]
    public var exclude: [String]
    public var sameHostOnly: Bool
    public var maxPerFeed: Int?

    public init(since: Date?, include: [String], exclude: [String], sameHostOnly: Bool, maxPerFeed: Int?) {
        self.since = since
        self.include = include
        self.exclude = exclude
        self.sameHostOnly = sameHostOnly
        self.maxPerFeed = maxPerFeed
    }

    public func apply(_ entries: [FeedEntry], feedURL: String) -> [FeedEntry] {
        entries
    }
}

/// Parses "2d", "12h", "2026-12-01" (and full ISO dates) for `since`, against a clock value.
public enum SinceSpec {
    public static func parse(_ text: String, now: Date) -> Date? {
        nil
    }
}

/// robots.txt `Sitemap:` lines (absolute URLs), for a home page.
public enum RobotsSitemaps {
    public static func urls(in robotsText: String) -> [String] {
        []
    }
}
