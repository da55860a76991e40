import Foundation

/// A header line that shows the day without its year ("Posted Nov 18, 8:19 PM"), when nothing
/// else gave a date: the year is the capture's (a WARC record's `WARC-Date`) or else the one the
/// page's copyright line names ("© 2019 Cleveland.com": a site prints the current year there).
/// Without either, the day says nothing about the year and the page stays undated.
extension MetadataContext {
    mutating func tagYearlessDate() {
        guard meta.date == nil else { return }
        // The year is looked for only once a line shows a day: most pages without a date show none.
        var knownYear: (year: Int, source: String, latest: String)??
        // The lines near the first paragraph, nearest first (a text dump's header; a teaser's time
        // stamp further up loses to it).
        for first in proseAnchors() {
            for index in nearbyIndices(first) where document.blocks[index].isKept && features(index).words <= Self.dateLineWords {
                guard let (month, day) = shownDay(in: document.blocks[index].text) else { continue }
                if knownYear == nil { knownYear = .some(yearForShownDay()) }
                guard let (shownYear, source, latest) = knownYear ?? nil else { return }
                // A day past the capture ("Dec 30" captured on January 2nd) is the year before's.
                var year = shownYear
                if DateParser.Found(year: year, month: month, day: day, offset: 0).iso > latest { year -= 1 }
                guard day <= DateParser.daysIn(month: month, year: year) else { continue }
                let iso = DateParser.Found(year: year, month: month, day: day, offset: 0).iso
                guard iso <= latest else { continue }
                meta.date = iso
                set("date", rule: "shown-day+\(source)", block: index)
                return
            }
        }
    }

    /// The month and day a date line shows without a year. A part of the line ("Updated …;
    /// Posted …") is read when the day opens it, after a date label if any ("Posted Nov 18",
    /// "Nov 18, 8:19 PM"), and it shows a time or has the label: "May 5 tips" and "Road closed
    /// after collapse Nov 17, 6:02 PM" are no date lines. A publication label's day wins over an
    /// update's, which is read only when alone.
    func shownDay(in text: String) -> (month: Int, day: Int)? {
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
        var updated: (month: Int, day: Int)?
        for part in parts {
            let lower = part.lowercased()
            let published = Self.label(of: lower, among: stage.words.dateLabels)
            let update = Self.label(of: lower, among: stage.words.modifiedLabels)
            var rest = lower.dropFirst((published ?? update)?.count ?? 0).drop(while: { $0 == " " || $0 == ":" })
            // The day opens what follows the label, after a weekday if any ("Tuesday, Nov 18"): a
            // month's name or the day's number ("18", "18th").
            let weekday = rest.prefix(while: { $0.isLetter || $0 == "-" })  // "sexta-feira"
            if !weekday.isEmpty, stage.weekdays.contains(String(weekday)) {
                rest = rest.dropFirst(weekday.count).drop(while: { $0 == " " || $0 == "," || $0 == "." })
            }
            let first = rest.prefix(while: { $0.isLetter || $0.isNumber })
            let digits = first.prefix(while: \.isNumber)
            let ordinal = first.dropFirst(digits.count)
            guard published != nil || update != nil || DateParser.showsTime(part) else { continue }
            let found: (month: Int, day: Int)
            if dateParser.months[String(first)] != nil, let monthFirst = dateParser.firstMonthDay(in: String(rest)) {
                found = monthFirst
            } else if (1...2).contains(digits.count), ["", "st", "nd", "rd", "th", "."].contains(String(ordinal)),
                      let day = Int(digits), (1...31).contains(day) {
                // The day first ("18th Nov", "18. November"): the month is the next word, never the hour after it.
                let after = rest.dropFirst(first.count).drop(while: { $0 == " " || $0 == "." })
                guard let month = dateParser.months[String(after.prefix(while: \.isLetter))] else { continue }
                found = (month, day)
            } else {
                continue
            }
            if update != nil, published == nil { updated = updated ?? found; continue }
            return found
        }
        return updated
    }

    /// The longest label that opens `lower` as a whole word (a space, a colon or the end after it).
    static func label(of lower: String, among labels: [String]) -> String? {
        labels.filter { label in
            lower.hasPrefix(label) && lower.dropFirst(label.count).first.map { $0 == " " || $0 == ":" } ?? true
        }.max { $0.count < $1.count }
    }

    /// Starts (after spaces) with "©" (or a circled c), "(c)" or "copyright" in any case; read on the bytes, no copy.
    static func opensWithCopyright(_ text: String) -> Bool {
        let bytes = text.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 })
        return OutletBytes.copyrightSigns.contains { bytes.starts(with: $0) } || ASCIIText.hasLoweredPrefix(bytes, Self.openParenC)
            || ASCIIText.hasLoweredPrefix(bytes, Self.copyrightBytes)
    }

    static let openParenC = Array("(c)".utf8)

    /// The year a shown day belongs to: the capture's, else the latest year of a copyright line;
    /// with the latest day it may be (the capture's, else the stage's latest date).
    func yearForShownDay() -> (year: Int, source: String, latest: String)? {
        if let capture = document.markupHints.first(where: { $0.field == .captureDate }),
           let captured = Self.captureTime(capture.value) {
            let day = MetadataStage.isoDay(captured)
            return (Int(day.prefix(4)) ?? 0, "capture-year", day)
        }
        let latestYear = Int(stage.latestDate.prefix(4)) ?? 9999
        guard latestYear >= 1995 else { return nil }
        for block in document.blocks.reversed() where block.text.utf8.count <= 300 && Self.opensWithCopyright(block.text) {
            let years = block.text.split(whereSeparator: { !$0.isNumber }).compactMap { part -> Int? in
                guard part.count == 4, let year = Int(part), (1995...latestYear).contains(year) else { return nil }
                return year
            }
            if let year = years.max() { return (year, "copyright-year", stage.latestDate) }
        }
        return nil
    }
}
