import Foundation
import XCTest
@testable import ScourCore

/// Boilerplate found by the page's structure where its class names say nothing: dated record
/// lists (comment threads), teaser records, reply forms. Every class here is a made-up token.
final class StructuralBoilerplateTests: XCTestCase {
    let selector = MainContentSelector(tokens: TestSupport.resources.markupTokens)

    let story = [
        "Officials in the harbour town said on Tuesday that the new sea wall, built over three years, had held back the worst storm surge in a generation.",
        "Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, and the council borrowed to replace it.",
        "Residents who had sandbagged their doors on Monday night said the water stopped a few metres short of the road, where it had flooded twice before.",
    ]

    let remarks = [
        "I live two streets from the front and I have never seen the water this high, the council got this one right after all.",
        "The old wall was a listed structure and nobody asked us before it was knocked down, which still annoys me a great deal.",
        "Good to hear, but what about the houses on the east side that have no wall at all and flooded again last winter?",
        "My grandfather helped to repair the old wall in the fifties and he always said it would not last another storm like that.",
    ]

    /// Included texts, and text → reason for the rest.
    func select(_ body: String) throws -> (included: [String], reasons: [String: String]) {
        let result = try TestSupport.selectContent(body, selector: selector)
        return (result.included, result.reasons)
    }

    var storyHTML: String { "<div class=\"x1\">" + story.map { "<p>\($0)</p>" }.joined() + "</div>" }

    func comment(_ text: String, day: Int) -> String {
        """
        <li class="x7"><article class="x8"><footer><b>reader\(day)</b> says:
        <a href="#c\(day)"><time datetime="2019-11-\(day)T06:34:04-05:00">November \(day), 2019 at 6:34 am</time></a></footer>
        <div class="x9"><p>\(text)</p></div></article></li>
        """
    }

    func testDatedCommentsAfterTheStoryAreCut() throws {
        let thread = remarks.enumerated().map { comment($1, day: 19 + $0) }.joined()
        let result = try select("<div class=\"x0\"><h1>Sea wall holds</h1>\(storyHTML)<h2>4 responses</h2><ol class=\"x6\">\(thread)</ol></div>")
        XCTAssertEqual(result.included, ["Sea wall holds"] + story + ["4 responses"])
        XCTAssertEqual(result.reasons[remarks[0]], "dated-record-list")
        XCTAssertEqual(result.reasons[remarks[3]], "dated-record-list")
    }

    func testTwoDatedCommentsAreNoList() throws {
        let thread = remarks.prefix(2).enumerated().map { comment($1, day: 19 + $0) }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<ol class=\"x6\">\(thread)</ol></div>")
        XCTAssertTrue(result.included.contains(remarks[0]), "two records are an aside, not a thread")
    }

    func testLiveBlogEntriesFromTheStartStay() throws {
        // Each entry is dated, but the entries are the story: nothing is told before them.
        let entries = (story + remarks).enumerated().map { index, text in
            "<div class=\"x5\"><time datetime=\"2019-11-19T0\(index):00:00Z\">0\(index):00</time><p>\(text)</p></div>"
        }.joined()
        let result = try select("<div class=\"x0\"><h1>Storm live</h1><div class=\"x4\">\(entries)</div></div>")
        XCTAssertEqual(result.included, ["Storm live"] + (story + remarks).enumerated().flatMap { ["0\($0.offset):00", $0.element] })
    }

    /// A live blog under its opening story: each entry dated, signed and under a headline of its own
    /// that links nowhere: the story goes on. A comment thread's records have no such headline.
    func testLiveBlogEntriesUnderTheirOwnHeadlinesAfterTheStoryStay() throws {
        let headlines = ["Council thanks the engineers", "East side residents ask for a wall", "Old stones to go to the museum", "Mayor visits the front at dawn"]
        let entries = zip(headlines, remarks).enumerated().map { index, entry in
            "<div class=\"x5\"><div class=\"x6\"><time datetime=\"2019-11-19T1\(index):00:00Z\">1\(index):00</time> <a href=\"/journalist/jon\">Jon King</a></div>"
                + "<h3>\(entry.0)</h3><div class=\"x7\"><p>\(entry.1)</p><p>More on this as it comes in, from our reporter at the harbour.</p></div></div>"
        }.joined()
        let result = try select("<div class=\"x0\"><h1>Sea wall holds</h1>\(storyHTML)<div class=\"x4\">\(entries)</div></div>")
        for text in headlines + remarks { XCTAssertTrue(result.included.contains(text), text) }
        // Without their headlines the same entries read as a thread after the story.
        let bare = remarks.enumerated().map { index, text in
            "<div class=\"x5\"><div class=\"x6\"><time datetime=\"2019-11-19T1\(index):00:00Z\">1\(index):00</time> <a href=\"/u/\(index)\">reader\(index)</a></div><p>\(text)</p></div>"
        }.joined()
        let thread = try select("<div class=\"x0\"><h1>Sea wall holds</h1>\(storyHTML)<div class=\"x4\">\(bare)</div></div>")
        XCTAssertEqual(thread.reasons[remarks[0]], "dated-record-list")
    }

    func testTeaserRecordsWithLinkedHeadingsAfterTheStoryAreCut() throws {
        let teasers = remarks.enumerated().map { index, text in
            "<article class=\"x3\"><a href=\"/s\(index)\"><img src=\"t.jpg\"><h3>Other story number \(index)</h3></a><p>\(text)…</p></article>"
        }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<div class=\"x2\">\(teasers)</div></div>")
        XCTAssertEqual(result.included, story)
        XCTAssertEqual(result.reasons["Other story number 0"], "teaser-record-list")
        XCTAssertEqual(result.reasons[remarks[2] + "…"], "teaser-record-list")
    }

    func testSectionsWithPlainHeadingsStay() throws {
        // A story set in sections under unlinked headings is no teaser list.
        let sections = remarks.enumerated().map { index, text in
            "<section class=\"x3\"><h3>Part \(index)</h3><p>\(text)</p></section>"
        }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<div class=\"x2\">\(sections)</div></div>")
        XCTAssertTrue(result.included.contains("Part 2"))
        XCTAssertTrue(result.included.contains(remarks[3]))
    }

    func testReplyFormAndItsHeadingAreCut() throws {
        let result = try select("""
        <div class="x0">\(storyHTML)<div class="x5"><h3>Leave a reply</h3>
        <form action="/post"><p>Your email address will not be published. Required fields are marked.</p>
        <textarea name="comment"></textarea><label>Name</label><input name="author"></form></div></div>
        """)
        XCTAssertEqual(result.included, story)
        XCTAssertEqual(result.reasons["Leave a reply"], "reply-form")
        // The <form> element is a boilerplate mark of its own; the heading over it is found by the text area.
        XCTAssertNotNil(result.reasons["Your email address will not be published. Required fields are marked."])
    }

    func testAFormAroundTheWholePageIsNotCut() throws {
        // ASP.NET pages wrap everything in one form: the reply box at the story's end goes, the story stays.
        let result = try select("""
        <form id="x1" action="/page.aspx"><div class="x0"><h1>Sea wall holds</h1>\(storyHTML)
        <div class="x5"><h3>Leave a reply</h3><textarea name="comment"></textarea></div></div></form>
        """)
        XCTAssertEqual(Array(result.included.prefix(4)), ["Sea wall holds"] + story)
        XCTAssertEqual(result.reasons["Leave a reply"], "reply-form")
    }

    func testATextAreaInsideTheStoryStays() throws {
        // A tutorial's "try it yourself" box: a text area in the middle of the story, no form.
        let result = try select("""
        <div class="x0">\(storyHTML)<div class="x5"><h3>Try it yourself</h3><textarea>print("hi")</textarea>
        <p>\(remarks[0])</p></div><p>\(remarks[1])</p><p>\(remarks[2])</p></div>
        """)
        XCTAssertTrue(result.included.contains("Try it yourself"))
        XCTAssertTrue(result.included.contains(remarks[0]))
    }

    func testAReplyFormInTheMiddleOfTheStoryStays() throws {
        let result = try select("""
        <div class="x0">\(storyHTML)<div class="x5"><h3>Ask the engineers</h3><form action="/ask">
        <textarea name="q"></textarea></form></div><p>\(remarks[1])</p><p>\(remarks[2])</p><p>\(remarks[3])</p></div>
        """)
        XCTAssertTrue(result.included.contains("Ask the engineers"), "story follows the form: it does not end the story")
    }

    func testADatedTimelineInsideTheStoryStays() throws {
        let timeline = remarks.prefix(3).enumerated().map { "<div class=\"x7\"><time datetime=\"201\($0.offset)-03-03\">201\($0.offset)</time><p>\($0.element)</p></div>" }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<div class=\"x6\">\(timeline)</div><p>\(remarks[3])</p><p>\(story[0]) Again.</p></div>")
        XCTAssertTrue(result.included.contains(remarks[0]), "story follows the list: it is part of the story")
    }

    func testSectionsWhoseHeadingsLinkToThemselvesAreNoTeasers() throws {
        let sections = remarks.enumerated().map { index, text in
            "<section class=\"x3\"><h3><a href=\"#part\(index)\">Part \(index)</a></h3><p>\(text)</p></section>"
        }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<div class=\"x2\">\(sections)</div></div>")
        XCTAssertTrue(result.included.contains(remarks[3]))
    }

    func testTeasersAboveADatedThreadBothGo() throws {
        // Story, then other stories, then the comments: the teaser list ends the story too, since
        // all that follows it is a list cut already.
        let teasers = remarks.enumerated().map { index, text in
            "<article class=\"x3\"><a href=\"/s\(index)\"><h3>Other story number \(index)</h3></a><p>\(text)…</p></article>"
        }.joined()
        let thread = remarks.enumerated().map { comment($1, day: 19 + $0) }.joined()
        let result = try select("<div class=\"x0\">\(storyHTML)<div class=\"x2\">\(teasers)</div><ol class=\"x6\">\(thread)</ol></div>")
        XCTAssertEqual(result.reasons["Other story number 0"], "teaser-record-list")
        XCTAssertEqual(result.reasons[remarks[0]], "dated-record-list")
        XCTAssertEqual(result.included, story)
    }
}
