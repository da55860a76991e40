import Foundation
import XCTest
@testable import ScourCore

/// Emptying script and style text before parsing must leave every other part of the tree
/// as libxml2 builds it from the untouched page.
final class RawTextEliderTests: XCTestCase {
    func elided(_ html: String) -> String? {
        RawTextElider.elide(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testScriptAndStyleTextGoesLineBreaksAndJSONStay() {
        let page = "<head><script src=a.js>var a = 1;\nvar b = '</p>';\n</script><style media=\"x>y\">p { }</style>"
            + "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script></head><body><p>Text</p></body>"
        XCTAssertEqual(elided(page), "<head><script >\n\n</script><style ></style>"
            + "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script></head><body><p>Text</p></body>")
    }

    func testEndTagMatchedInAnyCaseAndOnlyForItsOwnElement() {
        XCTAssertEqual(elided("<SCRIPT>x = '<div>'; y = '</div>';</ScRiPt><p>a</p>"), "<SCRIPT></ScRiPt><p>a</p>")
        XCTAssertEqual(elided("<style>a</script>b</style><p>c</p>"), "<style></style><p>c</p>")
    }

    func testMarkupThatOnlyLooksLikeAScriptIsLeftAlone() {
        XCTAssertNil(elided("<p title=\"<script>x</script>\">a</p>"))
        // A comment's text goes as comment text (no script is read into it).
        XCTAssertEqual(elided("<!-- <script>x</script> --><p>a</p>"), "<!-- --><p>a</p>")
        XCTAssertNil(elided("<scripts>x</scripts><p>a</p>"))
        XCTAssertNil(elided("<script/>text<p>a</p>"))
        XCTAssertNil(elided("<p>a < b and <3 hearts</p>"))
    }

    func testDoubtStopsTheScanAndKeepsTheRest() {
        // An unclosed quote, an unclosed comment, or a script that never ends: everything after is left as it is.
        XCTAssertNil(elided("<p class=\"open>a</p><script>x</script>"))
        XCTAssertNil(elided("<!-- never closed <script>x</script>"))
        XCTAssertNil(elided("<script>never closed"))
        XCTAssertEqual(elided("<script>x</script><!--><script>y</script>"), "<script></script><!--><script>y</script>")
    }

    /// The tree from the elided bytes equals the tree from the original bytes, script and style text aside.
    func testTreeIsUnchangedOutsideScriptAndStyle() throws {
        let page = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html><head><title>T</title><script>
        if (a<b) { document.write("<div class='x'>"); }
        </script><style>div > p { margin: 0 }</style>
        <script type="application/ld+json">{"@type": "NewsArticle"}</script></head>
        <body><div id=main data-json='{"a": "<script>"}'><p>One <!-- c --> two</p><?php x ?>
        <script>var s = "</div>";</script><p>Three</p></div><img src=x alt="a > b"><p>Four</p></body></html>
        """
        let bytes = Array(page.utf8)
        let elided = try XCTUnwrap(RawTextElider.elide(bytes))
        XCTAssertLessThan(elided.count, bytes.count)
        // Nodes are views into their tree: both trees stay alive while they are read.
        let originalTree = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
        let trimmedTree = try XCTUnwrap(HTMLTree.parse(elided, encoding: "UTF-8"))
        let original = outline(try XCTUnwrap(originalTree.root))
        XCTAssertEqual(original, outline(try XCTUnwrap(trimmedTree.root)))
        XCTAssertTrue(original.contains { $0.hasPrefix("text:{\"@type\": \"NewsArticle\"}") })
    }

    /// Pages where a careless scan would drop page text: markup right at a script's start is
    /// read as markup by libxml2, "</scriptx" does not end a script, a JSON type may hide behind
    /// a character reference. Each either stays as it is or parses to the same tree.
    func testTrickyPagesKeepTheirText() throws {
        let pages = [
            "<div class=ad><script src=x.js></div><p>Article text that matters.</p><script>track()</script>",
            "<p>Lead<style></p><h2>Heading</h2><p>Body</p><style>p{}</style>",
            "<script>a</scriptx> <i x='</script><b y=\"'> <script>PAGE\" TEXT</script><p>end</p>",
            "<script><div>x</div></script><p>after</p><script>y()</script>",
            "<script type=\"application/ld+&#x6A;son\">{\"headline\": \"Kept\"}</script><p>text</p>",
            "<script>\n</div>tracking</script><p>text</p>",
        ]
        for page in pages {
            let bytes = Array(page.utf8)
            let originalTree = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
            let elided = RawTextElider.elide(bytes) ?? bytes
            let elidedTree = try XCTUnwrap(HTMLTree.parse(elided, encoding: "UTF-8"))
            XCTAssertEqual(outline(try XCTUnwrap(originalTree.root)), outline(try XCTUnwrap(elidedTree.root)), page)
        }
        XCTAssertNil(elided(pages[4]), "the JSON block is kept, so nothing is removed")
    }

    /// Attributes Scour never reads are dropped with their values; their line breaks stay, so
    /// text keeps its line numbers, and the tree is libxml2's with those attributes left out.
    func testUnreadAttributesGoAndEverythingElseStays() throws {
        XCTAssertEqual(elided("<img src=a.jpg srcset=\"a.jpg 1x,\nb.jpg 2x\" sizes='50vw' alt=\"A\"><p data-id=7 class=x>t</p>"),
                       "<img  \n  ><p  class=x>t</p>")
        XCTAssertEqual(elided("<a ONCLICK=\"go('>')\"href=/x Data-Track>y</a>"), "<a href=/x >y</a>")
        XCTAssertEqual(elided("<svg><path d=\"M0 0L1 1\" fill=red/><polygon points='0,0 1,1'/></svg>"),
                       "<svg><path  ><polygon /></svg>")
        XCTAssertEqual(elided("<td colspan=2 CLASS=a Width=3 xml:lang=de>t</td>"), "<td  CLASS=a  xml:lang=de>t</td>")
        // Names Scour reads, in any case, stay.
        XCTAssertNil(elided("<html lang=en><meta charset=utf-8><meta http-equiv=x content=y><meta property=p name=n>"
            + "<div class=a ID=b role=c itemprop=d hidden aria-hidden=true style=e><a href=/ rel=author title=t>x</a>"
            + "<time datetime=2 pubdate>y</time><script type=x></script></div>"))
        // A tag that is not read to its end keeps all its attributes, as does everything after it.
        XCTAssertNil(elided("<p data-a=1 class=\"open>a</p><p data-b=2>b</p>"))
        let page = """
        <html><head><script data-cfasync="false" type="application/ld+json">{"@type": "NewsArticle"}</script></head>
        <body onload="init()"><div id=main data-json='{"a": "<script>"}' data-x="multi
        line"><p>One <!-- c --> two</p><script async onload="x()">track()</script>
        <img src=x srcset="x 1x, y 2x"
          sizes="100vw" alt="a > b"><p>Three</p><a href=/y onclick='return false'>Four</a></div></body></html>
        """
        let bytes = Array(page.utf8)
        let elided = try XCTUnwrap(RawTextElider.elide(bytes))
        let originalTree = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
        let elidedTree = try XCTUnwrap(HTMLTree.parse(elided, encoding: "UTF-8"))
        let original = outline(try XCTUnwrap(originalTree.root))
        XCTAssertEqual(original, outline(try XCTUnwrap(elidedTree.root)))
        XCTAssertTrue(original.contains("text:Three line 5"), "\(original)")
        XCTAssertFalse(String(decoding: elided, as: UTF8.self).contains("data-"))
        XCTAssertFalse(String(decoding: elided, as: UTF8.self).contains("src"))
    }

    /// The byte lookup against the rule it stands for: a name is kept when, lowercased the way
    /// libxml2 lowercases names (ASCII letters only), it is one of `ReadAttributes.names`.
    func testReadAttributeLookupMatchesTheNameList() {
        let listed = Set(ReadAttributes.names.map { "\($0)" })
        func rule(_ name: String) -> Bool {
            listed.contains(String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        var names = listed.flatMap { [$0, $0.uppercased(), String($0.dropLast()), $0 + "s", "x" + $0] }
        names += ["Kindex", "\u{212A}lass", "clasS\u{0301}", "cla\u{00DF}", "i\u{0307}d", "id\r\n", "", "d", "xml:LANG", "http-Equiv"]
        var generator = SystemRandomNumberGenerator()
        let pieces = Array("abcdehilmnoprstyAEIX:-_.\u{0301}\u{00E9}\r\n".unicodeScalars)
        for _ in 0..<3_000 {
            names.append(String(String.UnicodeScalarView((0..<Int.random(in: 1...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            })))
        }
        for name in names {
            let bytes = Array(name.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                buffer.isEmpty ? false : ReadAttributes.contains(buffer.baseAddress!, 0, length: buffer.count)
            }
            XCTAssertEqual(found, rule(name), name.debugDescription)
        }
    }

    /// Every attribute name the HTML readers ask the tree for (`attribute("…")`, the name tests
    /// in one-pass attribute loops, lists looped over) is one the elider keeps.
    func testEveryNameTheReadersAskForIsKept() throws {
        let folder = TestSupport.repoRoot.appendingPathComponent("Sources/ScourCore/Readers/HTML")
        let patterns = [#"attribute\("([^"]+)"\)"#, #"equals\(name, "([^"]+)"\)"#, #"elementsEqual\("([^"]+)"\.utf8\)"#,
                        #"for (?:name|attribute) in \[([^\]]+)\]"#]
        var asked: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                    let found = String(source[Range(match.range(at: 1), in: source)!])
                    for name in found.split(separator: ",") {
                        asked.insert(name.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                    }
                }
            }
        }
        XCTAssertTrue(asked.isSuperset(of: ["class", "id", "role", "itemprop", "hidden", "href", "content", "datetime", "lang"]),
                      "the patterns still find the readers' look-ups: \(asked.sorted())")
        let kept = Set(ReadAttributes.names.map { "\($0)" })
        XCTAssertEqual(asked.subtracting(kept), [], "names read but dropped before parsing")
    }

    /// Random tags (names in any case, values quoted or not, with non-ASCII, combining marks and
    /// CRLF inside): the tree from the elided page is the original's less the unread attributes,
    /// line numbers included.
    func testRandomTagsParseToTheSameTree() throws {
        var generator = SystemRandomNumberGenerator()
        let names = ["class", "ID", "data-x", "src", "Href", "alt", "onclick", "xml:lang", "title", "w", "_a", "x.y", "aria-hidden"]
        let values = ["a", "a b", "\u{00E9}t\u{0301}", "l1\r\nl2", "x>y", "", "\u{1F600}", "a\nb"]
        for _ in 0..<200 {
            var page = "<html><body>"
            for element in 0..<Int.random(in: 1...8, using: &generator) {
                page += "<p"
                for _ in 0..<Int.random(in: 0...5, using: &generator) {
                    let name = names.randomElement(using: &generator)!
                    let value = values.randomElement(using: &generator)!
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: page += " \(name)=\"\(value)\""
                    case 1: page += "\r\n\(name)='\(value)'"
                    case 2: page += " \(name)=\(value.isEmpty || value.contains(" ") || value.contains("\n") ? "v" : value)"
                    default: page += " \(name)"
                    }
                }
                page += ">t\(element) \u{0301}caf\u{00E9}\r\n</p>"
            }
            page += "</body></html>"
            let bytes = Array(page.utf8)
            let originalTree = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8"))
            let elidedTree = try XCTUnwrap(HTMLTree.parse(RawTextElider.elide(bytes) ?? bytes, encoding: "UTF-8"))
            XCTAssertEqual(outline(try XCTUnwrap(originalTree.root)), outline(try XCTUnwrap(elidedTree.root)), page.debugDescription)
        }
    }

    /// On a page written on one line, each dropped attribute is replaced by the line breaks in it
    /// (none), and the result is the page less those attributes.
    func testOneLinePageLosesOnlyItsUnreadAttributes() throws {
        let page = GrowthBench.oneLinePage(elements: 2_000)
        let cut = try XCTUnwrap(RawTextElider.elide(page))
        let expected = String(decoding: page, as: UTF8.self).replacingOccurrences(of: "data-k=1", with: "")
        XCTAssertEqual(String(decoding: cut, as: UTF8.self), expected)
        let lines = "<p a=\"1\n2\">x</p>\n<p b='\n\n'>y</p>"
        XCTAssertEqual(elided(lines), "<p \n>x</p>\n<p \n\n>y</p>")
    }

    /// The names `RawTextElider` drops: all but those `ReadAttributes` lists.
    private func isUnread(_ name: String) -> Bool {
        !ReadAttributes.names.contains { "\($0)" == name }
    }

    /// Every node in order with its attributes (those Scour never reads left out) and text
    /// (script and style text left out) and line.
    private func outline(_ root: HTMLNode) -> [String] {
        var lines: [String] = []
        var inRawText = false
        func visit(_ node: HTMLNode) {
            if node.isElement {
                lines.append("<\(node.name) \(node.attributes.filter { !isUnread($0.name) }.map { "\($0.name)=\($0.value)" })>")
                let raw = (node.tag == .script && node.attribute("type") == nil) || node.tag == .style
                let outer = inRawText
                inRawText = raw
                for child in node.children { visit(child) }
                inRawText = outer
            } else if node.isText, !inRawText {
                lines.append("text:\(node.content) line \(node.line)")
            }
        }
        visit(root)
        return lines
    }
}
