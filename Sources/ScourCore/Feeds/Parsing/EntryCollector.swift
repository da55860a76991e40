/// Gathers a document's entries: each URL once (the first listing wins, later ones only fill
/// what it lacked), the order of the document kept, at most `limit` distinct URLs.
struct EntryCollector {
    let feed: String
    let limit: Int
    private(set) var entries: [FeedEntry] = []
    private var indexByURL: [String: Int] = [:]

    init(feed: String, limit: Int) {
        self.feed = feed
        self.limit = limit
    }

    mutating func add(_ entry: FeedEntry) throws(FeedParseError) {
        if let index = indexByURL[entry.url] {
            var kept = entries[index]
            if kept.title == nil { kept.title = entry.title }
            if kept.date == nil { kept.date = entry.date; kept.dateEvidence = entry.dateEvidence }
            if kept.authors.isEmpty { kept.authors = entry.authors }
            if kept.categories.isEmpty { kept.categories = entry.categories }
            entries[index] = kept
            return
        }
        guard entries.count < limit else { throw .tooManyEntries(limit: limit) }
        indexByURL[entry.url] = entries.count
        entries.append(entry)
    }

    /// Sets the outlet of every entry that has none (a feed's title may come after its items).
    mutating func setOutlet(_ outlet: String?) {
        guard let outlet else { return }
        for index in entries.indices where entries[index].outlet == nil { entries[index].outlet = outlet }
    }
}

/// Text of a feed field made plain: an `html` title's tags dropped and its entities decoded,
/// runs of white space made one space.
enum FeedText {
    static func plain(_ text: String?, html: Bool = false) -> String? {
        guard var text else { return nil }
        if html || text.contains("<") || text.contains("&") { text = stripMarkup(text) }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func stripMarkup(_ text: String) -> String {
        var out = ""
        var inTag = false
        for char in text {
            if char == "<" { inTag = true; continue }
            if char == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(char) }
        }
        return decodeEntities(out)
    }

    /// The entities an escaped HTML title holds (`&amp;`, `&quot;`, `&#8217;`, `&#x2019;`, `&nbsp;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String? = named[name]
                if replacement == nil, name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    replacement = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
