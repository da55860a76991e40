import XCTest
@testable import ScourCore

/// The compact tree's limits: many distinct names, and the per-page time budget during parsing.
final class HTMLTreeLimitsTests: XCTestCase {
    func testSeventyThousandDistinctAttributeNamesStillParse() throws {
        var page = "<html><body><div"
        for index in 0..<70_000 { page += " a\(index)=\"\(index)\"" }
        page += ">text</div></body></html>"
        let tree = try XCTUnwrap(HTMLTree.parse(Array(page.utf8), encoding: "UTF-8"))
        XCTAssertFalse(tree.timedOut)
        let root = try XCTUnwrap(tree.root)
        let body = try XCTUnwrap(root.children.first { $0.tag == .body })
        let div = try XCTUnwrap(body.firstChild)
        XCTAssertEqual(div.attribute("a69999"), "69999")
        XCTAssertEqual(div.attributes.count, 70_000)
        XCTAssertEqual(div.textContent, "text")
    }

    func testParseStopsAtItsBudget() throws {
        let page = "<html><body>" + String(repeating: "<p>a</p>", count: 200_000) + "</body></html>"
        let stopped = try XCTUnwrap(HTMLTree.parse(Array(page.utf8), encoding: "UTF-8", budgetNanoseconds: 1))
        XCTAssertTrue(stopped.timedOut)
        let whole = try XCTUnwrap(HTMLTree.parse(Array(page.utf8), encoding: "UTF-8"))
        XCTAssertFalse(whole.timedOut)
    }
}
