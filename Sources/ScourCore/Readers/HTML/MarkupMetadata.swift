/// Metadata candidates read from a page's markup (JSON-LD, OpenGraph, `<meta>`,
/// `<time>`, `rel=author`, itemprop, canonical link, `<html lang>`, `<title>`),
/// best first per field, each naming where it came from. The metadata stage
/// takes them before the visible-text rules.
public enum MarkupMetadata {
    /// Hints for `MetadataStage`: fields `title`, `authors`, `date`, `modified`, `outlet`,
    /// `url`, `language`, `tags`, `section`, `description`.
    public static func hints(in tree: HTMLTree) -> [MarkupHint] {
        var hints: [MarkupHint] = []
        guard let root = tree.root else { return hints }
        if let lang = root.attribute("lang"), !lang.isEmpty {
            hints.append(MarkupHint(field: "language", value: String(lang.prefix(2)).lowercased(), origin: "html[lang]"))
        }
        root.forEachDescendant { node in
            guard node.isElement else { return false }
            if node.tag == .title {
                hints.append(MarkupHint(field: "title", value: node.textContent, origin: "title"))
            }
            return node.tag != .body
        }
        return hints
    }
}
