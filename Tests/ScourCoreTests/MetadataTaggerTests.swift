import XCTest
@testable import ScourCore

/// The taggers of `Taggers/Metadata/` the stage-level tests in `MetadataStageTests` do not reach,
/// the clock that decides which dates lie in the future, and the typed markup hints.
final class MetadataTaggerTests: XCTestCase {
    static let body = MetadataStageTests.body

    /// 2021-06-01 at noon UTC.
    static let june2021 = Clock(now: Date(timeIntervalSince1970: 1_622_548_800))

    func stage(clock: Clock) throws -> MetadataStage {
        let section = ConfigSection(path: "test.json", values: [:], diagnostics: ConfigDiagnostics(text: ""), startLine: 1)
        return try MetadataStage(section: section, resources: TestSupport.resources, clock: clock)
    }

    func tag(_ text: String, hints: [MarkupHint], clock: Clock = .system) throws -> Document {
        var document = TestSupport.textDocument(text)
        document.markupHints = hints
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try stage(clock: clock).process(&document)
        return document
    }

    // MARK: clock

    func testDateParserRefusesYearsAfterTheClocksNext() {
        let parser = DateParser(words: TestSupport.resources.dateWords, clock: Self.june2021)
        XCTAssertEqual(parser.firstDate(in: "May 3, 2022")?.iso, "2022-05-03", "next year is still read")
        XCTAssertNil(parser.firstDate(in: "May 3, 2023"), "two years ahead is no publication date")
        let later = DateParser(words: TestSupport.resources.dateWords, clock: Clock(now: Date(timeIntervalSince1970: 1_700_000_000)))
        XCTAssertEqual(later.firstDate(in: "May 3, 2024")?.iso, "2024-05-03")
    }

    func testMetadataRefusesDatesAfterTomorrow() throws {
        let hints = [MarkupHint(field: .date, value: "2021-06-05", origin: .init(.meta("article:published_time"))),
                     MarkupHint(field: .date, value: "2021-05-20", origin: .init(.microdata("datePublished")))]
        let early = try tag("Budget vote delayed\n\n" + Self.body, hints: hints, clock: Self.june2021)
        XCTAssertEqual(early.metadata.date, "2021-05-20", "a date four days ahead of the clock is refused")
        XCTAssertEqual(early.metadata.evidence["date"]?.rule, "itemprop=datePublished")
        let tomorrow = try tag("Budget vote delayed\n\n" + Self.body, hints: hints,
                               clock: Clock(now: Self.june2021.now.addingTimeInterval(3 * 86_400)))
        XCTAssertEqual(tomorrow.metadata.date, "2021-06-05", "tomorrow is allowed (time zones)")
    }

    // MARK: markup dates (MarkupDateTagger.swift)

    func testShownDateTheMarkupConfirmsWinsAndIsReadDayFirstWhenTheMarkupSaysSo() throws {
        let hints = [MarkupHint(field: .date, value: "2023-11-02T08:00:00Z", origin: .init(.jsonLD("article.datePublished"))),
                     MarkupHint(field: .date, value: "02/11/2023", origin: .init(.visibleText(.dateClass)))]
        let document = try tag("Budget vote delayed\n\n" + Self.body, hints: hints)
        XCTAssertEqual(document.metadata.date, "2023-11-02")
        XCTAssertEqual(document.metadata.evidence["date"]?.rule, "html:date-class:day-first")
    }

    func testModifiedDateIsTheLastResortBeforeTheCaptureDate() throws {
        let hints = [MarkupHint(field: .modified, value: "2022-01-09", origin: .init(.meta("article:modified_time"))),
                     MarkupHint(field: .date, value: "Last updated: 3 May 2021", origin: .init(.visibleText(.textAfterHeadline))),
                     MarkupHint(field: .captureDate, value: "2024-02-02T00:00:00Z", origin: .init(.archive))]
        let document = try tag("Budget vote delayed\n\n" + Self.body, hints: hints)
        XCTAssertEqual(document.metadata.date, "2022-01-09", "a visible 'last updated' line is no publication date")
        XCTAssertEqual(document.metadata.evidence["date"]?.rule, "meta:article:modified_time")
    }

    // MARK: date rules (DateRules.swift)

    func testModifiedLabelMustPrecedeTheDate() throws {
        let context = MetadataContext(stage: try stage(clock: .system), document: TestSupport.textDocument(""))
        XCTAssertTrue(context.isModifiedLine("Last updated: 3 May 2021"))
        XCTAssertTrue(context.isModifiedLine("Zuletzt aktualisiert am 3. Mai 2021"))
        XCTAssertTrue(context.isModifiedLine("Mis à jour le 3 mai 2021"), "non-ASCII text takes the String path")
        XCTAssertFalse(context.isModifiedLine("3 May 2021. The council said the plan was last updated in 1998 by the office."))
        XCTAssertTrue(context.startsWithDateLabel("Published: 3 May 2021"))
        XCTAssertTrue(context.startsWithDateLabel("Veröffentlicht am 3. Mai 2021"))
        XCTAssertFalse(context.startsWithDateLabel("The council met on 3 May 2021"))
    }

    // MARK: authors from markup (AttributionTagger.swift)

    func testVisibleAuthorElementCountsAloneWhileMarkupAuthorsMakeAList() throws {
        let visible = [MarkupHint(field: .author, value: "Jane Doe", origin: .init(.visibleText(.authorClass))),
                       MarkupHint(field: .author, value: "John Roe", origin: .init(.visibleText(.authorClass)))]
        XCTAssertEqual(try tag("Budget vote delayed\n\n" + Self.body, hints: visible).metadata.authors, ["Jane Doe"])
        let markup = [MarkupHint(field: .author, value: "Jane Doe", origin: .init(.meta("citation_author"))),
                      MarkupHint(field: .author, value: "John Roe", origin: .init(.meta("citation_author")))]
        XCTAssertEqual(try tag("Budget vote delayed\n\n" + Self.body, hints: markup).metadata.authors, ["Jane Doe", "John Roe"])
    }

    // MARK: typed hints

    func testOriginsRenderAsTheEvidenceText() {
        let cases: [(HintOrigin.Source, String, Bool)] = [
            (.jsonLD("article.headline"), "json-ld:article.headline", false), (.meta("og:title"), "meta:og:title", false),
            (.microdata("datePublished"), "itemprop=datePublished", false), (.timeElement(published: true), "time[pubdate]", true),
            (.timeElement(published: false), "time[datetime]", true), (.titleElement, "title", false),
            (.canonicalLink, "link[rel=canonical]", false), (.htmlLang, "html[lang]", false), (.relAuthor, "a[rel=author]", false),
            (.visibleText(.textBeforeHeadline), "html:text-before-headline", true), (.archive, "warc-date", false),
        ]
        for (source, text, visible) in cases {
            XCTAssertEqual(HintOrigin(source).description, text)
            XCTAssertEqual(HintOrigin(source).isVisible, visible, text)
        }
        XCTAssertEqual(HintField(rawValue: "warc-date"), .captureDate)
    }

    func testCascadeRunsMarkupBeforeVisibleText() {
        let names = MetadataStage.cascade.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        let firstVisible = names.firstIndex(of: "prose-range")!
        XCTAssertTrue(names.prefix(firstVisible).allSatisfy { $0.hasPrefix("markup-") || $0 == "site-keys" })
        XCTAssertEqual(names.suffix(6), ["feed-hints", "relative-date", "yearless-date", "capture-date", "site-author", "copyright-author"],
                       "the feed's data comes after the page's own; a relative date counted from the capture time, a shown day "
                       + "with the capture's or copyright's year, then the capture time itself, then the site as author, "
                       + "then a person holding the copyright")
    }
}
