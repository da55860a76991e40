import Foundation

/// Title: the markup's title or headline first, else a heading or repeated line above the body;
/// the block the title came from (or the first that repeats it) is removed.
extension MetadataContext {
    /// The markup's title and description (the first hint of each wins).
    mutating func tagMarkupTitle() {
        for (hint, value) in markupValues([.title, .description]) {
            switch hint.field {
            case .title where meta.title == nil:
                meta.title = withoutHostSpelledTail(stage.titles.removingSectionTails(value)); set("title", rule: hint.origin.description)
            case .description where meta.description == nil:
                meta.description = value; set("description", rule: hint.origin.description)
            default:
                break
            }
        }
    }

    /// "„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung" on tageszeitung.it, with no site
    /// name in the markup to say so: a last part after a strong separator that spells the host's own
    /// name (its label before the top-level domain, four letters or more), when the headline before
    /// it does not, is the site's name.
    func withoutHostSpelledTail(_ title: String) -> String {
        // A site the markup names (og:site_name, a publisher; not `<title>`'s own tail) is cut by its name elsewhere.
        guard !document.markupHints.contains(where: { $0.field == .outlet && $0.origin.source != .titleElement }) else { return title }
        // The host's own name ("tageszeitung" of www.tageszeitung.it), four letters or more.
        let labels = pageHosts().compactMap(TextKey.hostLabel).filter { $0.count >= 4 }
        guard !labels.isEmpty else { return title }
        for separator in stage.titles.texts(for: .shortTail) {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]), tail = String(title[range.upperBound...])
            // A name has no figures: "comwrap auf der DMEXCO 2018" is the headline's own end.
            guard (1...6).contains(tail.split(separator: " ").count), !tail.contains(where: \.isNumber),
                  head.split(separator: " ").count >= 2 else { continue }
            let tailKey = TextKey.letters(tail), headKey = TextKey.letters(head)
            if labels.contains(where: { tailKey.contains($0) }), !labels.contains(where: { headKey.contains($0) }) {
                return head.trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    mutating func tagTitle() {
        let limit = firstProse ?? min(document.blocks.count, 12)
        var titleIndex: Int?
        if meta.title == nil {
            titleIndex = pickTitleBlock(before: limit)
            var rule = titleIndex.map { document.blocks[$0].kind == .heading ? "first-heading" : "leading-line" }
            // A text dump's headline sits right above its first paragraph, under the page's menus: a pick
            // that is neither a heading nor the page's first line is more often a menu item.
            if document.format != .html, titleIndex.map({ document.blocks[$0].kind != .heading && !opensArticle($0, limit: limit) }) ?? true,
               let above = headlineAbove(limit) {
                titleIndex = above
                rule = "headline-above"
            }
            if let index = titleIndex, let rule {
                meta.title = stage.titles.removingSectionTails(document.blocks[index].text)
                set("title", rule: rule, block: index)
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

    /// The line above the first paragraph that reads as a headline (4–30 words, no byline, date,
    /// name, phrase or link list), among the 12 kept lines above it. A headline sits above its
    /// byline and date: when such a header group is there, the headline is the nearest candidate
    /// at most 5 lines above it, and the lines below it (a share bar, the lead picture's caption, a
    /// standfirst) are not. Without one, the nearest candidate; when a longer line sits right under a
    /// shorter one, the longer is the standfirst and the shorter the headline.
    func headlineAbove(_ limit: Int) -> Int? {
        guard let firstProse, firstProse == limit else { return nil }
        // The kept lines above the paragraph, nearest first; a share bar's buttons ("Share this with
        // Twitter", thirty of them on some pages) are looked through, not counted.
        var window: [Int] = []
        var index = limit - 1
        var skipped = 0
        while index >= 0, window.count < Self.headlineWindow {
            defer { index -= 1 }
            guard document.blocks[index].isKept else { continue }
            if skipped < Self.shareButtonsSkipped, isShareButton(index) { skipped += 1; continue }
            window.append(index)
        }
        // Each line is judged once, and only when the search reaches it.
        var candidates = [Bool?](repeating: nil, count: window.count)
        func isCandidate(_ position: Int) -> Bool {
            if let known = candidates[position] { return known }
            let judged = isHeadlineCandidate(window[position])
            candidates[position] = judged
            return judged
        }
        func isHeader(_ position: Int) -> Bool { !isCandidate(position) && isHeaderGroupLine(window[position]) }
        // The header group nearest the paragraph: its lines at most 3 apart (a caption between).
        if var top = window.indices.first(where: isHeader) {
            var position = top + 1
            while position < window.count, position - top <= 3 {
                if isHeader(position) { top = position }
                position += 1
            }
            let aboveGroup = ((top + 1)..<min(window.count, top + 1 + Self.headlineReachAboveHeader)).filter(isCandidate)
            if let nearest = aboveGroup.first { return standfirstSwap(window, nearest, aboveGroup.dropFirst().first) }
        }
        // No header group: the nearest candidates, the search giving up two lines sooner for each
        // line that is neither after the first candidate.
        var found: [Int] = []
        var looked = 0
        for position in window.indices where looked < 10 && found.count < 2 {
            looked += 1
            if isCandidate(position) { found.append(position) } else if !found.isEmpty { looked += 2 }
        }
        guard let nearest = found.first else { return nil }
        return standfirstSwap(window, nearest, found.dropFirst().first)
    }

    /// Kept lines above the first paragraph that the headline search reads.
    static let headlineWindow = 12
    /// Share buttons the search looks through at most.
    static let shareButtonsSkipped = 60

    /// A short line the phrase lists call a share button.
    func isShareButton(_ index: Int) -> Bool {
        let words = features(index).words
        return words <= 6 && stage.phrases.match(document.blocks[index].text, wordCount: words)?.rule == "share"
    }
    /// How far above its header group a headline may sit (captions and credits between).
    static let headlineReachAboveHeader = 5

    /// The headline of two candidates (positions in `window`, nearest first): the upper one when the
    /// nearer is longer and sits right under it (a standfirst under its headline), unless the upper
    /// one ends in a full stop, as headlines do not ("The article was sent.").
    private func standfirstSwap(_ window: [Int], _ nearest: Int, _ upper: Int?) -> Int {
        let near = features(window[nearest]).words
        if let upper, upper == nearest + 1, near >= 10, near > features(window[upper]).words,
           !document.blocks[window[upper]].text.hasSuffix(".") {
            return window[upper]
        }
        return window[nearest]
    }

    /// Reads as a headline: 4–30 words, few links, no sentence of over 12 words, no byline, date,
    /// phrase or breadcrumb step.
    func isHeadlineCandidate(_ index: Int) -> Bool {
        let block = document.blocks[index]
        let feature = features(index)
        // The cheap tests first: most lines a search reads fail one of them.
        return (4...30).contains(feature.words) && feature.linkDensity < 0.5 && !feature.numeric
            && !(block.text.hasSuffix(".") && !block.text.hasSuffix("..")) && !Self.isBreadcrumb(block.text)
            && !(block.text.hasPrefix("(") && block.text.hasSuffix(")"))  // a credit: "(Jane Roe / AP)"
            && !DateParser.showsTime(block.text) && !Self.isAddress(block.text)
            && !isHeaderLine(block.text) && !isCreditedCaption(block.text)
            && stage.phrases.match(block.text, wordCount: feature.words) == nil
            && dateParser.firstDate(in: block.text) == nil
    }

    /// A web address ("https://p.dw.com/p/4SUrv"): a short link printed under a story, no headline.
    static func isAddress(_ text: String) -> Bool {
        text.contains("://") || text.hasPrefix("www.")
    }

    /// A caption with its picture's credit after it ("… umbenannt. Foto: Jane Roe", "… (Photos:
    /// Getty/AP)"). A label opening the line ("PHOTOS: Storm damage …") may head a gallery's story.
    func isCreditedCaption(_ text: String) -> Bool {
        // A label after the line's first byte (one pass over the bytes, case folded).
        var bytes = text
        if bytes.withUTF8({ stage.creditLabelNeedles.anyIn(UnsafeBufferPointer(rebasing: $0.dropFirst()), emptyMatches: false) }) { return true }
        // The other credits have a slash.
        guard let slash = text.lastIndex(of: "/") else { return false }
        // "… Washington DC Stefan Rousseau/via Reuters": a photographer and the agency after a slash.
        var agency = text[text.index(after: slash)...].trimmingCharacters(in: .whitespaces).lowercased()
        if agency.hasPrefix("via ") { agency = String(agency.dropFirst(4)) }
        if names.newsAgencies.contains(agency) { return true }
        // "… kurzerhand umbenannt. Getty Images/Juanmonino": a sentence, then a short credit naming
        // an agency and a photographer.
        guard let stop = text.range(of: ". ", options: .backwards), stop.upperBound <= slash else { return false }
        return text[stop.upperBound...].split(separator: " ").count <= 6
    }

    /// A breadcrumb ("Blog > Nutrition > Meal Plans") or its last step ("Software ›"): a menu
    /// line, never a headline.
    static func isBreadcrumb(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        if "›»>/|".unicodeScalars.contains(last) { return true }
        return text.contains(" › ") || text.contains(" » ") || text.contains(" > ")
    }

    /// A byline, labelled or a list of names ("Julia Vergin | Clare Roth"), or a short dated line,
    /// with its year or without ("Updated Nov 19, 6:55 AM"): what sits under a headline.
    func isHeaderGroupLine(_ index: Int) -> Bool {
        let text = document.blocks[index].text
        // A slash parts a picture's credit as often as two writers ("Andrew Harnik / AP" under "Foto:").
        if names.byline(text) != nil || isHeaderDateLine(index) || !text.contains("/") && names.isNameList(text) { return true }
        // "Zimbili Vilakazi|Published 15 hours ago": a name and a labelled date on one line.
        let segments = Self.headerSegments(text)
        return segments.count >= 2 && segments.contains(where: opensWithDateLabel)
    }

    /// A header's parts on one line ("Zimbili Vilakazi|Published 15 hours ago", "Januar 2026 • Gregor Meier").
    static func headerSegments(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "|" || $0 == "•" || $0 == "·" }).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A header's other lines: a byline even when its names do not parse ("By Megan Rowe meganr@…"),
    /// a name with its role ("Tom Krisher, AP Auto Writer"), names without a label ("Adam Vidler and
    /// AP"), a labelled date ("Published Wed, …"), an address.
    func isHeaderLine(_ text: String) -> Bool {
        let labels = names.bylinePrefixes + stage.words.dateLabels + stage.words.modifiedLabels
        func opensWithLabel(_ text: String) -> Bool {
            let lower = text.lowercased()
            return labels.contains { label in
                lower.hasPrefix(label) && lower.dropFirst(label.count).first.map { $0 == " " || $0 == ":" } == true
            }
        }
        if opensWithLabel(text) { return true }
        if text.contains("@") || names.looksLikeName(text) || names.isNameList(text) || names.nameAfterKindLabel(text) != nil { return true }
        // "Fouzia Van Der Fort|Published 4 months ago", "Januar 2026 • Gregor Meier • 3 Minuten": a
        // header's parts on one line.
        let segments = Self.headerSegments(text)
        if segments.count >= 2, segments.contains(where: { names.looksLikeName($0) || opensWithLabel($0) }) { return true }
        if let comma = text.firstIndex(of: ","), names.looksLikeName(String(text[..<comma]), allowCaps: true) { return true }
        return false
    }

    /// The page's first line, with few lines between it and the first paragraph: a clean article's title.
    func opensArticle(_ index: Int, limit: Int) -> Bool {
        document.blocks[..<index].allSatisfy { !$0.isKept } && document.blocks[index..<limit].filter(\.isKept).count <= 8
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
                && dateParser.firstDate(in: block.text) == nil
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
