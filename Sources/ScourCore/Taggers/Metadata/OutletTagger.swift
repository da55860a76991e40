import Foundation

/// Outlet: the markup's site name, else a name given in the text ("originally appeared on X"),
/// a dateline that names it, a copyright line, or the URL's host; written as the page writes it.
extension MetadataContext {
    /// The markup's outlet (the first hint wins).
    mutating func tagMarkupOutlet() {
        for (hint, value) in markupValues([.outlet]) where meta.outlet == nil {
            meta.outlet = value; set("outlet", rule: hint.origin.description)
        }
    }

    mutating func tagOutlet() {
        guard meta.outlet == nil else {
            // A name with capitals was written by the site; only a host-like name needs its casing found.
            var keys: [[UInt8]]?
            if !meta.outlet!.contains(where: \.isUppercase) { meta.outlet = properCase(meta.outlet!, keys: &keys) }
            return
        }
        /// Letter keys of the blocks, made on the first `properCase`.
        var keys: [[UInt8]]?
        // Named in the text: "originally appeared on X", "the position of X", "follow X on Google News".
        let patterns = stage.words.outletPatterns.map { (pattern: $0, before: Array($0.before.utf8)) }
        let leads = patterns.map { ASCIIText.lead($0.pattern.before) }
        for index in document.blocks.indices where words(index) <= 60 {
            let text = document.blocks[index].text
            guard let lowerBytes = ASCIIText.lowered(text) ?? lowercasedIfPatternMayMatch(text, leads: leads) else { continue }
            for (pattern, before) in patterns {
                // Lowercasing keeps byte offsets for the ASCII phrases these patterns are.
                guard let start = Self.firstOffset(of: before, in: lowerBytes), lowerBytes.count == text.utf8.count else { continue }
                var name = String(decoding: Array(text.utf8).dropFirst(start + pattern.before.utf8.count), as: UTF8.self)
                if !pattern.after.isEmpty {
                    guard let end = name.lowercased().byteOffset(of: pattern.after) else { continue }
                    name = String(decoding: Array(name.utf8).prefix(end), as: UTF8.self)
                }
                if let outlet = outletName(name, keys: &keys) {
                    meta.outlet = outlet
                    set("outlet", rule: "named-in-text", block: index)
                    return
                }
            }
        }
        // "Strategic Council Online - During …": a dateline that names the outlet.
        if let first = firstProse {
            let text = document.blocks[first].text
            for dash in [" - ", " – ", " — "] {
                guard let range = text.range(of: dash), text.distance(from: text.startIndex, to: range.lowerBound) < 50 else { continue }
                let head = String(text[..<range.lowerBound])
                let headWords = head.split(separator: " ")
                if (2...5).contains(headWords.count), headWords.allSatisfy({ $0.first?.isUppercase == true }),
                   !head.contains(where: { $0 == "(" || $0.isNumber }) {
                    meta.outlet = head
                    set("outlet", rule: "dateline", block: first)
                    return
                }
            }
        }
        // "© 2005-2024 BLiTZ", "Copyright 2021 The Times".
        for index in document.blocks.indices.reversed() {
            let text = document.blocks[index].text
            // The bytes first: "©" in them, or "copyright" at the start in any case, is needed for either test.
            let bytes = text.utf8
            guard ASCIIText.hasLoweredPrefix(bytes, Self.copyrightBytes) || ByteSearch.firstOffset(of: Self.copyrightSign, in: Array(bytes)) != nil,
                  text.contains("©") || text.lowercased().hasPrefix("copyright"), text.count < 200 else { continue }
            var rest = text.replacingOccurrences(of: "©", with: " ")
            for word in stage.words.copyrightPhrases {
                rest = rest.replacingOccurrences(of: word, with: " ", options: .caseInsensitive)
            }
            let cleaned = rest.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," || $0 == "|" })
                .filter { !$0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "–" } }
                .joined(separator: " ")
            if let outlet = outletName(cleaned, keys: &keys), outlet.split(separator: " ").count <= 6 {
                meta.outlet = outlet
                set("outlet", rule: "copyright", block: index)
                return
            }
        }
        if let url = meta.url, let host = URL(string: url)?.host, !HostName.isAddressOrLocal(host) {
            meta.outlet = properCase(hostName(host), keys: &keys)
            set("outlet", rule: "url-host")
        }
    }

    /// The lowercased bytes of a non-ASCII text, or nil when no pattern can be found in them: the
    /// patterns' leading ASCII must then be in the text's own bytes (case aside), as only the
    /// Kelvin sign and "İ" lowercase to ASCII.
    func lowercasedIfPatternMayMatch(_ text: String, leads: [[UInt8]]) -> [UInt8]? {
        if !ASCIIText.mayFoldToASCII(text) {
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                leads.contains { $0.isEmpty || ASCIIText.foldedOffset(of: $0, in: buffer) != nil }
            }
            if !found { return nil }
        }
        return Array(text.lowercased().utf8)
    }

    static let outletEdges = CharacterSet(charactersIn: " .,;:*_\"'”“")
    static let copyrightBytes = Array("copyright".utf8)
    static let copyrightSign = Array("©".utf8)

    /// Trims a phrase to the outlet's name and gives it the casing the page uses.
    func outletName(_ raw: String, keys: inout [[UInt8]]?) -> String? {
        var name = raw
        for cut in [" read the full", ". ", " | ", " - ", " – ", "*", "\n"] {
            if let range = name.range(of: cut, options: .caseInsensitive) { name = String(name[..<range.lowerBound]) }
        }
        name = name.trimmingCharacters(in: Self.outletEdges)
        guard !name.isEmpty, name.count <= 60 else { return nil }
        if name.contains(".") && !name.contains(" ") { name = hostName(name) }
        return properCase(name, keys: &keys)
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

    /// The page's own spelling of a name: "aljazeera" → "Al Jazeera", "BLiTZ" → "Blitz".
    func properCase(_ name: String, keys: inout [[UInt8]]?) -> String {
        let target = TextKey.letters(name)
        guard !target.isEmpty else { return name }
        var counts: [String: Int] = [:]
        // The tokens' keys joined are a substring of the block's key: blocks without the target
        // there need no tokens. Exact for ASCII targets (only those are compared as bytes here).
        let targetBytes = Array(target.utf8)
        let prefilter = targetBytes.allSatisfy { $0 < 0x80 }
        if prefilter && keys == nil { keys = document.blocks.map { TextKey.letterBytes($0.text) } }
        for (blockIndex, block) in document.blocks.enumerated() {
            if prefilter, ByteSearch.firstOffset(of: targetBytes, in: keys![blockIndex]) == nil { continue }
            if prefilter, Self.countPhrasesASCII(block.text, target: targetBytes, into: &counts) { continue }
            let tokens = block.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "’" || $0 == "'" || $0 == ":" })
            guard !tokens.isEmpty else { continue }
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
