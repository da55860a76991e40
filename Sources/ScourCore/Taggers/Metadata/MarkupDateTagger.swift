import Foundation

/// Dates from the markup (JSON-LD, `<meta>`, microdata, `<time>`) and from the visible lines the
/// HTML reader offered as date hints; which to trust when they disagree.
extension MetadataContext {
    /// The shown date the markup agrees with, else the markup's dates in rank order; the best
    /// modification date is kept for the last resort (`tagModifiedDate`).
    mutating func tagMarkupDates() {
        if let (date, origin) = shownMarkupDate() ?? confirmedVisibleDate() {
            meta.date = date
            set("date", rule: origin)
        }
        /// `labelledVisibleDate()` reads only the hints: asked once, not per date hint.
        var labelled: (String, String)??
        // A `<time>` the page labels as the publication ("Opublikowano:") beats the page's other `<time>`s.
        let labelledTime = document.markupHints.contains {
            $0.field == .date && labelSays($0) == .published && normalizedDate($0.value, shown: true) != nil
        }
        for (hint, value) in markupValues([.date, .modified]) {
            switch hint.field {
            case .date where meta.date == nil:
                // (A `<time>` whose class says it is the publication, `time[pubdate]`, keeps its place.)
                if case .timeElement(published: false) = hint.origin.source,
                   let says = labelSays(hint) ?? (labelledTime ? .modified : nil), says == .modified {
                    // Labelled as an update ("Aktualizacja:"), or unlabelled beside a labelled one ("Wydrukowano:").
                    if labelSays(hint) == .modified, modifiedHint == nil, normalizedDate(value, shown: true) != nil { modifiedHint = hint }
                    continue
                }
                if hint.origin.visibleText != nil {
                    // Among the dates shown on the page, one labelled "Published …" beats the first one.
                    if labelled == nil { labelled = .some(labelledVisibleDate()) }
                    if let (date, origin) = labelled! {
                        meta.date = date
                        set("date", rule: origin + ":labelled")
                        continue
                    }
                    if isModifiedLine(value) {
                        // "Updated 3 May 2021": a last resort too, after the markup's modification dates.
                        if modifiedHint == nil, normalizedDate(value, shown: true) != nil { modifiedHint = hint }
                        continue
                    }
                    // Deep in the story a dated line is an event or a citation, unless labelled (above).
                    if hint.origin.visibleText == .textInBody { continue }
                }
                if let date = normalizedDate(value, shown: hint.origin.isVisible) { meta.date = date; set("date", rule: hint.origin.description) }
            case .modified where modifiedHint == nil:
                if normalizedDate(value, shown: hint.origin.isVisible) != nil { modifiedHint = hint }
            default:
                break
            }
        }
    }

    /// The date the page shows, when the markup also names it (as published or as modified date):
    /// readers and annotators take the shown date, and the agreement rules out a stray date on the page.
    func shownMarkupDate() -> (String, String)? {
        var markupDates: Set<String> = []
        var publishedDates: Set<String> = []
        var shownUpdates: Set<String> = []
        var shown: (String, String, String?)?
        for hint in document.markupHints where hint.field == .date || hint.field == .modified {
            if hint.origin.isVisible {
                if hint.field == .modified, let date = normalizedDate(hint.value, shown: true) { shownUpdates.insert(date) }
                guard shown == nil, showsPublication(hint), let date = normalizedDate(hint.value, shown: true) else { continue }
                shown = (date, hint.origin.description, swappedDate(hint.value))
            } else if let date = normalizedDate(hint.value) {
                markupDates.insert(date)
                if hint.field == .date { publishedDates.insert(date) }
            }
        }
        guard let shown else { return nil }
        // The page marks the day it shows as its update (`<time class="updated">` inside a "posted-on"
        // element): the markup's modification date agreeing with it says nothing of the publication.
        if shownUpdates.contains(shown.0), !publishedDates.contains(shown.0) { return nil }
        if markupDates.contains(shown.0) { return (shown.0, shown.1) }
        // "02/11/2023" read month first, where the markup says 2 November.
        if let swapped = shown.2, markupDates.contains(swapped) { return (swapped, shown.1 + ":day-first") }
        return nil
    }

    /// A visible date hint that may show the publication: not an update ("Updated …", a `<time>`
    /// labelled "Aktualizacja:"), not a dated line deep in the story.
    func showsPublication(_ hint: MarkupHint) -> Bool {
        hint.field == .date && hint.origin.visibleText != .textInBody && !isModifiedLine(hint.value) && labelSays(hint) != .modified
    }

    /// The other reading of an ambiguous numeric date, if it has one.
    func swappedDate(_ value: String) -> String? {
        // Asked of the same shown values by several rules: each is read once.
        if let known = dateCache.swappedDates[value] { return known }
        var answer: String?
        if let found = otherOrderDates.firstDate(in: value), found.iso <= stage.latestDate,
           found.iso != normalizedDate(value, shown: true) {
            answer = found.iso
        }
        dateCache.swappedDates[value] = .some(answer)
        return answer
    }

    /// The date of the first dated element (`<time>`, a date class) whose text shows it too, when none
    /// of the markup's dates is shown anywhere: the page states its date, the markup's is a stale or
    /// system date (a CMS's creation time, a sitemap's).
    func confirmedVisibleDate() -> (String, String)? {
        var markupDates: Set<String> = []
        var visibleCounts: [String: Int] = [:]
        var shownDates: Set<String> = []
        var structural: (String, String)?
        var bareDateline: (String, String)?
        var seenPlacedLine = false
        var shownUpdates: Set<String> = []
        for hint in document.markupHints where hint.field == .date || hint.field == .modified {
            if hint.origin.isVisible {
                let publishes = showsPublication(hint)
                if !publishes, let date = normalizedDate(hint.value, shown: true) { shownUpdates.insert(date) }
                guard hint.origin.visibleText != .headlineText, publishes,
                      let date = normalizedDate(hint.value, shown: true) else { continue }
                visibleCounts[date, default: 0] += 1
                shownDates.insert(date)
                if let swapped = swappedDate(hint.value) { shownDates.insert(swapped) }
                // A `<time>` or a date-class element: an element made to hold the date, not a line that has one.
                if structural == nil, hint.origin.visibleText == nil || hint.origin.visibleText == .dateClass {
                    structural = (date, hint.origin.description)
                }
                // The first dated line under the headline, when it is a date and nothing else, holds it as such an element would.
                if !seenPlacedLine, hint.origin.visibleText == .textAfterHeadline {
                    seenPlacedLine = true
                    if isBareDate(hint.value) { bareDateline = (date, hint.origin.description) }
                }
            } else if let date = normalizedDate(hint.value) {
                // A date in `<title>` is the site's own statement, printed in the tab: it shows the day.
                if hint.origin.source == .titleElement { shownDates.insert(date) } else { markupDates.insert(date) }
            }
        }
        guard !markupDates.isEmpty, markupDates.isDisjoint(with: shownDates) else { return nil }
        if let structural, visibleCounts[structural.0, default: 0] >= 2 { return (structural.0, structural.1 + ":confirmed") }
        // (The same day in a `<time>` marked as the update makes the line the update's.)
        if let bareDateline, !shownUpdates.contains(bareDateline.0) { return (bareDateline.0, bareDateline.1 + ":bare") }
        return nil
    }

    static let dateWordEdges = CharacterSet(charactersIn: ".,|·-–")

    /// "27.01.2022", "Jan. 13, 2020", "19 de mayo de 2021", "08/11/2023 | 20:26 CET": the date alone,
    /// nothing before it and at most a clock after it. Every word holds a digit or is a month name,
    /// a separator, or a date's small word: a connector of three lowercase letters at most ("de",
    /// "à", "um"), "Uhr", or a time zone in capitals ("CET", "GMT").
    func isBareDate(_ value: String) -> Bool {
        guard value.utf8.count <= 40, let found = dateParser.firstDate(in: value), found.offset == 0 else { return false }
        return value.split(whereSeparator: \.isWhitespace).allSatisfy { word in
            let bare = word.trimmingCharacters(in: Self.dateWordEdges)
            let lower = bare.lowercased()
            return bare.isEmpty || word.contains(where: \.isNumber) || dateParser.months[lower] != nil
                || bare.count <= 3 && bare.allSatisfy(\.isLowercase) || lower == "uhr"
                || (2...4).contains(bare.count) && bare.allSatisfy { $0.isUppercase && $0.isASCII }
        }
    }

    /// The first visible date whose line starts with a publication label ("Erstellt am: 30.01.2022").
    func labelledVisibleDate() -> (String, String)? {
        for hint in document.markupHints where hint.field == .date && hint.origin.visibleText != nil {
            guard startsWithDateLabel(hint.value), !isModifiedLine(hint.value),
                  let date = normalizedDate(hint.value, shown: true) else { continue }
            return (date, hint.origin.description)
        }
        return nil
    }

    /// A modification date is the last resort: the field wants the original publication.
    mutating func tagModifiedDate() {
        guard meta.date == nil, let hint = modifiedHint, let date = normalizedDate(hint.value, shown: hint.origin.isVisible) else { return }
        meta.date = date
        set("date", rule: hint.origin.description + (hint.field == .date ? ":updated" : ""))
    }

    /// A date shown outside the article (a sidebar's "Mise en ligne 23 mai 2019", a footer's time
    /// stamp), when the page gave no other date, not even a modification date: a labelled one, else
    /// the only day shown there. Several days outside the article are a list of other items (recent
    /// posts, comments): none of them is the page's.
    mutating func tagOutsideDate() {
        guard meta.date == nil else { return }
        var first: (String, String)?
        var days: Set<String> = []
        for (hint, value) in markupValues([.outsideDate]) where !isModifiedLine(value) {
            guard let date = normalizedDate(value, shown: true) else { continue }
            if startsWithDateLabel(value) { first = (date, hint.origin.description + ":labelled"); days = [date]; break }
            days.insert(date)
            if first == nil { first = (date, hint.origin.description) }
        }
        if let (date, rule) = first, days.count == 1 {
            meta.date = date
            set("date", rule: rule)
        }
    }

    /// The archive's capture time only says the page existed then: the very last resort.
    mutating func tagCaptureDate() {
        if meta.date == nil, let capture = document.markupHints.first(where: { $0.field == .captureDate }),
           let date = normalizedDate(capture.value) {
            meta.date = date
            set("date", rule: "warc-date")
        }
    }
}
