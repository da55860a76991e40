import XCTest
@testable import ScourCore

final class NormalizeStageTests: XCTestCase {
    func testOddSpacesInvisibleCharactersAndNFC() {
        // NBSP, thin space, zero-width space, soft hyphen, and "e" + combining acute.
        let input = "Caf\u{0065}\u{0301}\u{00A0}\u{2009}au\u{200B}lait\u{00AD}  now\t!"
        XCTAssertEqual(NormalizeStage.normalize(input), "Café aulait now !")
        XCTAssertEqual(NormalizeStage.normalize(input).unicodeScalars.count, "Café aulait now !".unicodeScalars.count)
    }

    func testInlineMarkdownBecomesTextWithLinks() throws {
        let blocks = try TestSupport.blocks("By [Marianna Belenkaya](#) and **bold** *it* _em_ `code` <https://example.com/a> ![photo](x.jpg) snake_case 2 * 3")
        XCTAssertEqual(blocks.first?.text, "By Marianna Belenkaya and bold it em code https://example.com/a snake_case 2 * 3")
        XCTAssertEqual(blocks.first?.links, [
            Link(text: "Marianna Belenkaya", target: "#"),
            Link(text: "https://example.com/a", target: "https://example.com/a"),
        ])
    }

    func testBrokenParagraphIsJoined() throws {
        let blocks = try TestSupport.blocks("""
        Netanyahu did not thank his other friend, Russian President Vladimir Putin, much less

        express solidarity with either.

        A new paragraph starts here.
        """)
        let kept = blocks.filter(\.isKept).map(\.text)
        XCTAssertEqual(kept, [
            "Netanyahu did not thank his other friend, Russian President Vladimir Putin, much less express solidarity with either.",
            "A new paragraph starts here.",
        ])
        XCTAssertEqual(blocks[1].removal, Removal(stage: "normalize", rule: "joined-into-previous"))
    }

    func testFinishedSentencesAndHeadingsAreNotJoined() throws {
        let blocks = try TestSupport.blocks("# The Iran factor\n\nin July, something happened that was long.\n\nIt ended here.\n\nand then lower case.")
        XCTAssertEqual(blocks.filter(\.isKept).count, 4)
    }

    func testCommentSignatureIsNotJoinedToTheCommentAbove() throws {
        let blocks = try TestSupport.blocks("Obviously he did not want to stay with the team\n\nsolo681 says:\n\nGreat game last night.")
        XCTAssertEqual(blocks.filter(\.isKept).map(\.text), ["Obviously he did not want to stay with the team", "solo681 says:", "Great game last night."])
    }

    func testOptionsTurnStepsOff() throws {
        let stage = try TestSupport.stage(NormalizeStage.self, ["strip_markdown": false, "join_broken_paragraphs": false])
        var document = TestSupport.textDocument("**kept** as is, and this line is long enough\n\nbut not joined.")
        try TestSupport.stage(ReadStage.self).process(&document)
        try stage.process(&document)
        XCTAssertEqual(document.keptBlocks.map(\.text), ["**kept** as is, and this line is long enough", "but not joined."])
    }
}
