import CLibXML2
import XCTest
@testable import ScourCore

/// The compact tree built from libxml2's SAX events must hold exactly what libxml2's own
/// tree holds (comments and processing instructions aside), or extraction would drift.
final class HTMLTreeTests: XCTestCase {
    /// Pages that exercise libxml2's recovery and tree-building rules.
    let pages = [
        "<!DOCTYPE html><html lang=en><head><title>T &amp; U</title><meta charset=utf-8></head><body><p>One<b>two</b> three</p></body></html>",
        "<p>text<!-- a comment -->split by a comment<?php echo 1 ?>and an instruction</p>",
        "<div><fb:like href=x></fb:like><g:plusone size=medium></g:plusone><a:b:c>deep</a:b:c><x:>odd</x:></div>",
        "<input type=checkbox checked><option selected>One<option>Two<select disabled></select><div hidden data-x>v</div>",
        "<p title=\"a &quot;quoted&quot; &eacute; value\" class='x y'>caf&eacute; &#8212; &nbsp;done</p>",
        "<script>if (a < b && c > d) { document.write('<p>not a tag</p>'); }</script><style>p > a { color: red }</style><p>after</p>",
        "<table><tr><td>cell<td>cell two</table><ul><li>one<li>two</ul><p>unclosed <b>bold <i>both</p>after",
        "<html><body><p>first</p></body></html><p>after the end</p>",
        "<!DOCTYPE html><html><body><p>first</p></body></html><p>after the end, with a doctype</p>",
        "<!-- first --><html><body><p>first</p></body></html><div>after the end, after a comment</div>",
        "<html><head><title>x</title></head><html lang=de><body><body class=second><p>misplaced roots</p>",
        "text before any tag<div>then a div</div>",
        "<div>line one\nline two\n\n<span>three</span>\n</div>\n<p>\n  spaced\n</p>",
        "<pre>  keep\n   spaces </pre><textarea>a <b>b</b></textarea><title>late title</title>",
        String(repeating: "<div>", count: 250) + "deep" + String(repeating: "</div>", count: 250) + "<p>after</p>",
        "<p>truncated <a href=\"http://example.com/",
        "<html><head><meta charset=iso-8859-1><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head>"
            + "<body><p title=\"Grüße\">Grüße — 日本語 ✓ 😀</p></body></html>",
        "\u{FEFF}<p>after a byte-order mark: é</p>",
    ]

    /// Read through libxml2's UTF-8 converter and, for checked UTF-8, without one: same tree either way.
    func testCompactTreeMatchesLibxml2Tree() throws {
        for page in pages {
            try compareWithLibxml2Tree(page, checkedUTF8: false)
            try compareWithLibxml2Tree(page, checkedUTF8: true)
        }
    }

    private func compareWithLibxml2Tree(_ page: String, checkedUTF8: Bool) throws {
        let bytes = Array(page.utf8)
        let tree = try XCTUnwrap(HTMLTree.parse(bytes, encoding: "UTF-8", checkedUTF8: checkedUTF8), page)
        var errors: Int32 = 0
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                scour_html_read($0, Int32(buffer.count), "UTF-8", &errors)
            }
        }
        let reference = try XCTUnwrap(document, page)
        defer { xmlFreeDoc(reference) }
        XCTAssertEqual(tree.errorCount, Int(errors), page)
        var mismatches: [String] = []
        compare(Self.topLevel(of: reference), tree.root, path: "", into: &mismatches)
        XCTAssertEqual(mismatches, [], page)
    }

    /// From 2.14 on libxml2's tree keeps prefixed element names whole and leaves elements
    /// opened after `</html>` at the top; the compact tree keeps 2.9's tree on every version
    /// (local names; such elements go under the first top-level node when that is an element),
    /// so against a newer libxml2 its tree is read back the 2.9 way.
    private static let readAs29 = LIBXML_VERSION >= 21400

    /// The document's kept top-level nodes, each with the nodes expected as its children.
    private static func topLevel(of document: htmlDocPtr) -> [(xmlNodePtr, [xmlNodePtr])] {
        let top = kept(from: document.pointee.children).map { ($0, kept(from: $0.pointee.children)) }
        // A page without a doctype gets libxml2's default DTD node first once parsed.
        var first = document.pointee.children
        if let dtd = document.pointee.intSubset, UnsafeMutableRawPointer(dtd) == first.map(UnsafeMutableRawPointer.init),
           dtd.pointee.ExternalID.map({ String(cString: $0) }) == "-//W3C//DTD HTML 4.0 Transitional//EN" {
            first = first?.pointee.next
        }
        guard readAs29, let element = first, element.pointee.type == XML_ELEMENT_NODE, top.count > 1 else { return top }
        return [(element, top[0].1 + top.dropFirst().map(\.0))]
    }

    private static func kept(from first: xmlNodePtr?) -> [xmlNodePtr] {
        var nodes: [xmlNodePtr] = []
        var current = skipUnkept(first)
        while let node = current {
            nodes.append(node)
            current = skipUnkept(node.pointee.next)
        }
        return nodes
    }

    /// An element's name as 2.9's tree has it: the part after the prefix (`fb:like` is `like`).
    private static func name(of element: xmlNodePtr) -> String {
        let name = String(cString: element.pointee.name)
        guard readAs29, !name.hasPrefix(":"), let colon = name.firstIndex(of: ":"),
              name.index(after: colon) != name.endIndex else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// libxml2's own tree halts the parser past 256 open elements and loses the rest of the page;
    /// the compact tree has no such limit.
    func testNestingPastLibxml2DepthLimitKeepsTheRestOfThePage() throws {
        let page = String(repeating: "<div>", count: 400) + "deep" + String(repeating: "</div>", count: 400) + "<p>after</p>"
        let tree = try XCTUnwrap(HTMLTree.parse(Array(page.utf8), encoding: "UTF-8"))
        XCTAssertEqual(tree.root?.textContent, "deepafter")
        var depth = 0
        var node = tree.root
        while let current = node, let child = current.children.first(where: { $0.isElement }) {
            depth += 1
            node = child
        }
        XCTAssertGreaterThan(depth, 400)
    }

    func testNodesAnswerLikeLibxml2Nodes() throws {
        let tree = try XCTUnwrap(HTMLTree.parse(Array("<html><body><p id=a class='b c'>x<i>y</i>z</p></body></html>".utf8), encoding: "UTF-8"))
        let root = try XCTUnwrap(tree.root)
        XCTAssertEqual(root.tag, .html)
        XCTAssertNil(root.parent)
        let body = try XCTUnwrap(root.children.first { $0.tag == .body })
        let paragraph = try XCTUnwrap(body.firstChild)
        XCTAssertEqual(paragraph.name, "p")
        XCTAssertEqual(paragraph.attribute("class"), "b c")
        XCTAssertNil(paragraph.attribute("title"))
        XCTAssertEqual(paragraph.attributes.map(\.name), ["id", "class"])
        XCTAssertEqual(paragraph.textContent, "xyz")
        XCTAssertEqual(paragraph.children.map(\.name), ["text", "i", "text"])
        XCTAssertEqual(paragraph.firstChild?.nextSibling?.parent, paragraph)
        var visited: [String] = []
        body.forEachDescendant { node in
            visited.append(node.isText ? node.content : node.name)
            return node.name != "i"
        }
        XCTAssertEqual(visited, ["p", "x", "i", "z"])
    }

    /// Walks the expected nodes (each with its expected children) beside the compact tree's
    /// sibling list from `node`.
    private func compare(_ references: [(xmlNodePtr, [xmlNodePtr])], _ node: HTMLNode?, path: String, into mismatches: inout [String]) {
        var actual = node
        for (position, (want, children)) in references.enumerated() {
            let here = "\(path)/\(position)"
            guard let have = actual else {
                mismatches.append("\(here): node missing from the compact tree")
                return
            }
            switch want.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(of: want)
                if !have.isElement || have.name != name {
                    mismatches.append("\(here): element \(name) became \(have.name)")
                    return
                }
                var attributes: [String] = []
                var attribute = want.pointee.properties
                while let current = attribute {
                    attributes.append("\(String(cString: current.pointee.name))=\(Self.value(of: current))")
                    attribute = current.pointee.next
                }
                let compact = have.attributes.map { "\($0.name)=\($0.value)" }
                if attributes != compact { mismatches.append("\(here) \(name): attributes \(attributes) became \(compact)") }
                let grandchildren = children.map { ($0, Self.kept(from: $0.pointee.children)) }
                compare(grandchildren, have.firstChild, path: "\(here)\(name)", into: &mismatches)
            default:
                let text = want.pointee.content.map { String(cString: $0) } ?? ""
                if !have.isText || have.content != text { mismatches.append("\(here): text \(text.debugDescription) became \(have.content.debugDescription)") }
                if want.pointee.type == XML_TEXT_NODE, Int(want.pointee.line) != have.line {
                    mismatches.append("\(here): line \(want.pointee.line) became \(have.line)")
                }
            }
            actual = have.nextSibling
        }
        if actual != nil { mismatches.append("\(path)/\(references.count): extra node in the compact tree") }
    }

    /// The compact tree keeps elements and text; comments, instructions and the DTD are dropped.
    private static func skipUnkept(_ node: xmlNodePtr?) -> xmlNodePtr? {
        var current = node
        while let candidate = current {
            let type = candidate.pointee.type
            if type == XML_ELEMENT_NODE || type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE { return candidate }
            current = candidate.pointee.next
        }
        return nil
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { value += String(cString: content) }
            child = node.pointee.next
        }
        return value
    }
}
