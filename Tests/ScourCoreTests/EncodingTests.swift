import Foundation
import XCTest
@testable import ScourCore

/// The decoders against valid text generated from Python's codecs (round trips) and against
/// hand-written vectors for the Encoding Standard's error rules.
final class EncodingTests: XCTestCase {
    struct Out: Equatable {
        var text: String
        var replacements: Int
        init(_ text: String, _ replacements: Int) { self.text = text; self.replacements = replacements }
    }

    func decode(_ bytes: [UInt8], _ encoding: WebEncoding) -> Out {
        let decoded = WebDecoder.decode(bytes, as: encoding)
        return Out(String(decoding: decoded.utf8, as: UTF8.self), decoded.replacements)
    }

    func testValidTextFromPythonsCodecsDecodesExactly() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/encoding")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".in") }
        XCTAssertGreaterThanOrEqual(names.count, 33)
        for name in names {
            let label = String(name.dropLast(3))
            let encoding = try XCTUnwrap(WebEncoding(label: label), label)
            let input = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let expected = try String(contentsOf: folder.appendingPathComponent(label + ".utf8"), encoding: .utf8)
            let out = decode(input, encoding)
            XCTAssertEqual(out.replacements, 0, label)
            XCTAssertEqual(out.text, expected, label)
        }
    }

    /// UTF-16 without a mark is told by its shape; ASCII and UTF-8 text whose every other byte
    /// repeats (spaced digits, one letter a line) is not taken for it.
    func testUTF16WithoutAMarkIsToldByItsShapeAndPlainTextIsNot() {
        func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
            text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        let page = "<html><head><title>Вести</title></head><body><p>The council met on Tuesday.</p></body></html>"
        let russian = "Жители города во вторник проголосовали за новый бюджет школы, и большинство было за."
        XCTAssertEqual(EncodingChoice.utf16WithoutMark(utf16(page, bigEndian: false)), .utf16LE)
        XCTAssertEqual(EncodingChoice.utf16WithoutMark(utf16(page, bigEndian: true)), .utf16BE)
        XCTAssertEqual(EncodingChoice.utf16WithoutMark(utf16(russian, bigEndian: false)), .utf16LE)
        for plain in ["1 2 3 4 5 6 7 8 9 0 1 2 3 4", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "- - - - - - - - - - - -", russian, page] {
            XCTAssertNil(EncodingChoice.utf16WithoutMark(Array(plain.utf8)), plain)
        }
        let numbers = (0..<600).flatMap { [UInt8(truncatingIfNeeded: $0 &* 37), UInt8($0 % 3)] }
        XCTAssertNil(EncodingChoice.utf16WithoutMark(numbers), "16-bit numbers are no text")
    }

    func testLabelsFollowTheStandardAndUnknownOnesAreNone() {
        XCTAssertEqual(WebEncoding(label: " Latin1 "), .windows1252)
        XCTAssertEqual(WebEncoding(label: "x-sjis"), .shiftJIS)
        XCTAssertEqual(WebEncoding(label: "ks_c_5601-1987"), .eucKR)
        XCTAssertEqual(WebEncoding(label: "gb2312"), .gbk)
        XCTAssertEqual(WebEncoding(label: "iso-2022-kr"), .replacement)
        XCTAssertNil(WebEncoding(label: "utf-32"))
        XCTAssertNil(WebEncoding(label: "IBM037"))
    }

    func testWindows1252MapsEveryByte() {
        XCTAssertEqual(decode([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x80, 0x9F], .windows1252).text,
                       "\u{81}\u{8D}\u{8F}\u{90}\u{9D}€Ÿ")
        XCTAssertEqual(decode([0x81], .windows1252).replacements, 0)
        XCTAssertEqual(decode([0xA5], .iso8859_3), Out("\u{FFFD}", 1), "a byte ISO-8859-3 leaves unassigned")
        XCTAssertEqual(decode([0x80, 0xFF], .xUserDefined).text, "\u{F780}\u{F7FF}")
    }

    func testUTF8ReplacesMaximalSubparts() {
        XCTAssertEqual(decode([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64], .utf8),
                       Out("a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d", 6))
        XCTAssertEqual(decode([0xE2, 0x80, 0x9D, 0x9D, 0xED, 0xA0, 0x80], .utf8), Out("”\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", 4))
        XCTAssertEqual(decode([0xF0, 0x9F, 0x98], .utf8), Out("\u{FFFD}", 1), "a truncated sequence at the end is one error")
    }

    func testUTF16PairsAndLoneSurrogates() {
        XCTAssertEqual(decode([0x3D, 0xD8, 0x00, 0xDE], .utf16LE).text, "😀")
        XCTAssertEqual(decode([0xD8, 0x3D, 0x00, 0x41], .utf16BE), Out("\u{FFFD}A", 1))
        XCTAssertEqual(decode([0x41, 0x00, 0x42], .utf16LE), Out("A\u{FFFD}", 1))
    }

    func testLegacyErrorsPutTheASCIIByteBack() {
        // A lead followed by an ASCII byte: one error, and the ASCII byte is kept.
        XCTAssertEqual(decode([0x82, 0x3C, 0x70], .shiftJIS), Out("\u{FFFD}<p", 1))
        XCTAssertEqual(decode([0x85, 0x40], .shiftJIS), Out("\u{FFFD}@", 1))
        XCTAssertEqual(decode([0xF0, 0x40], .shiftJIS).text, "\u{E000}", "user-defined area")
        XCTAssertEqual(decode([0xA4, 0x3C], .eucJP), Out("\u{FFFD}<", 1))
        XCTAssertEqual(decode([0x8E, 0xB1, 0x8F, 0xA2, 0xAF], .eucJP).text, "ｱ˘")
        XCTAssertEqual(decode([0xB0, 0x3C], .eucKR), Out("\u{FFFD}<", 1))
        XCTAssertEqual(decode([0xB0, 0xA1], .eucKR).text, "가")
        XCTAssertEqual(decode([0xA4, 0x3C], .big5), Out("\u{FFFD}<", 1))
        XCTAssertEqual(decode([0x88, 0x62, 0x88, 0x64], .big5).text, "\u{CA}\u{304}\u{CA}\u{30C}")
        XCTAssertEqual(decode([0xB1, 0x3C], .gb18030), Out("\u{FFFD}<", 1))
        XCTAssertEqual(decode([0x80, 0x81, 0x30, 0x81, 0x30], .gb18030).text, "€\u{80}")
        XCTAssertEqual(decode([0x90, 0x30, 0x81, 0x30], .gb18030).text, "\u{10000}")
        // A four-byte sequence broken at its last byte: one error, then its second, third and last bytes are read again (0x81 0x41 is 丄).
        XCTAssertEqual(decode([0x81, 0x30, 0x81, 0x41], .gb18030), Out("\u{FFFD}0丄", 1))
        XCTAssertEqual(decode([0xB0], .gb18030), Out("\u{FFFD}", 1), "a lead at the end")
    }

    func testISO2022JPStatesAndEscapes() {
        XCTAssertEqual(decode(Array("a\u{1B}$B".utf8) + [0x30, 0x21] + Array("\u{1B}(Bb".utf8), .iso2022JP).text, "a亜b")
        XCTAssertEqual(decode(Array("\u{1B}(J\\~".utf8), .iso2022JP).text, "¥‾")
        XCTAssertEqual(decode(Array("\u{1B}(I".utf8) + [0x31], .iso2022JP).text, "ｱ")
        // An unknown escape: one error, and its bytes are read again as text.
        XCTAssertEqual(decode(Array("\u{1B}(Zx".utf8), .iso2022JP), Out("\u{FFFD}(Zx", 1))
        // Two escapes in a row with nothing between them are an error.
        XCTAssertEqual(decode(Array("\u{1B}$B\u{1B}(Bx".utf8), .iso2022JP), Out("\u{FFFD}x", 1))
        XCTAssertEqual(decode(Array("\u{1B}$B".utf8) + [0x30], .iso2022JP), Out("\u{FFFD}", 1))
    }

    func testChoiceFollowsBrowsersAndSetsAsideLyingLabels() {
        let utf8Japanese = Array("<meta charset=\"shift_jis\"><p>東京の新しい橋</p>".utf8)
        XCTAssertEqual(HTMLCharset.choose(utf8Japanese, declared: nil),
                       EncodingChoice(encoding: .utf8, source: .sniffed, overruled: .shiftJIS))
        XCTAssertEqual(HTMLCharset.choose(Array("<meta charset=utf-32><p>x</p>".utf8), declared: nil),
                       EncodingChoice(encoding: .utf8, source: .sniffed))
        XCTAssertEqual(HTMLCharset.choose(Array("<meta charset=\"utf-16\"><p>x</p>".utf8), declared: nil),
                       EncodingChoice(encoding: .utf8, source: .meta))
        XCTAssertEqual(HTMLCharset.choose(Array("<meta charset=koi8-r><p>x</p>".utf8), declared: "windows-1251"),
                       EncodingChoice(encoding: .windows1251, source: .declaredHeader))
        // Mostly UTF-8 with a stray byte stays UTF-8; Latin-1 text declared UTF-8 is read as windows-1252.
        XCTAssertEqual(HTMLCharset.choose(Array("“a” “b” ".utf8) + [0x9D], declared: "utf-8").encoding, .utf8)
        XCTAssertEqual(HTMLCharset.choose([0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65], declared: "utf-8"),
                       EncodingChoice(encoding: .windows1252, source: .sniffed, overruled: .utf8))
    }

    func testBinaryIsAShareOfControlBytesNotOneNUL() {
        let page = Array(String(repeating: "<p>Some text of a page.</p>\n", count: 300).utf8)
        var withNUL = page
        withNUL[100] = 0
        XCTAssertFalse(TextDecoder.looksBinary(withNUL))
        XCTAssertTrue(TextDecoder.looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + page))
        XCTAssertTrue(TextDecoder.looksBinary(page.enumerated().map { $0.offset % 20 == 0 ? 0x01 : $0.element }))
    }
}
