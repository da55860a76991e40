import Foundation

/// Elements whose class names a byline ("author-name", "byline"): what each offers as its name, and
/// in which order when one sits inside another.
extension MarkupScan {
    /// Offers an author element's shown text (and, when that is too long for one name, its innermost
    /// elements' texts as a list), unless it credits a picture, names the writer's job or a date, or no
    /// one sees it. At most six author elements are read.
    mutating func readAuthorElement(_ node: HTMLNode, tag: HTMLTag) {
        // (A button or form is no name however its class reads: "author-form-submit".)
        guard authorClassCount < 6, !tag.isNeverContent, tag != .form,
           !vocabulary.authorText.creditsPicture(node, authorWords: vocabulary.authorClassWords),
           !vocabulary.authorText.namesRole(node, authorWords: vocabulary.authorClassWords),
           !vocabulary.authorText.namesDate(node, dateParts: vocabulary.dateClassWords),
           !vocabulary.authorText.isHidden(node), Self.shortLineText(node) != nil else { return }
        authorClassCount += 1
        let count = candidates.count
        let text = vocabulary.authorText.shownText(of: node, dateParts: vocabulary.dateClassWords)
        if !joinsLastShownAuthor(node, text) {
            add(.author, text, origin: .init(.visibleText(.authorClass)), rank: MarkupRank.authorClassElement)
            // Too long for one name ("Birgit Baumann Anna Giulia Fink Jan Michael Marchart"): its
            // innermost elements' texts next, as one list, in case each holds a name.
            if text.utf8.count > 12, text.split(separator: " ").count > 5,
               let inner = vocabulary.authorText.innermostTexts(of: node, dateParts: vocabulary.dateClassWords) {
                add(.author, inner.joined(separator: ", "), origin: .init(.visibleText(.authorClass)), rank: MarkupRank.authorClassElement)
            }
            // An author element inside the previous one ("Von <span class=author>X</span>, 18. Oktober")
            // is the tighter value: offer it first. Several inside it keep their order: the name comes
            // before the job and the follow button ("author-name", then "author-info").
            var index = count
            let added = candidates.count - count
            if added > 0, let outer = lastAuthorElement, outer.depth < path.count,
               path[outer.depth].serial == outer.serial {
                index = outer.index
                let offered = Array(candidates[count...])
                candidates.removeLast(added)
                candidates.insert(contentsOf: offered, at: index)
                lastAuthorElement?.index += added
                if let last = lastShownAuthor, last.index >= index { lastShownAuthor?.index += added }
            } else if added > 0 {
                lastAuthorElement = (path.count, elementCount, count)
            }
            if added > 0 { lastShownAuthor = ShownAuthor(node, text: text, endsAt: textBytesRead, index: index) }
        }
    }

    /// The texts of the links an author's name element is made of, when there are two or more and
    /// they are all its text ("Scott Gilbertson" and "Gear Team", each linking to its author page,
    /// shown side by side): each link one person.
    static func linkedNames(in node: HTMLNode, text: String) -> [String]? {
        guard isShortLine(text) else { return nil }
        var names: [String] = []
        node.forEachDescendant(limit: 200) { child in
            guard child.isElement, child.tag == .a else { return true }
            names.append(collapse(child.textContent))
            return false
        }
        guard names.count >= 2, !names.contains(where: \.isEmpty),
              TextKey.letters(names.joined()) == TextKey.letters(text) else { return nil }
        return names
    }
}
