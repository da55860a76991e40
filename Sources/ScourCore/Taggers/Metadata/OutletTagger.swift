import Foundation

/// Outlet: the markup's site name, else a name given in the text ("originally appeared on X"),
/// a dateline that names it, a copyright line, or the URL's host; written as the page writes it.
extension MetadataContext {
    /// The markup's outlet: the first hint that still names something once cleaned as a publication name.
    mutating func tagMarkupOutlet() {
        let hosts = pageHosts()
        for (hint, value) in markupValues([.outlet]) where meta.outlet == nil {
            guard var name = publicationName(Self.partFittingHost(value, hosts: hosts) ?? Self.shortestPart(value)) else { continue }
            // "https://www.example.com/" as the site's name: the address's host, read as a bare host below.
            if let host = Self.addressHost(name) { name = host }
            // The part after the headline in `<title>` may be a section or a tagline: it counts when it
            // shares a word with the page's host ("Investment Watch" on investmentwatchblog.com).
            // A name in Chinese, Japanese or Korean ("新华网" on news.cn) cannot be spelt by a host: the
            // test does not apply, but a section's path ("스포츠 > 스포츠 포토") is still no name. A
            // section in another script ("Политика") is tested as any.
            if hint.origin.source == .titleElement, !hosts.isEmpty {
                let cjk = !name.contains { $0.isASCII && $0.isLetter } && name.unicodeScalars.contains(where: TitleCleaner.isCJK)
                if cjk ? Self.isBreadcrumb(name) : !hosts.contains(where: { Self.nameFitsHost(name, host: $0) }) { continue }
            }
            // "www.example.com" or "example.com" as the site's name: the name as the page spells it.
            // A long last label is part of the name ("jungle.world" is "Jungle World"); a short one is a domain.
            if Self.isBareHost(name) {
                let whole = name.lowercased().hasPrefix("www.") ? String(name.dropFirst(4)) : name
                let spelt = (whole.split(separator: ".").last?.count ?? 0) > 3 ? properCase(whole) : "."
                name = spelt.contains(".") ? properCase(hostName(name)) : spelt
            }
            meta.outlet = name; set("outlet", rule: hint.origin.description)
        }
    }

    /// The hosts of the page's addresses (its URL and the markup's), lowercased.
    func pageHosts() -> [String] {
        ([meta.url] + document.markupHints.filter { $0.field == .url }.map(\.value)).compactMap { url in
            url.flatMap { URL(string: $0)?.host?.lowercased() }
        }
    }

    /// A word of the name (three letters or more) is in the host, or the host's name starts the name's letters.
    static func nameFitsHost(_ name: String, host: String) -> Bool {
        let hostKey = TextKey.letters(host)
        let nameKey = TextKey.letters(name)
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { TextKey.letters(String($0)) }
        if words.contains(where: { $0.count >= 3 && hostKey.contains($0) }) { return true }
        let label = TextKey.hostLabel(host) ?? hostKey
        return label.count >= 3 && nameKey.hasPrefix(label)
    }

    /// "LinkNaija | Nigeria's popular news platform" on linknaija.com: of a name and a tagline, the
    /// part the page's host spells, when exactly one part does.
    static func partFittingHost(_ value: String, hosts: [String]) -> String? {
        guard !hosts.isEmpty, outletSeparators.contains(where: value.contains) else { return nil }
        var parts = [value]
        for separator in outletSeparators { parts = parts.flatMap { $0.components(separatedBy: separator) } }
        parts = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let fitting = parts.filter { part in hosts.contains { nameFitsHost(part, host: $0) } }
        return fitting.count == 1 && parts.count > 1 ? fitting[0] : nil
    }

    static let outletSeparators = [" | ", " – ", " — ", " - ", " -- ", "｜"]

    /// "Frollein Herr | Information und Inspiration rund um …": a long value with a separator is a
    /// name and a tagline, or a headline and a name. Split at its first separator, the name is the
    /// first part when that is short, else the last.
    static func shortestPart(_ value: String) -> String {
        guard value.split(separator: " ").count > 6 else { return value }
        let found = outletSeparators.compactMap { value.range(of: $0) }
        guard let first = found.min(by: { $0.lowerBound < $1.lowerBound }) else { return value }
        let head = value[..<first.lowerBound].trimmingCharacters(in: .whitespaces)
        if !head.isEmpty, head.split(separator: " ").count <= 6 { return head }
        let separator = String(value[first])
        let last = value.components(separatedBy: separator).last?.trimmingCharacters(in: .whitespaces) ?? ""
        return !last.isEmpty && last.split(separator: " ").count <= 6 ? last : value
    }

    /// The host of a name written as a web address ("https://example.com", "http://www.example.com/"),
    /// else nil. Some sites put their address in `og:site_name`.
    static func addressHost(_ name: String) -> String? {
        let lower = name.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !name.contains(" "),
              let host = URL(string: name)?.host, host.contains("."), !HostName.isAddressOrLocal(host) else { return nil }
        return host.lowercased()
    }

    /// A host as written in an address: no spaces, a dot, lowercase or "www."-prefixed ("example.com",
    /// "Www.bmas.de"). A name the site spells with capitals ("Space.com", "CBSSports.com") is its brand.
    static func isBareHost(_ name: String) -> Bool {
        guard !name.contains(" "), name.contains("."), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        let lower = name.lowercased()
        return lower.hasPrefix("www.") || name == lower
    }

    /// A publication's name without what surrounds it in a copyright line: "©", "Copyright",
    /// "All rights reserved", years, no-break spaces and a company suffix ("Inc", "LLC", "GmbH").
    /// Nil when nothing but those is left.
    func publicationName(_ raw: String) -> String? {
        var text = raw
        // Each search below runs only where its bytes are: the searches cannot match without them.
        if OutletBytes.hasNoBreakSpace(text) {
            text = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        }
        // "ⓒ" and "Ⓒ": the circled c Korean and Japanese sites write for the sign.
        for sign in OutletBytes.signs where text.contains(sign) { text = text.replacingOccurrences(of: sign, with: " ") }
        if text.contains("(c)") || text.contains("(C)") {
            text = text.replacingOccurrences(of: "(c)", with: " ", options: .caseInsensitive)
        }
        let phrases = stage.words.copyrightPhrases
        for (phrase, lead) in zip(phrases, stage.copyrightPhraseLeads)
        where OutletBytes.mayHold(text, lead: lead) && text.range(of: phrase, options: .caseInsensitive) != nil {
            text = text.replacingOccurrences(of: phrase, with: " ", options: .caseInsensitive)
        }
        var words = text.split(whereSeparator: \.isWhitespace).filter { !Self.isYear($0) }
        // Company suffixes come off the end, several if need be ("Hearst Communications, Inc."), never the last word.
        while words.count > 1 {
            let last = words.last!.lowercased().trimmingCharacters(in: Self.outletEdges)
            let pair = (words[words.count - 2] + " " + words.last!).lowercased().trimmingCharacters(in: Self.outletEdges)
            if stage.companySuffixes.contains(pair), words.count > 2 {
                words.removeLast(2)
            } else if last.isEmpty || last == "&" || stage.companySuffixes.contains(last) {
                words.removeLast()
            } else {
                break
            }
        }
        let name = words.joined(separator: " ").trimmingCharacters(in: Self.nameEdges)
        guard name.contains(where: \.isLetter) else { return nil }
        return name
    }

    static let nameEdges = CharacterSet(charactersIn: " .,;:|-–—&*_\"'”“")

    /// "2019", "2005-2024", "2019–": a year or a range of years.
    static func isYear(_ word: Substring) -> Bool {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "/" }).map { $0.trimmingCharacters(in: outletEdges) }
        return !parts.isEmpty && parts.allSatisfy { part in
            part.count == 4 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (part.hasPrefix("19") || part.hasPrefix("20"))
        }
    }

    mutating func tagOutlet() {
        guard meta.outlet == nil else {
            // A name with capitals was written by the site; only a host-like name needs its casing found.
            if !meta.outlet!.contains(where: \.isUppercase) { meta.outlet = properCase(meta.outlet!) }
            return
        }
        // Named in the text: "originally appeared on X", "the position of X", "follow X on Google News".
        let patterns = stage.words.outletPatterns.map { (pattern: $0, before: Array($0.before.utf8)) }
        for index in document.blocks.indices {
            let text = document.blocks[index].text
            // ASCII text first searched where it lies, case folded: most blocks hold no pattern.
            guard OutletBytes.mayHoldPattern(text, befores: stage.outletPatternBefores), words(index) <= 60 else { continue }
            guard let lowerBytes = ASCIIText.lowered(text) ?? lowercasedIfPatternMayMatch(text, leads: stage.outletPatternLeads) else { continue }
            for (pattern, before) in patterns {
                // Lowercasing keeps byte offsets for the ASCII phrases these patterns are.
                guard let start = Self.firstOffset(of: before, in: lowerBytes), lowerBytes.count == text.utf8.count else { continue }
                var name = String(decoding: Array(text.utf8).dropFirst(start + pattern.before.utf8.count), as: UTF8.self)
                if !pattern.after.isEmpty {
                    guard let end = name.lowercased().byteOffset(of: pattern.after) else { continue }
                    name = String(decoding: Array(name.utf8).prefix(end), as: UTF8.self)
                }
                // "First published on November 19, 2019 / 8:16 AM" names a time, not a publication.
                if let outlet = outletName(name), dateParser.firstDate(in: outlet) == nil {
                    meta.outlet = outlet
                    set("outlet", rule: "named-in-text", block: index)
                    return
                }
            }
        }
        // "Strategic Council Online - During …": a dateline that names the outlet. A place's dateline
        // is written in capitals or with its region ("CLEVELAND, Ohio –", "Dekalb, Ill. —", "LONDON (Reuters) -").
        if let first = firstProse, let head = leadingDateline(document.blocks[first].text)?.head {
            let headWords = head.split(separator: " ")
            if (2...5).contains(headWords.count), headWords.allSatisfy({ $0.first?.isUppercase == true }),
               !headWords.contains(where: { $0.count > 1 && $0.allSatisfy { !$0.isLetter || $0.isUppercase } }),
               !head.contains(where: { $0 == "(" || $0 == "," || $0 == "." || $0.isNumber }) {
                meta.outlet = head
                set("outlet", rule: "dateline", block: first)
                return
            }
        }
        if let (holder, index) = copyrightHolder() {
            meta.outlet = holder
            set("outlet", rule: "copyright", block: index)
            return
        }
        if let url = meta.url, let host = URL(string: url)?.host, !HostName.isAddressOrLocal(host) {
            meta.outlet = properCase(hostName(host))
            set("outlet", rule: "url-host")
        }
    }

    /// "X - rest", "X – rest", "X—rest": a head of under 50 characters before the text's first dash.
    func leadingDateline(_ text: String) -> (head: String, rest: Substring)? {
        guard OutletBytes.hasDash(text) else { return nil }
        let window = text.prefix(50)
        let dashes = [" - ", "—", "–"].compactMap { window.range(of: $0) }
        guard let dash = dashes.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let head = text[..<dash.lowerBound].trimmingCharacters(in: .whitespaces)
        let rest = text[dash.upperBound...].drop(while: { $0 == " " })
        guard !head.isEmpty, !rest.isEmpty else { return nil }
        return (head, rest)
    }

    /// "Strategic Council Online - During the visit…": a body that opens with the outlet's own name
    /// as its dateline loses it (it is metadata, now in `outlet`). A place ("LONDON (Reuters) -") is
    /// no outlet and stays.
    mutating func dropOutletDateline() {
        guard let outlet = meta.outlet, let first = firstProse, document.blocks[first].isKept else { return }
        let text = document.blocks[first].text
        guard let (head, rest) = leadingDateline(text), TextKey.letters(head) == TextKey.letters(outlet),
              !TextKey.letters(head).isEmpty else { return }
        document.blocks[first].text = String(rest)
    }

    /// The lowercased bytes of a non-ASCII text, or nil when no pattern can be found in them: the
    /// patterns' leading ASCII must then be in the text's own bytes (case aside), as only the
    /// Kelvin sign and "İ" lowercase to ASCII.
    func lowercasedIfPatternMayMatch(_ text: String, leads: FoldedNeedles) -> [UInt8]? {
        if !ASCIIText.mayTurnASCII(text), !leads.anyIn(text, emptyMatches: true) { return nil }
        return Array(text.lowercased().utf8)
    }

    static let outletEdges = CharacterSet(charactersIn: " .,;:*_\"'”“")
    static let copyrightBytes = Array("copyright".utf8)

    /// Trims a phrase to the outlet's name and gives it the casing the page uses.
    func outletName(_ raw: String) -> String? {
        var name = raw
        for cut in [" read the full", ". ", " | ", " - ", " – ", "*", "\n"] {
            if let range = name.range(of: cut, options: .caseInsensitive) { name = String(name[..<range.lowerBound]) }
        }
        name = name.trimmingCharacters(in: Self.outletEdges)
        guard !name.isEmpty, name.count <= 60 else { return nil }
        if name.contains(".") && !name.contains(" ") { name = hostName(name) }
        return properCase(name)
    }

    /// "www.aljazeera.com" → "aljazeera".
    func hostName(_ host: String) -> String {
        var parts = host.lowercased().split(separator: ".").map(String.init)
        if parts.first == "www" || parts.first == "m" || parts.first == "amp" { parts.removeFirst() }
        if parts.count > 1 { parts.removeLast() }
        if parts.count > 1, ["co", "com", "org", "net", "gov", "ac"].contains(parts.last!) { parts.removeLast() }
        return parts.last ?? host
    }

    /// Byte offset of `needle` in `hay`: the blocks' bytes are made once, the patterns searched in them.
    static func firstOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        ByteSearch.firstOffset(of: needle, in: hay)
    }

    /// The rule the byte paths stand for: each run of up to five tokens whose letter keys join
    /// into `target`, counted under its spelling when it starts with a capital.
    static func countPhrasesByTokens(_ text: String, target: String, into counts: inout [String: Int]) {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "’" || $0 == "'" || $0 == ":" })
        for start in tokens.indices {
            var joined = ""
            for end in start..<min(tokens.count, start + 5) {
                joined += TextKey.letters(String(tokens[end]))
                if joined == target {
                    let phrase = tokens[start...end].joined(separator: " ")
                    if phrase.first?.isUppercase == true { counts[phrase, default: 0] += 1 }
                    break
                }
                if !target.hasPrefix(joined) { break }
            }
        }
    }

    /// The page's own spelling of a name: "aljazeera" → "Al Jazeera", "BLiTZ" → "Blitz".
    func properCase(_ name: String) -> String {
        let target = TextKey.letters(name)
        guard !target.isEmpty else { return name }
        var counts: [String: Int] = [:]
        // The tokens' keys joined are a substring of the block's key: blocks without the target
        // there need no tokens. Keys compare as bytes where String equality is byte equality: for an
        // ASCII target (no other key normalizes to ASCII), or a plain target in plain text (both NFC).
        let targetBytes = Array(target.utf8)
        let ascii = targetBytes.allSatisfy { $0 < 0x80 }
        let plain = !ascii && PlainScalar.isPlainText(target)
        // The keys are of the blocks as the stage got them: a text it shortened since keeps a part of its key.
        let keys = ascii || plain ? blockFeatures.letterKeys : []
        let plainBlocks = plain ? blockFeatures.plainBlocks : []
        for (blockIndex, block) in document.blocks.enumerated() {
            let bytewise = ascii || (plain && plainBlocks[blockIndex])
            if bytewise, !OutletBytes.contains(targetBytes, in: keys[blockIndex]) { continue }
            if bytewise, Self.countPhrasesASCII(block.text, target: targetBytes, into: &counts) { continue }
            if bytewise, Self.countPhrasesPlain(block.text, target: targetBytes, into: &counts) { continue }
            Self.countPhrasesByTokens(block.text, target: target, into: &counts)
        }
        let best = counts.max { lhs, rhs in
            let lhsScore = lhs.value * 2 + (lhs.key.contains(" ") ? 1 : 0) - (lhs.key.contains(".") ? 2 : 0)
            let rhsScore = rhs.value * 2 + (rhs.key.contains(" ") ? 1 : 0) - (rhs.key.contains(".") ? 2 : 0)
            return lhsScore != rhsScore ? lhsScore < rhsScore : lhs.key > rhs.key
        }
        if let best, best.value >= 1, !best.key.contains(".") { return best.key }
        if name == name.lowercased() { return name.prefix(1).uppercased() + name.dropFirst() }
        return name
    }

    /// The token loop of `properCase` on bytes, for ASCII text and target (false for other text):
    /// the separators are single bytes, a token's key is its letters lowercased and its digits.
    static func countPhrasesASCII(_ text: String, target: [UInt8], into counts: inout [String: Int]) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        var tokens: [Range<Int>] = []
        var start: Int?
        for (offset, byte) in bytes.enumerated() {
            let separator = byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x27 || byte == 0x3A
            if separator {
                if let first = start { tokens.append(first..<offset); start = nil }
            } else if start == nil {
                start = offset
            }
        }
        if let first = start { tokens.append(first..<bytes.count) }
        var joined: [UInt8] = []
        for first in tokens.indices {
            joined.removeAll(keepingCapacity: true)
            for end in first..<min(tokens.count, first + 5) {
                for byte in bytes[tokens[end]] {
                    if byte >= 0x41 && byte <= 0x5A {
                        joined.append(byte + 0x20)
                    } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        joined.append(byte)
                    }
                }
                if joined == target {
                    let head = bytes[tokens[first].lowerBound]
                    if head >= 0x41 && head <= 0x5A {
                        let phrase = tokens[first...end].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ")
                        counts[phrase, default: 0] += 1
                    }
                    break
                }
                if !target.starts(with: joined) { break }
            }
        }
        return true
    }
}
