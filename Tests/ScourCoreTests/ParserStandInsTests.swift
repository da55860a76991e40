import Foundation
import XCTest
@testable import ScourCore

/// Long attribute values handed to libxml2 as stand-ins must come back as the values libxml2 reads
/// from the untouched page: same tree, same attributes, same text lines.
final class ParserStandInsTests: XCTestCase {
    /// The JSON block stand-ins' mark (Swift takes no noncharacter in a literal).
    private static let fdd0 = String(Unicode.Scalar(0xFDD0)!)

    private func parsed(_ bytes: [UInt8]) throws -> (plain: [String], standIns: [String], count: Int) {
        let plainTree = try XCTUnwrap(HTMLTree.parse(RawTextElider.elide(bytes) ?? bytes, encoding: "UTF-8"))
        let elided = RawTextElider.elideForParsing(bytes)
        let tree = try XCTUnwrap(HTMLTree.parse(elided?.bytes ?? bytes, encoding: "UTF-8", standIns: elided?.standIns))
        return (outline(try XCTUnwrap(plainTree.root)), outline(try XCTUnwrap(tree.root)), elided?.standIns.count ?? 0)
    }

    func testOnlyLongPlainQuotedValuesAreReplaced() throws {
        try XCTSkipUnless(ParserStandIns.supported, "this libxml2 gets no stand-ins")
        let page = "<div class=\"story-body wide\" id='main-column-1' title=\"Tom &amp; Jerry show\" "
            + "lang=\"de-DE\"><a href=\"https://example.com/ä-path/x\" rel=author>x</a><p class=unquoted-long-value "
            + "style=\"display: none\nand more\">y</p></div>"
        let elided = try XCTUnwrap(RawTextElider.elideForParsing(Array(page.utf8)))
        XCTAssertEqual(String(decoding: elided.bytes, as: UTF8.self),
                       "<div class=\"\u{1}0\" id='\u{1}1' title=\"Tom &amp; Jerry show\" "
                       + "lang=\"de-DE\"><a href=\"https://example.com/ä-path/x\" rel=author>x</a><p class=unquoted-long-value "
                       + "style=\"display: none\nand more\">y</p></div>")
        XCTAssertEqual(elided.standIns.count, 2)
        let tree = try XCTUnwrap(HTMLTree.parse(elided.bytes, encoding: "UTF-8", standIns: elided.standIns))
        let body = try XCTUnwrap(tree.root?.children.first(where: { $0.isElement }))
        let div = try XCTUnwrap(body.children.first(where: { $0.isElement }))
        XCTAssertEqual(div.attribute("class"), "story-body wide")
        XCTAssertEqual(div.attribute("id"), "main-column-1")
        XCTAssertEqual(div.attribute("title"), "Tom & Jerry show")
    }

    func testAPageWithItsOwn0x01GetsNoStandIns() throws {
        let page = Array("<p class=\"a-long-class-name\">\u{1}0 text</p><p title=\"\u{1}1\">x</p>".utf8)
        XCTAssertNil(RawTextElider.elideForParsing(page), "nothing to drop and no stand-ins")
        let (plain, standIns, count) = try parsed(page)
        XCTAssertEqual(count, 0)
        XCTAssertEqual(plain, standIns)
    }

    /// A character reference cannot forge a stand-in: libxml2 refuses &#1;.
    func testReferencesCannotForgeAStandIn() throws {
        try XCTSkipUnless(ParserStandIns.supported, "this libxml2 gets no stand-ins")
        let page = Array("<p class=\"a-long-class-name\" title=\"&#1;0\" lang='&#x01;0'>t</p>".utf8)
        let (plain, standIns, count) = try parsed(page)
        XCTAssertEqual(count, 1)
        XCTAssertEqual(plain, standIns)
        let original = try XCTUnwrap(HTMLTree.parse(page, encoding: "UTF-8"))
        XCTAssertEqual(outline(try XCTUnwrap(original.root)), standIns)
    }

    func testRandomPagesParseToTheSameTree() throws {
        try XCTSkipUnless(ParserStandIns.supported, "this libxml2 gets no stand-ins")
        var generator = SplitMix(seed: 0xA77_5EED)
        let names = ["class", "ID", "href", "title", "data-x", "content", "style", "rel", "lang", "class"]
        let values = ["a", "story-body column wide", "https://example.com/a/b?c=d", "Tom &amp; Jerry, again", "caf\u{00E9} au lait noir",
                      "line one\nline two!", "x>y is longer than ten", "", "\u{1F600} emoji value here", "&#1;12", "'single' quoted",
                      "  spaced out value  ", "\"double\" quoted value"]
        var replaced = 0
        for round in 0..<300 {
            var page = round % 7 == 0 ? "<!DOCTYPE html><html><head><title>T</title></head><body>" : "<body>"
            for element in 0..<Int(generator.next() % 8 + 1) {
                let tag = ["p", "div", "a", "span", "td", "body", "meta"][Int(generator.next() % 7)]
                page += "<\(tag)"
                for _ in 0..<Int(generator.next() % 5) {
                    let name = names[Int(generator.next() % UInt64(names.count))]
                    let value = values[Int(generator.next() % UInt64(values.count))]
                    switch generator.next() % 4 {
                    case 0: page += " \(name)=\"\(value.replacingOccurrences(of: "\"", with: "'"))\""
                    case 1: page += "\n\(name)='\(value.replacingOccurrences(of: "'", with: "\""))'"
                    case 2: page += " \(name)=\(value.isEmpty || value.contains(" ") || value.contains("\n") ? "v" : value)"
                    default: page += " \(name)"
                    }
                }
                page += ">t\(element) caf\u{00E9}\n"
                if generator.next() % 3 == 0 { page += "</\(tag) class=\"an end tag attribute\">" }
            }
            page += "</body></html>"
            let bytes = Array(page.utf8)
            let (plain, standIns, count) = try parsed(bytes)
            replaced += count
            XCTAssertEqual(plain, standIns, page.debugDescription)
            let original = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
            XCTAssertEqual(outline(try XCTUnwrap(original.root)), standIns, page.debugDescription)
        }
        XCTAssertGreaterThan(replaced, 300, "the random pages exercise the stand-ins")
    }

    /// The eight-bytes-at-a-time check against the byte rule, on random bytes around its bounds.
    func testPlainValueCheckMatchesTheByteRule() {
        var generator = SplitMix(seed: 0x9_1A1E)
        let pool: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x25, 0x26, 0x27, 0x41, 0x7A, 0x7E, 0x7F, 0x80, 0xBF, 0xC3, 0xFE, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            // Mostly plain text with a rare odd byte, so both answers come up.
            let value = (0..<length).map { _ in generator.next() % 16 == 0 ? pool[Int(generator.next() % UInt64(pool.count))] : UInt8(0x61 + generator.next() % 26) }
            let expected = value.count >= ParserStandIns.minimumLength && value.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x26 }
            XCTAssertEqual(value.withUnsafeBufferPointer { ParserStandIns.replaces($0) }, expected, "\(value)")
        }
    }

    /// JSON blocks come back whole, line numbers after them hold; blocks libxml2 would read
    /// differently (control characters, "</", U+FFFF) and pages with their own U+FDD0 keep their text.
    func testJSONBlocksComeBackWhole() throws {
        try XCTSkipUnless(ParserStandIns.supported, "this libxml2 gets no stand-ins")
        let json = "{\"@type\": \"NewsArticle\",\n \"headline\": \"Caf\u{00E9} <b> & more\",\n\t\"author\": [\"A\"]}"
        let page = "<html><head><script type=\"application/ld+json\">\(json)</script>"
            + "<script type='application/json'>{\"a\": \"x</p>\"}</script>"
            + "<script type=\"application/ld+json\">{\"r\": \"a\rb c d e\"}</script>"
            + "<script type=\"application/ld+json\">{\"u\": \"\u{FFFF} long enough\"}</script>"
            + "<script>track(1)</script></head><body>\n<p class=\"after-the-json\">After</p></body></html>"
        let bytes = Array(page.utf8)
        let elided = try XCTUnwrap(RawTextElider.elideForParsing(bytes))
        XCTAssertEqual(elided.standIns.count, 6, "the first JSON block, four type values and the class")
        XCTAssertTrue(String(decoding: elided.bytes, as: UTF8.self).contains(Self.fdd0 + "1\n\n</script>"), "the type value is number 0")
        let (plain, standIns, _) = try parsed(bytes)
        XCTAssertEqual(plain, standIns)
        XCTAssertTrue(standIns.contains("text:\(json) line 0"), "\(standIns)")
        XCTAssertTrue(standIns.contains("text:After line 4"), "\(standIns)")
        XCTAssertTrue(standIns.contains("text:{\"r\": \"a\rb c d e\"} line 0"), "a carriage return: the block was not replaced")
        let own = Array(("<p>" + Self.fdd0 + "</p>" + page).utf8)
        let ownElided = try XCTUnwrap(RawTextElider.elideForParsing(own))
        XCTAssertEqual(ownElided.standIns.count, 5, "attribute values only: the page has its own U+FDD0")
        let (ownPlain, ownStandIns, _) = try parsed(own)
        XCTAssertEqual(ownPlain, ownStandIns)
    }

    /// A read attribute without a value, then an unread one, then a bogus attribute starting with '='
    /// (found by the differential check): dropping the unread one must not give the first the value.
    func testDroppedAttributeDoesNotHandAValueToAValuelessOne() throws {
        for page in ["<a charset t=, =v>x</a>", "<e\nhttp-equiv\nw=*\n=/>x", "<r\tcontent a=\"\"=x>x",
                     "<t\nxml:lang t=\u{1F600} =v>x", "<p class data-x=\"a long unread value\"  \n= \"story-body wide\">x</p>"] {
            let bytes = Array(page.utf8)
            let original = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
            let elided = RawTextElider.elideForParsing(bytes)
            let tree = try XCTUnwrap(HTMLTree.parse(elided?.bytes ?? bytes, encoding: "UTF-8", standIns: elided?.standIns))
            XCTAssertEqual(outline(try XCTUnwrap(original.root)), outline(try XCTUnwrap(tree.root)), page.debugDescription)
            let plain = try XCTUnwrap(HTMLTree.parse(RawTextElider.elide(bytes) ?? bytes, encoding: "UTF-8"))
            XCTAssertEqual(outline(try XCTUnwrap(original.root)), outline(try XCTUnwrap(plain.root)), page.debugDescription)
        }
    }

    /// A page with its own U+FDD0 gets attribute stand-ins only; its own script text that reads like a
    /// JSON block's stand-in must stay as written, not become an attribute's value.
    func testScriptTextCannotForgeAStandInOnAPageWithItsOwnMark() throws {
        try XCTSkipUnless(ParserStandIns.supported, "this libxml2 gets no stand-ins")
        for text in [Self.fdd0 + "0", Self.fdd0 + "1\n\n", Self.fdd0 + "0\n"] {
            let page = "<p class=\"a-long-class-name\" title='another long title'>x</p>"
                + "<script type=\"application/ld+json\">\(text)</script><_x>\n</_x><style>\(text)</style><p>y</p>"
            let bytes = Array(page.utf8)
            let elided = try XCTUnwrap(RawTextElider.elideForParsing(bytes))
            XCTAssertEqual(elided.standIns.count, 3, "the class, the title and the type value")
            let (plain, standIns, _) = try parsed(bytes)
            XCTAssertEqual(plain, standIns, page.debugDescription)
            XCTAssertTrue(standIns.contains("text:\(text) line 0"), "\(standIns)")
            let original = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
            let tree = try XCTUnwrap(HTMLTree.parse(elided.bytes, encoding: "UTF-8", standIns: elided.standIns))
            let styles = [original, tree].map { tree in
                var texts: [String] = []
                tree.root?.forEachDescendant { node in
                    if node.isElement, node.name == "style" { texts.append(node.textContent) }
                    return true
                }
                return texts
            }
            XCTAssertEqual(styles[0], [text])
            XCTAssertEqual(styles[1], [text], "style text after a point of doubt stays as written")
        }
    }

    /// Comment text is read by nothing: it goes, its line breaks stay and the text around it
    /// stays two text nodes.
    func testCommentTextGoesLinesStay() throws {
        let page = "<p>One<!-- a comment\nover two lines --> two</p><!----><p>three<!--x-->four</p>\n<p>five</p>"
        let elided = try XCTUnwrap(RawTextElider.elide(Array(page.utf8)))
        XCTAssertEqual(String(decoding: elided, as: UTF8.self),
                       "<p>One<!-- \n--> two</p><!----><p>three<!--x-->four</p>\n<p>five</p>")
        let original = try XCTUnwrap(HTMLTree.parse(Array(page.utf8), encoding: "UTF-8"))
        let cut = try XCTUnwrap(HTMLTree.parse(elided, encoding: "UTF-8"))
        XCTAssertEqual(outline(try XCTUnwrap(original.root)), outline(try XCTUnwrap(cut.root)))
    }

    /// Every node in order with the attributes Scour reads and its text and line.
    private func outline(_ root: HTMLNode) -> [String] {
        var lines: [String] = []
        func visit(_ node: HTMLNode) {
            if node.isElement {
                let kept = node.attributes.filter { attribute in ReadAttributes.names.contains { "\($0)" == attribute.name } }
                lines.append("<\(node.name) \(kept.map { "\($0.name)=\($0.value)" })>")
                node.children.forEach(visit)
            } else if node.isText {
                lines.append("text:\(node.content) line \(node.line)")
            }
        }
        visit(root)
        return lines
    }
}
