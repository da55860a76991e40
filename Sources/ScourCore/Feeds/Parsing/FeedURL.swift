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
        let escaped = escapedForURI(trimmed)
        let built: String
        if let base, !base.isEmpty, !isAbsoluteHTTP(escaped) {
            guard let result = xmlBuildURI(escaped, escapedForURI(base.feedTrimmed)) else { return nil }
            built = String(cString: result)
            scour_xmlFree(result)
        } else {
            built = escaped
        }
        guard let separator = schemeEnd(built) else { return nil }
        let scheme = built[..<separator].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = built[built.utf8.index(separator, offsetBy: 3)...]
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<hostEnd]
        guard !authority.isEmpty, !authority.contains("@") || authority.split(separator: "@").count == 2 else { return nil }
        return scheme + "://" + authority.lowercased() + (hostEnd == rest.endIndex ? "/" : rest[hostEnd...])
    }

    /// The text with bytes a URI may not hold percent-encoded (URLNormalizer's rule), copied only when there are any.
    private static func escapedForURI(_ text: String) -> String {
        let clean = text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !unsafeInURI[Int($0)] }
        return clean ? text : String(decoding: URLNormalizer.percentNormalized(Array(text.utf8)), as: UTF8.self)
    }

    /// `"<>\^`{|}`, the ASCII bytes besides controls and space that URLNormalizer encodes, and `%`,
    /// whose escapes it normalizes.
    private static let unsafeInURI: [Bool] = (0..<128).map { #""<>\^`{|}%"#.utf8.contains(UInt8($0)) }

    /// Where `://` starts, when the text before it is a scheme (letters, digits, `+`, `-`, `.`).
    private static func schemeEnd(_ text: String) -> String.Index? {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ":") {
                let rest = utf8[index...]
                return rest.starts(with: "://".utf8) && index != utf8.startIndex ? index : nil
            }
            let isSchemeByte = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard isSchemeByte else { return nil }
            index = utf8.index(after: index)
        }
        return nil
    }

    /// An absolute http(s) URL needs no base (the common case in sitemaps): xmlBuildURI is skipped.
    private static func isAbsoluteHTTP(_ text: String) -> Bool {
        guard let end = schemeEnd(text) else { return false }
        let scheme = text[..<end].lowercased()
        return scheme == "http" || scheme == "https"
    }

    /// The article URL for `href`, or nil when it is no http(s) URL.
    func entryURL(_ href: String, base: String?) -> String? {
        guard let absolute = Self.resolve(href, against: base) else { return nil }
        let cleaned = tracking.clean(absolute)
        // URLNormalizer changes escapes, bytes a URL may not hold and dot segments: without any, nothing.
        if Self.escapedForURI(cleaned) == cleaned, !cleaned.contains("/.") { return cleaned }
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
