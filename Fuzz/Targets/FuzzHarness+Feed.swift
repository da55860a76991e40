import ScourCore

extension FuzzHarness {
    /// The bytes as a feed from an https URL, as served (no Content-Type) and labelled HTML. Each
    /// parse ends in a document or a reason; entries must be absolute http(s) URLs without a
    /// fragment, each once, no more than the limit.
    func feed(_ bytes: [UInt8], _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        let limits = FeedLimits(maxBytes: maxBytes, maxEntries: 1_000)
        let parser = FeedParser(limits: limits)
        for contentType in [nil, "text/html"] as [String?] {
            switch parser.parse(bytes, url: "https://fuzz.example.com/feeds/feed.xml", contentType: contentType) {
            case let .failure(error):
                try note(error.description, .feed, &outcome)
            case let .success(document):
                try check(document, limits)
                outcome.written += 1
            }
        }
    }

    private func check(_ document: FeedDocument, _ limits: FeedLimits) throws(FuzzViolation) {
        let urls: [String]
        switch document {
        case let .entries(entries): urls = entries.map(\.url)
        case let .sitemapIndex(children): urls = children
        case let .homePage(feeds): urls = feeds
        }
        guard urls.count <= limits.maxEntries else { throw .feedRule("\(urls.count) URLs over the limit") }
        guard Set(urls).count == urls.count else { throw .feedRule("a URL listed twice") }
        for url in urls {
            let lowered = url.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { throw .feedRule("not http(s): \(url)") }
            guard !url.contains("#") else { throw .feedRule("a fragment kept: \(url)") }
        }
    }
}
