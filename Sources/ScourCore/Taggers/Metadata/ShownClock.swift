import Foundation

/// The time of day a date value shows: "10:31 pm", "20:05", the "04:31" of "2019-11-20T04:31:13Z".
enum ShownClock {
    /// Minutes after midnight of the first clock time in the text ("h:mm" or "hh:mm", seconds and
    /// "am"/"pm"/"a.m."/"p.m." after it read), or nil. Bytes only: the values are short.
    static func minutes(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { all in minutes(UnsafeBufferPointer(rebasing: all.prefix(120))) }
    }

    private static func minutes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func digit(_ index: Int) -> Int? {
            index >= 0 && index < bytes.count && bytes[index] &- 0x30 < 10 ? Int(bytes[index] &- 0x30) : nil
        }
        for colon in bytes.indices where bytes[colon] == 0x3A {
            guard let ones = digit(colon - 1), let tens = digit(colon + 1), let units = digit(colon + 2),
                  digit(colon + 3) == nil else { continue }
            let hourTens = digit(colon - 2)
            // "12345:30" is no clock: at most two digits before the colon.
            guard digit(colon - 3) == nil || hourTens == nil else { continue }
            var hour = (hourTens ?? 0) * 10 + ones
            let minute = tens * 10 + units
            guard hour <= 23, minute <= 59 else { continue }
            var after = colon + 3
            // Seconds ("04:31:13") belong to the same clock.
            if after + 2 < bytes.count, bytes[after] == 0x3A, digit(after + 1) != nil, digit(after + 2) != nil { after += 3 }
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            if let half = meridiem(bytes, at: after), hour >= 1, hour <= 12 {
                hour = hour % 12 + (half == .pm ? 12 : 0)
            }
            return hour * 60 + minute
        }
        return nil
    }

    private enum Half { case am, pm }

    /// "am", "PM", "a.m.", "p. m." at the index, followed by no letter.
    private static func meridiem(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Half? {
        guard start < bytes.count else { return nil }
        let half: Half
        switch bytes[start] | 0x20 {
        case UInt8(ascii: "a"): half = .am
        case UInt8(ascii: "p"): half = .pm
        default: return nil
        }
        var index = start + 1
        if index < bytes.count, bytes[index] == 0x2E { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "m") else { return nil }
        index += 1
        if index < bytes.count, bytes[index] == 0x2E { index += 1 }
        guard index >= bytes.count || !(bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A) else { return nil }
        return half
    }

    /// Whether two wall-clock readings a day apart can be one instant in two time zones: they differ
    /// by a whole number of quarter hours, not zero, at most 14 hours (the widest gap between a zone and UTC).
    /// `laterDayMinutes` is read on the later day, `earlierDayMinutes` on the day before.
    static func canBeSameInstant(laterDayMinutes: Int, earlierDayMinutes: Int) -> Bool {
        let gap = 1440 + laterDayMinutes - earlierDayMinutes
        return gap > 0 && gap <= 14 * 60 && gap % 15 == 0
    }
}

extension MetadataContext {
    /// "Nov 19, 2019, 10:31 pm CST" under the headline, "2019-11-20T04:31:13-06:00" in the data: one
    /// instant written in two zones (the data's offset is wrong, or it is UTC). When only the page's
    /// data names the chosen day and the page shows the day before or after with a clock time a
    /// whole zone offset from the data's, the day the page shows its readers wins.
    mutating func checkDateAgainstShownClock() {
        guard let chosen = meta.date else { return }
        let candidates = dateCandidates()
        let naming = candidates.publishedSources(naming: chosen, datelineOnly: true)
        guard naming.allSatisfy({ !$0.isVisible }), let stamp = naming.lazy.compactMap(\.clock).first else { return }
        for (neighbour, isBefore) in [(Self.dayBefore(chosen), true), (Self.dayAfter(chosen), false)] {
            guard let neighbour else { continue }
            // The dateline under the headline, or a `<time>` text of the article's header: not a teaser's clock.
            let shown = candidates.publishedSources(naming: neighbour, datelineOnly: true)
                .lazy.filter(\.isPlacedLine).compactMap { candidate in candidate.clock.map { (candidate.source, $0) } }.first
                ?? shownTimeClock(showing: neighbour)
            guard let (source, clock) = shown else { continue }
            let fits = isBefore ? ShownClock.canBeSameInstant(laterDayMinutes: stamp, earlierDayMinutes: clock)
                                : ShownClock.canBeSameInstant(laterDayMinutes: clock, earlierDayMinutes: stamp)
            if fits {
                meta.date = neighbour
                set("date", rule: source + ":shown-clock")
                return
            }
        }
    }

    /// The clock of the first `<time>` text that shows the day ("Nov 19, 10:31 pm"), with its source.
    private func shownTimeClock(showing day: String) -> (String, Int)? {
        for (hint, value) in markupValues([.shownTime]) where showsDay(day, in: value) {
            if let clock = ShownClock.minutes(in: value) { return (hint.origin.description, clock) }
        }
        return nil
    }
}
