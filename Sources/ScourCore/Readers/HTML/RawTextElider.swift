#if canImport(Glibc)
import Glibc
#endif

/// Empties `<script>` and `<style>` elements before libxml2 reads a page.
///
/// Their text is never content, yet it is a third or more of a modern page's bytes and
/// libxml2 decodes it character by character. The elements themselves stay (with only
/// their line breaks, so line numbers hold), as do JSON data blocks (`ld+json`), which
/// the markup scan reads. The scan follows libxml2's own rules for where markup, tags,
/// quoted attribute values, comments and a script's end are; wherever the page leaves
/// room for doubt (an unclosed quote or comment, markup right at a script's start, an
/// unusual construct), it stops and hands the rest of the page over unchanged, so outside
/// script and style the tree is the one libxml2 would build. Two differences are wanted:
/// where libxml2 would give up inside a script (bytes it cannot decode), the page goes on; and
/// a legacy reference in text that lacks its ';' ("&copy 2012") gets it, so the text reads as a
/// browser shows it (`LegacyEntities`).
/// It only ever sees UTF-8 (pages are decoded before it), where those characters are never
/// part of a multi-byte sequence.
///
/// It also bounds attribute floods: libxml2 checks each attribute of a tag against every
/// earlier one (quadratic: 100,000 attributes on one element took 14 s), so attributes past
/// `maximumAttributes` are dropped before libxml2 sees them (their line breaks kept). After a
/// point of doubt the scan goes on for this alone, reading each '<' as a possible start tag and
/// never reading a byte twice; a normal page never reaches the bound, so it is never touched.
///
/// Attributes no part of Scour reads (all but `ReadAttributes`: src, alt, width, event handlers,
/// `data-*`, responsive image lists, SVG path data…) are most of a page's attribute bytes once
/// scripts are gone, and libxml2 decodes attribute values character by character too: before any
/// point of doubt they are dropped with their value (line breaks kept), once their tag has been
/// read to its end.
enum RawTextElider {
    /// Attributes kept per start tag. Real pages stay far below (an SVG element or a widget with
    /// many `data-` attributes has a few dozen); at this bound libxml2's duplicate check costs at
    /// most ~8,000 comparisons per tag, which the tag's own bytes (over 4 per attribute) pay for.
    static let maximumAttributes = 128

    /// The page with script and style text removed, or nil when nothing was removed.
    static func elide(_ bytes: [UInt8]) -> [UInt8]? {
        elide(bytes, maximumAttributes: maximumAttributes)
    }

    static func elide(_ bytes: [UInt8], maximumAttributes: Int) -> [UInt8]? {
        elide(bytes, maximumAttributes: maximumAttributes, standIns: false)?.bytes
    }

    /// What the parser gets: the elided page, with long attribute values replaced by stand-ins
    /// (see `ParserStandIns`) that the tree builder turns back into the values.
    static func elideForParsing(_ bytes: [UInt8]) -> (bytes: [UInt8], standIns: ParserStandIns)? {
        elide(bytes, maximumAttributes: maximumAttributes, standIns: ParserStandIns.supported)
    }

    static func elide(_ bytes: [UInt8], maximumAttributes: Int, standIns: Bool) -> (bytes: [UInt8], standIns: ParserStandIns)? {
        bytes.withUnsafeBufferPointer { input -> (bytes: [UInt8], standIns: ParserStandIns)? in
            guard let base = input.baseAddress else { return nil }
            var scanner = Scanner(base: base, count: input.count, maximumAttributes: maximumAttributes,
                                  standIns: standIns && ParserStandIns.canUse(input),
                                  scriptStandIns: standIns && ParserStandIns.canUseForScripts(input))
            if scanner.makesStandIns { scanner.standIns = ParserStandIns(source: bytes) }
            return scanner.run().map { ($0, scanner.standIns) }
        }
    }

    private struct Scanner {
        let base: UnsafePointer<UInt8>
        let count: Int
        let maximumAttributes: Int
        var output: [UInt8] = []
        /// Input up to here is already in `output`.
        var copied = 0
        /// Past a point of doubt: script and style are left alone, only attribute floods are cut.
        var boundsOnly = false
        /// Where the next '&' of the page is, once looked up (`closeLegacyReferences`).
        var nextAmpersand = -1
        /// How far the last start tag was read, so a tag read in doubt is never read again.
        var reached = 0
        /// The current tag's unread attributes, dropped only once the whole tag is read.
        var unread: [Range<Int>] = []
        /// The current tag's long plain values, replaced by stand-ins once the whole tag is read.
        var longValues: [Range<Int>] = []
        /// Values replaced so far (only where `makesStandIns`).
        var standIns = ParserStandIns()
        let makesStandIns: Bool
        let makesScriptStandIns: Bool

        init(base: UnsafePointer<UInt8>, count: Int, maximumAttributes: Int, standIns: Bool, scriptStandIns: Bool) {
            self.base = base
            self.count = count
            self.maximumAttributes = maximumAttributes
            self.makesStandIns = standIns
            self.makesScriptStandIns = scriptStandIns
        }

        func at(_ index: Int) -> UInt8 { index < count ? base[index] : 0 }

        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        /// libxml2's HTML name characters (htmlParseHTMLName).
        static func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x3A || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        static func isNameStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == 0x5F || byte == 0x3A || byte == 0x2E }

        /// Attribute names (any case) that nothing in Scour looks up: all but `ReadAttributes`.
        func isUnread(_ start: Int, length: Int) -> Bool {
            !ReadAttributes.contains(base, start, length: length)
        }

        func find(_ byte: UInt8, from start: Int) -> Int? {
            guard start < count, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }

        /// First `needle` (ASCII, matched ignoring case) at or after `start`.
        func find(_ needle: StaticString, from start: Int, ignoringCase: Bool) -> Int? {
            let length = needle.utf8CodeUnitCount
            let first = needle.utf8Start[0]
            var position = start
            while let hit = find(first, from: position) {
                guard hit + length <= count else { return nil }
                if matches(needle, at: hit, ignoringCase: ignoringCase) { return hit }
                position = hit + 1
            }
            return nil
        }

        /// First `needle` (case-sensitive) inside input[start..<end].
        func search(_ needle: StaticString, from start: Int, to end: Int) -> Int? {
            let length = needle.utf8CodeUnitCount
            var position = start
            while end - position >= length, let hit = memchr(base + position, Int32(needle.utf8Start[0]), end - length + 1 - position) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, needle.utf8Start, length) == 0 { return offset }
                position = offset + 1
            }
            return nil
        }

        func matches(_ word: StaticString, at index: Int, ignoringCase: Bool) -> Bool {
            let length = word.utf8CodeUnitCount
            guard index + length <= count else { return false }
            for offset in 0..<length {
                let byte = base[index + offset], wanted = word.utf8Start[offset]
                if byte == wanted { continue }
                if ignoringCase, Self.isLetter(wanted), byte | 0x20 == wanted | 0x20 { continue }
                return false
            }
            return true
        }

        mutating func run() -> [UInt8]? {
            var position = 0
            while let open = find(UInt8(ascii: "<"), from: position) {
                if boundsOnly {
                    // Every '<' before a letter may open a tag; what was read stays read.
                    reached = open + 1
                    let next = Self.isLetter(at(open + 1)) ? startTag(open) : nil
                    position = max(next ?? reached, open + 1)
                    continue
                }
                closeLegacyReferences(from: position, to: open)
                guard let next = step(at: open) else {
                    boundsOnly = true
                    // A start tag may be read and edited (unread attributes, stand-ins, a flood) before
                    // its script or style text turns out doubtful: the scan goes on past what was
                    // written, so nothing is edited twice ("<script<a" and 129 attributes cut the
                    // flood again, before what was already written: a negative-size copy).
                    position = max(open + 1, copied)
                    continue
                }
                position = next
            }
            // The text after the last '<' (a page cut short ends in text).
            if !boundsOnly { closeLegacyReferences(from: position, to: count) }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
            return output
        }

        /// Writes the ';' a legacy reference in the text input[start..<end] lacks ("&copy 2012"):
        /// libxml2 would keep it as text where a browser shows the character.
        /// (The page's next '&' is looked up once and kept: most text runs hold none, and a search
        /// per run, between every two tags, cost more than the rest of this.)
        mutating func closeLegacyReferences(from start: Int, to end: Int) {
            let from = max(start, copied)
            if nextAmpersand < from { nextAmpersand = find(0x26, from: from) ?? count }
            while nextAmpersand < end {
                let ampersand = nextAmpersand
                if let nameEnd = LegacyEntities.missingSemicolon(base, ampersand: ampersand, end: end) {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: nameEnd - copied))
                    output.append(UInt8(ascii: ";"))
                    copied = nameEnd
                }
                nextAmpersand = find(0x26, from: ampersand + 1) ?? count
            }
        }

        /// Handles the markup starting with the '<' at `open`; returns where text resumes,
        /// or nil to stop eliding (the rest of the page is left as it is).
        mutating func step(at open: Int) -> Int? {
            let next = at(open + 1)
            switch next {
            case UInt8(ascii: "!"):
                if at(open + 2) == UInt8(ascii: "-"), at(open + 3) == UInt8(ascii: "-") { return skipComment(open) }
                if matches("DOCTYPE", at: open + 2, ignoringCase: true) { return skipDoctype(open) }
                return open + 1  // libxml2 reads a lone "<" as text
            case UInt8(ascii: "?"):
                // A processing instruction with a target runs to the next '>'; "<?" without one is skipped.
                let target = at(open + 2)
                if target >= 0x80 || target == UInt8(ascii: ".") { return nil }
                guard Self.isNameStart(target) else { return open + 2 }
                return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 }
            case UInt8(ascii: "/"):
                // An end tag runs to the next '>' (quotes mean nothing there); "</3" is text.
                guard Self.isNameStart(at(open + 2)) else { return at(open + 2) >= 0x80 ? nil : open + 2 }
                return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 }
            default:
                if Self.isLetter(next) { return startTag(open) }
                if next == UInt8(ascii: "_") || next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next >= 0x80 { return nil }
                return open + 1
            }
        }

        /// libxml2 2.9 also closes comments on "-->" forms HTML5 added ("<!-->", "--!>"); those are left alone.
        /// A comment's text is read by nothing (the tree keeps only where a comment was): it becomes
        /// one space and its line breaks.
        mutating func skipComment(_ open: Int) -> Int? {
            let bodyStart = open + 4
            if at(bodyStart) == UInt8(ascii: ">") || (at(bodyStart) == UInt8(ascii: "-") && at(bodyStart + 1) == UInt8(ascii: ">")) { return nil }
            guard let end = search("-->", from: bodyStart, to: count) else { return nil }
            if search("--!>", from: bodyStart, to: end + 3) != nil { return nil }
            if end - bodyStart > 1 {
                drop(from: bodyStart, to: bodyStart)
                output.append(0x20)
                dropLineBreaks(from: bodyStart, to: end)
            }
            return end + 3
        }

        /// A doctype ends at its first '>' when its quoted literals (if any) hold none.
        func skipDoctype(_ open: Int) -> Int? {
            guard let end = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
            var quote: UInt8 = 0
            for index in (open + 2)..<end {
                let byte = base[index]
                if quote == 0, byte == 0x22 || byte == 0x27 { quote = byte } else if byte == quote { quote = 0 }
            }
            return quote == 0 ? end + 1 : nil
        }

        /// A start tag, read the way htmlParseStartTag reads it; a script or style element's
        /// text is then dropped up to its end tag.
        mutating func startTag(_ open: Int) -> Int? {
            var index = open + 1
            while Self.isNameByte(at(index)) { index += 1 }
            let nameLength = index - open - 1
            guard nameLength < 100 else { return nil }
            while Self.isBlank(at(index)) { index += 1 }
            var type: Range<Int>?
            var attributes = 0
            /// Where the attributes past the bound start (the end of the last one kept).
            var floodStart: Int?
            if !unread.isEmpty { unread.removeAll(keepingCapacity: true) }
            if !longValues.isEmpty { longValues.removeAll(keepingCapacity: true) }
            defer { reached = max(reached, index) }
            while index < count, base[index] != UInt8(ascii: ">"), !(base[index] == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: ">")) {
                if Self.isNameStart(base[index]) {
                    let nameStart = index
                    while Self.isNameByte(at(index)) { index += 1 }
                    guard index - nameStart < 100 else { return nil }
                    attributes += 1
                    if attributes > maximumAttributes, floodStart == nil { floodStart = nameStart }
                    let isType = index - nameStart == 4 && matches("type", at: nameStart, ignoringCase: true)
                    let dropsUnread = !boundsOnly && floodStart == nil && isUnread(nameStart, length: index - nameStart)
                    while Self.isBlank(at(index)) { index += 1 }
                    if at(index) == UInt8(ascii: "=") {
                        index += 1
                        while Self.isBlank(at(index)) { index += 1 }
                        let quote = at(index)
                        let valueStart: Int
                        if quote == 0x22 || quote == 0x27 {
                            guard let close = find(quote, from: index + 1) else {
                                index = count  // read to the end: no later tag needs this search again
                                return nil
                            }
                            valueStart = index + 1
                            index = close + 1
                        } else {
                            valueStart = index
                            while index < count, !Self.isBlank(base[index]), base[index] != UInt8(ascii: ">") { index += 1 }
                        }
                        // libxml2 keeps the first of repeated attributes.
                        if isType, type == nil, floodStart == nil {
                            type = valueStart..<(quote == 0x22 || quote == 0x27 ? index - 1 : index)
                        }
                        if makesStandIns, !dropsUnread, !boundsOnly, floodStart == nil, quote == 0x22 || quote == 0x27,
                           ParserStandIns.replaces(UnsafeBufferPointer(start: base + valueStart, count: index - 1 - valueStart)) {
                            longValues.append(valueStart..<(index - 1))
                        }
                    }
                    // An attribute followed by a bogus one starting with '=' stays: without it, an
                    // attribute before it that has no value would take that '=' as its own
                    // ("<a charset t=x =v>" would become charset="v").
                    if dropsUnread, !nextIsEquals(after: index) { unread.append(nameStart..<index) }
                } else {
                    // libxml2 drops a bogus attribute up to the next blank or the tag's end.
                    if base[index] >= 0x80 { return nil }
                    while index < count, !Self.isBlank(base[index]), base[index] != UInt8(ascii: ">"),
                          !(base[index] == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: ">")) { index += 1 }
                }
                while Self.isBlank(at(index)) { index += 1 }
            }
            guard index < count else { return nil }
            editAttributes()
            if let floodStart { drop(from: floodStart, to: index) }
            if base[index] == UInt8(ascii: "/") { return index + 2 }  // "<script/>" holds no text
            let textStart = index + 1
            let isScript = nameLength == 6 && matches("script", at: open + 1, ignoringCase: true)
            let isStyle = nameLength == 5 && matches("style", at: open + 1, ignoringCase: true)
            guard isScript || isStyle, !boundsOnly else { return textStart }
            // Markup right at the start is read as markup before libxml2 turns to raw text
            // ("<script src=x></div>" closes the div there): only its own end tag is safe.
            let first = at(textStart)
            let name: StaticString = isScript ? "</script" : "</style"
            if first == UInt8(ascii: "<"), at(textStart + 1) == UInt8(ascii: "/") || Self.isNameStart(at(textStart + 1)),
               !matches(name, at: textStart, ignoringCase: true) { return nil }
            // libxml2 (recovering) ends the text at the first "</script" or "</style", in any case;
            // a longer name there ("</scripts") is an end tag it ignores before reading on as script.
            guard let close = find(name, from: textStart, ignoringCase: true),
                  !Self.isNameByte(at(close + name.utf8CodeUnitCount)) else { return nil }
            let keeps = isScript && type.map(holdsJSON) == true
            if !keeps, close > textStart { drop(from: textStart, to: close) }
            if keeps, makesScriptStandIns, ParserStandIns.replacesScript(UnsafeBufferPointer(start: base + textStart, count: close - textStart)) {
                standIn(textStart..<close, script: true)
                dropLineBreaks(from: textStart, to: close)
            }
            return close
        }

        /// Whether the first byte past the blanks at `index` is '='.
        func nextIsEquals(after index: Int) -> Bool {
            var position = index
            while Self.isBlank(at(position)) { position += 1 }
            return at(position) == UInt8(ascii: "=")
        }

        /// `type="application/ld+json"` and other JSON data blocks are read by the markup scan;
        /// a type written with character references ("ld+&#x6A;son") is kept too.
        func holdsJSON(_ value: Range<Int>) -> Bool {
            for index in value {
                if base[index] == UInt8(ascii: "&") || matches("json", at: index, ignoringCase: true) { return true }
            }
            return false
        }

        /// Drops the tag's unread attributes and puts stand-ins for its long values, in page order.
        mutating func editAttributes() {
            var next = 0
            for range in unread {
                while next < longValues.count, longValues[next].lowerBound < range.lowerBound {
                    standIn(longValues[next])
                    next += 1
                }
                drop(from: range.lowerBound, to: range.upperBound)
            }
            while next < longValues.count {
                standIn(longValues[next])
                next += 1
            }
        }

        /// Replaces the value at input[range] by its stand-in.
        mutating func standIn(_ range: Range<Int>, script: Bool = false) {
            if output.isEmpty { output.reserveCapacity(count) }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: range.lowerBound - copied))
            standIns.add(range, script: script, to: &output)
            copied = range.upperBound
        }

        /// Replaces input[start..<end] by its line breaks.
        mutating func drop(from start: Int, to end: Int) {
            if output.isEmpty { output.reserveCapacity(count) }
            output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: start - copied))
            dropLineBreaks(from: start, to: end)
        }

        /// Writes the line breaks of input[start..<end] (all of it already copied up to `start`).
        mutating func dropLineBreaks(from start: Int, to end: Int) {
            // The search stops at `end`: on a page written on one line, looking on to the page's
            // end for each dropped stretch cost time quadratic in the page's length.
            var position = start
            while position < end, let hit = memchr(base + position, 0x0A, end - position) {
                output.append(0x0A)
                position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            copied = end
        }
    }
}
