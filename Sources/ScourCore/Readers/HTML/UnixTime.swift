import Foundation

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
        // The archive's own UTC formatter: the same ISO 8601 to the second.
        return WARCDate.string(Date(timeIntervalSince1970: secondsValue))
    }
}
