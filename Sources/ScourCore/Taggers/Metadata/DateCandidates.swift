import Foundation

/// One date the page offers, with its source: a publication (or creation) date or a modification
/// date, from the markup, from the page's visible text, or from the URL's path.
struct DateCandidate: Equatable {
    enum Role: Equatable {
        /// `datePublished`, `article:published_time`, a `<time>`, a date shown near the title…
        case published
        /// `dateModified`, `og:updated_time`, "Updated …": the page changed then, it was not published then.
        case modified
    }

    /// `YYYY-MM-DD`, as the page states it (a time zone offset never moves the day).
    var day: String
    /// The other reading of an ambiguous numeric date ("03/04/2021"), if it has one.
    var swapped: String?
    var role: Role
    /// The evidence rule of the source: "json-ld:article.datePublished", "html:date-class", "url-path".
    var source: String
    /// The page shows it (a `<time>`, a date element, a line of text), rather than holding it in data.
    var isVisible: Bool
    /// A short line with a date read by its place around the headline (`VisibleKind.isPlacedLine`),
    /// not by an element made to hold a date.
    var isPlacedLine = false
    /// A machine timestamp in UTC before 10:00 ("2019-11-20T04:26:47Z"): the evening before in the
    /// Americas, where the page itself may show the day before.
    var isEarlyUTC = false

    /// The same hour written without a zone ("2019-11-19 02:24:00" beside "…02:24:00 UTC"): it counts
    /// with a UTC timestamp of the day, never alone.
    var isEarlyZoneless = false

    /// Minutes after midnight of the clock time the value holds ("10:31 pm", "…T04:31:13"), if any;
    /// nil for a visible hint whose value is a machine timestamp (a `<time datetime>`'s): data, not what the page shows.
    var clock: Int?
    /// Minutes after midnight of any clock the value holds, a machine timestamp's included: what
    /// tells two stamps of one moment in different zones from two moments.
    var stampClock: Int?

    /// A date of another work the page carries (a JSON-LD video or episode: `json-ld:other.datePublished`).
    var isOtherWork: Bool { source.hasPrefix("json-ld:other.") }

    /// "…T04:26:47Z", "… 02:24:00 UTC", "…T02:24:00+00:00": a UTC timestamp whose hour is below 10.
    static func isEarlyUTC(_ value: String) -> Bool {
        guard let zone = zoneAfterEarlyHour(value) else { return false }
        return zone.hasSuffix("Z") || zone.hasSuffix("+00:00") || zone.hasSuffix("+0000") || zone.hasSuffix(" UTC") || zone.hasSuffix(" GMT")
    }

    /// "2019-11-19T02:24:00Z", "2019-11-19 02:24": a machine timestamp rather than a date written for readers.
    static func isMachineStamp(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            bytes.count >= 11 && bytes[4] == 0x2D && bytes[7] == 0x2D && (bytes[10] == 0x54 || bytes[10] == 0x20)
                && bytes[0] &- 0x30 < 10 && bytes[5] &- 0x30 < 10 && bytes[8] &- 0x30 < 10
        }
    }

    /// "2019-11-19 02:24:00": an hour below 10 and no zone at all.
    static func isEarlyZoneless(_ value: String) -> Bool {
        guard let zone = zoneAfterEarlyHour(value) else { return false }
        return !zone.contains { $0.isLetter || $0 == "+" || $0 == "-" }
    }

    /// What follows "YYYY-MM-DDThh:mm" (or with a space for "T") when the hour is below 10.
    private static func zoneAfterEarlyHour(_ value: String) -> Substring? {
        guard isMachineStamp(value) else { return nil }
        let bytes = Array(value.utf8.prefix(16))
        guard bytes.count == 16, bytes[11] == 0x30, (0x30...0x39).contains(bytes[12]), bytes[13] == 0x3A else { return nil }
        return value.utf8.count == 16 ? "" : Substring(value.dropFirst(16))
    }

    /// Whether this candidate can be read as the given day.
    func names(_ day: String) -> Bool { self.day == day || swapped == day }
}

/// Every date candidate of a page in the markup's rank order (best source first), and the date
/// of the URL's path, with the questions the ranking asks: which sources agree on a day, which
/// candidate lies in a given month.
struct DateCandidates {
    var all: [DateCandidate] = []
    /// The URL's full date (`/2019/03/14/`, `/20190314/`), if it has one.
    var urlDay: String?
    /// The URL's year and month (`YYYY-MM`), from a full date or from `/2019/03/slug` alone.
    var urlMonth: String?

    /// The publication candidates that name the day, best source first. `datelineOnly`: of the
    /// lines placed after the headline only the first published one (the dateline) counts; later
    /// ones are the story's own dates (an embedded post's "November 19, 2019").
    func publishedSources(naming day: String, datelineOnly: Bool = false) -> [DateCandidate] {
        let dateline = datelineOnly ? all.firstIndex { $0.isPlacedLine && $0.role == .published } : nil
        return all.indices.filter { index in
            let candidate = all[index]
            return candidate.role == .published && candidate.names(day)
                && (!datelineOnly || !candidate.isPlacedLine || index == dateline)
        }.map { all[$0] }
    }

    /// How many different sources (markup keys, shown elements) name the day as a publication date.
    func sourceCount(naming day: String) -> Int {
        Set(publishedSources(naming: day).map(\.source)).count
    }

    /// The first publication candidate whose day lies in the month (`YYYY-MM`): the page's full
    /// date where the URL gives only the month.
    func firstPublished(inMonth month: String) -> DateCandidate? {
        all.first { $0.role == .published && $0.day.hasPrefix(month + "-") }
    }

    /// `/2019/03/slug`: the year and the month of a URL path that has no day; nil when a segment
    /// after the month is a number too (`/2019/43/` is a week, `/2019/03/14` is handled as a day).
    static func monthInURL(_ url: String, years: ClosedRange<Int>) -> String? {
        // Without a "?" byte there is no "?" Character: the path is the URL.
        let path = url.utf8.contains(0x3F) ? url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url : url
        let parts = ASCIIText.split(path, at: [0x2F]) ?? path.split(separator: "/")
        for index in parts.indices.dropLast() {
            guard parts[index].count == 4, let year = Int(parts[index]), years.contains(year),
                  parts[index + 1].count <= 2, let month = Int(parts[index + 1]), (1...12).contains(month) else { continue }
            return String(format: "%04d-%02d", year, month)
        }
        return nil
    }
}
