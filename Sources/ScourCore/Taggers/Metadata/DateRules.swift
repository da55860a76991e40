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

    /// "Published Tuesday", "Updated: …": the text's first words are a date label, as whole words
    /// (a name may start like one: "Standish").
    func opensWithDateLabel(_ text: String) -> Bool {
        let lower = text.lowercased()
        func opens(_ label: String) -> Bool {
            lower.hasPrefix(label) && !(lower.dropFirst(label.count).first?.isLetter ?? false)
        }
        return stage.words.dateLabels.contains(where: opens) || stage.words.modifiedLabels.contains(where: opens)
    }

    /// "stand", "last updated": the text (lowercased) is a publication or update label and nothing else.
    func isDateLabel(_ lower: String) -> Bool {
        stage.words.dateLabels.contains(lower) || stage.words.modifiedLabels.contains(lower)
    }

    /// What the label printed before a `<time>` (or, in the article's header, its own text) calls its
    /// date: "Aktualizacja:" an update, "Opublikowano:" the publication; nil without a label or with
    /// another one ("Wydrukowano:").
    func labelSays(_ hint: MarkupHint) -> DateCandidate.Role? {
        guard let label = hint.label else { return nil }
        if isModifiedLine(label) { return .modified }
        return startsWithDateLabel(label) ? .published : nil
    }

    /// "Last updated: 3 May 2021": a visible date that is not the publication date.
    func isModifiedLine(_ text: String) -> Bool {
        // The date rules ask it of the same hint values several times: each is read once.
        if let known = dateCache.modifiedLines[text] { return known }
        let answer = readsAsModifiedLine(text)
        dateCache.modifiedLines[text] = answer
        return answer
    }

    private func readsAsModifiedLine(_ text: String) -> Bool {
        // Most lines start with plain scalars: their first 20 Characters decide, on bytes.
        if let answer = stage.modifiedLabelLeads.startsWithin(text, characters: 20) { return answer }
        let labels = stage.modifiedLabelBytes
        if !labels.needsFallback, let lower = ASCIIText.lowered(text) {
            return labels.words.contains { label in
                ByteSearch.firstOffset(of: label, in: lower).map { $0 < 20 } ?? false
            }
        }
        // The search is in the lowercased text, case-sensitive: without a scalar that lowercases to
        // ASCII or is canonically ASCII, the text's bytes must hold a label's leading ASCII (case
        // aside) for it to match. Only the labels that pass are searched.
        let prefilter = !ASCIIText.mayTurnASCII(text)
        let bytes = Array(text.utf8)
        let candidates = zip(stage.words.modifiedLabels, stage.modifiedLabelPrefixes).filter { _, lead in
            !prefilter || lead.isEmpty || bytes.withUnsafeBufferPointer { ASCIIText.foldedOffset(of: lead, in: $0) } != nil
        }
        if candidates.isEmpty { return false }
        let lower = text.lowercased()
        return candidates.map(\.0).contains { label in
            guard let range = lower.range(of: label) else { return false }
            // The label must precede the date, not follow it in another sentence.
            return lower.distance(from: lower.startIndex, to: range.lowerBound) < 20
        }
    }

    /// The date part of an ISO string or any form the date parser reads; nil for dates after
    /// today (a page cannot have been published in the future) or before the parser's first year.
    /// `shown`: the value is text the page shows its readers, so an ambiguous numeric date is read
    /// in the page language's order; values in the markup's data are read in the configured order
    /// (software writes them, often month first whatever the page's language).
    func normalizedDate(_ value: String, shown: Bool = false) -> String? {
        // The markup's date values are read by several rules: each is parsed once.
        if let known = shown ? dateCache.shownDates[value] : dateCache.dates[value] { return known }
        let date = parsedDate(value, parser: shown ? pageDates : dateParser)
        if shown { dateCache.shownDates[value] = .some(date) } else { dateCache.dates[value] = .some(date) }
        return date
    }

    /// The first date of a line the page shows, read in the page's order. A line with a copyright
    /// sign keeps its full date: "© dpa-AFX | 07.11.2023 08:03" is an agency's publication stamp, and a
    /// copyright year alone is never read as a date (the parser wants a day).
    func shownDate(in text: String) -> DateParser.Found? {
        pageDates.firstDate(in: text)
    }

    /// Dates already read from values, for `normalizedDate`; the page's numeric date order and
    /// its date candidates, each worked out once.
    final class DateCache {
        var dates: [String: String?] = Dictionary(minimumCapacity: 8)
        var shownDates: [String: String?] = Dictionary(minimumCapacity: 8)
        var modifiedLines: [String: Bool] = Dictionary(minimumCapacity: 8)
        var swappedDates: [String: String?] = Dictionary(minimumCapacity: 8)
        var dayFirst: Bool?
        var candidates: DateCandidates?
        var languageParsers: (dates: DateParser, swapped: DateParser)??
    }

    /// The parsers for the page's language (its markup's tag, else the detected one): month names
    /// are one per word, save in a language that reads some otherwise (Croatian "listopada" is
    /// October where Polish reads November).
    var languageParsers: (dates: DateParser, swapped: DateParser)? {
        guard !stage.datesByLanguage.isEmpty else { return nil }
        if let known = dateCache.languageParsers { return known }
        let tag = document.markupHints.first(where: { $0.field == .language })?.value ?? meta.language
        let parsers = tag.flatMap(stage.languageTags.code).flatMap { stage.datesByLanguage[$0] }
        dateCache.languageParsers = .some(parsers)
        return parsers
    }
    /// The stage's parser, or its language's.
    var dateParser: DateParser { languageParsers?.dates ?? stage.dates }
    var swappedDateParser: DateParser { languageParsers?.swapped ?? stage.swappedDates }

    func parsedDate(_ value: String, parser: DateParser) -> String? {
        guard let found = parser.firstDate(in: value), found.iso <= stage.latestDate else { return nil }
        return found.iso
    }

    /// The parser that reads this page's ambiguous numeric dates ("03/04/2021") in the page's order.
    var pageDates: DateParser { readsDayFirst ? swappedDateParser : dateParser }
    /// The parser for the other reading of the page's ambiguous numeric dates.
    var otherOrderDates: DateParser { readsDayFirst ? dateParser : swappedDateParser }

    /// Whether the page writes day before month: by its language tag (`<html lang>`, then the
    /// markup's other language keys, then the language its words are in) when the stage orders
    /// by language; outside `month_first_locales` ("en", "en-us", …) every language puts the day first.
    /// A tag without a region that reads month first ("en") gives way to the page's own
    /// unambiguous numeric dates (`NumericDateOrder`), else to its country domain (`.co.uk`).
    var readsDayFirst: Bool {
        guard stage.orderByLanguage else { return false }
        if let known = dateCache.dayFirst { return known }
        let tag = document.markupHints.first(where: { $0.field == .language })?.value ?? meta.language
        var answer = tag.map { Self.readsDayFirst(languageTag: $0, monthFirstLocales: stage.monthFirstLocales) } ?? !stage.monthFirst
        // A bare "en" names no country: the page's own unambiguous numeric dates ("25/10/2023") may.
        if !answer, tag.map(Self.hasNoRegion) ?? true {
            if let shown = shownDateOrder() {
                answer = shown
            } else if let country = (meta.url ?? document.markupHints.first(where: { $0.field == .url })?.value).flatMap(Self.countryDomain) {
                // … else the country of its domain (`.co.uk`, `.ie`).
                answer = stage.dayFirstCountryDomains.contains(country)
            }
        }
        dateCache.dayFirst = answer
        return answer
    }

    /// "uk" of `https://www.example.co.uk/a`: the host's last label, when it is two letters.
    static func countryDomain(_ url: String) -> String? {
        guard let host = URL(string: url)?.host, let last = host.split(separator: ".").last, last.count == 2,
              last.allSatisfy(\.isLetter) else { return nil }
        return last.lowercased()
    }

    static func hasNoRegion(_ tag: String) -> Bool { !tag.contains("-") && !tag.contains("_") }

    /// The order the page's own unambiguous numeric dates show: in its visible date hints and its
    /// short lines, read one by one.
    func shownDateOrder() -> Bool? {
        var tally = NumericDateOrder.Tally()
        for hint in document.markupHints where (hint.field == .date || hint.field == .modified || hint.field == .outsideDate) && hint.origin.isVisible {
            tally.add(hint.value)
        }
        for block in document.blocks where block.text.utf8.count <= 80 { tally.add(block.text) }
        return tally.dayFirst
    }

    /// "de-DE", "fr", "en_GB" → day first; "en-US", "en" → month first (with the default locales).
    static func readsDayFirst(languageTag: String, monthFirstLocales: Set<String>) -> Bool {
        let parts = languageTag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isLetter) else { return false }
        let region = parts.dropFirst().first.map { language + "-" + $0 }
        if let region, monthFirstLocales.contains(region) { return false }
        // "en-GB": a region the list does not name is day first, even where the bare language is not.
        if region != nil, monthFirstLocales.contains(where: { $0.hasPrefix(language + "-") }) { return true }
        return !monthFirstLocales.contains(language)
    }

    /// "/2021/05/19/slug": a date in the URL's path, when nothing on the page gave one.
    mutating func tagDateFromURL() {
        guard meta.date == nil, let url = meta.url, let found = pageDates.dateInURL(url), found.iso <= stage.latestDate else { return }
        meta.date = found.iso
        set("date", rule: "url-path")
    }
}
