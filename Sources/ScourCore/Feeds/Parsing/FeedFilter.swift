import Foundation

/// Keeps entries by date (`since`), include/exclude URL patterns, same host as the feed, a max per feed.
///
/// - `since`: an entry is kept when its date's span ends after `since` (a date alone spans its
///   whole day, so `2026-12-03` passes a `since` of that day's noon); an entry without a date is kept.
/// - Patterns match the whole URL: one with `*` (any run of characters) or `?` (one character) is a
///   glob that must match all of it; any other is a substring. Matching ignores case.
///   Include (when any) keeps only matching URLs; exclude then drops matching ones.
/// - Same host: the entry's host equals the feed's, ignoring a leading `www.`, or one is a
///   subdomain of the other (`news.example.com` and `example.com`).
/// - `maxPerFeed`: the newest that many (undated ones count as oldest), in the feed's order.
public struct FeedFilter: Sendable {
    public var since: Date?
    public var include: [String]
    public var exclude: [String]
    public var sameHostOnly: Bool
    public var maxPerFeed: Int?

    public init(since: Date?, include: [String], exclude: [String], sameHostOnly: Bool, maxPerFeed: Int?) {
        self.since = since
        self.include = include.map { $0.lowercased() }
        self.exclude = exclude.map { $0.lowercased() }
        self.sameHostOnly = sameHostOnly
        self.maxPerFeed = maxPerFeed
    }

    public func apply(_ entries: [FeedEntry], feedURL: String) -> [FeedEntry] {
        let feedHost = Self.host(of: feedURL)
        var kept = entries.filter { entry in
            if let since, let date = entry.date, let span = FeedDates.span(date), span.end <= since { return false }
            let url = entry.url.lowercased()
            if !include.isEmpty, !include.contains(where: { Self.matches(url, $0) }) { return false }
            if exclude.contains(where: { Self.matches(url, $0) }) { return false }
            if sameHostOnly, let feedHost, let host = Self.host(of: entry.url), !Self.sameSite(host, feedHost) { return false }
            return true
        }
        if let maxPerFeed, kept.count > maxPerFeed {
            let starts = kept.map { $0.date.flatMap(FeedDates.span)?.start ?? .distantPast }
            // Newest first, ties in feed order; then the chosen ones back in feed order.
            let chosen = kept.indices.sorted { starts[$0] != starts[$1] ? starts[$0] > starts[$1] : $0 < $1 }.prefix(max(0, maxPerFeed))
            kept = chosen.sorted().map { kept[$0] }
        }
        return kept
    }

    /// Whether `url` (lowercased) matches `pattern` (lowercased): a glob when it has `*` or `?`, else a substring.
    static func matches(_ url: String, _ pattern: String) -> Bool {
        guard pattern.contains("*") || pattern.contains("?") else { return url.contains(pattern) }
        return glob(Array(url.utf8), Array(pattern.utf8))
    }

    /// Glob match with one backtrack point (the last `*`): time bounded by text × pattern length.
    private static func glob(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        var t = 0, p = 0
        var star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                t += 1
                p += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    static func host(of url: String) -> String? {
        guard let separator = url.range(of: "://") else { return nil }
        let rest = url[separator.upperBound...]
        var authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if !authority.hasPrefix("["), let colon = authority.lastIndex(of: ":") { authority = authority[..<colon] }
        var host = authority.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host.isEmpty ? nil : host
    }

    static func sameSite(_ a: String, _ b: String) -> Bool {
        a == b || a.hasSuffix("." + b) || b.hasSuffix("." + a)
    }
}

/// Parses "2d", "12h", "2026-12-01" (and full ISO dates) for `since`, against a clock value.
/// Durations: a whole number and one unit of `s`, `m` (minutes), `h`, `d`, `w`. Dates: W3C
/// datetime (`2026-12-01`, `2026-12-01T06:00:00Z`); a date alone means its start (UTC).
public enum SinceSpec {
    public static func parse(_ text: String, now: Date) -> Date? {
        let trimmed = text.feedTrimmed
        if let unit = trimmed.last, let count = Int(trimmed.dropLast()), count >= 0, count < 1_000_000 {
            let seconds: Int?
            switch unit {
            case "s": seconds = 1
            case "m": seconds = 60
            case "h": seconds = 3600
            case "d": seconds = 86400
            case "w": seconds = 7 * 86400
            default: seconds = nil
            }
            if let seconds { return now.addingTimeInterval(-Double(count * seconds)) }
        }
        guard let iso = FeedDates.w3c(trimmed) else { return nil }
        return FeedDates.span(iso)?.start
    }
}

/// robots.txt `Sitemap:` lines (absolute URLs), for a home page.
public enum RobotsSitemaps {
    /// Each `Sitemap:` line's URL (the field name in any case, comments cut), http(s) only, once each, in order.
    public static func urls(in robotsText: String) -> [String] {
        var seen = Set<String>()
        var urls: [String] = []
        for rawLine in robotsText.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":"),
                  String(line[..<colon]).feedTrimmed.lowercased() == "sitemap" else { continue }
            let value = String(line[line.index(after: colon)...]).feedTrimmed
            guard FeedURL.isPermalink(value), let url = FeedURL.documentURL(value, base: nil) else { continue }
            if seen.insert(url).inserted { urls.append(url) }
        }
        return urls
    }
}
