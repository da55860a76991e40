/// What an author element shows as its name, read from the element's own structure: an author box
/// also holds a screen-reader phrase ("Zum Profil von jesusfreak"), a button ("Nachricht abschicken"),
/// a section link ("Salarios") and the writer's job ("Staff Writer"), none of them a name.
struct AuthorElementText: Sendable, Decodable {
    /// Class parts of text no reader sees (`sr-only`, `visually-hidden`, tooltips).
    let hiddenParts: Set<String>
    /// Class parts of a section or tag link (`article-category`, `post-tags`).
    let taxonomyParts: Set<String>
    /// Class parts of the writer's job or description (`ArticlePage-authorTitle`, `author-role`):
    /// left out only after the name itself, a link or an element whose class says `name`, gave text.
    let roleParts: Set<String>
    /// Class parts of the element holding the name (`author-name`, `fn`).
    let nameParts: Set<String>
    /// Class parts that, in one class name with an author word, make it a picture's credit
    /// (`article-header-image-author`, `photo-byline`).
    let pictureParts: Set<String>

    enum CodingKeys: String, CodingKey {
        case hiddenParts = "hidden_parts"
        case taxonomyParts = "taxonomy_parts"
        case roleParts = "role_parts"
        case nameParts = "name_parts"
        case pictureParts = "picture_parts"
    }

    static let none = AuthorElementText(hiddenParts: [], taxonomyParts: [], roleParts: [], nameParts: [], pictureParts: [])

    /// Whether one of the element's class names pairs an author word with a picture's
    /// ("article-header-image-author"): the element credits a photo, and is no author element.
    func creditsPicture(_ node: HTMLNode, authorWords: Set<String>) -> Bool {
        guard !pictureParts.isEmpty, let classes = node.attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { token in
            let parts = MarkupTokens.parts(of: String(token))
            return parts.contains(where: pictureParts.contains) && parts.contains(where: authorWords.contains)
        }
    }

    /// The element's text as `spacedText` builds it, without the parts above (their children too),
    /// nor an element whose class part is one of `dateParts` (the vocabulary's date class words:
    /// "Letzte Aktualisierung: 28.01.2022" in an `article-updated-date` is no name).
    func shownText(of node: HTMLNode, dateParts: Set<String>) -> String {
        var bytes: [UInt8] = []
        var nameStart: Int?
        node.forEachDescendant { child in
            if child.isText {
                child.withContent { content in
                    if !bytes.isEmpty { bytes.append(0x20) }
                    bytes.append(contentsOf: content)
                }
                return true
            }
            let tag = child.tag
            if tag.isNeverContent || tag == .form { return false }
            guard let classes = child.attribute("class") else {
                if tag == .a, nameStart == nil { nameStart = bytes.count }
                return true
            }
            let parts = classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .flatMap { MarkupTokens.parts(of: String($0)) }
            if parts.contains(where: { hiddenParts.contains($0) || taxonomyParts.contains($0) || dateParts.contains($0) }) { return false }
            if let start = nameStart, bytes.count > start, parts.contains(where: { roleParts.contains($0) }) { return false }
            if nameStart == nil, tag == .a || parts.contains(where: { nameParts.contains($0) }) { nameStart = bytes.count }
            return true
        }
        return MarkupScan.collapse(String(decoding: bytes, as: UTF8.self))
    }
}
