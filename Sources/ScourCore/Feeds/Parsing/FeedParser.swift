import Foundation

/// Reads one fetched feed-like resource: RSS, Atom, JSON Feed, a sitemap (XML, text or gzip),
/// a sitemap index, or an HTML home page's feed links. What it is comes from the bytes (the
/// Content-Type only settles HTML against XML), since servers label feeds every which way.
public struct FeedParser: Sendable {
    public var limits: FeedLimits
    public var tracking: TrackingParameters
    var dates: FeedDates = .bundled

    public init(limits: FeedLimits = FeedLimits(), tracking: TrackingParameters = .default) {
        self.limits = limits
        self.tracking = tracking
    }

    /// `url` is where the bytes came from (the base for relative links, after redirects);
    /// `contentType` the HTTP Content-Type if any. gzip bytes (sitemap.xml.gz) are inflated here
    /// with the limit. Streaming (xmlTextReader), never a whole DOM for sitemaps.
    public func parse(_ bytes: [UInt8], url: String, contentType: String?) -> Result<FeedDocument, FeedParseError> {
        do {
            return .success(try read(bytes, url: url, contentType: contentType))
        } catch {
            return .failure(error)
        }
    }

    private func read(_ input: [UInt8], url: String, contentType: String?) throws(FeedParseError) -> FeedDocument {
        var bytes = input
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            switch Gzip.decompress(bytes, limit: limits.maxBytes) {
            case let .success(inflated): bytes = inflated
            case .failure(.tooLarge): throw .tooLarge(limit: limits.maxBytes)
            case let .failure(error): throw .badGzip(error.description)
            }
        }
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(limit: limits.maxBytes) }
        var converted = false
        if let utf8 = FeedSniffer.utf16AsUTF8(bytes) {
            bytes = utf8
            converted = true
        }
        var collector = EntryCollector(feed: url, limit: limits.maxEntries)
        let urls = FeedURL(tracking: tracking)
        switch FeedSniffer.kind(of: bytes, contentType: contentType) {
        case .json:
            try JSONFeedReader.read(Data(bytes), collector: &collector, urls: urls, dates: dates)
            return .entries(collector.entries)
        case .html:
            return .homePage(feeds: HomePageFeedLinks.read(bytes, url: url, limit: limits.maxHomePageFeeds))
        case .text:
            try bytes.withUnsafeBufferPointer { (buffer) throws(FeedParseError) in
                try TextSitemapReader.read(buffer, collector: &collector, urls: urls)
            }
            return .entries(collector.entries)
        case let .other(lookedLike):
            throw .notAFeed(lookedLike: lookedLike)
        case .xml:
            return try bytes.withUnsafeBufferPointer { (buffer) throws(FeedParseError) in
                try readXML(buffer, bytes: bytes, url: url, converted: converted, collector: collector, urls: urls)
            }
        }
    }

    /// The root element picks the reader; the document is then streamed through it.
    private func readXML(_ buffer: UnsafeBufferPointer<UInt8>, bytes: [UInt8], url: String, converted: Bool,
                         collector: EntryCollector, urls: FeedURL) throws(FeedParseError) -> FeedDocument {
        if let refusal = XMLEntityGuard.check(buffer) { throw refusal }
        guard let probe = XMLStream(buffer, url: url, forceUTF8: converted) else { throw .notAFeed(lookedLike: "an empty document") }
        let root = try probe.rootElement()
        guard let stream = XMLStream(buffer, url: url, forceUTF8: converted) else { throw .notAFeed(lookedLike: "an empty document") }
        switch (root.name, root.namespace) {
        case ("rss", _), ("RDF", FeedNamespace.rdf):
            var reader = RSSReader(collector: collector, urls: urls, dates: dates)
            try stream.run(&reader)
            return .entries(reader.collector.entries)
        case ("feed", FeedNamespace.atom):
            var reader = AtomReader(collector: collector, urls: urls, dates: dates)
            try stream.run(&reader)
            return .entries(reader.collector.entries)
        case ("urlset", _), ("sitemapindex", _):
            var reader = SitemapReader(collector: collector, urls: urls, dates: dates, isIndex: root.name == "sitemapindex")
            try stream.run(&reader)
            return reader.isIndex ? .sitemapIndex(reader.children) : .entries(reader.collector.entries)
        case ("html", _):
            return .homePage(feeds: HomePageFeedLinks.read(bytes, url: url, limit: limits.maxHomePageFeeds))
        case ("feed", let namespace):
            throw .notAFeed(lookedLike: "a <feed> outside the Atom 1.0 namespace (\(namespace.isEmpty ? "none" : namespace))")
        default:
            throw .notAFeed(lookedLike: "XML whose root element is <\(root.name)>")
        }
    }
}
