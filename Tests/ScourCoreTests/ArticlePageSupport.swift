import XCTest
@testable import ScourCore

/// A news page around the shared test story, and the pipeline's document for it: what the author,
/// outlet and byline tests read.
extension XCTestCase {
    func cleanHTML(_ html: String, file: StaticString = #filePath, line: UInt = #line) -> Document? {
        let document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        switch Pipeline(config: TestSupport.defaultConfig).process(document) {
        case let .success(document): return document
        case let .failure(rejection):
            XCTFail("rejected: \(rejection.reason)", file: file, line: line)
            return nil
        }
    }

    func page(head: String, header: String = "", footer: String = "") -> String {
        let paragraphs = MetadataStageTests.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        return """
        <html><head>\(head)</head><body><article><h1>Budget vote delayed again</h1>\(header)\(paragraphs)
        <p>The mayor said the city would wait for the unions before any vote was held on the plan this year.</p>
        </article><footer>\(footer)</footer></body></html>
        """
    }
}
