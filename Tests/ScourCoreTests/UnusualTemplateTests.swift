import Foundation
import XCTest
@testable import ScourCore

/// Page shapes from sites with unusual templates, hand-written: no <article>, content in tables,
/// div soup with <br> paragraphs, listicles of short items, very short stories. Each through the
/// real pipeline; the body must be the story and nothing of the page around it.
final class UnusualTemplateTests: XCTestCase {
    func clean(_ html: String) throws -> Document {
        let document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        return try Pipeline(config: TestSupport.defaultConfig).process(document).get()
    }

    func testListicleOfHeadingsAndOneLineParagraphs() throws {
        let items = [("1. Water early", "Water before nine."), ("2. Mulch", "Mulch keeps the soil moist."),
                     ("3. Plant natives", "They need less care."), ("4. Compost", "Feed the soil, not the plant.")]
        let html = """
        <html><head><title>Tips for a better garden</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/garden">Garden</a> <a href="/food">Food</a></nav></header>
        <div class="wrap"><div class="main"><h1>Tips for a better garden</h1><p>Spring is here. Here are our favourite tips.</p>
        \(items.map { "<h2>\($0.0)</h2><p>\($0.1)</p>" }.joined())</div>
        <div class="side"><h3>Popular</h3><ul><li><a href="/a">How to grow tomatoes in pots on a balcony</a></li>
        <li><a href="/b">The best roses for shade gardens this year</a></li></ul></div></div>
        <footer><p>© 2021 Garden Weekly. All rights reserved.</p></footer></body></html>
        """
        let expected = ["Spring is here. Here are our favourite tips."] + items.flatMap { [$0.0, $0.1] }
        XCTAssertEqual(try clean(html).bodyText, expected.joined(separator: "\n\n"))
    }

    func testDivSoupWithBreakSeparatedParagraphs() throws {
        let lines = ["The town library reopened on Saturday after a two-year renovation that added a children's wing and a cafe.",
                     "The mayor cut the ribbon in front of about two hundred people, many of whom had waited since morning."]
        let html = """
        <html><head><title>Library reopens</title></head><body><div class="x1"><div class="x2"><a href="/">Home</a> <a href="/n">News</a></div>
        <div class="x3"><div class="x4">\(lines.joined(separator: "<br><br>"))</div></div>
        <div class="x5"><a href="/a">Older news</a> | <a href="/b">Contact</a></div></div></body></html>
        """
        let body = try clean(html).bodyText
        XCTAssertTrue(lines.allSatisfy(body.contains), body)
        XCTAssertFalse(body.contains("Older news") || body.contains("Home"), body)
    }

    func testForumThreadInALayoutTableKeepsEveryPost() throws {
        let posts = ["My chain keeps slipping when I climb hills. I replaced the cassette last month, but it still happens.",
                     "Did you replace the chain at the same time? A worn chain on a new cassette will skip.",
                     "No, the chain is old. I will replace it this weekend, thanks!"]
        let rows = posts.enumerated().map { "<tr><td class=\"row\"><b>user\($0.offset)</b></td><td class=\"row\"><span class=\"postbody\">\($0.element)</span></td></tr>" }
        let html = """
        <html><head><title>Chain slipping - Bike Forum</title></head><body>
        <div id="header"><a href="/">Bike Forum</a> | <a href="/login">Login</a> | <a href="/register">Register</a></div>
        <table class="forumline">\(rows.joined())</table><div id="footer">Powered by a forum engine</div></body></html>
        """
        let body = try clean(html).bodyText
        XCTAssertTrue(posts.allSatisfy(body.contains), body)
        XCTAssertFalse(body.contains("Login") || body.contains("Powered by"), body)
    }

    func testAVeryShortStoryIsKept() throws {
        let html = """
        <html><head><title>Short news</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>
        <div class="post"><h1>Short news</h1><p>The council met on Monday.</p><p>It approved the budget.</p></div>
        <footer>© 2020 Site</footer></body></html>
        """
        XCTAssertEqual(try clean(html).bodyText, "The council met on Monday.\n\nIt approved the budget.")
    }
}
