import XCTest
@testable import ScourCore

/// "5 days ago" counts back from an archive's capture time, and from nothing else.
final class RelativeDateTests: XCTestCase {
    let body = "<p>The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.</p>"
        + "<p>Members said the plan would be voted on next week, after a final round of talks with the unions.</p>"

    func clean(_ shown: String, captured: String?) throws -> Document {
        let html = "<html><head><title>Budget</title></head><body><article><h1>Budget</h1><span class=\"date\">\(shown)</span>\(body)</article></body></html>"
        var document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        if let captured { document.markupHints.append(MarkupHint(field: .captureDate, value: captured, origin: .init(.archive))) }
        return try Pipeline(config: TestSupport.defaultConfig).process(document).get()
    }

    func testARelativeDateCountsBackFromTheCaptureTime() throws {
        for (shown, day) in [("5 days ago", "2026-11-30"), ("vor 3 Stunden", "2026-12-04"), ("hace 2 días", "2026-12-03"),
                             ("il y a 1 semaine", "2026-11-28"), ("prije 28 minuta", "2026-12-05")] {
            let document = try clean(shown, captured: "2026-12-05T02:00:00Z")
            XCTAssertEqual(document.metadata.date, day, shown)
            XCTAssertEqual(document.metadata.evidence["date"]?.rule, "relative-date", shown)
        }
        // Without a capture time the span means nothing: no date from it.
        XCTAssertNil(try clean("5 days ago", captured: nil).metadata.date)
        // A phrase that is no span leaves the capture time as the last resort.
        XCTAssertEqual(try clean("many days ago", captured: "2026-12-05T02:00:00Z").metadata.evidence["date"]?.rule, "warc-date")
    }

    func testSpansAreReadWholeOrNotAtAll() {
        let forms = TestSupport.resources.dateWords.relative
        XCTAssertEqual(MetadataContext.relativeSpan("5  Days ago", forms: forms), 5 * 86_400)
        XCTAssertEqual(MetadataContext.relativeSpan("3 ore fa", forms: forms), 3 * 3_600)
        for text in ["5 days", "ago", "1000 days ago", "0 days ago", "5 years ago", "updated 5 days ago"] {
            XCTAssertNil(MetadataContext.relativeSpan(text, forms: forms), text)
        }
    }
}
