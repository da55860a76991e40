/// What an author element shows as its name, read from the element's own structure: an author box
/// also holds a screen-reader phrase ("Zum Profil von jesusfreak"), a button ("Nachricht abschicken"),
/// a section link ("Salarios") and the writer's job ("Staff Writer"), none of them a name.
struct AuthorElementText: Sendable, Decodable {
    /// Class parts of text no reader sees (`sr-only`, `visually-hidden`, tooltips).
    let hiddenParts: Set<String>
    /// Class parts of a section or tag link (`article-category`, `post-tags`).
    let taxonomyParts: Set<String>
    /// Class parts of the writer's job, description or profile links (`ArticlePage-authorTitle`, `author-social`):
    /// left out only after the name itself, a link or an element whose class says `name`, gave text.
    let roleParts: Set<String>
    /// Role parts that, after an author word in one class name, make the element the writer's job.
    let roleEndParts: Set<String>
    /// Class parts of the element holding the name (`author-name`, `fn`).
    let nameParts: Set<String>
    /// Class parts that, in one class name with an author word, make it a picture's credit
    /// (`article-header-image-author`, `photo-byline`).
    let pictureParts: Set<String>

    enum CodingKeys: String, CodingKey {
        case hiddenParts = "hidden_parts"
        case taxonomyParts = "taxonomy_parts"
        case roleParts = "role_parts"
        case roleEndParts = "role_end_parts"
        case nameParts = "name_parts"
        case pictureParts = "picture_parts"
    }

    init(hiddenParts: Set<String>, taxonomyParts: Set<String>, roleParts: Set<String>, roleEndParts: Set<String> = [],
         nameParts: Set<String>, pictureParts: Set<String>) {
        self.hiddenParts = hiddenParts
        self.taxonomyParts = taxonomyParts
        self.roleParts = roleParts
        self.roleEndParts = roleEndParts
        self.nameParts = nameParts
        self.pictureParts = pictureParts
    }

    /// A list missing from an older data folder leaves its part out.
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list(_ key: CodingKeys) throws -> Set<String> { try container.decodeIfPresent(Set<String>.self, forKey: key) ?? [] }
        self.init(hiddenParts: try list(.hiddenParts), taxonomyParts: try list(.taxonomyParts), roleParts: try list(.roleParts),
                  roleEndParts: try list(.roleEndParts), nameParts: try list(.nameParts), pictureParts: try list(.pictureParts))
    }

    static let none = AuthorElementText(hiddenParts: [], taxonomyParts: [], roleParts: [], nameParts: [], pictureParts: [])

    /// Whether one of the element's class names pairs an author word with a picture's
    /// ("article-header-image-author"): the element credits a photo, and is no author element.
    func creditsPicture(_ node: HTMLNode, authorWords: Set<String>) -> Bool {
        guard !pictureParts.isEmpty else { return false }
        // The picture word comes first ("image-author", "photo-byline"); "byline--with-image" is a byline.
        return Self.anyClassName(of: node) { parts in
            guard let picture = parts.firstIndex(where: pictureParts.contains),
                  let author = parts.firstIndex(where: authorWords.contains) else { return false }
            return picture < author
        }
    }

    /// Whether the element's own class has a hidden part (`screen-reader-text`), or it is hidden from
    /// screen readers (`aria-hidden="true"`, a closed dialog "modal__email-author"): an author element
    /// (by its id, "author-flyout-label") no one sees holds a phrase for screen readers ("Social Links
    /// for …") or a form's message ("Back to Reading"), not the byline.
    func isHidden(_ node: HTMLNode) -> Bool {
        if let aria = node.attribute("aria-hidden"), MarkupBytes.lowercased(aria, hasToken: "true") { return true }
        return !hiddenParts.isEmpty && Self.classParts(of: node)?.contains(where: hiddenParts.contains) == true
    }

    /// Whether one of the element's class names is an author word's job: a role-end part follows the
    /// author word and no name part ends the name ("c-author__position", "author-job",
    /// "e-byline__job-title", but not "author-bio-name" nor "author-profile-title", which may hold the
    /// name). Such an element shows the writer's job ("Leitender Wirtschaftsredakteur"), never the
    /// name, and inside the author box it must not be offered as the box's tighter value.
    func namesRole(_ node: HTMLNode, authorWords: Set<String>) -> Bool {
        guard !roleEndParts.isEmpty else { return false }
        return Self.anyClassName(of: node) { parts in
            guard let last = parts.last, !nameParts.contains(last),
                  let author = parts.firstIndex(where: authorWords.contains) else { return false }
            return parts[(author + 1)...].contains(where: roleEndParts.contains)
        }
    }

    /// Whether one of the element's class names, as its parts ("article-header-image-author" →
    /// article, header, image, author), passes `test`. False without a class.
    static func anyClassName(of node: HTMLNode, _ test: ([String]) -> Bool) -> Bool {
        guard let classes = node.attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { test(MarkupTokens.parts(of: String($0))) }
    }

    /// Whether the element's own class names a date ("byline-timestamp", "author-date") while it
    /// holds no link or name element: it shows when, not who (as `shownText` leaves such a child out).
    func namesDate(_ node: HTMLNode, dateParts: Set<String>) -> Bool {
        guard let parts = Self.classParts(of: node), parts.contains(where: dateParts.contains) else { return false }
        return !holdsName(node)
    }

    /// The element's text, its text nodes joined by spaces as `spacedText` joins them, without
    /// never-content elements, forms, and elements whose class has a hidden or taxonomy part, or a
    /// date part (`dateParts`, the vocabulary's date class words: "Letzte Aktualisierung: 28.01.2022"
    /// in an `article-updated-date`) while holding no link or name element; nor, once a link or
    /// name element showed text, an element whose class has a role part.
    func shownText(of node: HTMLNode, dateParts: Set<String>) -> String {
        var bytes: [UInt8] = []
        var nameShown = false
        var lineEnded = false
        node.forEachDescendant { child in
            guard !lineEnded else { return false }
            if child.isText {
                child.withContent { content in
                    if !bytes.isEmpty { bytes.append(0x20) }
                    bytes.append(contentsOf: content)
                }
                return true
            }
            let tag = child.tag
            // "By ANDREW DALTON<br>AP Entertainment Writer": a line break after a name's words ends the
            // name's line; the next one holds the job, the place or the date. ("Von<br>Max Muster" goes on.)
            if tag == .br, bytes.split(separator: 0x20).count >= 2 { lineEnded = true; return false }
            if tag.isNeverContent || tag == .form { return false }
            guard let parts = Self.classParts(of: child) else {
                if tag == .a, !nameShown { nameShown = Self.showsText(child) }
                return true
            }
            if parts.contains(where: { hiddenParts.contains($0) || taxonomyParts.contains($0) }) { return false }
            if parts.contains(where: dateParts.contains), !holdsName(child) { return false }
            if nameShown, parts.contains(where: { roleParts.contains($0) }) { return false }
            if !nameShown, tag == .a || parts.contains(where: { nameParts.contains($0) }) { nameShown = Self.showsText(child) }
            return true
        }
        return MarkupScan.collapse(String(decoding: bytes, as: UTF8.self))
    }

    /// The texts of the element's innermost elements in page order, at most `limit` of them, each
    /// collapsed: names in spans of their own ("Birgit Baumann", "Anna Giulia Fink", …) or a name in
    /// `<strong>` before its job as bare text. Left out as `shownText` leaves them out, and also
    /// role parts. Nil for more than `limit`, or none, or when bare text other than separators comes
    /// before one of them: "Publicado por <a>A</a> La información es de <a>B</a>" credits B as the
    /// source, "TIMESOFINDIA.COM / <span>Dec 6, 2020</span>" holds a date.
    func innermostTexts(of node: HTMLNode, dateParts: Set<String>, limit: Int = 4) -> [String]? {
        var texts: [String] = []
        var failed = false
        var bareText = false
        node.forEachDescendant { child in
            guard !failed else { return false }
            if child.isText {
                if !bareText { child.withContent { bareText = $0.contains { $0 >= 0x80 || ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 } } }
                return false
            }
            guard child.isElement else { return false }
            let tag = child.tag
            if tag.isNeverContent || tag == .form { return false }
            if let parts = Self.classParts(of: child), parts.contains(where: {
                hiddenParts.contains($0) || taxonomyParts.contains($0) || roleParts.contains($0) || dateParts.contains($0)
            }) { return false }
            var holdsElement = false
            var grandchild = child.firstChild
            while let current = grandchild, !holdsElement {
                holdsElement = current.isElement && current.tag != .br
                grandchild = current.nextSibling
            }
            if holdsElement { return true }
            let text = MarkupScan.collapse(child.textContent)
            guard !text.isEmpty else { return false }
            if texts.count == limit || bareText { failed = true } else { texts.append(text) }
            return false
        }
        return failed || texts.isEmpty ? nil : texts
    }

    /// Whether the element holds text other than white space.
    static func showsText(_ node: HTMLNode) -> Bool {
        var shown = false
        node.forEachDescendant { child in
            guard !shown else { return false }
            if child.isText {
                child.withContent { shown = $0.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D } }
            }
            return true
        }
        return shown
    }

    /// Whether the element is, or holds, a link or an element whose class says `name`
    /// ("byline-data" holding "By <a>Jane Doe</a>").
    func holdsName(_ node: HTMLNode) -> Bool {
        var found = node.tag == .a
        node.forEachDescendant { child in
            guard !found else { return false }
            if child.tag == .a || Self.classParts(of: child)?.contains(where: nameParts.contains) == true { found = true }
            return true
        }
        return found
    }

    /// The parts of all the element's class names ("ArticlePage-authorTitle byline" → article, page,
    /// author, title, byline): white space separates parts as '-' does. Nil without a class.
    static func classParts(of node: HTMLNode) -> [String]? {
        node.attribute("class").map(MarkupTokens.parts(of:))
    }
}
