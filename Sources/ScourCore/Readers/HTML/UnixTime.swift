/// A Unix time a page gives as its date ("datePublished": 1676551869), read as ISO 8601 in UTC.
enum UnixTime {
    /// Seconds from 1973 to 2099; a number ten to the third times larger is milliseconds. Anything
    /// else (a count, a year, a boolean read as 0 or 1) is no date.
    static let seconds = 100_000_000.0...4_102_444_800.0

    static func iso(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        let secondsValue: Double
        if seconds.contains(value) {
            secondsValue = value
        } else if seconds.contains(value / 1000) {
            secondsValue = value / 1000
        } else {
            return nil
        }
        let total = Int(secondsValue.rounded(.down))
        let days = total / 86_400, clock = total % 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(clock / 3600)):\(two(clock / 60 % 60)):\(two(clock % 60))Z"
    }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (days ≥ 0): the civil-from-days
    /// arithmetic, counting in 400-year eras that start on 1 March.
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
