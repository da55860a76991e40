import Foundation

/// Links that name an article's author: a profile the markup points at, a link into the site's
/// author pages (`/author/…`); and when author markup and author elements make one byline's list.
extension MarkupScan {
    /// Where the last author of one kind of markup was taken, as `textBytesRead` then. A byline's
    /// authors stand a few words apart ("<a rel=author>A</a>, <a rel=author>B</a>"); the same markup
    /// after a story's worth of text, in a teaser list's items, names other texts' writers, and would
    /// make the list every teaser's.
    struct AuthorBoxes {
        var microdata: Int?
        var relAuthor: Int?
    }

    /// Text bytes between two authors of one byline: names, separators, a place or a role.
    static let authorListGap = 200

    /// Whether the element being read stands within `authorListGap` text bytes of the last author
    /// of its kind taken (the first one always does), and if so, makes it the last one.
    mutating func nearLastAuthor(_ kind: WritableKeyPath<AuthorBoxes, Int?>) -> Bool {
        if let at = authorBoxes[keyPath: kind], textBytesRead - at > Self.authorListGap { return false }
        authorBoxes[keyPath: kind] = textBytesRead
        return true
    }

    /// An author element offered as a candidate: its class, where its text ends, and its candidate's index.
    struct ShownAuthor {
        let classes: String
        var end: Int
        var index: Int

        init(_ node: HTMLNode, text: String, endsAt start: Int, index: Int) {
            classes = node.attribute("class") ?? ""
            end = start + text.utf8.count
            self.index = index
        }
    }

    /// Text bytes between two author elements of one byline: a separator (" | ", ", ", " und ").
    static let bylineJoinGap = 12

    /// "<span class=author>Julia Vergin</span> | <span class=author>Clare Roth</span>": an author element
    /// of the same class as the last one, a separator after it, names a second writer of the same byline.
    /// Its text joins the last candidate's value as a list (the scan offers a visible element alone).
    mutating func joinsLastShownAuthor(_ node: HTMLNode, _ text: String) -> Bool {
        guard let last = lastShownAuthor, !last.classes.isEmpty, last.index < candidates.count,
              textBytesRead >= last.end, textBytesRead - last.end <= Self.bylineJoinGap,
              node.attribute("class") == last.classes else { return false }
        // (A full name: one word there is the dateline's place, "PTI, Washington".)
        let shown = Self.collapse(text)
        guard shown.split(separator: " ").count >= 2 else { return false }
        candidates[last.index].hint.value += ", " + shown
        lastShownAuthor?.end = textBytesRead + text.utf8.count
        return true
    }

    /// A link into the author pages, or a `rel=author` link, right under the headline is the article's
    /// byline, even in a meta row whose class names comment or social widgets ("entry-meta
    /// nyo-social-comments", "social_icons"); in a `<nav>`, or an `<aside>` or `<footer>` outside the
    /// article, it is not.
    var inClassSkippedHeader: Bool { seenHeadline && inArticleHeader && path.last?.inSkippedTagForAuthors == false }

    mutating func readAuthorLink(_ node: HTMLNode, skipped: Bool, authorSkipped: Bool) {
        guard let href = node.attribute("href") else { return }
        if !authorProfiles.isEmpty, !skipped, let hrefKey = Self.profileKey(href),
           let match = authorProfiles.firstIndex(where: { $0.url == hrefKey || (hrefKey.hasPrefix("/") && hrefKey.count > 2 && $0.url.hasSuffix(hrefKey)) }),
           let text = Self.shortLineText(node), Self.readsAsFullName(text) {
            let profile = authorProfiles.remove(at: match)
            add(.author, text, origin: .init(.meta(profile.key)), rank: profile.rank)
        }
        guard (seenHeadline ? authorLinkCount : authorLinksAboveHeadline) < 3, !authorSkipped || inClassSkippedHeader else { return }
        if Self.hasPathSegment(href, in: vocabulary.authorPathSegmentBytes, named: true), let text = Self.shortLineText(node) {
            if seenHeadline { authorLinkCount += 1 } else { authorLinksAboveHeadline += 1 }
            // Above the headline such a link is mostly a teaser's or a top bar's: the story's own come first.
            add(.author, text, origin: .init(.visibleText(.authorLink)), rank: seenHeadline ? MarkupRank.authorLink : MarkupRank.authorLinkAboveHeadline)
        }
    }
}
