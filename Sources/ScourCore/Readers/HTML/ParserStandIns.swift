import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Long attribute values and JSON data blocks the parser never needs to read, handed over by number.
///
/// libxml2 2.9 reads an attribute value one character at a time (`htmlParseHTMLAttribute`, about
/// 130 instructions a character), and the values Scour keeps (`class`, `href`, `content`…) are
/// still a fifth of a page's bytes once scripts, styles and unread attributes are gone; the JSON
/// data blocks the markup scan reads (`ld+json`) go through `htmlParseScript` the same way. Before
/// parsing, `RawTextElider` replaces each long plain value, and each plain JSON block, with a
/// stand-in: a mark and the value's number in lowercase hexadecimal. An attribute's mark is byte 0x01; a JSON
/// block's is U+FDD0 (libxml2 drops 0x01 from script text), and its stand-in is followed by its
/// line breaks, so lines after it keep their numbers. The tree builder (sax_tree.h) puts the
/// value back where an attribute's value, or a script's first text, is exactly a stand-in. So the
/// tree holds what libxml2 would have read, for a few bytes of parsing per value.
///
/// What keeps this exact: only quoted attribute values of printable ASCII without `&` are
/// replaced (libxml2 copies those as they are: no references to decode, no line breaks to count),
/// only JSON text without control characters but tab and line feed, without U+FFFE or U+FFFF and
/// without "</" (libxml2 copies that as it is too, one piece being under its 1,000-byte chunk);
/// only where the elider reads tags as libxml2 does, and only on pages without a 0x01 byte (for
/// JSON blocks also without U+FDD0), so a text that looks like a stand-in is one (a character
/// reference cannot make 0x01 in an attribute: libxml2 refuses it; script text has no references).
public struct ParserStandIns: Sendable {
    /// The page the values are in (the elider's input, shared, not copied).
    let source: [UInt8]
    /// Per value: its offset in `source` and its length, the length's top bit set for a JSON block
    /// (`scriptEntry`), so each mark only ever stands for a value of its own kind.
    private(set) var ranges: [UInt32] = []

    init(source: [UInt8] = []) {
        self.source = source
    }

    /// The first byte of an attribute value's stand-in.
    static let mark: UInt8 = 0x01
    /// The first bytes of a JSON block's stand-in: U+FDD0, a noncharacter pages do not use.
    static let scriptMark: [UInt8] = [0xEF, 0xB7, 0x90]
    /// The bit of a value's length that says it is a JSON block's (SCOUR_STANDIN_SCRIPT in sax_tree.h).
    static let scriptEntry: UInt32 = 0x8000_0000
    /// Values shorter than this stay: a stand-in would save little.
    static let minimumLength = 10

    var count: Int { ranges.count / 2 }

    /// Whether the libxml2 this was built with reads stand-ins as they are written (2.9 to 2.12).
    static let supported = scour_parser_standins_supported() != 0

    /// Whether a page may hold stand-ins: it has no 0x01 byte of its own (and its lengths leave
    /// `scriptEntry` free).
    static func canUse(_ page: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = page.baseAddress else { return false }
        return page.count < Int(Int32.max) && memchr(base, Int32(mark), page.count) == nil
    }

    /// Whether a page may hold JSON block stand-ins: no 0x01 byte and no U+FDD0 of its own.
    static func canUseForScripts(_ page: UnsafeBufferPointer<UInt8>) -> Bool {
        guard canUse(page), let base = page.baseAddress else { return false }
        var position = 0
        while position < page.count, let hit = memchr(base + position, Int32(scriptMark[0]), page.count - position) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if offset + 2 < page.count, base[offset + 1] == scriptMark[1], base[offset + 2] == scriptMark[2] { return false }
            position = offset + 1
        }
        return true
    }

    /// Whether a quoted value is replaced: long enough, printable ASCII, no character reference.
    static func replaces(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= minimumLength else { return false }
        var index = 0
        // Eight bytes at a time: none below 0x20, none above 0x7E, none '&'.
        while index + 8 <= value.count {
            let word = UnsafeRawPointer(value.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let amps = word ^ (ones &* 0x26)
            // The lowest byte out of range always sets its high bit here (borrows and carries can
            // only flag more bytes): then each byte is looked at.
            let below = word &- (ones &* 0x20), above = word &+ ones, ampersand = amps &- ones
            if (word | below | above | ampersand) & highs != 0 {
                for byte in value[index..<(index + 8)] where !isPlain(byte) { return false }
            }
            index += 8
        }
        for byte in value[index...] where !isPlain(byte) { return false }
        return true
    }

    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E && byte != UInt8(ascii: "&") }

    /// Whether a JSON block's text is replaced: long, no "</", no control character but tab and line
    /// feed, no U+FFFE or U+FFFF (which libxml2 would drop), and few enough line breaks that its
    /// stand-in reaches the tree builder in one piece.
    static func replacesScript(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= minimumLength else { return false }
        var lineBreaks = 0
        var previous: UInt8 = 0
        for (index, byte) in text.enumerated() {
            if byte < 0x20 {
                guard byte == 0x0A || byte == 0x09 else { return false }
                if byte == 0x0A { lineBreaks += 1 }
            } else if byte == UInt8(ascii: "/"), previous == UInt8(ascii: "<") {
                return false
            } else if byte == 0xBF, previous == 0xBF, index >= 2, text[index - 2] == 0xEF {
                return false
            } else if byte == 0xBE, previous == 0xBF, index >= 2, text[index - 2] == 0xEF {
                return false
            }
            previous = byte
        }
        return lineBreaks < 900
    }

    /// Keeps the place of the value at `source[range]` and writes its stand-in to `output`.
    mutating func add(_ range: Range<Int>, script: Bool = false, to output: inout [UInt8]) {
        if script { output.append(contentsOf: Self.scriptMark) } else { output.append(Self.mark) }
        Self.appendHex(count, to: &output)
        ranges.append(UInt32(range.lowerBound))
        ranges.append(UInt32(range.count) | (script ? Self.scriptEntry : 0))
    }

    private static func appendHex(_ number: Int, to output: inout [UInt8]) {
        var shift = 0
        while number >> (shift + 4) > 0 { shift += 4 }
        while shift >= 0 {
            let digit = UInt8(truncatingIfNeeded: number >> shift) & 0x0F
            output.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            shift -= 4
        }
    }
}
