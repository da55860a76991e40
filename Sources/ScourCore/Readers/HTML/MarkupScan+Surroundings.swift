/// What an element's surroundings say about the dates and names in it: the label printed right
/// before a `<time>`, a microdata item of another text, a region (footer, aside, nav) whose dates
/// and names belong to other texts. Static: each answer comes from the element and its parent.
extension MarkupScan {
    /// The short text printed right before an element in its parent ("Aktualizacja: <time>"), or
    /// before the inline element wrapping it ("Opublikowano: <strong><time>"). An element between
    /// the text and the element breaks the tie; a long text is a sentence, not a label.
    static func labelBefore(_ node: HTMLNode) -> String? {
        var current = node
        for _ in 0..<2 {
            guard let parent = current.parent else { return nil }
            var label: String?
            var elementBefore = false
            var child = parent.firstChild
            var seen = 0
            while let sibling = child, sibling != current {
                seen += 1
                // Bounded: a parent with hundreds of children before the element gives no label.
                guard seen <= 32 else { return nil }
                if sibling.isText {
                    // A long text is a sentence, not a label: its length decides before any String is made.
                    if sibling.withContent({ $0.count }) > 200 {
                        label = nil
                        elementBefore = true
                    } else {
                        let text = collapse(sibling.content)
                        if !text.isEmpty { label = text }
                    }
                } else if sibling.isElement {
                    label = nil
                    elementBefore = true
                }
                child = sibling.nextSibling
            }
            if let label { return label.utf8.count <= 40 && label.contains(where: \.isLetter) ? label : nil }
            // Nothing but the element in its wrapper: the label may stand before the wrapper.
            guard !elementBefore else { return nil }
            guard parent.tag == .span || parent.hasName("strong") || parent.hasName("b") || parent.hasName("em")
                    || parent.hasName("small") else { return nil }
            current = parent
        }
        return nil
    }

    /// `<div itemprop="review" itemscope>`: a microdata item of another text inside the page (the
    /// property name, lowercased, says it; `itemscope` is not kept in the tree, see `ReadAttributes`).
    static func opensOtherItem(_ itemprop: String) -> Bool {
        itemprop.split(separator: " ").contains { otherItemProperties.contains(String($0)) }
    }

    /// `http://schema.org/Review`, `https://schema.org/Comment`: the type's last path segment, lowercased.
    static func itemTypeName(_ itemtype: String) -> String? {
        itemtype.split(separator: " ").first?.split(separator: "/").last?.lowercased()
    }

    static func isOtherItemType(_ itemtype: String) -> Bool {
        itemTypeName(itemtype).map(otherItemTypes.contains) ?? false
    }

    static let otherItemTypes: Set<String> = ["review", "comment", "answer", "usercomments"]

    /// An article's item (`NewsArticle`, `BlogPosting`) whose headline is not this page's title: a
    /// teaser's or the next story's. A ratings box's item repeating the page's own headline and
    /// date after the story (WP-PostRatings) stays this page's, as does an item with no headline.
    func isOtherStory(_ node: HTMLNode, itemtype: String) -> Bool {
        guard let type = Self.itemTypeName(itemtype), vocabulary.isArticleType(type) else { return false }
        var headline: HTMLNode?
        // The headline opens the item: a few dozen elements are enough, and a long item costs no more.
        node.forEachDescendant(limit: Self.itemHeadlineSearch) { child in
            guard headline == nil else { return false }
            if child.isElement, child.attribute("itemprop")?.lowercased().split(separator: " ").contains("headline") == true {
                headline = child
            }
            return true
        }
        guard let headline, titleText != nil else { return false }
        // `<meta itemprop="headline" content="…">` or the heading itself (a headline is short: a long
        // element's text is not built).
        let text = headline.attribute("content") ?? (headline.textBytes(upTo: 600) <= 600 ? headline.textContent : "")
        return !Self.saysTitle(text, titleText)
    }

    static let itemHeadlineSearch = 60

    static let otherItemProperties: Set<String> = ["review", "reviews", "comment", "comments", "answer",
                                                   "acceptedanswer", "suggestedanswer"]

    /// Inside comments, sidebars, footers, teasers: dates and names there belong to other texts.
    static func isSkippedTag(_ tag: HTMLTag) -> Bool {
        tag == .footer || tag == .aside || tag == .nav
    }

    /// For author hints, a footer or aside inside an `<article>`/`<main>` is the article's own.
    static func isSkippedTagForAuthors(_ tag: HTMLTag, parent: Frame?) -> Bool {
        tag == .nav || ((tag == .footer || tag == .aside) && parent?.inArticle != true)
    }
}
