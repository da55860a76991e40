import Foundation
import XCTest
@testable import ScourCore

extension TestSupport {
    /// Parses a page and walks its body as the HTML reader does; the walk's values outlive the tree.
    static func walk(_ html: String, applySkips: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> HTMLBlockWalker {
        let tree = try XCTUnwrap(HTMLTree.parse(Array(html.utf8), encoding: "UTF-8"), file: file, line: line)
        return try withExtendedLifetime(tree) {
            let root = try XCTUnwrap(tree.root, file: file, line: line)
            let body = root.children.first { $0.isElement && $0.tag == .body } ?? root
            var walker = HTMLBlockWalker(markupTokens: resources.markupTokens, applySkips: applySkips)
            XCTAssertTrue(walker.walk(body), "walk ended before the page did", file: file, line: line)
            return walker
        }
    }

    static func htmlPage(_ body: String, head: String = "<title>Harbour News</title>") -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }
}

/// The walk from a parsed page to blocks and the container tree the selector scores.
final class HTMLBlockWalkerTests: XCTestCase {
    func testContainersHoldTheirBlocksAsARangeWithParentAndDepth() throws {
        let walker = try TestSupport.walk(TestSupport.htmlPage("""
        <nav class="site-nav"><ul><li>Home</li><li>World</li></ul></nav>
        <main><article class="story article-body"><h1>Sea wall holds</h1><p>First paragraph.</p>
        <section id="more"><p>Second paragraph.</p></section></article></main>
        """))
        XCTAssertEqual(walker.blocks.map(\.block.text), ["Home", "World", "Sea wall holds", "First paragraph.", "Second paragraph."])
        let article = try XCTUnwrap(walker.containers.firstIndex { $0.tag == .article })
        XCTAssertEqual(walker.containers[article].tokens, ["story", "article-body"])
        XCTAssertEqual(walker.containers[article].firstBlock, 2)
        XCTAssertEqual(walker.containers[article].endBlock, 5)
        let section = try XCTUnwrap(walker.containers.firstIndex { $0.tokens == ["more"] })
        XCTAssertEqual(walker.containers[section].parent, article)
        XCTAssertEqual(walker.containers[section].depth, walker.containers[article].depth + 1)
        XCTAssertEqual(walker.blocks[4].container, section, "a block belongs to its innermost container")
        XCTAssertEqual(walker.blocks[2].block.kind, .heading)
        XCTAssertEqual(walker.blocks[2].block.level, 1)
        XCTAssertEqual(walker.containers[0].tag, .body)
        XCTAssertEqual(walker.containers[0].endBlock, walker.blocks.count, "the root holds every block")
    }

    func testLinkCharactersAndCaptionsAreCounted() throws {
        let walker = try TestSupport.walk(TestSupport.htmlPage("""
        <p>Read <a href="/next">the next story</a> now.</p>
        <figure><img src="wall.jpg"><figcaption>The new wall at high tide.</figcaption></figure>
        <p><a href="/a">Tag one</a><a href="/b">Tag two</a></p>
        """))
        let texts = walker.blocks.map(\.block.text)
        XCTAssertEqual(texts, ["Read the next story now.", "The new wall at high tide.", "Tag one Tag two"])
        XCTAssertEqual(walker.blocks[0].characters, 24)
        XCTAssertEqual(walker.blocks[0].linkCharacters, 14)
        XCTAssertFalse(walker.blocks[0].fromFigcaption)
        XCTAssertTrue(walker.blocks[1].fromFigcaption)
        XCTAssertEqual(walker.blocks[1].block.kind, .caption)
        XCTAssertEqual(walker.blocks[2].linkCharacters, 14, "links side by side are separate words, and the space between is not link text")
    }

    func testSkipWordsAreReadOnlyByTheFallbackWalk() throws {
        let html = TestSupport.htmlPage("""
        <div class="article"><p>The council met on Monday.</p><div class="visually-hidden">Menu for screen readers</div>
        <p class="photo-credit">Photo: Archive</p></div><div hidden>Never shown</div>
        """)
        XCTAssertEqual(try TestSupport.walk(html).blocks.map(\.block.text), ["The council met on Monday."])
        XCTAssertEqual(try TestSupport.walk(html, applySkips: false).blocks.map(\.block.text),
                       ["The council met on Monday.", "Menu for screen readers", "Photo: Archive"],
                       "hidden elements stay out even then")
    }

    func testAParagraphNamedAsALeadIsMarked() throws {
        let walker = try TestSupport.walk(TestSupport.htmlPage("""
        <article><p class="article-intro">The wall held.</p><p>Officials said so.</p></article>
        """))
        XCTAssertEqual(walker.blocks.map(\.namedLead), [true, false])
    }

    func testADeepPageIsWalkedWithoutRecursion() throws {
        let depth = 20_000
        let html = TestSupport.htmlPage(String(repeating: "<div>", count: depth) + "<p>Bottom text.</p>"
            + String(repeating: "</div>", count: depth))
        let walker = try TestSupport.walk(html)
        XCTAssertEqual(walker.blocks.map(\.block.text), ["Bottom text."])
        XCTAssertGreaterThan(walker.containers.count, 1000)
    }
}
