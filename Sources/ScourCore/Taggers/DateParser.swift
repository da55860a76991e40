import Foundation

/// Reads a calendar date out of free text: ISO forms, `2021/05/19`, `18.05.2021`,
/// `May 18, 2021`, `18 May 2021`, `19 de mayo de 2021`, with weekdays and times around them.
public struct DateParser: Sendable {
    public struct Found: Sendable, Equatable {
        public var year: Int
        public var month: Int
        public var day: Int
        /// Character offset of the match in the text.
        public var offset: Int
        public var iso: String {
            // `String(format:)` was a hot spot; it stays for values the digits below cannot show.
            guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
                return String(format: "%04d-%02d-%02d", year, month, day)
            }
            let digit = { (value: Int) in UInt8(0x30 + value % 10) }
            let bytes: [UInt8] = [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), 0x2D,
                                  digit(month / 10), digit(month), 0x2D, digit(day / 10), digit(day)]
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private(set) var months: [String: Int]
    /// Year, month and day markers that follow the numbers in East Asian dates (`年`, `月`, `日`).
    let markers: [(year: String, month: String, day: String)]
    /// Zone abbreviations read between a time and its year (`DateWords.timeZones`).
    let timeZones: Set<String>
    /// Years accepted; dates outside are not publication dates.
    let years: ClosedRange<Int>
    /// When `05/06/2021` is ambiguous, read it as month/day (US) or day/month.
    let monthFirst: Bool

    /// Years from 1995 (the web's news sites began then) to the one after the clock's: later dates are no publication dates.
    public init(words: DateWords, clock: Clock = .system, monthFirst: Bool = true) {
        self.init(words: words, years: 1995...Calendar.current.component(.year, from: clock.now) + 1, monthFirst: monthFirst)
    }

    public init(words: DateWords, years: ClosedRange<Int>, monthFirst: Bool = true) {
        self.months = words.months
        self.markers = words.yearMonthDayMarkers.compactMap { $0.count == 3 ? ($0[0], $0[1], $0[2]) : nil }
        self.timeZones = words.timeZones
        self.years = years
        self.monthFirst = monthFirst
    }

    /// The same parser with some month names read otherwise (a language's own reading).
    func withMonths(_ overrides: [String: Int]) -> DateParser {
        var parser = self
        for (name, month) in overrides { parser.months[name.lowercased()] = month }
        return parser
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case separator(Character)
    }

    /// The first date in the text, or nil.
    public func firstDate(in text: String) -> Found? {
        // Another script's digits are read as ASCII ones first ("١٦ أكتوبر ٢٠١٩ - 12:09" too).
        if let converted = Self.withASCIIDigits(text) { return firstDate(in: converted) }
        // Every form needs a number: most lines have none.
        guard text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return nil }
        let tokens = tokenize(text)
        var index = 0
        while index < tokens.count {
            // Every form starts with a number or a month's name.
            if case .separator = tokens[index].0 { index += 1; continue }
            if let found = match(tokens, at: index) { return found }
            index += 1
        }
        return nil
    }

    /// The text with another script's digits written as ASCII ("١٦ أكتوبر ٢٠١٩", "２０１９年１０月１６日",
    /// "১৬ অক্টোবর ২০১৯"), each a Character of its own so offsets keep; nil when it has none.
    static func withASCIIDigits(_ text: String) -> String? {
        // Looked for first: most lines hold none, and build nothing. Every such digit is U+0660 or
        // above, which UTF-8 leads with 0xD9 or more: Latin, Greek and Cyrillic text is passed on its bytes.
        guard text.utf8.contains(where: { $0 >= 0xD9 }), text.unicodeScalars.contains(where: { otherDigit($0) != nil }) else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(otherDigit(scalar).map { Unicode.Scalar(UInt8(0x30 + $0)) } ?? scalar)
        }
        return String(scalars)
    }

    /// The value of a decimal digit of another script (Unicode's Nd) in the blocks most pages use
    /// (Arabic to Myanmar, Khmer, Mongolian, fullwidth), or nil.
    static func otherDigit(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        guard value >= 0x660, value < 0x1100 || (0x17E0...0x1819).contains(value) || (0xFF10...0xFF19).contains(value) else { return nil }
        guard scalar.properties.numericType == .decimal, let number = scalar.properties.numericValue else { return nil }
        return Int(number)
    }

    private func tokenize(_ text: String) -> [(Token, Int)] {
        Self.tokenizeASCII(text) ?? Self.tokenizePlain(text) ?? Self.tokenizeCharacters(text)
    }

    /// The rule the byte tokenizers stand for: runs of ASCII digits and runs of letters
    /// (lowercased) are tokens, every other Character but the space a separator; each with its
    /// Character offset.
    static func tokenizeCharacters(_ text: String) -> [(Token, Int)] {
        var tokens: [(Token, Int)] = []
        var current = ""
        var start = 0
        var isDigit = false
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            if isDigit {
                tokens.append((.number(Int(current) ?? -1, digits: current.count), start))
            } else {
                tokens.append((.word(current.lowercased()), start))
            }
            current = ""
        }
        for char in text {
            let digit = char.isASCII && char.isNumber
            if digit || char.isLetter {
                if !current.isEmpty && digit != isDigit { flush() }
                if current.isEmpty { start = offset; isDigit = digit }
                current.append(char)
            } else {
                flush()
                if char != " " { tokens.append((.separator(char), offset)) }
            }
            offset += 1
        }
        flush()
        return tokens
    }

    /// `tokenize` for ASCII text without CR, where every byte is one Character: no Character
    /// iteration and no String appends. nil for other text.
    static func tokenizeASCII(_ text: String) -> [(Token, Int)]? {
        let result: [(Token, Int)]?? = text.utf8.withContiguousStorageIfAvailable { bytes -> [(Token, Int)]? in
            var tokens: [(Token, Int)] = []
            var start = 0
            var length = 0
            var isDigit = false
            func flush(_ end: Int) {
                guard length > 0 else { return }
                let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isDigit {
                    var value = 0
                    if length <= 18 {
                        for byte in run { value = value * 10 + Int(byte - 0x30) }
                    } else {
                        value = Int(String(decoding: run, as: UTF8.self)) ?? -1
                    }
                    tokens.append((.number(value, digits: length), start))
                } else {
                    tokens.append((.word(String(unsafeUninitializedCapacity: length) { buffer in
                        for (offset, byte) in run.enumerated() {
                            buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                        }
                        return length
                    }), start))
                }
                length = 0
            }
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == 0x0D { return nil }
                let digit = byte >= 0x30 && byte <= 0x39
                if digit || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                    if length > 0 && digit != isDigit { flush(offset) }
                    if length == 0 { start = offset; isDigit = digit }
                    length += 1
                } else {
                    flush(offset)
                    if byte != 0x20 { tokens.append((.separator(Character(Unicode.Scalar(byte))), offset)) }
                }
            }
            flush(bytes.count)
            return tokens
        }
        return result ?? nil
    }

    /// Kept whole (over 80 lines): the date grammar in one place, one branch per form, each reading
    /// on from the same token position; split, the forms would hide from one another.
    private func match(_ tokens: [(Token, Int)], at index: Int) -> Found? {
        func token(_ i: Int) -> Token? { i < tokens.count ? tokens[i].0 : nil }
        func number(_ i: Int) -> (Int, Int)? {
            if case let .number(value, digits)? = token(i) { return (value, digits) }
            return nil
        }
        func month(_ i: Int) -> Int? {
            if case let .word(word)? = token(i) { return months[word] }
            return nil
        }
        func separator(_ i: Int) -> Character? {
            if case let .separator(char)? = token(i) { return char }
            return nil
        }
        func skipSeparators(_ i: Int, allowed: Set<Character> = [",", ".", "-", "/"]) -> Int {
            var j = i
            while let char = separator(j), allowed.contains(char) { j += 1 }
            return j
        }
        func skipWord(_ i: Int, _ words: Set<String>) -> Int {
            if case let .word(word)? = token(i), words.contains(word) { return i + 1 }
            return i
        }
        /// A four-digit year after a month's name, or one a text dump glued to the hour after it
        /// ("Nov 15, 20195:45 AM": the year, then 5:45).
        func namedMonthYear(_ i: Int) -> Int? {
            guard let (value, digits) = number(i) else { return nil }
            if digits == 4 { return value }
            guard digits == 5 || digits == 6, separator(i + 1) == ":", let (_, minuteDigits) = number(i + 2), minuteDigits == 2 else { return nil }
            let scale = digits == 5 ? 10 : 100
            return value % scale <= 23 ? value / scale : nil
        }
        let offset = tokens[index].1
        /// A two-digit year: this century's, unless that lies past the years accepted.
        func fullYear(_ short: Int) -> Int { (2000 + short <= years.upperBound ? 2000 : 1900) + short }
        func make(_ year: Int, _ month: Int, _ day: Int) -> Found? {
            guard years.contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            return Found(year: year, month: month, day: day, offset: offset)
        }

        // Numeric: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, also YYYYMMDD in URLs is left to callers.
        if let (year, digits) = number(index), digits == 4, let sep = separator(index + 1), "-/.".contains(sep),
           let (month, _) = number(index + 2), separator(index + 3) == sep, let (day, _) = number(index + 4) {
            return make(year, month, day)
        }
        // ISO 8601's basic form, 20180619T055000+0900: eight digits right before the "T" of a time.
        if let (value, digits) = number(index), digits == 8, case .word("t")? = token(index + 1),
           tokens[index + 1].1 == tokens[index].1 + 8, tokens.count > index + 2, tokens[index + 2].1 == tokens[index].1 + 9,
           let (time, timeDigits) = number(index + 2), timeDigits == 4 || timeDigits == 6,
           Self.isClock(timeDigits == 4 ? time * 100 : time) {
            return make(value / 10000, value / 100 % 100, value % 100)
        }
        // 2020年07月03日, 2020년 7월 3일: the markers are letters, so the day's may run into the next word.
        if !markers.isEmpty, let (year, digits) = number(index), digits == 4, case let .word(yearMark)? = token(index + 1),
           let (month, monthDigits) = number(index + 2), monthDigits <= 2, case let .word(monthMark)? = token(index + 3),
           let (day, dayDigits) = number(index + 4), dayDigits <= 2, case let .word(dayMark)? = token(index + 5),
           markers.contains(where: { $0.year == yearMark && $0.month == monthMark && dayMark.hasPrefix($0.day) }) {
            return make(year, month, day)
        }
        // DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY, DD-MM-YYYY, and the US MM/DD/YY ("11/18/19 11:04 PM EST"),
        // never inside a longer run of slashed numbers (a path).
        if let (first, firstDigits) = number(index), firstDigits <= 2, let sep = separator(index + 1), "-/.".contains(sep),
           let (second, secondDigits) = number(index + 2), secondDigits <= 2, separator(index + 3) == sep,
           let (written, yearDigits) = number(index + 4),
           yearDigits == 4 || (yearDigits == 2 && sep == "/" && !(separator(index + 5) == "/" && number(index + 6) != nil)
                                && !(index >= 2 && separator(index - 1) == "/" && number(index - 2) != nil)) {
            let year = yearDigits == 4 ? written : fullYear(written)
            if first > 12 { return make(year, second, first) }
            if second > 12 { return make(year, first, second) }
            let dayFirst = sep == "." || !monthFirst
            return dayFirst ? make(year, second, first) : make(year, first, second)
        }
        // DD.MM.YY, as German and French pages print it; not when more dotted numbers follow (versions, addresses).
        if let (day, dayDigits) = number(index), dayDigits <= 2, separator(index + 1) == ".",
           let (month, monthDigits) = number(index + 2), monthDigits <= 2, separator(index + 3) == ".",
           let (short, shortDigits) = number(index + 4), shortDigits == 2,
           !(separator(index + 5) == "." && number(index + 6) != nil),
           !(index >= 2 && separator(index - 1) == "." && number(index - 2) != nil) {
            return make(fullYear(short), month, day)
        }
        // 2019. március 14. (Hungarian): the year first, with its dot, then the month's name and the day.
        if let (year, digits) = number(index), digits == 4, separator(index + 1) == ".", let month = month(index + 2),
           let (day, dayDigits) = number(index + 3), dayDigits <= 2 {
            return make(year, month, day)
        }
        // Month D, YYYY / Month D YYYY / Month DDth, YYYY
        if let month = month(index) {
            var j = skipSeparators(index + 1, allowed: [".", ","])
            if let (day, dayDigits) = number(j), dayDigits <= 2 {
                j += 1
                j = skipWord(j, ["st", "nd", "rd", "th"])
                j = skipSeparators(j, allowed: [",", "."])
                if let year = namedMonthYear(j) { return make(year, month, day) }
                // C's and Unix `date`'s form, the time and zone before the year: "Sun Nov 23 16:00:00 EDT 2014".
                if let (_, hourDigits) = number(j), hourDigits <= 2, separator(j + 1) == ":", let (_, minuteDigits) = number(j + 2), minuteDigits == 2 {
                    j += 3
                    if separator(j) == ":", let (_, secondDigits) = number(j + 1), secondDigits == 2 { j += 2 }
                    for _ in 0..<2 { if case let .word(zone)? = token(j), timeZones.contains(zone) { j += 1 } }  // "PM EDT"
                    if let (year, digits) = number(j), digits == 4 { return make(year, month, day) }
                }
            }
            // Month YYYY is too vague for a publication date.
            return nil
        }
        // D Month YYYY / D. Month YYYY / D de Month de YYYY / 14-Mar-2019
        if let (day, dayDigits) = number(index), dayDigits <= 2 {
            var j = index + 1
            j = skipWord(j, ["st", "nd", "rd", "th", "er", "º"])
            j = skipSeparators(j, allowed: [".", ",", "-"])
            j = skipWord(j, ["de", "of", "di"])
            if let month = month(j) {
                j = skipSeparators(j + 1, allowed: [".", ",", "-"])
                j = skipWord(j, ["de", "del", "of"])
                j = skipSeparators(j, allowed: [","])
                if let year = namedMonthYear(j) { return make(year, month, day) }
            }
        }
        return nil
    }

    /// The first month and day shown without a year ("Posted Nov 18, 8:19 PM", "18. November"):
    /// too vague for a date alone, but enough to say which of two known days a line shows.
    public func firstMonthDay(in text: String) -> (month: Int, day: Int)? {
        if let converted = Self.withASCIIDigits(text) { return firstMonthDay(in: converted) }
        guard text.utf8.contains(where: { $0 &- 0x30 < 10 }) else { return nil }
        let tokens = tokenize(text)
        func day(_ i: Int) -> Int? {
            guard i < tokens.count, case let .number(value, digits) = tokens[i].0, digits <= 2, (1...31).contains(value) else { return nil }
            return value
        }
        func month(_ i: Int) -> Int? {
            guard i >= 0, i < tokens.count, case let .word(word) = tokens[i].0 else { return nil }
            return months[word]
        }
        for index in tokens.indices {
            guard let month = month(index) else { continue }
            var next = index + 1
            while next < tokens.count, case let .separator(char) = tokens[next].0, char == "." { next += 1 }
            if let day = day(next) { return (month, day) }
            var previous = index - 1
            while previous >= 0, case let .separator(char) = tokens[previous].0, char == "." { previous -= 1 }
            if previous >= 0, let day = day(previous) { return (month, day) }
        }
        return nil
    }

    /// HHMMSS as a time of day: hours to 23, minutes and seconds to 59.
    static func isClock(_ hhmmss: Int) -> Bool {
        hhmmss / 10000 <= 23 && hhmmss / 100 % 100 <= 59 && hhmmss % 100 <= 59
    }

    /// Holds a time of day ("8:19", "20:05", "6:34 am"): a digit, a colon and two digits.
    static func showsTime(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for index in 1..<(bytes.count - 2) where bytes[index] == UInt8(ascii: ":") {
                if bytes[index - 1] &- 0x30 < 10, bytes[index + 1] &- 0x30 < 10, bytes[index + 2] &- 0x30 < 10 { return true }
            }
            return false
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "/?&=_" as bytes, for `ASCIIText.split`.
    static let urlSeparators = Array("/?&=_".utf8)

    /// A date in a URL path: `/2021/05/18/`, `/2021-05-18`, `/20210518`.
    public func dateInURL(_ url: String) -> Found? {
        let parts = ASCIIText.split(url, at: Self.urlSeparators) ?? url.split(whereSeparator: { "/?&=_".contains($0) })
        for (index, part) in parts.enumerated() {
            if part.count == 4, let year = Int(part), years.contains(year), index + 2 < parts.count,
               // "/2019/nov/19/": a month may be named, as the page's language or English names it.
               case let segment = parts[index + 1],
               let month = (segment.count <= 2 ? Int(segment) : nil) ?? months[segment.lowercased()],
               // "/2003/03/20030331_speech": the next segment's leading digits are a day only when there are one or two.
               case let dayDigits = parts[index + 2].prefix(while: \.isNumber), (1...2).contains(dayDigits.count),
               let day = Int(dayDigits), (1...12).contains(month),
               (1...Self.daysIn(month: month, year: year)).contains(day) {
                return Found(year: year, month: month, day: day, offset: 0)
            }
            if let found = firstDate(in: String(part)), String(part).hasPrefix(String(found.year)) { return found }
            // The digits are counted only for parts of 8 Characters, the ones they can decide.
            guard part.utf8.count >= 8, part.count == 8 else { continue }
            let digits = part.filter(\.isNumber)
            if digits.count == 8, let year = Int(digits.prefix(4)), years.contains(year),
               let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)),
               (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) {
                return Found(year: year, month: month, day: day, offset: 0)
            }
        }
        return nil
    }
}
