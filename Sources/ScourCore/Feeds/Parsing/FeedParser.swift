/// Reads one fetched feed-like resource: RSS, Atom, JSON Feed, a sitemap (XML, text or gzip),
/// a sitemap index, or an HTML home page's feed links.
public struct FeedParser: Sendable {
    public var limits: FeedLimits
    public var tracking: TrackingParameters

    public init(limits: FeedLimits = FeedLimits(), tracking: TrackingParameters = .default) {
        self.limits = limits
        self.tracking = tracking
    }

    /// `url` is where the bytes came from (the base for relative links, after redirects);
    /// `contentType` the HTTP Content-Type if any. gzip bytes (sitemap.xml.gz) are inflated here
    /// with the limit. Streaming (xmlTextReader), never a whole DOM for sitemaps.
    public func parse(_ bytes: [UInt8], url: String, contentType: String?) -> Result<FeedDocument, FeedParseError> {
        .failure(.notAFeed(lookedLike: "parser not written yet"))
    }
}
