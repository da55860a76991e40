import XCTest
@testable import ScourCore

/// A page its scripts build: the story as HTML in a JSON string, read when the markup shows none.
final class ScriptStoryTests: XCTestCase {
    static let paragraphs = [
        "Officials in the harbour town said on Tuesday that the new sea wall, built over three years, had held back the worst storm surge in a generation.",
        "Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, and the council borrowed to pay for it.",
        "Residents who spoke at the meeting said they wanted the wall finished before the winter storms, whatever the cost, because the old one had failed twice.",
        "A final vote on the last stretch is expected before the end of the month, when the council meets again to set the town's rates for the year.",
    ]

    /// The story's HTML as a JSON string value: `<` written `\u003c`, quotes escaped.
    static func jsonString(_ html: String) -> String {
        html.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }

    static var storyHTML: String {
        paragraphs.map { "<p class=\"editor-p\">\($0)</p>" }.joined() + "<p>$$ARTICLEAD$$</p>"
    }

    func testTheLongestScriptStringOfParagraphsIsTheStory() throws {
        let page = "<html><body><main></main><script>window.q.push({\"title\":\"Sea wall\",\"content\":\"\(Self.jsonString(Self.storyHTML))\"})</script></body></html>"
        let fragment = try XCTUnwrap(ScriptStory.fragment(in: Array(page.utf8)))
        XCTAssertEqual(String(decoding: fragment, as: UTF8.self), Self.storyHTML)
        // JSON inside a JavaScript string (a framework's flight data): escaped twice, decoded twice.
        let inner = "{\"content\":\"\(Self.jsonString(Self.storyHTML))\"}"
        let twice = "<script>self.f.push([1,\"\(inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"])</script>"
        XCTAssertEqual(ScriptStory.fragment(in: Array(twice.utf8)).map { String(decoding: $0, as: UTF8.self) }, Self.storyHTML)
        // JSON-LD is data read elsewhere; two paragraphs are no story; a string left open is none.
        XCTAssertNil(ScriptStory.fragment(in: Array("<script type=\"application/ld+json\">{\"articleBody\":\"\(Self.jsonString(Self.storyHTML))\"}</script>".utf8)))
        let short = Self.paragraphs.prefix(2).map { "<p>\($0)</p>" }.joined()
        XCTAssertNil(ScriptStory.fragment(in: Array("<script>x={\"c\":\"\(Self.jsonString(short))\"}</script>".utf8)))
        XCTAssertNil(ScriptStory.fragment(in: Array("<script>x={\"c\":\"\(Self.jsonString(Self.storyHTML))</script>".utf8)))
        // Only a key that names a body: a consent banner's HTML is no story.
        XCTAssertNil(ScriptStory.fragment(in: Array("<script>x={\"consentNotice\":\"\(Self.jsonString(Self.storyHTML))\"}</script>".utf8)))
        XCTAssertNotNil(ScriptStory.fragment(in: Array("<script>x={\"contentHtml\" : \"\(Self.jsonString(Self.storyHTML))\"}</script>".utf8)))
    }

    func testAPageWithNoStoryInItsMarkupIsWrittenWithTheScriptsStory() throws {
        let page = """
        <html lang="en"><head><title>Sea wall holds | Harbour News</title></head><body><div id="root"></div>
        <script>window.q.push({"content":"\(Self.jsonString(Self.storyHTML))"})</script></body></html>
        """
        let document = try Pipeline(config: TestSupport.defaultConfig).process(Document(source: "page.html", raw: Array(page.utf8), format: .html)).get()
        XCTAssertEqual(document.bodyText, Self.paragraphs.joined(separator: "\n\n"))
        XCTAssertTrue(document.notes.contains { $0.contains("a script carries") }, "\(document.notes)")
        // A page that shows its story keeps it and reads no script.
        let other = Self.paragraphs.reversed().map { "<p>Another story: \($0)</p>" }.joined()
        let shown = "<html><body><article>" + Self.paragraphs.map { "<p>\($0)</p>" }.joined() + "</article><script>x={\"body\":\"\(Self.jsonString(other))\"}</script></body></html>"
        let kept = try Pipeline(config: TestSupport.defaultConfig).process(Document(source: "page.html", raw: Array(shown.utf8), format: .html)).get()
        XCTAssertEqual(kept.bodyText, Self.paragraphs.joined(separator: "\n\n"))
    }

    func testTemplatePlaceholdersAreNoText() {
        XCTAssertTrue(BoilerplateStage.isTemplatePlaceholder("$$ARTICLEAD$$"))
        XCTAssertTrue(BoilerplateStage.isTemplatePlaceholder("{{AD_SLOT_2}}"))
        XCTAssertFalse(BoilerplateStage.isTemplatePlaceholder("$$ 5 million"))
        XCTAssertFalse(BoilerplateStage.isTemplatePlaceholder("{{"))
    }
}
