/// Post-selection step: the page's own summary (its meta, Open Graph or JSON-LD description)
/// set as a paragraph before the story body is the story's lead, even when a positional mark
/// ("top", "teaser", "header", "video", from `described_lead` in containers.json) or its place
/// outside the chosen container left it out. The paragraph must end like a sentence, be mostly
/// unlinked, and match the description: its start is in the description, or the description's
/// start is near its start. On a page whose chosen content is next to nothing (a video page whose
/// only text is the video's description), the paragraph may sit anywhere. One paragraph at most,
/// and none when the story already holds it.
struct DescribedLead {
    /// Marks that do not stop a paragraph matching the description from being the lead.
    let marks: Set<String>

    init(tokens: MarkupTokens) {
        marks = tokens.describedLeadMarks
    }

    /// Bytes compared from the start of a paragraph or a description.
    static let needleBytes = 60
    /// Shortest paragraph or description (bytes, folded) that is compared at all.
    static let minimumBytes = 30
    /// Descriptions compared at most (a page has one to three: meta, Open Graph, JSON-LD).
    static let descriptionsCompared = 8

    func apply(
        descriptions: [String], blocks: [WalkedBlock], containers: [ContentContainer], hints: [MarkupTokens.Hint],
        good: [Double], storyCharacters: Double, included: inout [Bool], reasons: inout [String?]
    ) {
        guard !marks.isEmpty else { return }
        // The first few descriptions only: each is compared with every paragraph above the body, and a
        // page of thousands of `<meta name="description">` cost paragraphs times descriptions.
        let folded = descriptions.prefix(Self.descriptionsCompared).map { Self.fold(Self.withoutLeadingTags($0), limit: 600) }
            .filter { $0.count >= Self.minimumBytes }
        guard !folded.isEmpty else { return }
        // The body starts at the first included story paragraph; a page with next to no story is searched whole.
        var bodyStart = blocks.count
        if storyCharacters >= MainContentSelector.fallbackCharacters {
            for index in blocks.indices where included[index] && good[index] > 0 {
                bodyStart = index
                break
            }
        }
        var found = -1
        var index = bodyStart - 1
        while index >= 0 {
            defer { index -= 1 }
            guard !included[index] else { continue }
            let walked = blocks[index]
            guard !walked.fromFigcaption, walked.characters >= Self.minimumBytes / 2,
                  walked.linkCharacters * 10 < walked.characters * 3,
                  walked.block.kind == .paragraph, Self.endsSentence(walked.block.text) else { continue }
            let text = Self.fold(Substring(walked.block.text), limit: 400)
            guard text.count >= Self.minimumBytes, folded.contains(where: { Self.matches(text, $0) }) else { continue }
            guard allowed(walked.container, containers: containers, hints: hints) else { continue }
            found = index
            break
        }
        guard found >= 0 else { return }
        // Already in the story (the description is the body's first paragraph): nothing to add.
        let key = Array(Self.fold(Substring(blocks[found].block.text), limit: 400).prefix(Self.minimumBytes))
        for other in blocks.indices where included[other] && blocks[other].characters >= Self.minimumBytes / 2 {
            let text = Self.fold(Substring(blocks[other].block.text), limit: 200)
            if Self.find(key, in: text[...], within: text.count) { return }
        }
        included[found] = true
        reasons[found] = nil
    }

    /// Ends with a full stop, question or exclamation mark, or an ellipsis (a closing quote or bracket may follow).
    /// A deck line under a headline usually has none; a lead paragraph does.
    static func endsSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch scalar {
            case " ", "\n", "\"", "'", "”", "“", "’", "»", "«", ")", "]": continue
            case ".", "!", "?", "…", "。", "！", "？": return true
            default: return false
            }
        }
        return false
    }

    /// Every boilerplate mark between the block and the page root is one of `marks`, and no figure is on the way.
    private func allowed(_ start: Int, containers: [ContentContainer], hints: [MarkupTokens.Hint]) -> Bool {
        var container = start
        while container >= 0 {
            if containers[container].tag == .figure { return false }
            if case let .boilerplate(word) = hints[container], !marks.contains(word) { return false }
            container = containers[container].parent
        }
        return true
    }

    /// The paragraph's start lies in the description, or the description's start lies near the paragraph's start.
    static func matches(_ text: [UInt8], _ description: [UInt8]) -> Bool {
        let head = Array(text.prefix(needleBytes))
        if find(head, in: description[...], within: description.count) { return true }
        let start = Array(description.prefix(needleBytes))
        return find(start, in: text[...], within: start.count + needleBytes)
    }

    /// `needle` occurs in `haystack` starting in its first `within` bytes.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, within: Int) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let base = haystack.startIndex
        let last = min(haystack.count - needle.count, within)
        var offset = 0
        while offset <= last {
            if haystack[base + offset] == needle[0] {
                var matched = 1
                while matched < needle.count, haystack[base + offset + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            offset += 1
        }
        return false
    }

    /// "<p>Summary…" → "Summary…": some sites put markup in the description.
    static func withoutLeadingTags(_ text: String) -> Substring {
        var rest = Substring(text)
        while let first = rest.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }), first == UInt8(ascii: "<"),
              let close = rest.utf8.firstIndex(of: UInt8(ascii: ">")) {
            rest = rest[rest.utf8.index(after: close)...]
        }
        return rest
    }

    /// UTF-8 bytes with white space (NBSP too) folded to single spaces, typographic quotes and
    /// apostrophes made plain, soft hyphens dropped, at most `limit` bytes.
    static func fold(_ text: Substring, limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, text.utf8.count))
        var pendingSpace = false
        var bytes = text.utf8.makeIterator()
        var lookahead: [UInt8] = []
        func next() -> UInt8? { lookahead.isEmpty ? bytes.next() : lookahead.removeFirst() }
        while out.count < limit, let byte = next() {
            var emit: UInt8? = byte
            var space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if byte == 0xC2, let second = next() {
                if second == 0xA0 { space = true; emit = nil } else if second == 0xAD { emit = nil; continue } else { lookahead.append(second) }
            } else if byte == 0xE2, let second = next() {
                if second == 0x80, let third = next() {
                    switch third {
                    case 0x98, 0x99: emit = UInt8(ascii: "'")
                    case 0x9C, 0x9D, 0x9E: emit = UInt8(ascii: "\"")
                    default: lookahead.append(second); lookahead.append(third)
                    }
                } else {
                    lookahead.append(second)
                }
            }
            if space {
                pendingSpace = !out.isEmpty
                continue
            }
            guard let value = emit else { continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(value)
            // A multi-byte sequence kept as is: its continuation bytes follow from the lookahead or the text.
            if value == 0xC2 || value == 0xE2 {
                while let pending = lookahead.first, pending & 0xC0 == 0x80 { out.append(lookahead.removeFirst()) }
            }
        }
        return out
    }
}

/// Post-selection step: short blocks inside the main content that are not the story's text:
/// photo credits and captions set as paragraphs ("… © AFP / Name", "Name, photo: Archive")
/// and calls to action ("Support us", "Rate this article", from `calls_to_action` in containers.json).
struct ByLines {
    let creditMarkers: [[UInt8]]
    let callsToAction: [[UInt8]]
    /// `callsToAction` by first byte, so a block is scanned once rather than once per phrase.
    let actionsByFirstByte: [[[UInt8]]]

    init(tokens: MarkupTokens) {
        creditMarkers = tokens.creditMarkers.map { Array($0.utf8) }
        callsToAction = tokens.callsToAction.map { Array($0.utf8) }
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for phrase in callsToAction where !phrase.isEmpty { buckets[Int(phrase[0])].append(phrase) }
        actionsByFirstByte = buckets
    }

    /// Longest block compared for a credit, in characters.
    static let creditBlockCharacters = 180
    /// Longest credit text after its marker, in bytes.
    static let creditBytes = 60
    /// Longest block compared for a call to action, in characters.
    static let actionBlockCharacters = 400

    func apply(blocks: [WalkedBlock], included: inout [Bool], reasons: inout [String?]) {
        for index in blocks.indices where included[index] {
            let walked = blocks[index]
            guard walked.characters <= Self.actionBlockCharacters, walked.block.kind != .preformatted else { continue }
            let lower = Self.lowered(walked.block.text)
            if walked.characters <= Self.creditBlockCharacters, isCredit(lower) {
                included[index] = false
                reasons[index] = "credit-line"
            } else if isCallToAction(lower) {
                included[index] = false
                reasons[index] = "call-to-action"
            }
        }
    }

    /// A credit marker ("©", "photo:") followed by a short credit to the end of the block.
    func isCredit(_ text: [UInt8]) -> Bool {
        // `lowered` leaves at most one space after a marker: only a marker ending in the last
        // `creditBytes + 1` bytes can pass, and the last occurrence, if any passes, is there.
        let windowStart = text.count - Self.creditBytes - 1
        for marker in creditMarkers {
            guard let end = Self.lastEnd(of: marker, in: text, from: windowStart - marker.count) else { continue }
            var after = text.count - end
            var index = end
            while index < text.count, text[index] == 0x20 { index += 1; after -= 1 }
            if after <= Self.creditBytes { return true }
        }
        return false
    }

    /// Some phrase of `callsToAction` occurs in `text` as whole words (see `containsWord`).
    func isCallToAction(_ text: [UInt8]) -> Bool {
        let count = text.count
        for start in 0..<count where start == 0 || !Self.isWordByte(text[start - 1]) {
            for phrase in actionsByFirstByte[Int(text[start])] where start + phrase.count <= count {
                var matched = 1
                while matched < phrase.count, text[start + matched] == phrase[matched] { matched += 1 }
                guard matched == phrase.count else { continue }
                let end = start + phrase.count
                if end == count || !Self.isWordByte(text[end]) || !Self.isWordByte(phrase[phrase.count - 1]) { return true }
            }
        }
        return false
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// Lowercased bytes (ASCII letters, and the Latin-1/Latin Extended capitals of two bytes), white space folded.
    static func lowered(_ text: String) -> [UInt8] {
        if let ascii = asciiLowered(text) { return ascii }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        TextFold.appendCollapsingSpaces(text, to: &out) { scalar, bytes in
            let value = scalar.value
            if value < 0x80 {
                bytes.append(ASCIIText.fold(UInt8(value)))
            } else if value == 0x2019 {
                bytes.append(UInt8(ascii: "'"))
            } else {
                let lower = (value >= 0xC0 && value <= 0xDE && value != 0xD7) ? Unicode.Scalar(value + 0x20)! : scalar
                TextFold.appendUTF8(lower, to: &bytes)
            }
        }
        return out
    }

    /// `lowered` for ASCII text (most blocks), on bytes; nil for other text.
    static func asciiLowered(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Written straight into the array's storage: at most one byte out per byte in.
            return [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                        pendingSpace = count > 0
                        continue
                    }
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    out[count] = ASCIIText.fold(byte)
                    count += 1
                }
                written = count
            }
        }
    }

    /// Index just past the last occurrence of `needle` in `haystack` that starts at or after `from`.
    static func lastEnd(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = haystack.count - needle.count
        let first = max(0, from)
        while start >= first {
            if haystack[start] == needle[0] {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return start + needle.count }
            }
            start -= 1
        }
        return nil
    }
}
