import Foundation

/// What a title separator may cut off. One list of separators (`title_separators` in
/// `Resources/language/markup.json`) says, for each, which cuts it takes part in.
enum TitleCut: String, Decodable, Sendable {
    /// A part naming the site ("Headline | Umweltbundesamt"), wherever it is, when a site name is known.
    case siteName = "site_name"
    /// With no site name known, one short last part ("Headline - Site") after a strong separator.
    case shortTail = "short_tail"
    /// Short trailing parts, one after another ("Headline | Politics | Site"), for any title.
    case sectionTail = "section_tail"
    /// A last part after a separator written without spaces between Chinese, Japanese or Korean
    /// words ("蔡健雅_百度百科", "…：日本経済新聞"), as those scripts write titles.
    case cjkTail = "cjk_tail"
}

/// One title separator with the cuts it is used for.
struct TitleSeparator: Decodable, Sendable, Equatable {
    let text: String
    let cuts: Set<TitleCut>
}

/// The one title cleaner: the HTML reader removes site names from `<title>`, the metadata stage
/// removes section tails from every title it keeps. Separators are tried in their list's order.
struct TitleCleaner: Sendable {
    let separators: [TitleSeparator]

    /// The separators written with a space: those that may stand before a dated part.
    let spacedSeparators: [String]

    init(separators: [TitleSeparator]) {
        self.separators = separators
        spacedSeparators = separators.map(\.text).filter { $0.hasPrefix(" ") || $0.hasSuffix(" ") }
    }

    func texts(for cut: TitleCut) -> [String] {
        separators.filter { $0.cuts.contains(cut) }.map(\.text)
    }

    /// Removes a site-name suffix or prefix: "Headline - Site", "Site | Headline". Without a
    /// part naming a known site, drops a short last part after a strong separator.
    func removingSiteName(_ raw: String, siteNames: [String]) -> String {
        let title = MarkupScan.collapse(raw)
        // " | Some Site": a template's empty headline before the site's name is no title at all.
        let bare = title.trimmingCharacters(in: Self.separatorEdges)
        if bare.count < title.count, siteNames.contains(where: { $0.caseInsensitiveCompare(bare) == .orderedSame }) { return "" }
        let plain = Self.isPlain(title)
        let sites = siteNames.map { $0.lowercased() }.filter { !$0.isEmpty }
        for separator in texts(for: .siteName) {
            if plain && Self.lacks(title, separator) { continue }
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            // A part naming the site goes, wherever it is.
            if !sites.isEmpty {
                let kept = parts.filter { part in
                    let lower = part.lowercased().trimmingCharacters(in: .whitespaces)
                    return !sites.contains { lower == $0 || $0.contains(lower) && lower.count > 3 || lower.contains($0) && lower.count <= $0.count + 8 }
                }
                if kept.count < parts.count, !kept.isEmpty {
                    return kept.joined(separator: separator).trimmingCharacters(in: .whitespaces)
                }
            }
        }
        for separator in texts(for: .shortTail) {
            if plain && Self.lacks(title, separator) { continue }
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = title[..<range.lowerBound], tail = title[range.upperBound...]
            if tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3 {
                return String(head).trimmingCharacters(in: .whitespaces)
            }
        }
        return removingCJKTail(title) ?? title
    }

    /// A later part of the title that is a date ("Headline | Europa | DW | 28.04.2023", "Headline :
    /// 06.11.2023, 11.41 Uhr"): some sites print the day of the story there. Never the first part, where
    /// a headline may name the day it is about; only a short part with a year's four digits; only the
    /// separators written with spaces (a date's own hyphens and colons are none).
    func datedPart(of raw: String) -> String? {
        // A dated part holds digits: a title without any needs no search.
        guard Self.holdsDigit(raw) else { return nil }
        let title = MarkupScan.collapse(raw)
        for separator in spacedSeparators {
            guard title.contains(separator) else { continue }
            for part in title.components(separatedBy: separator).dropFirst() {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                if Self.isDatedPart(trimmed) { return trimmed }
            }
        }
        return nil
    }

    static let datedPartBytes = 40

    static func holdsDigit(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A short part shaped as a date: a year's four digits (19xx, 20xx) and another run of digits, a
    /// day's ("13.06.2023", "June 13, 2023", "9 oktober 2020 11:12"); "Paris 2024" or "2024 edition" is none.
    static func isDatedPart(_ part: String) -> Bool {
        guard part.utf8.count <= datedPartBytes, part.split(separator: " ").count <= 5 else { return false }
        let bytes = Array(part.utf8)
        var index = 0, runs = 0, year = false
        while index < bytes.count {
            guard (0x30...0x39).contains(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
            runs += 1
            if end - index == 4, bytes[index] == 0x31 && bytes[index + 1] == 0x39 || bytes[index] == 0x32 && bytes[index + 1] == 0x30 {
                year = true
            }
            index = end
        }
        return year && runs >= 2
    }

    /// "Headline – DW – 13.06.2023" → "Headline – DW": a last part that is a date goes (see `datedPart`).
    func removingDatedTail(_ title: String) -> String {
        // Asked of every title kept: one without digits is searched for no separator.
        guard Self.holdsDigit(title) else { return title }
        for separator in spacedSeparators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = title[..<range.lowerBound]
            if Self.isDatedPart(title[range.upperBound...].trimmingCharacters(in: .whitespaces)), head.split(separator: " ").count >= 2 {
                return String(head).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    /// Longest last part a CJK separator cuts off, and the shortest head it leaves (characters).
    static let cjkTailCharacters = 12
    static let cjkHeadCharacters = 2

    /// "蔡健雅_百度百科" → "蔡健雅": the last `cjk_tail` separator with a CJK character on both
    /// sides, a short last part without spaces, and a head of a few characters at least. Headlines
    /// join names with a dash ("中国-东盟博览会…") and quote a speaker after a colon ("习近平：…",
    /// never a `cjk_tail` separator): after a dash or bar the last part must be shorter than the
    /// head; an underscore is no headline's punctuation.
    func removingCJKTail(_ title: String) -> String? {
        guard !MarkupBytes.isASCII(title) else { return nil }
        for separator in texts(for: .cjkTail) where separator.utf8.first.map({ title.utf8.contains($0) }) ?? false {
            guard let range = title.range(of: separator, options: .backwards), range.lowerBound > title.startIndex,
                  range.upperBound < title.endIndex else { continue }
            let head = title[..<range.lowerBound], tail = title[range.upperBound...]
            // A space may stand before the separator ("（写真＝ロイター） ：日本経済新聞"), never after it.
            guard let before = head.unicodeScalars.last(where: { $0 != " " }), let after = tail.unicodeScalars.first,
                  Self.isCJK(before) || before.properties.generalCategory == .closePunctuation, Self.isCJK(after),
                  tail.count <= Self.cjkTailCharacters, !tail.contains(" "), head.count >= Self.cjkHeadCharacters,
                  separator == "_" || tail.count < head.count else { continue }
            return String(head).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Han, kana, Hangul and the CJK marks: the scripts that write no spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// The title without its parts that name a known site ("Headline - BusinessWeek" with the site
    /// "BusinessWeek"), or nil when no part does. Only a named site is cut, so this suits the
    /// markup's own headlines too (`og:title`), whose other tails are part of the headline; there
    /// a part goes only when it is the site's name itself, not a piece of it or a part holding it
    /// ("Welpen kaufen – Tipps …" on the site "Welpen", "Liverpool - Arsenal" on "Liverpool FC" stay whole).
    func removingNamedSite(_ raw: String, siteNames: [String]) -> String? {
        // Bounded: a headline is short, and a page naming its site many times names it the same way.
        guard raw.utf8.count <= Self.namedSiteMaxBytes else { return nil }
        let title = MarkupScan.collapse(raw)
        let sites = siteNames.prefix(Self.namedSiteMaxNames).map(MarkupScan.collapse).filter { !$0.isEmpty }
        guard !sites.isEmpty else { return nil }
        // Whatever is cut spells a name's letters, so they stand in the title's: most headlines lack them.
        let keys = Set(sites.flatMap(Self.nameKeys))
        let titleKey = Array(TextKey.letters(title).utf8)
        guard keys.contains(where: { ByteSearch.firstOffset(of: Array($0.utf8), in: titleKey) != nil }) else { return nil }
        let plain = Self.isPlain(title)
        let present = texts(for: .siteName).filter { !(plain && Self.lacks(title, $0)) }
        guard !present.isEmpty else { return nil }
        // The whole name at either end, whatever separators it holds itself
        // ("Headline - My Daily Magazine - Art, Design …" on the site "My Daily Magazine - Art, Design …").
        // Compared lowercased, in Characters (no Foundation search: this runs on every headline).
        let lowerTitle = title.lowercased()
        if lowerTitle.count == title.count {
            for site in sites.map({ $0.lowercased() }) {
                if lowerTitle.hasSuffix(site) {
                    let head = lowerTitle.dropLast(site.count)
                    if let separator = present.first(where: { head.hasSuffix($0) && head.count > $0.count }) {
                        return String(title.prefix(head.count - separator.count)).trimmingCharacters(in: .whitespaces)
                    }
                }
                if lowerTitle.hasPrefix(site) {
                    let tail = lowerTitle.dropFirst(site.count)
                    if let separator = present.first(where: { tail.hasPrefix($0) && tail.count > $0.count }) {
                        return String(title.suffix(tail.count - separator.count)).trimmingCharacters(in: .whitespaces)
                    }
                }
            }
        }
        // A part that spells the name: its letters are the name's, or the host's label of a name
        // written as a host ("BMAS - Headline" on the site "www.bmas.de").
        for separator in present {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let kept = parts.filter { !keys.contains(TextKey.letters($0)) }
            if kept.count < parts.count, !kept.isEmpty, kept.allSatisfy({ !TextKey.letters($0).isEmpty }) {
                return kept.joined(separator: separator).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    static let namedSiteMaxBytes = 2048
    static let namedSiteMaxNames = 8

    /// The letter keys a site name is spelt by: its own, and for a host ("www.bmas.de") its label's.
    static func nameKeys(_ site: String) -> [String] {
        var keys = [TextKey.letters(site)]
        if !site.contains(" "), site.contains(".") {
            var labels = site.lowercased().split(separator: ".")
            if labels.first == "www" { labels.removeFirst() }
            if labels.count >= 2 { keys.append(TextKey.letters(String(labels[labels.count - 2]))) }
        }
        return keys.filter { $0.count >= 2 }
    }

    static let separatorEdges = CharacterSet(charactersIn: " |-–—:»·•")
    /// What stands around a site's name cut off a title: the spaced separators' characters and the CJK ones.
    static let suffixEdges = separatorEdges.union(CharacterSet(charactersIn: "_｜：－"))

    /// What `removingSiteName` cut from the end of a title: its last part after a separator, of 1–5 words.
    func removedSuffix(of title: String, cleaned: String) -> String? {
        guard cleaned != title, !cleaned.isEmpty, title.hasPrefix(cleaned) else { return nil }
        var tail = Substring(title.dropFirst(cleaned.count))
        // The spaced separators only: "-" without spaces joins a name ("Bächli-Bergsport").
        for separator in separators where !separator.cuts.contains(.cjkTail) {
            if let range = tail.range(of: separator.text, options: .backwards) { tail = tail[range.upperBound...] }
        }
        let site = tail.trimmingCharacters(in: Self.suffixEdges)
        let words = site.split(separator: " ").count
        return (1...5).contains(words) ? site : nil
    }

    /// Drops " | Section news" and " | Site" tails (up to six words each), keeping the headline.
    /// Each tail cut costs what the tail and the head's first two words cost, not the whole title:
    /// a `<title>` of thousands of " | Section" tails took minutes when each cut searched, copied
    /// and measured the head again. A title of plain scalars (`isPlain`) is searched on its bytes,
    /// which find what Foundation's search finds there; any other keeps Foundation's.
    func removingSectionTails(_ raw: String) -> String {
        let trimmed = removingDatedTail(raw.trimmingCharacters(in: .whitespaces))
        let plain = Self.isPlain(trimmed)
        var title = Substring(trimmed)
        for separator in texts(for: .sectionTail) {
            // No character but these bytes is the separator: without them Foundation need not search.
            guard trimmed.byteOffset(of: separator) != nil else { continue }
            let bytes = Array(separator.utf8)
            while let range = plain ? Self.lastRange(of: bytes, in: title) : title.range(of: separator, options: .backwards) {
                let suffix = title[range.upperBound...]
                let head = title[..<range.lowerBound]
                guard suffix.split(separator: " ").count <= 6, plain ? Self.hasTwoWords(head) : head.split(separator: " ").count >= 2 else { break }
                title = plain ? Self.droppingTrailingWhitespace(head) : Substring(String(head).trimmingCharacters(in: .whitespaces))
            }
        }
        return String(title)
    }

    /// The last place `needle`'s bytes stand in `text`, searched from the end.
    static func lastRange(of needle: [UInt8], in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            var index = end, matched = needle.count
            while matched > 0, index > utf8.startIndex {
                let before = utf8.index(before: index)
                guard utf8[before] == needle[matched - 1] else { break }
                index = before
                matched -= 1
            }
            if matched == 0 { return index..<end }
            end = utf8.index(before: end)
        }
        return nil
    }

    /// `text.split(separator: " ").count >= 2`, reading only up to the second word.
    static func hasTwoWords(_ text: Substring) -> Bool {
        var words = 0, inWord = false
        for byte in text.utf8 {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1; if words == 2 { return true } }
        }
        return false
    }

    /// The text without the whitespace `trimmingCharacters(in: .whitespaces)` takes off its end
    /// (its start is already trimmed), reading only that whitespace.
    static func droppingTrailingWhitespace(_ text: Substring) -> Substring {
        var end = text.unicodeScalars.endIndex
        while end > text.unicodeScalars.startIndex {
            let before = text.unicodeScalars.index(before: end)
            guard CharacterSet.whitespaces.contains(text.unicodeScalars[before]) else { break }
            end = before
        }
        return text[..<end]
    }

    /// Every scalar of the title is one whose canonical decomposition holds no separator character
    /// (Latin letters decompose to a letter and marks, U+2000/U+2001 to other spaces).
    static func isPlain(_ title: String) -> Bool {
        title.unicodeScalars.allSatisfy { MarkupBytes.isPlainScalar($0.value) }
    }

    /// Whether a plain title surely holds no match of the separator, for Foundation's search too
    /// (which matches canonically equal text): true when the separator's bytes are absent and its
    /// characters are ones no plain scalar decomposes to (punctuation, symbols; no letters, digits,
    /// ';' or '`', no spaces other than U+0020). The Foundation calls then need not run.
    static func lacks(_ title: String, _ separator: String) -> Bool {
        let safe = separator.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20, 0x21...0x2F, 0x3A, 0x3C...0x40, 0x5B...0x5F, 0x7B...0x7E: return true
            case 0xA1...0xBF, 0x2010...0x2027, 0x20AC: return true
            default: return false
            }
        }
        guard safe, !separator.isEmpty else { return false }
        let needle = Array(separator.utf8)
        let haystack = Array(title.utf8)
        guard haystack.count >= needle.count else { return true }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return false }
        }
        return true
    }
}
