import XCTest
@testable import ScourCore

/// `--hide-metadata`: JSON-LD and date and author `<meta>` tags leave the page; what it shows stays.
final class MetadataStripperTests: XCTestCase {
    func strip(_ html: String) -> String { String(decoding: MetadataStripper.strip(Array(html.utf8)), as: UTF8.self) }

    func testJSONLDAndDateAndAuthorMetaGoEverythingElseStays() {
        let head = #"<head><title>Budget</title><meta property="og:title" content="Budget vote"><META NAME="Author" content="Jane Doe">"#
            + #"<meta property="article:published_time" content="2024-02-14T16:15:30Z"/><meta name="description" content="On time, by the author">"#
            + #"<script type="application/ld+json">{"author":"Jane Doe","x":"</p>"}</script><script>var a = 1 < 2;</script></head>"#
        let body = #"<body><!-- <meta name="author" content="kept in a comment"> --><p class="byline">By Jane Doe</p><time datetime="2024-02-14">Feb 14</time></body>"#
        XCTAssertEqual(strip(head + body),
                       #"<head><title>Budget</title><meta property="og:title" content="Budget vote"><meta name="description" content="On time, by the author">"#
                       + #"<script>var a = 1 < 2;</script></head>"# + body)
    }

    /// Through `scour bench`'s hook: a page whose author and date only the markup gave has neither.
    func testAPageWithoutItsMarkupHasNoAuthorOrDate() throws {
        let html = page(head: #"<title>Budget vote delayed again</title><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-02-14">"#)
        let whole = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(whole.metadata.authors, ["Jane Doe"])
        XCTAssertEqual(whole.metadata.date, "2024-02-14")
        let stripped = try XCTUnwrap(cleanHTML(strip(html)))
        XCTAssertEqual(stripped.metadata.authors, [])
        XCTAssertNil(stripped.metadata.date)
        XCTAssertEqual(stripped.blocks.map(\.text), whole.blocks.map(\.text))
    }
}
