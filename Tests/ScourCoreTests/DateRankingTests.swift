import XCTest
@testable import ScourCore

/// Which date wins when a page offers several: the page language's order for ambiguous numeric
/// dates it shows, the URL's day or month against the markup's choice. Real-shaped HTML through
/// the whole default pipeline.
final class DateRankingTests: XCTestCase {
    static let prose = """
    <p>The council met on Tuesday evening to discuss the budget for the coming year, and after a long debate the members agreed to fund the new library, which the town has wanted for a decade.</p>
    <p>Residents who spoke at the meeting said the old building was too small for the children who use it after school, and that the reading room had been closed for repairs since the spring.</p>
    """

    func cleaned(_ head: String, _ header: String, lang: String = "en", url: String? = nil,
                 file: StaticString = #filePath, line: UInt = #line) -> Metadata? {
        let html = """
        <html lang="\(lang)"><head><title>Council funds the new library</title>\(head)</head>
        <body><article><h1>Council funds the new library</h1>\(header)\(Self.prose)</article></body></html>
        """
        var document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        document.metadata.url = url
        switch Pipeline(config: TestSupport.defaultConfig).process(document) {
        case let .success(output): return output.metadata
        case let .failure(rejection):
            XCTFail("rejected: \(rejection.reason)", file: file, line: line)
            return nil
        }
    }

    // MARK: time zones

    /// A stamp of the day before counts as the local day only when its clock lies a whole zone
    /// offset behind the UTC one: a teaser's "16:35" beside "03:00Z" is another story's moment.
    func testALocalDayNeedsTheSameMoment() throws {
        let utc = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-08T03:00:00.000Z"}</script>"#
        XCTAssertEqual(cleaned(utc, #"<p><time datetime="2025-04-07 16:35:09">16:35</time></p>"#)?.date, "2025-04-08")
        XCTAssertEqual(cleaned(utc, #"<p><time datetime="2025-04-07T22:00:00-05:00">April 7, 10:00 pm</time></p>"#)?.date, "2025-04-07")
    }

    /// A video's own date on the page (another work's, the day before in New York) does not move a
    /// UTC timestamp past midnight back to the day before; the article's own local stamp does.
    func testAVideosDateIsNoLocalDayOfTheArticle() throws {
        let article = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-09-03T04:03:19Z"}</script>"#
        let video = #"<script type="application/ld+json">{"@type":"VideoObject","uploadDate":"Mon Sep 02 01:11:35 EDT 2024"}</script>"#
        XCTAssertEqual(cleaned(article + video, "")?.date, "2024-09-03")
        XCTAssertEqual(cleaned(article + video + #"<meta property="article:published_time" content="2024-09-02T23:03:19-05:00">"#, "")?.date, "2024-09-02")
    }

    /// A UTC timestamp that crossed midnight gives way to the day the page shows, or to a timestamp
    /// with the local offset; a UTC timestamp in daytime, or with no other source, stays.
    func testTheLocalDayBeatsAUTCTimestampPastMidnight() throws {
        let utc = #"<meta property="article:published_time" content="2019-11-20T04:26:47Z">"#
        let shown = cleaned(utc, #"<p class="date">Tuesday, November 19, 2019</p>"#)
        XCTAssertEqual(shown?.date, "2019-11-19")
        let offset = cleaned(utc + #"<meta itemprop="dateCreated" content="2019-11-19T23:26:47-05:00">"#, "")
        XCTAssertEqual(offset?.date, "2019-11-19")
        XCTAssertEqual(offset?.evidence["date"]?.rule.hasSuffix(":local-day"), true)
        let alone = cleaned(utc, "")
        XCTAssertEqual(alone?.date, "2019-11-20")
        let daytime = cleaned(#"<meta property="article:published_time" content="2019-11-20T14:26:47Z">"#,
                              #"<p class="date">Tuesday, November 19, 2019</p>"#)
        // (The shown date wins there by the older rule that prefers what the page shows.)
        let daytimeRule = try XCTUnwrap(daytime?.evidence["date"]?.rule)
        XCTAssertFalse(daytimeRule.hasSuffix(":local-day"), daytimeRule)
        // The `<time>` shows the local day; its attribute and a zoneless copy hold the UTC instant.
        let timeText = cleaned(#"<meta itemprop="datePublished" content="2019-11-19 02:24:00">"#,
                               #"<time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time>"#)
        XCTAssertEqual(timeText?.date, "2019-11-18")
        XCTAssertEqual(timeText?.evidence["date"]?.rule.hasSuffix(":local-day"), true)
        XCTAssertTrue(DateCandidate.isEarlyUTC("2019-11-19 02:24:00 UTC"))
        XCTAssertTrue(DateCandidate.isEarlyZoneless("2019-11-19 02:24:00"))
        XCTAssertFalse(DateCandidate.isEarlyZoneless("2019-11-19T02:24:00-05:00"))
        XCTAssertFalse(DateCandidate.isEarlyUTC("2019-11-19 02:24:00"))
        XCTAssertEqual(MetadataContext.dayBefore("2020-03-01"), "2020-02-29")
        XCTAssertEqual(MetadataContext.dayBefore("2021-01-01"), "2020-12-31")
    }

    /// The same header without classes: the `<time>` texts say which is the update ("Updated …")
    /// and which the publication ("Posted …"), as a label before the element would.
    func testATimeTextSaysItsOwnRole() throws {
        let utc = #"<meta property="article:published_time" content="2019-11-19T01:19:34.819Z">"#
        let header = """
        <div><span><time datetime="2019-11-19T14:41:32.524Z">Updated Nov 19, 9:41 AM;</time></span>
        <span><time datetime="2019-11-19T01:19:34.819Z">Posted Nov 18, 8:19 PM</time></span></div>
        """
        XCTAssertEqual(cleaned(utc, header)?.date, "2019-11-18")
        // Microdata names the role where no class does: `itemprop="dateUpdated"` is an update.
        let published = #"<meta property="article:published_time" content="2018-10-07T09:00:00-07:00">"#
        let updated = #"<time itemprop="dateUpdated" datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time>"#
        XCTAssertEqual(cleaned(published, updated)?.date, "2018-10-07")
    }

    /// "Nov 19, 2019, 10:31 pm CST" under the headline and "2019-11-20T04:31:13-06:00" in JSON-LD:
    /// one instant in two zones (the data's offset is wrong). The clocks six hours apart decide for
    /// the day the page shows; clocks that no zone offset joins, or a shown day that agrees, decide nothing.
    func testAShownClockOneZoneAwayNamesThePagesDay() throws {
        let data = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T04:31:13-06:00"}</script>"#
        func header(_ shown: String) -> String {
            #"<div><span><a href="/author/chris/">Chris Davies</a></span> - <span>\#(shown)</span></div>"#
        }
        // (With the weekday first the line is no bare date: the clock decides, not the bare-date rule.)
        let shifted = try XCTUnwrap(cleaned(data, header("Tuesday, Nov 19, 2019, 10:31 pm CST")))
        XCTAssertEqual(shifted.date, "2019-11-19")
        XCTAssertEqual(shifted.evidence["date"]?.rule.hasSuffix(":shown-clock"), true)
        XCTAssertEqual(cleaned(data, header("Tuesday, Nov 19, 2019, 10:17 pm CST"))?.date, "2019-11-20")
        XCTAssertEqual(cleaned(data, header("Tuesday, Nov 19, 2019, 8:31 am"))?.date, "2019-11-20")
        // The data's clock later than the page's on the day after ("Nov 21, 1:00 am" local, east of the data's zone).
        let east = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T20:00:00Z"}</script>"#
        XCTAssertEqual(cleaned(east, header("21 November 2019, 01:00"))?.date, "2019-11-21")
        // A teaser's `<time>` after the story's first paragraphs shows no clock of this page.
        let noon = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-20T12:00:00Z"}</script>"#
        let teaser = Self.prose + Self.prose + #"<p><time datetime="2019-11-19T23:00:00Z">Nov 19, 11:00 PM</time></p>"#
        XCTAssertEqual(cleaned(noon, teaser)?.date, "2019-11-20")
        let inHeader = #"<p><time datetime="2019-11-19T23:00:00Z">Nov 19, 11:00 PM</time></p>"# + Self.prose
        XCTAssertEqual(cleaned(noon, inHeader)?.date, "2019-11-19", "the same `<time>` in the header shows the page's clock")
        XCTAssertEqual(ShownClock.minutes(in: "Nov 19, 2019, 10:31 pm CST"), 22 * 60 + 31)
        XCTAssertEqual(ShownClock.minutes(in: "2019-11-20T04:31:13-06:00"), 4 * 60 + 31)
        XCTAssertEqual(ShownClock.minutes(in: "12:05 a.m."), 5)
        XCTAssertEqual(ShownClock.minutes(in: "12:05 PM"), 12 * 60 + 5)
        XCTAssertNil(ShownClock.minutes(in: "Score 12345:30, 9.30 Uhr"))
        XCTAssertNil(ShownClock.minutes(in: "at 25:10 or 7:75"))
        XCTAssertTrue(ShownClock.canBeSameInstant(laterDayMinutes: 4 * 60 + 31, earlierDayMinutes: 22 * 60 + 31))
        XCTAssertFalse(ShownClock.canBeSameInstant(laterDayMinutes: 10 * 60, earlierDayMinutes: 10 * 60))
        XCTAssertEqual(MetadataContext.dayAfter("2020-02-28"), "2020-02-29")
        XCTAssertTrue(DateCandidate.isMachineStamp("2019-11-19T01:19:34.819Z"))
        XCTAssertFalse(DateCandidate.isMachineStamp("Nov 19, 2019, 10:31 pm"))
    }

    /// A line under the headline that is a date and nothing else ("27.01.2022") beats a `<meta name="date">`
    /// the page never shows (a CMS's creation time), without a class saying it is a date. A line with
    /// more words is no such element, and a markup date the page shows anywhere keeps its place.
    func testABareDateUnderTheHeadlineBeatsADataDateThePageNeverShows() throws {
        let data = #"<meta name="date" content="2021-12-20T11:02:44+01:00">"#
        let bare = try XCTUnwrap(cleaned(data, "<div><span>27.01.2022</span></div>", lang: "de"))
        XCTAssertEqual(bare.date, "2022-01-27")
        XCTAssertEqual(bare.evidence["date"]?.rule, "html:text-after-headline:bare")
        XCTAssertEqual(cleaned(data, "<div><span>27.01.2022 Lesung im Rathaus mit dem Autor</span></div>", lang: "de")?.date, "2021-12-20")
        XCTAssertEqual(cleaned(data, "<div><span>27.01.2022 Lesung im Rathaus</span></div>", lang: "de")?.date, "2021-12-20",
                       "a few words after the date are no clock")
        XCTAssertEqual(cleaned(data, "<p>Lesung am 27.01.2022 im Rathaus</p><div><span>28.01.2022</span></div>", lang: "de")?.date,
                       "2021-12-20", "only the first dated line under the headline")
        XCTAssertEqual(cleaned(data, "<div><span>27.01.2022 | 20:26</span></div>", lang: "de")?.date, "2022-01-27")
        for shown in ["27.01.2022, 14:30 Uhr", "27.01.2022 20:26 CET"] {
            XCTAssertEqual(cleaned(data, "<div><span>\(shown)</span></div>", lang: "de")?.date, "2022-01-27", shown)
        }
        XCTAssertEqual(cleaned(data, "<div><span>27 de enero de 2022</span></div>", lang: "es")?.date, "2022-01-27")
        let shownToo = "<div><span>27.01.2022</span></div><p>Erstellt am 20.12.2021</p>"
        XCTAssertNotEqual(cleaned(data, shownToo, lang: "de")?.evidence["date"]?.rule, "html:text-after-headline:bare")
    }

    /// A `<time>` inside a link to another page (a teaser's) dates that page; one linked to the page
    /// itself (a permalink) dates this one.
    func testATimeInALinkToAnotherPageIsThatPagesDate() throws {
        let canonical = #"<link rel="canonical" href="https://www.example.com/opinion/council-funds-library">"#
        let teaser = #"<p><a href="https://www.example.com/news/other-story"><small><time>Wednesday November 20, 2019</time></small></a></p>"#
        let page = cleaned(canonical, teaser + "<p>| November 18, 2019 12:01 PM</p>")
        XCTAssertEqual(page?.date, "2019-11-18")
        let permalink = #"<p><a href="/opinion/council-funds-library/" rel="bookmark"><time>November 17, 2019</time></a></p>"#
        XCTAssertEqual(cleaned(canonical, permalink)?.date, "2019-11-17")
        let spaced = #"<p><a href=" /opinion/council-funds-library "><time>November 13, 2019</time></a></p>"#
        XCTAssertEqual(cleaned(canonical, spaced)?.date, "2019-11-13", "spaces around the address")
        let home = #"<link rel="canonical" href="https://www.example.com/"><meta property="og:url" content="https://www.example.com/opinion/council-funds-library">"#
        XCTAssertEqual(cleaned(home, #"<p><a href="/opinion/council-funds-library"><time>November 12, 2019</time></a></p>"#)?.date, "2019-11-12",
                       "a home page as the canonical address names no story; og:url does")
        let archive = #"<p><a href="https://www.example.com/2019/11/16/"><span>16. November 2019</span></a></p>"#
        XCTAssertEqual(cleaned(canonical, archive, lang: "de")?.date, "2019-11-16", "a date archive is no other story")
        let authorCard = #"<p><a href="/author/jdoe"><span>Jane Doe</span> <span>15 November 2019</span></a></p>"#
        XCTAssertEqual(cleaned(canonical, authorCard)?.date, "2019-11-15", "nor is the author's page")
    }

    /// "Posted Nov 18, 8:19 PM" in the `<time>` of a UTC timestamp past midnight: the month and day
    /// without a year still name the local day. The "Updated" time beside it takes its role from the
    /// element holding it. A dated line further down (an embedded post's) is no dateline.
    func testAYearlessTimeTextNamesTheLocalDay() throws {
        let utc = #"<meta property="article:published_time" content="2019-11-19T01:19:34.819Z">"#
        let header = """
        <div class="dateline"><span class="dateline__updated"><time datetime="2019-11-19T14:41:32.524Z">Updated Nov 19, 9:41 AM;</time></span>
        <span class="dateline__published"><time datetime="2019-11-19T01:19:34.819Z">Posted Nov 18, 8:19 PM</time></span></div>
        """
        let metadata = try XCTUnwrap(cleaned(utc, header))
        XCTAssertEqual(metadata.date, "2019-11-18")
        XCTAssertEqual(metadata.evidence["date"]?.rule, "time-text:local-day")
        let embedded = """
        <time datetime="2019-11-19T01:19:34Z"></time><p>Monday, November 18, 2019 8:19 PM</p>
        <p>The mayor said it on Monday night in a post.</p><blockquote>— A reader (@reader) November 19, 2019</blockquote>
        """
        XCTAssertEqual(cleaned(utc, embedded)?.date, "2019-11-18")
        let parser = DateParser(words: TestSupport.resources.dateWords, years: 1990...2030)
        XCTAssertEqual(parser.firstMonthDay(in: "Posted Nov 18, 8:19 PM").map { [$0.month, $0.day] }, [11, 18])
        XCTAssertEqual(parser.firstMonthDay(in: "18. November").map { [$0.month, $0.day] }, [11, 18])
        XCTAssertNil(parser.firstMonthDay(in: "Posted at 8:19 PM"))
    }

    /// A "posted-on" element that shows only a `<time class="updated">`: the day shown is the update,
    /// so the markup's modification date agreeing with it does not make it the publication date.
    /// Where the page shows a day it does not mark (an unlabelled republication date), the shown day stays.
    func testAShownDayMarkedAsTheUpdateIsNoPublicationDate() {
        let head = #"<meta property="article:published_time" content="2018-10-07T09:00:35-08:00"><meta property="article:modified_time" content="2018-11-12T17:36:26-08:00">"#
        let marked = #"<span class="posted-on"><time class="entry-updated updated" datetime="2018-11-12T17:36:26-08:00">November 12, 2018</time></span>"#
        XCTAssertEqual(cleaned(head, marked)?.date, "2018-10-07")
        let unmarked = #"<p class="date-time">12. November 2018 - 15:00 Uhr</p>"#
        XCTAssertEqual(cleaned(head, unmarked)?.date, "2018-11-12")
    }

    /// A `<time>` with no class that says what it holds: the label printed before it does.
    /// "Aktualizacja:" (updated) is no publication; "Opublikowano:" (published) beats an unlabelled
    /// or otherwise labelled `<time>` ("Wydrukowano:", printed), also through an inline wrapper.
    func testTheLabelPrintedBeforeATimeSaysWhatItHolds() {
        let updated = """
        <div class="meta">Aktualizacja: <time>05.05.2021, 05:53</time></div><div class="meta">Publikacja: <time>04.05.2021</time></div>
        """
        XCTAssertEqual(cleaned("", updated, lang: "pl")?.date, "2021-05-04")
        let printed = """
        <p>Wydrukowano: <strong><time>2021-05-11 22:22:17+02:00</time></strong></p>
        <p>Opublikowano: <strong><time>2021-04-29 17:13:04+02:00</time></strong></p>
        """
        XCTAssertEqual(cleaned("", printed, lang: "pl")?.date, "2021-04-29")
        // An element between the words and the `<time>` breaks the label: the date is no update then.
        let unlabelled = cleaned("", "<p>Aktualizacja: <a href=\"/x\">zobacz</a> <time>05.05.2021</time></p>", lang: "pl")
        XCTAssertEqual(unlabelled?.date, "2021-05-05")
        XCTAssertEqual(unlabelled?.evidence["date"]?.rule, "time[datetime]")
        let labelledUpdate = cleaned("", "<p>Aktualizacja: <time>05.05.2021</time></p>", lang: "pl")
        XCTAssertNotEqual(labelledUpdate?.evidence["date"]?.rule, "time[datetime]", "a labelled update is no publication `<time>`")
        // A `<time>` whose class says it is the publication keeps its place beside a labelled one.
        let classed = cleaned("", #"<time class="published" datetime="2021-05-03">3.05.2021</time><p>Opublikowano: <time>04.05.2021</time></p>"#, lang: "pl")
        XCTAssertEqual(classed?.date, "2021-05-03")
    }

    /// A short dated line after the story's first paragraphs is an event or a citation, not the
    /// page's date, unless a label says it is the publication ("Veröffentlicht am …" after a review).
    func testADatedLineDeepInTheStoryNeedsAPublicationLabel() throws {
        let long = String(repeating: Self.prose, count: 10)
        let event = try XCTUnwrap(cleaned("", long + "<p>Workshop am 6. Mai 2023</p>", lang: "de"))
        XCTAssertNil(event.date)
        let labelled = cleaned("", long + "<p>Veröffentlicht am 01.11.2023</p>", lang: "de")
        XCTAssertEqual(labelled?.date, "2023-11-01")
        // Under the headline, before the story, the same line is the dateline.
        XCTAssertEqual(cleaned("", "<p>6. Mai 2023</p>" + long, lang: "de")?.date, "2023-05-06")
    }

    /// A date in a picture's caption or credit dates the picture, not the page.
    func testACaptionsDateIsNoPageDate() throws {
        let figure = #"<figure><img src="a.jpg" alt="Windpark"><figcaption>Windpark Riffgat <span class="copy">© Kurt Wessolek, 31.05.2013</span></figcaption></figure>"#
        let alone = try XCTUnwrap(cleaned("", figure, lang: "de"))
        XCTAssertNil(alone.date)
        XCTAssertEqual(cleaned("", figure + "<p>12.06.2014</p>", lang: "de")?.date, "2014-06-12")
    }

    // MARK: dates in the header's share bar, dates of other stories

    /// A related list's dates, each printed twice, must not outvote the markup's date when the page
    /// shows that date too: in a date element inside the header's share bar (a share bar holds
    /// buttons, not other stories, so its dates are the page's), or on the line under the headline.
    func testTheShownMarkupDateBeatsARelatedListsDates() {
        let jsonLD = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T09:44:09+00:00"}</script>"#
        let related = """
        <ul class="links"><li><a href="/a">Another story about the library</a><div class="date" data-datetime="22 August 2019">22 August 2019</div></li>
        <li><a href="/b">A third story about the council</a><div class="date" data-datetime="22 August 2019">22 August 2019</div></li></ul>
        """
        let inShareBar = cleaned(jsonLD, #"<div class="mini-info-list-and-share"><div class="date">19 November 2019</div></div>"# + related)
        XCTAssertEqual(inShareBar?.date, "2019-11-19")
        let underHeadline = cleaned(jsonLD, "<p>19 November 2019</p>" + related)
        XCTAssertEqual(underHeadline?.date, "2019-11-19")
    }

    // MARK: day and month order

    func testShownNumericDateIsReadInThePageLanguagesOrder() {
        let shown = #"<p class="date">03/04/2021</p>"#
        XCTAssertEqual(cleaned("", shown, lang: "de")?.date, "2021-04-03", "German pages put the day first")
        XCTAssertEqual(cleaned("", shown, lang: "en-GB")?.date, "2021-04-03", "so do British ones")
        XCTAssertEqual(cleaned("", shown, lang: "en-US")?.date, "2021-03-04")
        XCTAssertEqual(cleaned("", shown, lang: "en")?.date, "2021-03-04", "English without a region keeps month first")
        // … unless the page's own unambiguous dates, or else its country's domain, say otherwise.
        let elsewhere = shown + "<p>Previous story: 25/03/2021</p>"
        XCTAssertEqual(cleaned("", elsewhere, lang: "en")?.date, "2021-04-03", "the page writes 25/03/2021")
        XCTAssertEqual(cleaned("", shown, lang: "en", url: "https://www.example.co.uk/news/a")?.date, "2021-04-03")
        XCTAssertEqual(cleaned("", shown, lang: "en", url: "https://www.example.ie/news/a")?.date, "2021-04-03")
        XCTAssertEqual(cleaned(#"<link rel="canonical" href="https://www.example.co.uk/news/a">"#, shown, lang: "en")?.date, "2021-04-03",
                       "the canonical link names the domain when the input carries no address")
        XCTAssertEqual(cleaned("", shown, lang: "en", url: "https://www.example.com/news/a")?.date, "2021-03-04")
        XCTAssertEqual(cleaned("", shown, lang: "en-US", url: "https://www.example.co.uk/news/a")?.date, "2021-03-04",
                       "a tag with its region outranks the domain")
        XCTAssertEqual(NumericDateOrder.dayFirst(in: ["25/10/2023 | 20:26", "10/25/2023", "13.01.22"]), true)
        XCTAssertEqual(NumericDateOrder.dayFirst(in: ["10/25/2023", "03/04/2021"]), false)
        XCTAssertNil(NumericDateOrder.dayFirst(in: ["03/04/2021", "1/2/3", "125/10/2023", "Version 25.10.20233", "v1.13.10", "10.13.10.2",
                                                    "Version 1.13.10", "call 12-34-56"]))
        XCTAssertEqual(MetadataContext.countryDomain("https://www.example.co.uk/a"), "uk")
        XCTAssertNil(MetadataContext.countryDomain("https://www.example.com/a"))
    }

    func testMarkupDataKeepsTheConfiguredOrderWhateverTheLanguage() {
        // Software writes the data values, month first on many German sites' servers.
        let meta = cleaned(#"<meta name="date" content="11/01/2023 12:43:42">"#, "", lang: "de")
        XCTAssertEqual(meta?.date, "2023-11-01")
        XCTAssertEqual(meta?.evidence["date"]?.rule, "meta:date")
    }

    func testFixedOrderSettingOverridesTheLanguage() throws {
        let stage = try TestSupport.stage(MetadataStage.self, ["ambiguous_dates": "month_first"])
        var document = Document(source: "page.html", raw: nil, format: .html)
        document.markupHints = [MarkupHint(field: .language, value: "fr", origin: .init(.htmlLang)),
                                MarkupHint(field: .date, value: "03/04/2021", origin: .init(.visibleText(.dateClass)))]
        try stage.process(&document)
        XCTAssertEqual(document.metadata.date, "2021-03-04")
    }

    func testLanguageTagsDecideTheOrder() {
        let locales: Set<String> = ["en", "en-us", "en-ph", "fil"]
        for (tag, dayFirst) in [("de-DE", true), ("fr", true), ("en_GB", true), ("en-AU", true), ("en-US", false),
                                ("en", false), ("fil", false), ("zh-CN", true), ("x", false), ("", false)] {
            XCTAssertEqual(MetadataContext.readsDayFirst(languageTag: tag, monthFirstLocales: locales), dayFirst, tag)
        }
    }

    // MARK: the URL's date

    func testURLDayConfirmedByAShownDateBeatsASingleMarkupDate() {
        let meta = cleaned(#"<meta property="article:published_time" content="2021-05-20T08:00:00Z">"#,
                           "<p>Town hall report, 18 May 2021</p>", url: "https://news.example/2021/05/18/library-funds")
        XCTAssertEqual(meta?.date, "2021-05-18")
        XCTAssertEqual(meta?.evidence["date"]?.rule, "html:text-after-headline:url-agrees")
        let elsewhere = cleaned(#"<meta property="article:published_time" content="2021-05-20T08:00:00Z">"#,
                                "<p>Town hall report, 18 May 2021</p>", url: "https://news.example/library-funds")
        XCTAssertEqual(elsewhere?.date, "2021-05-20", "without the URL's day the markup's date stands")
    }

    func testURLDayBeatsALoneDateButNotTwoSourcesAgreeing() {
        let lone = cleaned(#"<meta property="article:published_time" content="2021-05-20T08:00:00Z">"#, "",
                           url: "https://news.example/2021/05/18/library-funds")
        XCTAssertEqual(lone?.date, "2021-05-18")
        XCTAssertEqual(lone?.evidence["date"]?.rule, "url-path")
        let agreed = cleaned(#"<meta property="article:published_time" content="2021-05-20T08:00:00Z">"#
                             + #"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-05-20"}</script>"#, "",
                             url: "https://news.example/2021/05/18/library-funds")
        XCTAssertEqual(agreed?.date, "2021-05-20", "two sources agreeing outweigh the URL")
        XCTAssertEqual(agreed?.evidence["date"]?.rule, "json-ld:article.datePublished")
        let query = cleaned(#"<meta property="article:published_time" content="2021-05-20T08:00:00Z">"#, "",
                            url: "https://news.example/library-funds?from=2021-05-18")
        XCTAssertEqual(query?.date, "2021-05-20", "a date in the query is a filter, not the story's day")
    }

    func testVideoUploadDateIsAWeakCandidate() {
        let video = #"<script type="application/ld+json">{"@type": "VideoObject", "uploadDate": "2020-06-02T10:00:00+02:00"}</script>"#
        let only = cleaned(video, "")
        XCTAssertEqual(only?.date, "2020-06-02")
        XCTAssertEqual(only?.evidence["date"]?.rule, "json-ld:other.datePublished")
        let withArticle = cleaned(video + #"<meta property="article:published_time" content="2020-06-01T08:00:00Z">"#, "")
        XCTAssertEqual(withArticle?.date, "2020-06-01", "the article's own date comes first")
    }

    func testURLMonthPicksTheFullDateInsideIt() {
        // The first `<time>` is a stale one; the URL says March 2020, where the dated element lies.
        let meta = cleaned("", #"<time datetime="2019-12-01">1 December 2019</time><p class="date">14 March 2020</p>"#,
                           url: "https://blog.example/2020/03/library-funds/")
        XCTAssertEqual(meta?.date, "2020-03-14")
        XCTAssertEqual(meta?.evidence["date"]?.rule, "html:date-class:url-month")
    }

    func testCopyrightYearsAndYearsBefore1995AreNoCandidates() {
        XCTAssertNil(cleaned("", "<p>© 2019 Example Media Group</p><p>Filed 3 May 1994</p>")?.date,
                     "a copyright year and a date before 1995 are no publication dates")
        XCTAssertEqual(cleaned("", "<p>Filed 3 May 1996</p>")?.date, "1996-05-03")
        XCTAssertEqual(cleaned("", "<p>© dpa-AFX | 07.11.2023 08:03</p>", lang: "de")?.date, "2023-11-07",
                       "an agency's credit line with its full time stamp")
    }

    func testShownUpdateIsTheLastResortAfterTheMarkupsModification() throws {
        // Hints as the HTML reader gives them, with no header blocks (the header's own date lines are HeaderTagger's).
        func tagged(_ hints: [MarkupHint]) throws -> Metadata {
            var document = Document(source: "page.html", raw: nil, format: .html)
            document.markupHints = hints
            try TestSupport.stage(MetadataStage.self).process(&document)
            return document.metadata
        }
        let updated = MarkupHint(field: .date, value: "Last updated: 3 May 2021", origin: .init(.visibleText(.textAfterHeadline)))
        let capture = MarkupHint(field: .captureDate, value: "2024-02-02T00:00:00Z", origin: .init(.archive))
        let shown = try tagged([updated, capture])
        XCTAssertEqual(shown.date, "2021-05-03", "an update the page shows beats the capture time")
        XCTAssertEqual(shown.evidence["date"]?.rule, "html:text-after-headline:updated")
        let markup = try tagged([MarkupHint(field: .modified, value: "2022-01-09", origin: .init(.meta("article:modified_time"))), updated])
        XCTAssertEqual(markup.date, "2022-01-09", "the markup's modification date ranks first")
        let published = try tagged([updated, MarkupHint(field: .date, value: "1 May 2021", origin: .init(.visibleText(.textAfterHeadline)))])
        XCTAssertEqual(published.date, "2021-05-01", "any publication date comes first")
    }

    func testMoreMetaKeysNamePublicationDates() {
        let meta = cleaned(#"<meta property="og:pubdate" content="2020-02-03T10:00:00+01:00"><meta name="timestamp" content="2020-02-05">"#, "")
        XCTAssertEqual(meta?.date, "2020-02-03")
        XCTAssertEqual(meta?.evidence["date"]?.rule, "meta:og:pubdate")
    }

    func testDateOutsideTheArticleIsTheLastResort() {
        func page(_ header: String, _ aside: String) -> Metadata? {
            cleaned("", header + #"<div class="sidebar"><p>Mise en ligne</p><p>23 mai 2019</p><p>Vu 1204 fois</p></div>"# + aside, lang: "fr")
        }
        let alone = page("", "")
        XCTAssertEqual(alone?.date, "2019-05-23", "the sidebar's date, when the page has no other")
        XCTAssertEqual(alone?.evidence["date"]?.rule, "html:outside-article")
        let shown = page("<p>Publié le 2 mai 2019</p>", "")
        XCTAssertEqual(shown?.date, "2019-05-02", "any date of the article comes first")
        let labelled = page("", #"<footer><p>Publié le 21 mai 2019</p></footer>"#)
        XCTAssertEqual(labelled?.date, "2019-05-21", "outside the article, a labelled date beats the first one")
        XCTAssertEqual(labelled?.evidence["date"]?.rule, "html:outside-article:labelled")
        let list = cleaned("", #"<aside><ul><li>Other story <span>3 June 2019</span></li><li>Older story <span>1 June 2019</span></li></ul></aside>"#)
        XCTAssertNil(list?.date, "several days outside the article are other items' dates")
    }

    func testWeekNumbersInURLsAreNoMonths() {
        XCTAssertNil(DateCandidates.monthInURL("https://www.zeit.de/2019/43/klimaschutz", years: 1995...2030))
        XCTAssertEqual(DateCandidates.monthInURL("https://blog.example/2020/03/slug?x=1", years: 1995...2030), "2020-03")
        XCTAssertNil(DateCandidates.monthInURL("https://blog.example/1850/03/slug", years: 1995...2030))
    }
}
