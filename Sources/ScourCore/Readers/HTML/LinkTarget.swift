/// Where a link leads, next to the page's own address: whether a date inside it is another
/// story's. Read on the `href` bytes (a page has hundreds of links), with no String made.
enum LinkTarget {
    /// The path of an address, lowercased, without scheme, host, query, fragment or trailing
    /// slashes ("https://www.x.com/News/A/?p=1" → "/news/a"); nil for a relative path without
    /// a leading "/" (it cannot be compared) and for what is no web address.
    static func path(_ raw: UnsafeBufferPointer<UInt8>) -> ArraySlice<UInt8>? {
        var start = 0, end = raw.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(raw[start]) { start += 1 }
        while end > start, isSpace(raw[end - 1]) { end -= 1 }
        if let cut = raw[start..<end].firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { end = cut }
        if let scheme = MarkupBytes.schemeEnd(raw, from: start, to: end) {
            // Past the host: the path starts at the next "/" (none: the site's home page).
            start = raw[scheme..<end].firstIndex(of: 0x2F) ?? end
        } else if start >= end || raw[start] != 0x2F {
            return nil
        }
        while end > start, raw[end - 1] == 0x2F { end -= 1 }
        return ArraySlice(raw[start..<end].map(ASCIIText.fold))
    }

    /// Whether the link leads to another story than the page at `page` (a path from `path`): not
    /// the page itself, not a date archive ("/2019/10/19": a post's date links to its day), not
    /// an author's page (whose link may wrap the byline and its date).
    static func leadsElsewhere(_ href: UnsafeBufferPointer<UInt8>, page: ArraySlice<UInt8>, authorSegments: [[UInt8]]) -> Bool {
        guard let target = path(href), target != page else { return false }
        let last = target.split(separator: 0x2F).last ?? []
        if last.count <= 4, last.allSatisfy({ $0 &- 0x30 < 10 }) { return false }
        return !MarkupScan.hasPathSegment(bytes: href, in: authorSegments)
    }
}
