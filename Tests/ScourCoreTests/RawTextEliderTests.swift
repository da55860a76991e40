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
        XCTAssertEqual(elided(page), "<head><script src=a.js>\n\n</script><style media=\"x>y\"></style>"
            + "<script type=\"application/ld+json\">{\"headline\": \"Kept\"}</script></head><body><p>Text</p></body>")
    }

    func testEndTagMatchedInAnyCaseAndOnlyForItsOwnElement() {
        XCTAssertEqual(elided("<SCRIPT>x = '<div>'; y = '</div>';</ScRiPt><p>a</p>"), "<SCRIPT></ScRiPt><p>a</p>")
        XCTAssertEqual(elided("<style>a</script>b</style><p>c</p>"), "<style></style><p>c</p>")
    }

    func testMarkupThatOnlyLooksLikeAScriptIsLeftAlone() {
        XCTAssertNil(elided("<p title=\"<script>x</script>\">a</p>"))
        XCTAssertNil(elided("<!-- <script>x</script> --><p>a</p>"))
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
                       "<img src=a.jpg \n  alt=\"A\"><p  class=x>t</p>")
        XCTAssertEqual(elided("<a ONCLICK=\"go('>')\"href=/x Data-Track>y</a>"), "<a href=/x >y</a>")
        XCTAssertEqual(elided("<svg><path d=\"M0 0L1 1\" fill=red/><polygon points='0,0 1,1'/></svg>"),
                       "<svg><path  fill=red/><polygon /></svg>")
        // Names Scour reads, or that only start like an unread one, stay.
        XCTAssertNil(elided("<div data=x on=y o=z dx=1 class=a datetime=2><p id=b title=c>t</p></div>"))
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
    }

    /// The names `RawTextElider` drops, as the rule is written in its documentation.
    private func isUnread(_ name: String) -> Bool {
        name.count > 2 && name.hasPrefix("on") || name.count > 5 && name.hasPrefix("data-")
            || ["srcset", "sizes", "d", "points"].contains(name)
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
