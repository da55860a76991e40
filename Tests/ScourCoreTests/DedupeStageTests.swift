import XCTest
@testable import ScourCore

final class DedupeStageTests: XCTestCase {
    func testRepeatedHeadingsBlocksAndTitle() throws {
        var document = Document(source: "t", raw: nil, format: .text)
        document.metadata.title = "Is this the title?"
        document.blocks = [
            Block(kind: .heading, text: " Is this the title?"),
            Block(text: "A paragraph that appears twice on the page."),
            Block(kind: .heading, text: "Section"),
            Block(kind: .heading, text: "Another section"),
            Block(kind: .heading, text: "another  SECTION"),
            Block(text: "A paragraph that appears twice on the page."),
            Block(text: "Ok."),
            Block(text: "Ok."),
        ]
        try TestSupport.stage(DedupeStage.self).process(&document)
        XCTAssertEqual(document.blocks.map { $0.removal?.rule }, [
            "title-repeat", nil, nil, nil, "repeated-heading", "repeated-block", nil, nil,
        ])
    }

    func testMinCharsIsConfigurable() throws {
        var document = Document(source: "t", raw: nil, format: .text)
        document.blocks = [Block(text: "Ok."), Block(text: "Ok.")]
        try TestSupport.stage(DedupeStage.self, ["min_chars": 2]).process(&document)
        XCTAssertEqual(document.blocks[1].removal?.rule, "repeated-block")
    }
}
