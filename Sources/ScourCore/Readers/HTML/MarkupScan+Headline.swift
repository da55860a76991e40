import Foundation

/// The page's headline when class words around it would skip it: a layout's or page builder's
/// wrappers (`st-sidebar__main`, `widget`) may hold the story itself.
extension MarkupScan {
    /// Whether the element's words are the `<title>`'s: at least three, four in five of them in the
    /// title, and more than half the title's words (a logo's site name matches only the title's tail).
    static func saysTitle(_ node: HTMLNode, _ title: String?) -> Bool {
        guard node.textBytes(upTo: 600) <= 600 else { return false }
        return saysTitle(node.textContent, title)
    }

    static func saysTitle(_ text: String, _ title: String?) -> Bool {
        guard let title else { return false }
        let titleWords = Self.titleWords(title)
        let headline = Self.titleWords(text)
        guard headline.count >= 3 else { return false }
        let inTitle = Set(titleWords), inHeadline = Set(headline)
        return headline.filter(inTitle.contains).count * 5 >= headline.count * 4
            && titleWords.filter(inHeadline.contains).count * 2 > titleWords.count
    }

    /// Whether the host of the page's address spells the name: its letters without accents are the
    /// host's label before the top-level domain ("Seznam Zprávy" on www.seznamzpravy.cz).
    static func hostSpells(_ name: String, url: String?) -> Bool {
        guard let url, let host = URLComponents(string: url)?.host?.lowercased(), let label = TextKey.hostLabel(host) else { return false }
        let key = TextKey.letters(name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
        return key.count >= 3 && key == label
    }

    /// Lowercased runs of letters and digits (Unicode: titles are in any script).
    static func titleWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Clears, on every open element, the skip bits that the headline's class-skipped ancestors set:
    /// what follows the headline inside them is read as the page's own.
    mutating func liftSkipsHoldingHeadline() {
        for depth in path.indices where path[depth].skipClassBits & 1 != 0 {
            for below in depth..<min(depth + 5, path.count) {
                path[below].skipClassBits &= ~(UInt8(1) << UInt8(below - depth))
            }
        }
    }
}
