/// A plain-text sitemap: one URL a line (sitemaps.org), blank lines and lines that are no
/// http(s) URL skipped. Read line by line over the bytes.
enum TextSitemapReader {
    /// Whether the text starts (after blank lines) with an http(s) URL.
    static func looksLikeOne(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        let head = String(decoding: bytes[index..<min(bytes.count, index + 8)], as: UTF8.self).lowercased()
        return head.hasPrefix("http://") || head.hasPrefix("https://")
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, collector: inout EntryCollector, urls: FeedURL) throws(FeedParseError) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self).feedTrimmed
            if FeedURL.isPermalink(line), let url = urls.entryURL(line, base: nil) {
                try collector.add(FeedEntry(url: url, feed: collector.feed))
            }
            start = end + 1
        }
    }
}
