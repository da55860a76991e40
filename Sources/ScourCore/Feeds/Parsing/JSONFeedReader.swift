import Foundation

/// JSON Feed 1.1 (and 1.0: `author` as one object): `items[].url` (else `id` when it is a URL),
/// `title`, `date_published` (else `date_modified`), `authors[].name`, `tags`; the feed's `title`
/// is the outlet. Relative URLs are resolved against the feed's own URL.
enum JSONFeedReader {
    static func read(_ data: Data, collector: inout EntryCollector, urls: FeedURL, dates: FeedDates) throws(FeedParseError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw malformed(error, data)
        }
        guard let feed = object as? [String: Any] else { throw .notAFeed(lookedLike: "JSON that is not an object") }
        guard let version = feed["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw .notAFeed(lookedLike: "JSON without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        guard let items = feed["items"] as? [Any] else { throw .notAFeed(lookedLike: "a JSON Feed without an \"items\" array") }
        let outlet = FeedText.plain(feed["title"] as? String)
        for case let item as [String: Any] in items {
            var url = (item["url"] as? String).flatMap { urls.entryURL($0, base: collector.feed) }
            if url == nil, let id = item["id"] as? String, FeedURL.isPermalink(id) { url = urls.entryURL(id, base: collector.feed) }
            guard let url else { continue }
            var entry = FeedEntry(url: url, feed: collector.feed, title: FeedText.plain(item["title"] as? String), outlet: outlet)
            let authorObjects = (item["authors"] as? [Any]) ?? (item["author"].map { [$0] } ?? [])
            entry.authors = RSSReader.unique(authorObjects.compactMap { ($0 as? [String: Any])?["name"] as? String }.compactMap { FeedText.plain($0) })
            entry.categories = RSSReader.unique(((item["tags"] as? [Any]) ?? []).compactMap { FeedText.plain($0 as? String) })
            if let date = (item["date_published"] as? String).flatMap(dates.normalize) {
                entry.date = date
                entry.dateEvidence = "feed:json.date_published"
            } else if let date = (item["date_modified"] as? String).flatMap(dates.normalize) {
                entry.date = date
                entry.dateEvidence = "feed:json.date_modified"
            }
            try collector.add(entry)
        }
    }

    /// Foundation's message, and the line of the byte it stopped at when it says which.
    private static func malformed(_ error: Error, _ data: Data) -> FeedParseError {
        let info = (error as NSError).userInfo
        let message = (info[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        // Foundation names the place as "around character N" (a UTF-8 offset for the text read here).
        var offset = (info["NSJSONSerializationErrorIndex"] as? Int) ?? 0
        if offset == 0, let range = message.range(of: "character ") {
            offset = Int(message[range.upperBound...].prefix(while: \.isNumber)) ?? 0
        }
        let line = data.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return .malformed(message: "invalid JSON: \(message)", line: line)
    }
}
