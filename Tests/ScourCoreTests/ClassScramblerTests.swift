import Foundation
import XCTest
@testable import ScourCore

/// `--hide-classes`: class and id words become stable meaningless tokens; nothing else changes.
final class ClassScramblerTests: XCTestCase {
    func scramble(_ html: String) -> String { String(decoding: ClassScrambler.scramble(Array(html.utf8)), as: UTF8.self) }

    func testClassAndIDWordsBecomeTokensAndNothingElseChanges() {
        let out = scramble(#"<div class="article-body main" ID='story' data-class="keep"><p class=lead>class="not a tag" text</p></div>"#)
        let body = String(decoding: ClassScrambler.token(for: Array("article-body".utf8)), as: UTF8.self)
        let main = String(decoding: ClassScrambler.token(for: Array("main".utf8)), as: UTF8.self)
        let story = String(decoding: ClassScrambler.token(for: Array("story".utf8)), as: UTF8.self)
        let lead = String(decoding: ClassScrambler.token(for: Array("lead".utf8)), as: UTF8.self)
        XCTAssertEqual(out, #"<div class="\#(body) \#(main)" ID='\#(story)' data-class="keep"><p class=\#(lead)>class="not a tag" text</p></div>"#)
        XCTAssertTrue(body.hasPrefix("x") && body.dropFirst().allSatisfy(\.isNumber) && body.count == 8, "x and seven digits: no word by chance")
        XCTAssertNotEqual(body, main)
    }

    func testTheSameWordIsAlwaysTheSameTokenAndQuotedAngleBracketsStayInTheTag() {
        let out = scramble(#"<a title="a > b" class="share">x</a><span class="share">y</span>"#)
        let share = String(decoding: ClassScrambler.token(for: Array("share".utf8)), as: UTF8.self)
        XCTAssertEqual(out, #"<a title="a > b" class="\#(share)">x</a><span class="\#(share)">y</span>"#)
    }

    func testScriptTextOpensNoTagAndAnAttributeAfterAQuoteIsFound() {
        let script = "<script>if(n<max){/* it's fine */}</script>"
        let out = scramble(script + #"<div id="a"class="comments"><p>It's</p></div>"#)
        let a = String(decoding: ClassScrambler.token(for: Array("a".utf8)), as: UTF8.self)
        let comments = String(decoding: ClassScrambler.token(for: Array("comments".utf8)), as: UTF8.self)
        XCTAssertEqual(out, script + #"<div id="\#(a)"class="\#(comments)"><p>It's</p></div>"#)
    }

    func testACommentIsCopiedWholeAndASlashSeparatesAttributes() {
        let comment = "<!-- <style> -->"
        let kw = String(decoding: ClassScrambler.token(for: Array("kw".utf8)), as: UTF8.self)
        XCTAssertEqual(scramble(comment + #"<p class="kw">x</p><div/class="kw">"#), comment + #"<p class="\#(kw)">x</p><div/class="\#(kw)">"#)
        XCTAssertEqual(scramble(#"<p title="never closed"#), #"<p title="never closed"#, "an unclosed quote ends with the file")
    }

    /// A page whose comments only a class word marks keeps them under the probe: the bench figure
    /// falls, which is what the probe is for.
    func testTheBenchProbeHidesTheClassWordsFromTheReader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-hide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("html"), withIntermediateDirectories: true)
        let story = "The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending."
        let more = "Members said the plan would be voted on next week, after a final round of talks with the unions and the city."
        let remark = "I have lived here for forty years and I have never seen a council take so long over one budget as this one."
        let page = "<html><body><div><p>\(story)</p><p>\(more)</p><div class=\"comments\"><p>\(remark)</p></div></div></body></html>"
        try Data(page.utf8).write(to: folder.appendingPathComponent("html/p1.html"))
        try Data((#"{"id": "p1.html", "url": "https://x.example/a", "text": "\#(story)\n\#(more)"}"# + "\n").utf8)
            .write(to: folder.appendingPathComponent("truth.jsonl"))
        var runner = BenchRunner(pipeline: Pipeline(config: TestSupport.defaultConfig))
        XCTAssertEqual(try runner.run(setDirectory: folder.path).precision, 1)
        runner.rewriteHTML = ClassScrambler.scramble
        XCTAssertLessThan(try runner.run(setDirectory: folder.path).precision, 1)
    }
}
