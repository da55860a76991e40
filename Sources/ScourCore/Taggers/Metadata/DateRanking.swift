import Foundation

/// The date chosen by the markup and header rules, checked against every candidate of the page:
/// the URL's date and several sources agreeing on a day outweigh a single source.
extension MetadataContext {
    /// The page's date candidates (markup, visible dates, the URL's date), made once.
    func dateCandidates() -> DateCandidates {
        if let made = dateCache.candidates { return made }
        var made = DateCandidates()
        for (hint, value) in markupValues([.date, .modified]) {
            // A headline with a date in it names what the story is about, not when it appeared.
            let visible = hint.origin.isVisible
            guard hint.origin.visibleText != .headlineText, let day = normalizedDate(value, shown: visible) else { continue }
            let modified = hint.field == .modified || visible && isModifiedLine(value)
            made.all.append(DateCandidate(day: day, swapped: visible ? swappedDate(value) : nil,
                                          role: modified ? .modified : .published,
                                          source: hint.origin.description, isVisible: visible))
        }
        // The path only: a query's date (`?from=2019-01-01`) is a listing's filter, not the story's day.
        if let url = meta.url.flatMap({ url in
            (ASCIIText.split(url, at: Self.queryMarks) ?? url.split(whereSeparator: { $0 == "?" || $0 == "#" })).first.map(String.init)
        }) {
            if let found = pageDates.dateInURL(url), found.iso <= stage.latestDate {
                made.urlDay = found.iso
                made.urlMonth = String(found.iso.prefix(7))
            } else {
                made.urlMonth = DateCandidates.monthInURL(url, years: pageDates.years)
            }
        }
        dateCache.candidates = made
        return made
    }

    static let queryMarks = Array("?#".utf8)

    /// Replaces the chosen date when the URL's path outweighs it: a day the URL names, when another
    /// source of the page confirms it or when no two sources agree on the chosen one; a date in the
    /// month the URL names, where the chosen one lies outside it. The evidence names the source that now wins, marked `:url-agrees` or `:url-month`.
    mutating func checkDateAgainstURL() {
        guard let chosen = meta.date else { return }
        let candidates = dateCandidates()
        if let urlDay = candidates.urlDay {
            guard chosen != urlDay else { return }
            if let agreeing = candidates.publishedSources(naming: urlDay).first {
                meta.date = urlDay
                set("date", rule: agreeing.source + ":url-agrees")
            } else if candidates.sourceCount(naming: chosen) <= 1 {
                // The path is written once, when the story is filed; a lone other date may be an update.
                meta.date = urlDay
                set("date", rule: "url-path")
            }
            return
        }
        if let month = candidates.urlMonth, !chosen.hasPrefix(month + "-"), let inMonth = candidates.firstPublished(inMonth: month) {
            meta.date = inMonth.day
            set("date", rule: inMonth.source + ":url-month")
        }
    }
}
