import Foundation

/// Links that name an article's author: a profile the markup points at, a link into the site's
/// author pages (`/author/…`).
extension MarkupScan {
    mutating func readAuthorLink(_ node: HTMLNode, skipped: Bool, authorSkipped: Bool) {
        guard let href = node.attribute("href") else { return }
        if !authorProfiles.isEmpty, !skipped, let hrefKey = Self.profileKey(href),
           let match = authorProfiles.firstIndex(where: { $0.url == hrefKey || (hrefKey.hasPrefix("/") && hrefKey.count > 2 && $0.url.hasSuffix(hrefKey)) }),
           let text = Self.shortLineText(node), Self.readsAsFullName(text) {
            let profile = authorProfiles.remove(at: match)
            add(.author, text, origin: .init(.meta(profile.key)), rank: profile.rank)
        }
        // A link into the author pages right under the headline is the article's byline, even in a
        // meta row whose class names comment or social widgets ("entry-meta nyo-social-comments");
        // in a `<nav>`, or an `<aside>` or `<footer>` outside the article, it is not.
        let classSkipOnly = path.last?.inSkippedTagForAuthors == false
        guard authorLinkCount < 3, !authorSkipped || seenHeadline && inArticleHeader && classSkipOnly else { return }
        if Self.hasPathSegment(href, in: vocabulary.authorPathSegmentBytes), let text = Self.shortLineText(node) {
            authorLinkCount += 1
            add(.author, text, origin: .init(.visibleText(.authorLink)), rank: MarkupRank.authorLink)
        }
    }
}
