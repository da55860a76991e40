import Foundation
import XCTest
@testable import ScourCore

/// The page's own description brings back its lead paragraph when a positional mark left it out.
final class DescribedLeadTests: XCTestCase {
    let lead = "The harbour town's new sea wall held back the worst storm surge in a generation, officials said on Tuesday."
    let body = [
        "Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, and the council borrowed to replace it.",
        "Residents who had sandbagged their doors on Monday night said the water stopped a few metres short of the road, where it had flooded twice before.",
    ]

    func includedTexts(_ html: String, descriptions: [String]) throws -> [String] {
        let walker = try TestSupport.walk(TestSupport.htmlPage(html))
        let selection = MainContentSelector(tokens: TestSupport.resources.markupTokens)
            .select(blocks: walker.blocks, containers: walker.containers, descriptions: descriptions)
        return walker.blocks.indices.filter { selection.included[$0] }.map { walker.blocks[$0].block.text }
    }

    var page: String {
        """
        <div class="top-teaser"><p>\(lead)</p></div>
        <div class="article-body"><p>\(body[0])</p><p>\(body[1])</p></div>
        """
    }

    func testTheDescribedParagraphUnderAPositionalMarkIsTheLead() throws {
        XCTAssertEqual(try includedTexts(page, descriptions: []), body, "without a description the teaser slot stays out")
        XCTAssertEqual(try includedTexts(page, descriptions: [lead]), [lead] + body)
        // The description may be cut short, carry markup or typographic quotes.
        let cut = "<p>The harbour town\u{2019}s new sea wall held back the worst storm surge in a generation…"
        XCTAssertEqual(try includedTexts(page, descriptions: [cut]), [lead] + body)
    }

    func testAnUnrelatedDescriptionOrANonPositionalMarkBringsNothingBack() throws {
        XCTAssertEqual(try includedTexts(page, descriptions: ["A quiz about lighthouses of the northern coast and their keepers."]), body)
        let inFooter = """
        <footer class="site-footer"><p>\(lead)</p></footer>
        <div class="article-body"><p>\(body[0])</p><p>\(body[1])</p></div>
        """
        XCTAssertEqual(try includedTexts(inFooter, descriptions: [lead]), body)
    }

    func testFoldingAndMatching() {
        XCTAssertEqual(String(decoding: DescribedLead.fold("  It\u{2019}s \u{201C}fine\u{201D}\u{00A0}now\u{00AD}.  ", limit: 100), as: UTF8.self),
                       "It's \"fine\" now.")
        XCTAssertEqual(DescribedLead.fold("abcdef", limit: 3), Array("abc".utf8))
        XCTAssertEqual(DescribedLead.withoutLeadingTags(" <p><b>Summary</b> text"), "Summary</b> text")
        XCTAssertTrue(DescribedLead.endsSentence("He left.\u{201D}"))
        XCTAssertTrue(DescribedLead.endsSentence("Really?)"))
        XCTAssertFalse(DescribedLead.endsSentence("A deck line under a headline"))
        let paragraph = Array("The wall held back the worst storm surge in a generation, officials said.".utf8)
        XCTAssertTrue(DescribedLead.matches(paragraph, Array("The wall held back the worst storm surge in a generation".utf8)))
        XCTAssertTrue(DescribedLead.matches(paragraph, Array("Breaking: The wall held back the worst storm surge in a generation, officials said.".utf8)))
        XCTAssertFalse(DescribedLead.matches(paragraph, Array("Lighthouses of the northern coast and their keepers.".utf8)))
    }
}
