import Foundation

/// Reading dates out of values and visible lines: labels that mark a publication or a
/// modification date, dates after today refused, each value parsed once; the date in the URL's path.
extension MetadataContext {
    func startsWithDateLabel(_ text: String) -> Bool {
        let labels = stage.dateLabelBytes
        if !labels.needsFallback, ASCIIText.isPlain(text) {
            return labels.words.contains { ASCIIText.hasLoweredPrefix(text.utf8, $0) }
        }
        let lower = text.lowercased()
        return stage.words.dateLabels.contains(where: { lower.hasPrefix($0) })
    }

    /// "Last updated: 3 May 2021": a visible date that is not the publication date.
    func isModifiedLine(_ text: String) -> Bool {
        let labels = stage.modifiedLabelBytes
        if !labels.needsFallback, let lower = ASCIIText.lowered(text) {
            return labels.words.contains { label in
                ByteSearch.firstOffset(of: label, in: lower).map { $0 < 20 } ?? false
            }
        }
        // Without a letter that lowercases or folds to ASCII, the text's bytes must hold each
        // label's leading ASCII (case aside) for it to match.
        let prefilter = !ASCIIText.mayFoldToASCII(text)
        let bytes = Array(text.utf8)
        if prefilter, !zip(stage.words.modifiedLabels, stage.modifiedLabelLeads).contains(where: { _, lead in
            lead.isEmpty || bytes.withUnsafeBufferPointer { ASCIIText.foldedOffset(of: lead, in: $0) } != nil
        }) {
            return false
        }
        let lower = text.lowercased()
        return stage.words.modifiedLabels.contains { label in
            guard let range = lower.range(of: label) else { return false }
            // The label must precede the date, not follow it in another sentence.
            return lower.distance(from: lower.startIndex, to: range.lowerBound) < 20
        }
    }

    /// The date part of an ISO string or any form the date parser reads; nil for dates after
    /// today (a page cannot have been published in the future) or before the parser's first year.
    func normalizedDate(_ value: String) -> String? {
        // The markup's date values are read by several rules: each is parsed once.
        if let known = dateCache.dates[value] { return known }
        let date = parsedDate(value)
        dateCache.dates[value] = .some(date)
        return date
    }

    /// Dates already read from values, for `normalizedDate`.
    final class DateCache {
        var dates: [String: String?] = Dictionary(minimumCapacity: 8)
    }

    func parsedDate(_ value: String) -> String? {
        guard let found = stage.dates.firstDate(in: value), found.iso <= stage.latestDate else { return nil }
        return found.iso
    }

    /// "/2021/05/19/slug": a date in the URL's path, when nothing on the page gave one.
    mutating func tagDateFromURL() {
        guard meta.date == nil, let url = meta.url, let found = stage.dates.dateInURL(url), found.iso <= stage.latestDate else { return }
        meta.date = found.iso
        set("date", rule: "url-path")
    }
}
