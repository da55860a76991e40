import XCTest
@testable import ScourCore

/// A day shown without its year ("Posted Nov 18, 8:19 PM") takes the capture's year, else the
/// copyright line's, and is read only from a date line near the article's start.
final class YearlessDateTests: XCTestCase {
    static let body = """
    The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.

    Members said the plan would be voted on next week, after a final round of talks with the unions and the city.
    """

    func tag(_ header: String, footer: String = "© 2019 Harbour News. All rights reserved.", captured: String? = nil) throws -> Metadata {
        var document = TestSupport.textDocument("Home\n\nCouncil delays budget vote again\n\n\(header)\n\n\(Self.body)\n\n\(footer)")
        if let captured { document.markupHints.append(MarkupHint(field: .captureDate, value: captured, origin: .init(.archive))) }
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        return document.metadata
    }

    func testTheCopyrightYearCompletesAShownDay() throws {
        let meta = try tag("Posted Nov 18, 8:19 PM")
        XCTAssertEqual(meta.date, "2019-11-18")
        XCTAssertEqual(meta.evidence["date"]?.rule, "shown-day+copyright-year")
        XCTAssertEqual(try tag("Posted Nov 18, 8:19 PM", footer: "Copyright 2015-2019 Harbour News").date, "2019-11-18", "the range's last year")
    }

    func testThePublicationPartBeatsTheUpdate() throws {
        XCTAssertEqual(try tag("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM").date, "2019-11-18")
        XCTAssertEqual(try tag("Updated Nov 19, 9:41 AM").date, "2019-11-19", "an update alone is all the page shows")
        XCTAssertEqual(try tag("Tuesday, Nov 18, 8:19 PM").date, "2019-11-18", "a weekday may come first")
        XCTAssertEqual(try tag("Posted 18th Nov 2:30").date, "2019-11-18", "a day with its ordinal")
    }

    func testTheCaptureYearComesFirst() throws {
        let meta = try tag("Posted Nov 18, 8:19 PM", captured: "2020-11-20T10:00:00Z")
        XCTAssertEqual(meta.date, "2020-11-18")
        XCTAssertEqual(meta.evidence["date"]?.rule, "shown-day+capture-year")
        XCTAssertEqual(try tag("Posted Dec 30, 8:19 PM", captured: "2021-01-02T10:00:00Z").date, "2020-12-30", "past the capture: the year before")
    }

    func testNoYearOrNoDateLineGivesNoDate() throws {
        XCTAssertNil(try tag("Posted Nov 18, 8:19 PM", footer: "Harbour News, Harbour Street 1").date, "no year anywhere")
        XCTAssertNil(try tag("May 5 tips for a greener garden").date, "a month's name beside a number is no date line")
        XCTAssertNil(try tag("Posted Feb 30, 8:19 PM").date, "no such day")
        XCTAssertNil(try tag("Date night ideas for Feb 14").date, "a label must be a whole word with the day after it")
        XCTAssertNil(try tag("Road closed after collapse Nov 17, 6:02 PM").date, "the day must open the line or follow its label")
    }
}
