/// The feeds an HTML page announces: `<link rel="alternate" type="application/rss+xml |
/// application/atom+xml | application/feed+json" href>`, resolved against `<base href>` (itself
/// resolved against the page's URL) or the page's URL. Parsed by libxml2's HTML parser (HTMLTree).
enum HomePageFeedLinks {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"]

    static func read(_ bytes: [UInt8], url: String, limit: Int) -> [String] {
        guard let tree = HTMLTree.parse(bytes, encoding: "UTF-8"), let root = tree.root else { return [] }
        var base: String?
        var hrefs: [String] = []
        visit(root) { node in
            switch node.name {
            case "base":
                if base == nil, let href = node.attribute("href") { base = FeedURL.documentURL(href, base: url) }
            case "link":
                let rel = (node.attribute("rel") ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                let type = (node.attribute("type") ?? "").lowercased().split(separator: ";").first.map { String($0).feedTrimmed } ?? ""
                if rel.contains("alternate"), feedTypes.contains(type), let href = node.attribute("href") { hrefs.append(href) }
            default:
                break
            }
        }
        var seen = Set<String>()
        var feeds: [String] = []
        for href in hrefs {
            guard feeds.count < limit, let resolved = FeedURL.documentURL(href, base: base ?? url) else { continue }
            if seen.insert(resolved).inserted { feeds.append(resolved) }
        }
        return feeds
    }

    /// Every element in document order (a page may have more than one top-level element).
    private static func visit(_ root: HTMLNode, _ body: (HTMLNode) -> Void) {
        var top: HTMLNode? = root
        while let node = top {
            if node.isElement { body(node) }
            node.forEachDescendant { child in
                if child.isElement { body(child) }
                return true
            }
            top = node.nextSibling
        }
    }
}
