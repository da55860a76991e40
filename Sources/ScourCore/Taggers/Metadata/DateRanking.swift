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
            // A dated line deep in the story speaks for the page only with a publication label.
            if hint.origin.visibleText == .textInBody, !startsWithDateLabel(value) { continue }
            let modified = hint.field == .modified || visible && isModifiedLine(value) || labelSays(hint) == .modified
            made.all.append(DateCandidate(day: day, swapped: visible ? swappedDate(value) : nil,
                                          role: modified ? .modified : .published,
                                          source: hint.origin.description, isVisible: visible,
                                          isPlacedLine: hint.origin.visibleText?.isPlacedLine == true,
                                          isEarlyUTC: DateCandidate.isEarlyUTC(value),
                                          isEarlyZoneless: DateCandidate.isEarlyZoneless(value),
                                          clock: visible && DateCandidate.isMachineStamp(value) ? nil : ShownClock.minutes(in: value),
                                          stampClock: ShownClock.minutes(in: value)))
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

    /// "Nov 18, 2019 at 9:24 pm ET" on the page, "2019-11-19T02:24:00Z" in the data: the page's own
    /// day wins over a UTC timestamp that crossed midnight, when a shown date or a timestamp with
    /// a local offset names the day before and none of the chosen day's sources is a shown date.
    mutating func checkDateAgainstUTCShift() {
        guard let chosen = meta.date else { return }
        let candidates = dateCandidates()
        // Of the lines placed after the headline only the dateline speaks for the page.
        let naming = candidates.publishedSources(naming: chosen, datelineOnly: true)
        guard let utc = naming.first(where: \.isEarlyUTC), naming.allSatisfy({ $0.isEarlyUTC || $0.isEarlyZoneless }),
              let before = Self.dayBefore(chosen) else { return }
        // A local stamp of the same moment lies a whole zone offset (quarter hours, 1 to 14 hours)
        // behind the UTC one: "včera 16:35" on a teaser beside "03:00Z" is another story's time.
        func sameMoment(_ local: DateCandidate) -> Bool {
            guard let utcClock = utc.stampClock, let localClock = local.stampClock else { return true }
            let behind = (utcClock - localClock + 1440) % 1440
            return behind % 15 == 0 && (60...840).contains(behind)
        }
        // A video's or podcast's own date on the page ("uploadDate": "Mon Sep 02 01:11:35 EDT 2024")
        // is another work's day: it says nothing of the article's local day.
        if let local = candidates.publishedSources(naming: before, datelineOnly: true).first(where: { !$0.isEarlyUTC && !$0.isOtherWork && sameMoment($0) }) {
            meta.date = before
            set("date", rule: local.source + ":local-day")
        } else if markupValues([.shownTime]).contains(where: { showsDay(before, in: $0.value) }) {
            // The `<time>` itself shows the day before ("Nov 18, 2019 at 9:24 pm ET", "Posted Nov 18, 8:19 PM").
            meta.date = before
            set("date", rule: "time-text:local-day")
        }
    }

    /// Whether a `<time>`'s text shows this day: as a full date, or as its month and day without
    /// a year (the element's own timestamp gives the year). An "Updated …" text shows no publication.
    func showsDay(_ iso: String, in text: String) -> Bool {
        guard !isModifiedLine(text) else { return false }
        if let date = normalizedDate(text, shown: true) { return date == iso }
        guard let shown = dateParser.firstMonthDay(in: text) else { return false }
        return iso.hasSuffix(String(format: "-%02d-%02d", shown.month, shown.day))
    }

    /// `YYYY-MM-DD` of the day before (read and written as the capture-time rules do, in UTC).
    static func dayBefore(_ iso: String) -> String? { day(iso, movedBy: -1) }

    /// `YYYY-MM-DD` of the day after.
    static func dayAfter(_ iso: String) -> String? { day(iso, movedBy: 1) }

    private static func day(_ iso: String, movedBy days: Int) -> String? {
        guard iso.utf8.count == 10, let noon = captureTime(iso + "T12:00:00Z") else { return nil }
        return MetadataStage.isoDay(noon.addingTimeInterval(Double(days) * 86_400))
    }

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
