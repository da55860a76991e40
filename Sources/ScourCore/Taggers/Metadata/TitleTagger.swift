import Foundation

/// Title: the markup's title or headline first, else a heading or repeated line above the body;
/// the block the title came from (or the first that repeats it) is removed.
extension MetadataContext {
    /// The markup's title and description (the first hint of each wins).
    mutating func tagMarkupTitle() {
        for (hint, value) in markupValues([.title, .description]) {
            switch hint.field {
            case .title where meta.title == nil:
                meta.title = stage.titles.removingSectionTails(value); set("title", rule: hint.origin.description)
            case .description where meta.description == nil:
                meta.description = value; set("description", rule: hint.origin.description)
            default:
                break
            }
        }
    }

    mutating func tagTitle() {
        let limit = firstProse ?? min(document.blocks.count, 12)
        var titleIndex: Int?
        if meta.title == nil {
            titleIndex = pickTitleBlock(before: limit)
            if let index = titleIndex {
                meta.title = stage.titles.removingSectionTails(document.blocks[index].text)
                set("title", rule: document.blocks[index].kind == .heading ? "first-heading" : "leading-line", block: index)
            }
        }
        guard let title = meta.title else { return }
        let key = TextKey.letters(title)
        // Remove the block the title came from, or the first one that repeats it.
        for index in document.blocks.indices where document.blocks[index].isKept {
            let blockKey = TextKey.letters(document.blocks[index].text)
            if blockKey == key || (index == titleIndex) || (blockKey.hasPrefix(key) && blockKey.count - key.count < 40 && index < limit) {
                consume(index, rule: "title")
                break
            }
        }
    }

    func pickTitleBlock(before limit: Int) -> Int? {
        // The page's first lines (tab title) and the lines just above the body (headline).
        let upper = max(limit, 0)
        let window = Array(0..<min(10, upper)) + Array(min(upper, max(10, upper - 40))..<upper)
        let candidates = window.filter { document.blocks[$0].isKept }
        func plausible(_ index: Int) -> Bool {
            let block = document.blocks[index]
            let feature = features(index)
            return (2...30).contains(feature.words) && feature.linkDensity < 0.5 && !feature.numeric
                && !(block.text.hasSuffix(".") && feature.words > 15) && names.byline(block.text) == nil
                && stage.phrases.match(block.text, wordCount: feature.words) == nil
                && stage.dates.firstDate(in: block.text) == nil
        }
        if let heading = candidates.first(where: { document.blocks[$0].kind == .heading && document.blocks[$0].level <= 1 && plausible($0) }) {
            return heading
        }
        // A line repeated near the top is the page's title shown twice (tab title and headline).
        var seen: [String: Int] = [:]
        for index in candidates where plausible(index) {
            let key = TextKey.letters(document.blocks[index].text)
            if let first = seen[key], features(index).words >= 3 { return first }
            seen[key] = seen[key] ?? index
        }
        if let heading = candidates.first(where: { document.blocks[$0].kind == .heading && plausible($0) }) { return heading }
        // Otherwise the first plausible line, if the page starts with it (text dumps of clean articles).
        if let first = candidates.first(where: { features($0).words >= 3 }), plausible(first),
           candidates.prefix(while: { $0 != first }).allSatisfy({ features($0).words <= 2 }) {
            return first
        }
        return nil
    }
}
