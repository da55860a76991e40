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

    /// `http://schema.org/Review`, `https://schema.org/Comment`: the type's last path segment.
    static func isOtherItemType(_ itemtype: String) -> Bool {
        guard let last = itemtype.split(separator: " ").first?.split(separator: "/").last else { return false }
        return otherItemTypes.contains(last.lowercased())
    }

    static let otherItemTypes: Set<String> = ["review", "comment", "answer", "usercomments"]

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
