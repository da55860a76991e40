import CLibXML2

/// Makes the URL of one article from an `href` as a feed wrote it: resolved against the
/// document's base (RFC 3986, libxml2's xmlBuildURI), http(s) only, scheme and host lowercased,
/// percent-encoding normalized like the fetcher's (URLNormalizer), fragment and tracking
/// parameters removed.
struct FeedURL {
    var tracking: TrackingParameters

    /// The absolute http(s) URL, or nil (empty, unparsable, another scheme such as `file:` or `mailto:`).
    static func resolve(_ href: String, against base: String?) -> String? {
        let trimmed = href.feedTrimmed
        guard !trimmed.isEmpty, trimmed.utf8.count < 8192 else { return nil }
        // xmlBuildURI refuses spaces and other bytes a URI may not hold: escape them first.
        let escaped = String(decoding: URLNormalizer.percentNormalized(Array(trimmed.utf8)), as: UTF8.self)
        let built: String?
        if let base, !base.isEmpty {
            let baseEscaped = String(decoding: URLNormalizer.percentNormalized(Array(base.feedTrimmed.utf8)), as: UTF8.self)
            guard let result = xmlBuildURI(escaped, baseEscaped) else { return nil }
            built = String(cString: result)
            scour_xmlFree(result)
        } else {
            built = escaped
        }
        guard let built, let separator = built.range(of: "://") else { return nil }
        let scheme = built[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = built[separator.upperBound...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<hostEnd]
        guard !authority.isEmpty, !authority.contains("@") || authority.split(separator: "@").count == 2 else { return nil }
        return scheme + "://" + authority.lowercased() + (hostEnd == rest.endIndex ? "/" : rest[hostEnd...])
    }

    /// The article URL for `href`, or nil when it is no http(s) URL.
    func entryURL(_ href: String, base: String?) -> String? {
        guard let absolute = Self.resolve(href, against: base) else { return nil }
        let cleaned = tracking.clean(absolute)
        return URLNormalizer.wireURL(cleaned) ?? cleaned
    }

    /// A link to another feed or sitemap: resolved, fragment dropped, its query kept whole.
    static func documentURL(_ href: String, base: String?) -> String? {
        guard let absolute = resolve(href, against: base) else { return nil }
        return absolute.firstIndex(of: "#").map { String(absolute[..<$0]) } ?? absolute
    }

    /// Whether a `guid` or Atom `id` can stand for the article's URL: an absolute http(s) URL.
    static func isPermalink(_ text: String) -> Bool {
        let lowered = text.feedTrimmed.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
