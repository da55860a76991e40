import Foundation

/// Dates as feeds and sitemaps write them, normalized to ISO 8601: RFC 822/1123 (`pubDate`:
/// `Sat, 05 Dec 2026 10:00:00 GMT`, zone names or numeric offsets, two-digit years, month
/// names of the languages in dates.json) and W3C datetime / RFC 3339 (Atom, sitemaps, JSON
/// Feed: `2026-12-05`, `2026-12-05T10:00:00+01:00`). A date-time keeps the zone it was given in
/// (`2026-12-05T10:00:00-05:00`, or `Z`); a date alone stays a date.
struct FeedDates: Sendable {
    var months: [String: Int]
    var zoneOffsets: [String: Int]

    static let bundled = FeedDates(months: FeedResources.bundled.months, zoneOffsets: FeedResources.bundled.zoneOffsets)

    /// The ISO 8601 form of `text`, or nil when it is no date these formats allow.
    func normalize(_ text: String) -> String? {
        let trimmed = text.feedTrimmed
        guard !trimmed.isEmpty, trimmed.utf8.count < 100 else { return nil }
        return Self.w3c(trimmed) ?? rfc822(trimmed)
    }

    /// W3C datetime: YYYY, YYYY-MM, YYYY-MM-DD, then `T` (or a space) hh:mm[:ss[.fraction]] and a zone.
    static func w3c(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + digits)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ char: Character) -> Bool {
            guard index < bytes.count, bytes[index] == char.asciiValue! else { return false }
            index += 1
            return true
        }
        guard let year = number(4), (1...9999).contains(year) else { return nil }
        if index == bytes.count { return pad(year, 4) }
        guard skip("-"), let month = number(2), (1...12).contains(month) else { return nil }
        if index == bytes.count { return pad(year, 4) + "-" + pad(month, 2) }
        guard skip("-"), let day = number(2), (1...DateParser.daysIn(month: month, year: year)).contains(day) else { return nil }
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if index == bytes.count { return date }
        guard skip("T") || skip("t") || skip(" "), let hour = number(2), hour <= 23, skip(":"), let minute = number(2), minute <= 59 else { return nil }
        var second = 0
        if skip(":") {
            guard let value = number(2), value <= 60 else { return nil }
            second = min(value, 59)
            if skip(".") || skip(",") {
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            }
        }
        var offset: Int? = nil
        if skip("Z") || skip("z") {
            offset = 0
        } else if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
            let sign = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let hours = number(2), hours <= 14 else { return nil }
            _ = skip(":")
            let minutes = number(2) ?? 0
            guard minutes <= 59 else { return nil }
            offset = sign * (hours * 60 + minutes)
        }
        guard index == bytes.count else { return nil }
        return date + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + zone(offset)
    }

    /// RFC 822 / 1123 / 2822, read by token so that common slips pass: no weekday or a wrong one,
    /// no seconds, no zone (the time is then given without one), full month names, `+01:00`.
    func rfc822(_ text: String) -> String? {
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        for token in tokens {
            if token.contains(":"), token.first?.isNumber == true, time == nil {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
                let values = parts.map { $0! }
                guard values[0] <= 23, values[1] <= 59, (values.count == 2 || values[2] <= 60) else { return nil }
                time = (values[0], values[1], values.count == 3 ? min(values[2], 59) : 0)
            } else if let sign = token.first, sign == "+" || sign == "-", token.count >= 3 {
                let digits = token.dropFirst().filter { $0 != ":" }
                guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
                let minutes = digits.count == 4 ? value / 100 * 60 + value % 100 : value * 60
                guard minutes <= 14 * 60 else { return nil }
                offset = sign == "-" ? -minutes : minutes
            } else if token.allSatisfy(\.isNumber) {
                guard let value = Int(token) else { return nil }
                if token.count == 4 { year = value }
                else if token.count <= 2, day == nil { day = value }
                else if token.count == 2, year == nil { year = value < 50 ? 2000 + value : 1900 + value }
                else { return nil }
            } else if let number = months[token.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))] {
                if month == nil { month = number }
            } else if let minutes = zoneOffsets[token.uppercased()] {
                offset = minutes
            }
            // Any other word (a weekday, "at") is skipped.
        }
        guard let day, let month, let year, (1...9999).contains(year),
              (1...DateParser.daysIn(month: month, year: year)).contains(day) else { return nil }
        let date = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        guard let time else { return date }
        return date + "T" + Self.pad(time.0, 2) + ":" + Self.pad(time.1, 2) + ":" + Self.pad(time.2, 2) + Self.zone(offset)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func zone(_ offset: Int?) -> String {
        guard let offset else { return "" }
        if offset == 0 { return "Z" }
        let magnitude = abs(offset)
        return (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }

    /// The span of time a normalized date stands for: a day is the whole day (UTC when no zone
    /// is given), a date-time one instant. Used by `since`: an entry is new when its span ends after it.
    static func span(_ iso: String) -> (start: Date, end: Date)? {
        let bytes = Array(iso.utf8)
        func value(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            return Int(String(decoding: bytes[from..<(from + count)], as: UTF8.self))
        }
        guard let year = value(0, 4) else { return nil }
        var parts = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year, month: 1, day: 1)
        var length = DateComponents(year: 1)
        if let month = value(5, 2) { parts.month = month; length = DateComponents(month: 1) }
        if let day = value(8, 2) { parts.day = day; length = DateComponents(day: 1) }
        if bytes.count >= 19, let hour = value(11, 2), let minute = value(14, 2), let second = value(17, 2) {
            parts.hour = hour
            parts.minute = minute
            parts.second = second
            length = DateComponents(second: 0)
            if bytes.count >= 25, let hours = value(20, 2), let minutes = value(23, 2) {
                let offset = (hours * 60 + minutes) * 60 * (bytes[19] == 0x2D ? -1 : 1)
                parts.timeZone = TimeZone(secondsFromGMT: offset)
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = parts.date, let end = calendar.date(byAdding: length, to: start) else { return nil }
        return (start, end)
    }
}
