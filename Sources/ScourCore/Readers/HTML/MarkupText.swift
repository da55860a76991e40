import Foundation

/// The text helpers of the markup scan: class and id words, URL path segments, short lines,
/// whitespace collapsing, each on bytes where the walk runs them per element.
extension MarkupScan {
    /// Lowercased words of the class and id: `post-meta__date` → post, meta, date.
    func classWords(_ node: HTMLNode) -> [String] {
        var words: [String] = []
        for name in ["class", "id"] {
            guard var value = node.attribute(name) else { continue }
            value.withUTF8 { words += Self.words($0) }
        }
        return words
    }

    /// What a date element's class or id words say it is: the publication ("published", "pubdate",
    /// "posted") or an update ("updated", "modified").
    static func dateRole(_ words: [String]) -> (published: Bool, modified: Bool) {
        // WordPress's `entry-date` is the post's own date: tagDiv's themes print `entry-date updated` on
        // their one `<time>` (the microformat's required class), whose datetime is the publication.
        let entryDate = zip(words, words.dropFirst()).contains { $0 == "entry" && $1 == "date" }
        return (entryDate || words.contains { $0.hasPrefix("publi") || $0 == "pubdate" || $0 == "posted" },
                words.contains { $0.hasPrefix("update") || $0.hasPrefix("modif") })
    }

    /// Lowercased words of one class or id value, split on spaces, '-' and '_'.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in bytes {
            if byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            } else {
                word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Whether a URL path has a segment from the set (`/author/jane`), without splitting the URL.
    /// `named`: only with a segment or a query after it; `/articles/authors` alone is the index of
    /// every author, a menu's link.
    static func hasPathSegment(_ href: String, in wanted: [[UInt8]], named: Bool = false) -> Bool {
        var copy = href
        return copy.withUTF8 { hasPathSegment(bytes: $0, in: wanted, named: named) }
    }

    /// `hasPathSegment` on the address's bytes.
    static func hasPathSegment(bytes: UnsafeBufferPointer<UInt8>, in wanted: [[UInt8]], named: Bool = false) -> Bool {
        // Compared as lowercased bytes, segment by segment, with no String or array made:
        // this runs for every link of every page.
        var segmentStart = 0
        func matches(_ end: Int) -> Bool {
            let length = end - segmentStart
            guard length > 0, length <= 16 else { return false }
            return wanted.contains { candidate in
                guard candidate.count == length else { return false }
                for offset in 0..<length {
                    var byte = bytes[segmentStart + offset]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != candidate[offset] { return false }
                }
                return true
            }
        }
        // What follows the segment at `index` (a separator) names someone: a query, or a further segment.
        func namesOne(after index: Int) -> Bool {
            guard bytes[index] != UInt8(ascii: "#"), index + 1 < bytes.count else { return false }
            let next = bytes[index + 1]
            return bytes[index] == UInt8(ascii: "?") || (next != UInt8(ascii: "/") && next != UInt8(ascii: "?") && next != UInt8(ascii: "#"))
        }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                if matches(index), !named || namesOne(after: index) { return true }
                if byte != UInt8(ascii: "/") { return false }
                segmentStart = index + 1
            }
        }
        return !named && matches(bytes.count)
    }

    /// `node.spacedText` when it is a short line (see `isShortLine`) and the element's text is at most
    /// 1200 bytes (a byline is short; a wrapper that happens to carry such a class is not, and is not read whole).
    /// A byte pass decides most elements without building their text.
    static func shortLineText(_ node: HTMLNode) -> String? {
        var probe = ShortLineProbe()
        node.forEachDescendant { child in
            guard !probe.isDecided else { return false }
            if child.isText { child.withContent { probe.feed($0) } }
            return true
        }
        switch probe.verdict {
        case .no:
            return nil
        case .yes:
            return node.spacedText
        case .unknown:
            let text = node.spacedText
            return isShortLine(text) ? text : nil
        }
    }

    /// `text.count`, counted as bytes when the text is ASCII (one Character a byte, but for "\r\n").
    static func characterCount(_ text: String) -> Int {
        var copy = text
        let ascii = copy.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || $0 == 0x0D } }
        return ascii ? text.utf8.count : text.count
    }

    static func isShortLine(_ text: String) -> Bool {
        guard text.utf8.count <= 1200 else { return false }
        let collapsed = collapse(text)
        return !collapsed.isEmpty && collapsed.count <= 100 && collapsed.split(separator: " ").count <= 12
    }

    /// Whitespace runs to one space, ends trimmed: `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`.
    /// Done on bytes, scalar by scalar: a whitespace scalar is a whitespace Character of its own unless
    /// a scalar before it can take it into its Character (prepended marks) or one after it can join it
    /// (combining marks). Text with such a neighbour next to a space (rare) takes the Character path.
    static func collapse(_ text: String) -> String {
        var copy = text
        var needsCharacters = false
        let collapsed = copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var written = 0
                var pendingSpace = false
                var previousPlain = true
                var nextMustBePlain = false
                var index = 0
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                            if byte == 0x20 && !previousPlain {
                                needsCharacters = true
                                return 0
                            }
                            pendingSpace = written > 0
                            nextMustBePlain = byte == 0x20
                        } else {
                            if pendingSpace {
                                out[written] = 0x20
                                written += 1
                            }
                            pendingSpace = false
                            nextMustBePlain = false
                            out[written] = byte
                            written += 1
                        }
                        previousPlain = true
                        index += 1
                        continue
                    }
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    let plain = MarkupBytes.isPlainScalar(scalar)
                    let space = MarkupBytes.whitespace(scalar)
                    if nextMustBePlain && !plain || space == .joinable && !previousPlain {
                        needsCharacters = true
                        return 0
                    }
                    switch space {
                    case .none:
                        if pendingSpace {
                            out[written] = 0x20
                            written += 1
                        }
                        pendingSpace = false
                        nextMustBePlain = false
                        for offset in 0..<length { out[written + offset] = bytes[index + offset] }
                        written += length
                    case .breaking:
                        pendingSpace = written > 0
                        nextMustBePlain = false
                    case .joinable:
                        pendingSpace = written > 0
                        nextMustBePlain = true
                    }
                    previousPlain = plain
                    index += length
                }
                return written
            }
        }
        return needsCharacters ? text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") : collapsed
    }
}

extension HTMLNode {
    /// Text below this node with a space at every text-node boundary: `<span>By</span><a>Jane</a>` → "By Jane".
    var spacedText: String {
        // The text nodes' bytes joined with spaces, made a String once.
        var bytes: [UInt8] = []
        var first = true
        forEachDescendant { node in
            guard node.isText else { return true }
            if !first { bytes.append(0x20) }
            first = false
            node.withContent { bytes.append(contentsOf: $0) }
            return true
        }
        return MarkupScan.collapse(String(decoding: bytes, as: UTF8.self))
    }

    /// The text's byte length, counted only up to `limit` (a date element is short;
    /// a wrapper that happens to carry such a class is not, and is not read whole).
    func textBytes(upTo limit: Int) -> Int {
        var total = 0
        forEachDescendant { node in
            guard total <= limit else { return false }
            if node.isText { node.withContent { total += $0.count } }
            return true
        }
        return total
    }
}
