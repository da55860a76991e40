import Foundation
import XCTest
@testable import ScourCore

/// Inputs that used to cost more than linear time: each is bounded by design, and these tests
/// check what the bounds keep (functional, never timed; the figures come from `scour bench --growth`).
final class GrowthBoundsTests: XCTestCase {
    /// The default stages with the wall-clock budgets at their maximum: these tests check what the
    /// bounds keep, and a loaded CI machine running a debug build must not turn one into a budget reject
    /// (the budget has tests of its own below).
    func unhurried() throws -> Pipeline {
        let config = #"{"version":1,"stages":[{"stage":"read","html_time_budget_ms":600000,"text_time_budget_ms":600000},{"stage":"normalize"},{"stage":"metadata"},{"stage":"boilerplate"},{"stage":"dedupe"}]}"#
        return Pipeline(config: try PipelineConfig.parse(data: Data(config.utf8), path: "test", resources: TestSupport.resources))
    }

    func process(_ html: [UInt8]) throws -> Result<Document, Rejection> {
        try unhurried().process(Document(source: "page.html", raw: html, format: .html))
    }

    func testHundredThousandNestedDivsAreWrittenWithTheirStory() throws {
        let document = try process(GrowthBench.deepPage(levels: 100_000)).get()
        XCTAssertTrue(document.bodyText.contains("The council voted on Tuesday to build a new sea wall"), document.bodyText)
    }

    func testDescendantsOfTheChosenContainerAreFoundInOnePass() {
        // body(0) > a(1) > b(2) > c(3); body > d(4) > e(5)
        let parents = [-1, 0, 1, 2, 0, 4]
        let containers = parents.map { ContentContainer(tag: .div, parent: $0, depth: 0, tokens: []) }
        XCTAssertEqual(MainContentSelector.descendants(of: 1, containers), [false, false, true, true, false, false])
        XCTAssertEqual(MainContentSelector.descendants(of: 0, containers), [false, true, true, true, true, true])
        XCTAssertEqual(MainContentSelector.descendants(of: 5, containers), [false, false, false, false, false, false])
    }

    /// The growth row "script story" must time the story's read, not a rejection: its page carries
    /// the story under a key that names a body (a review narrowed the keys read, and the row had
    /// been timing "no text in input" since).
    func testTheScriptStoryGrowthPageIsReadWithItsStory() throws {
        let document = try process(GrowthBench.scriptStoryPage(paragraphs: 2_000)).get()
        XCTAssertTrue(document.bodyText.contains("Paragraph 1999 of the story the page builds"), document.bodyText.suffix(300).description)
    }

    /// Each element whose id may be written from its words is checked against a bounded prefix of
    /// its text (64 nodes, 400 bytes), so nested ones cost no walk of everything below them.
    func testNestedSlugIdsAreEachCheckedAgainstABoundedPrefix() throws {
        let document = try process(GrowthBench.storyPage(title: "Slugs", after: "<div class=\"slide\" id=\"she-wore-a-plum-suit-in-london-7\"><p>She wore a plum suit in London</p>", times: 5_000)).get()
        XCTAssertTrue(document.bodyText.contains("The council voted on Tuesday to build a new sea wall"), document.bodyText)
    }

    func testAttributeFloodElementStillYieldsItsText() throws {
        let document = try process(GrowthBench.floodPage(attributes: 100_000)).get()
        XCTAssertTrue(document.bodyText.contains("The council voted on Tuesday to build a new sea wall"), document.bodyText)
    }

    func testOneLinePageIsWrittenWithEveryParagraph() throws {
        let document = try process(GrowthBench.oneLinePage(elements: 20_000)).get()
        XCTAssertTrue(document.bodyText.contains("The council voted on Tuesday to build a new sea wall"), document.bodyText)
        XCTAssertEqual(document.bodyText.split(separator: "\n").filter { $0 == "w" }.count, 20_000, "one line per paragraph")
    }

    /// 20,000 `citation_author` values become one list of 20,000 names (their cost grows with the
    /// list: `scour bench --growth --growth-cases authors` shows it).
    func testAuthorFloodBecomesOneListOfEveryName() throws {
        let document = try process(GrowthBench.authorFloodPage(authors: 20_000)).get()
        XCTAssertEqual(document.metadata.authors.count, 20_000)
        XCTAssertEqual(document.metadata.authors.last, "Author19999 Name19999")
        XCTAssertTrue(document.bodyText.contains("The council voted on Tuesday to build a new sea wall"), document.bodyText)
    }

    /// 20,000 paragraphs that each break off mid-sentence join into one paragraph holding every
    /// line (their cost: `scour bench --growth --growth-cases "broken lines"`).
    func testBrokenLinesJoinIntoOneParagraph() throws {
        let document = try process(GrowthBench.brokenLinesPage(paragraphs: 20_000)).get()
        let joined = try XCTUnwrap(document.blocks.first { $0.isKept && $0.text.hasPrefix("the water came up") })
        XCTAssertEqual(joined.text.components(separatedBy: "on monday").count - 1, 20_000)
    }

    func testAttributesPastTheBoundAreDroppedBeforeLibxml2() throws {
        // Names Scour reads, so only the bound drops them.
        let attributes = ["class", "id", "role", "title", "lang"].enumerated().map { " \($1)=\"v\($0)\"" }.joined()
        let page = "<div\(attributes)\n class=late>text</div>"
        let cut = try XCTUnwrap(RawTextElider.elide(Array(page.utf8), maximumAttributes: 3))
        XCTAssertEqual(String(decoding: cut, as: UTF8.self), "<div class=\"v0\" id=\"v1\" role=\"v2\" \n>text</div>", "line breaks stay")
        XCTAssertNil(RawTextElider.elide(Array(page.utf8), maximumAttributes: 6), "a tag within the bound is not touched")
        // Past a point of doubt (an unclosed quote) floods are still cut, and nothing else changes.
        let doubtful = "<p title='x>a</p><b \(attributes)>b</b>"
        let after = try XCTUnwrap(RawTextElider.elide(Array(doubtful.utf8), maximumAttributes: 3))
        XCTAssertEqual(String(decoding: after, as: UTF8.self), "<p title='x>a</p><b  class=\"v0\" id=\"v1\" role=\"v2\" >b</b>")
    }

    func testLineBufferGivesTheSameLinesWhateverTheChunks() {
        let text = Array("{\"a\":1}\n\n{\"b\":\"\(String(repeating: "x", count: 5_000))\"}\n{\"c\":3}".utf8)
        func lines(chunk: Int) -> [String] {
            var buffer = LineBuffer()
            var out: [String] = []
            var offset = 0
            while offset < text.count {
                buffer.append(Array(text[offset..<min(text.count, offset + chunk)]))
                offset += chunk
                while let line = buffer.nextLine() { out.append(String(decoding: line, as: UTF8.self)) }
            }
            if let rest = buffer.rest() { out.append(String(decoding: rest, as: UTF8.self)) }
            return out
        }
        let whole = lines(chunk: text.count)
        XCTAssertEqual(whole.count, 4)
        XCTAssertEqual(whole[3], "{\"c\":3}")
        for chunk in [1, 7, 64, 4_096] { XCTAssertEqual(lines(chunk: chunk), whole, "chunk \(chunk)") }
    }

    func testStdinRecordReadThroughAPipeIsWhole() throws {
        let record = GrowthBench.stdinRecord(bytes: 300_000)
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            writer.write(Data(record))
            try? writer.close()
        }
        var source = JSONLRecordSource(handle: pipe.fileHandleForReading)
        guard case let .document(document)? = source.next() else { return XCTFail("no document") }
        XCTAssertNil(source.next())
        done.wait()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(record)) as? [String: String])
        XCTAssertEqual(document.raw, Array(try XCTUnwrap(object["html"]).utf8))
        XCTAssertEqual(document.source, "https://example.com/long")
    }

    /// Many similar documents: every look-up compares a bounded number of earlier ones, and
    /// the near duplicates are still found.
    func testSimilarDocumentsCompareABoundedNumberOfCandidates() throws {
        let detector = DuplicateDetector(config: DuplicatesConfig(), state: nil)
        let template = (0..<40).map { "word\($0)" }.joined(separator: " ")
        var originals = 0
        for index in 0..<500 {
            let text = template + " closing \(index)"
            let fingerprint = detector.fingerprint(of: text)
            if try detector.original(of: "doc-\(index)", fingerprint) == nil {
                detector.remember("doc-\(index)", fingerprint)
                originals += 1
            }
        }
        XCTAssertEqual(originals, 1, "every later copy differs in its last word only: a near duplicate of the first")
        XCTAssertLessThanOrEqual(detector.mostCandidatesInOneLookup, DuplicateDetector.maximumCandidates)

        // Documents about half alike (a shared template, words of their own) share buckets without
        // being duplicates: the buckets fill up, and look-ups stay bounded.
        let alike = DuplicateDetector(config: DuplicatesConfig(), state: nil)
        let shared = (0..<40).map { "t\($0)" }.joined(separator: " ")
        for index in 0..<2_000 {
            let text = shared + " " + (0..<20).map { "u\(index)x\($0)" }.joined(separator: " ")
            let fingerprint = alike.fingerprint(of: text)
            if try alike.original(of: "d-\(index)", fingerprint) == nil { alike.remember("d-\(index)", fingerprint) }
        }
        XCTAssertGreaterThan(alike.mostCandidatesInOneLookup, DuplicateDetector.bucketCapacity, "the buckets were full")
        XCTAssertLessThanOrEqual(alike.mostCandidatesInOneLookup, DuplicateDetector.maximumCandidates)
    }

    /// The default stages with the read stage's `budget` key set to 1 ms.
    func pipeline(budget: String) throws -> Pipeline {
        let config = #"{"version":1,"stages":[{"stage":"read",""# + budget + #"":1},{"stage":"normalize"},{"stage":"metadata"},{"stage":"boilerplate"},{"stage":"dedupe"}]}"#
        return Pipeline(config: try PipelineConfig.parse(data: Data(config.utf8), path: "test", resources: TestSupport.resources))
    }

    /// A text dump has its own budget, read after each stage: a slow one is rejected with the reason.
    func testATextDumpOverItsBudgetIsRejected() throws {
        let pipeline = try pipeline(budget: "text_time_budget_ms")
        XCTAssertEqual(pipeline.textBudgetMilliseconds, 1)
        let result = pipeline.process(Document(source: "threads.txt", raw: GrowthBench.datedThreadsDump(entries: 20_000), format: .text))
        guard case let .failure(rejection) = result else { return XCTFail("written despite the budget") }
        XCTAssertTrue(rejection.reason.hasPrefix("document took over text_time_budget_ms (1 ms)"), rejection.reason)
        XCTAssertEqual(Pipeline(config: TestSupport.defaultConfig).textBudgetMilliseconds, 10_000)
    }

    func testEveryStageCountsAgainstTheHTMLBudget() throws {
        let pipeline = try pipeline(budget: "html_time_budget_ms")
        XCTAssertEqual(pipeline.htmlBudgetMilliseconds, 1)
        // A page that takes far over 1 ms in total is rejected, at whichever stage took it over.
        let result = pipeline.process(Document(source: "deep.html", raw: GrowthBench.deepPage(levels: 100_000), format: .html))
        guard case let .failure(rejection) = result else { return XCTFail("written despite the budget") }
        XCTAssertTrue(rejection.reason.hasPrefix("page took over html_time_budget_ms (1 ms)"), rejection.reason)
        // Text inputs are not HTML pages: that budget does not apply (theirs is `text_time_budget_ms`).
        let seed = try Data(contentsOf: TestSupport.repoRoot.appendingPathComponent("seeds/001_99100116381ce573.txt"))
        let text = Document(source: "a.txt", raw: Array(seed), format: .text)
        XCTAssertNoThrow(try pipeline.process(text).get())
    }
}
