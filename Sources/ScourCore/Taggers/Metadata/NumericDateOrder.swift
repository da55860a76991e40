/// Which order a page writes its numeric dates in, from the dates it writes that only one order
/// can read: "25/10/2023" puts the day first, "10/25/2023" the month. A page tagged only "en"
/// (no region) may be British, Irish or Indian; its own unambiguous dates say which.
enum NumericDateOrder {
    /// True for day first, false for month first, nil when the texts hold no unambiguous numeric
    /// date or as many of each order.
    static func dayFirst<Texts: Sequence>(in texts: Texts) -> Bool? where Texts.Element == String {
        var tally = Tally()
        for text in texts { tally.add(text) }
        return tally.dayFirst
    }

    /// The votes of a page's texts, added one by one (no list of them made).
    struct Tally {
        var votes = 0
        /// True for day first, false for month first, nil for no vote or a tie.
        var dayFirst: Bool? { votes == 0 ? nil : votes > 0 }

        mutating func add(_ text: String) {
            var votes = self.votes
            NumericDateOrder.forEachPair(text) { first, second, separator in
                // A day is at most 31; a dotted date is written day first ("13.01.22"), a version
                // number ("1.13.10") is not a month-first date.
                if first > 12, first <= 31, second <= 12 { votes += 1 } else if second > 12, second <= 31, first <= 12, separator != 0x2E { votes -= 1 }
            }
            self.votes = votes
        }
    }

    /// The two leading numbers and the separator of each "n/n/yyyy", "n.n.yyyy" or "n-n-yyyy" (one or
    /// two digits each, a year of two or four digits after the same separator), read on the text's
    /// own bytes: this runs for every short line of a page.
    static func forEachPair(_ text: String, _ body: (Int, Int, UInt8) -> Void) {
        var text = text
        text.withUTF8 { all in
            let bytes = UnsafeBufferPointer(rebasing: all.prefix(400))
            scanPairs(bytes, body)
        }
    }

    private static func scanPairs(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, UInt8) -> Void) {
        func number(at index: Int) -> (value: Int, end: Int)? {
            var end = index, value = 0
            while end < bytes.count, bytes[end] &- 0x30 < 10, end - index < 4 { value = value * 10 + Int(bytes[end] &- 0x30); end += 1 }
            return end > index ? (value, end) : nil
        }
        var index = 0
        while index < bytes.count {
            // A number glued to a letter or a dot before it is a version or a code ("v1.13.10"), no date.
            guard bytes[index] &- 0x30 < 10, index == 0 || bytes[index - 1] &- 0x30 >= 10 && !Self.isLetterOrDot(bytes[index - 1]),
                  let first = number(at: index), first.end - index <= 2, first.end < bytes.count else { index += 1; continue }
            let separator = bytes[first.end]
            guard separator == 0x2F || separator == 0x2E || separator == 0x2D,
                  let second = number(at: first.end + 1), second.end - first.end - 1 <= 2,
                  second.end < bytes.count, bytes[second.end] == separator,
                  let year = number(at: second.end + 1), [2, 4].contains(year.end - second.end - 1),
                  year.end >= bytes.count || bytes[year.end] &- 0x30 >= 10 && !(bytes[year.end] == separator && year.end + 1 < bytes.count
                      && bytes[year.end + 1] &- 0x30 < 10) else { index = first.end; continue }
            body(first.value, second.value, separator)
            index = year.end
        }
    }

    private static func isLetterOrDot(_ byte: UInt8) -> Bool {
        byte == 0x2E || (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}
