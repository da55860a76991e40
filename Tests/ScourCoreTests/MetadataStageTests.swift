import XCTest
@testable import ScourCore

final class MetadataStageTests: XCTestCase {
    func tag(_ text: String, url: String? = nil) throws -> Document {
        var document = TestSupport.textDocument(text)
        document.metadata.url = url
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        return document
    }

    static let body = """
    The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.

    Members said the plan would be voted on next week, after a final round of talks with the unions and the city.
    """

    func testTitleSuffixBylineDateAndTags() throws {
        let document = try tag("""
        News

        City council delays budget vote again | Local politics news

        By Jane Doe and John Roe

        Published: March 3, 2022

        Tags: Budget, City Hall, Unions

        \(Self.body)
        """)
        let meta = document.metadata
        XCTAssertEqual(meta.title, "City council delays budget vote again")
        XCTAssertEqual(meta.authors, ["Jane Doe", "John Roe"])
        XCTAssertEqual(meta.date, "2022-03-03")
        XCTAssertEqual(meta.tags, ["Budget", "City Hall", "Unions"])
        XCTAssertEqual(meta.language, "en")
        XCTAssertEqual(meta.evidence["authors"], Evidence(rule: "byline", line: 5, excerpt: "By Jane Doe and John Roe"))
        XCTAssertEqual(meta.evidence["date"]?.rule, "labelled-date")
        // The lines that only carried metadata are removed, the body is not.
        let removed = document.blocks.compactMap { $0.removal?.rule }
        XCTAssertEqual(removed, ["title", "byline", "dateline", "tag-line"])
    }

    /// A bare name names the author only where a header puts it: under the headline, beside a date
    /// line, or after a label alone; two capitalised words elsewhere in the header are a menu item.
    func testBareNameLineOnlyWhereAHeaderPutsIt() throws {
        let under = try tag("Headline of the piece\n\nMaria Lopez\n\n\(Self.body)")
        XCTAssertEqual(under.metadata.authors, ["Maria Lopez"])
        XCTAssertEqual(under.metadata.evidence["authors"]?.rule, "name-line")
        let dated = try tag("Headline of the piece\n\nA standfirst that sums the whole story up in one line\n\nMaria Lopez\n\nMarch 3, 2022\n\n\(Self.body)")
        XCTAssertEqual(dated.metadata.authors, ["Maria Lopez"])
        let labelled = try tag("Headline of the piece\n\nA standfirst that sums the whole story up in one line\n\nBy\n\nMaria Lopez\n\n\(Self.body)")
        XCTAssertEqual(labelled.metadata.authors, ["Maria Lopez"])
        XCTAssertEqual(labelled.blocks.filter { $0.removal?.rule == "byline" }.map(\.text), ["By", "Maria Lopez"])
        let menu = try tag("Headline of the piece\n\nA standfirst that sums the whole story up in one line\n\nShare\n\nLegal Notices\n\nSubscribe\n\n\(Self.body)")
        XCTAssertEqual(menu.metadata.authors, [])
    }

    /// What an author value lists after a person is no second person: a role, a credential, a login;
    /// a month or weekday alone, a label in another language, a call to write in are no authors at all.
    func testAuthorValueTrailersAndNonNames() throws {
        let names = try TestSupport.stage(MetadataStage.self).names
        XCTAssertEqual(names.markupAuthors("Tom Krisher, AP Auto Writer"), ["Tom Krisher"])
        XCTAssertEqual(names.markupAuthors("Rachael Link, MS, RD"), ["Rachael Link"])
        XCTAssertEqual(names.markupAuthors("Leonardo Castañeda, gqlshare"), ["Leonardo Castañeda"])
        XCTAssertEqual(names.markupAuthors("Jane Doe, John Roe"), ["Jane Doe", "John Roe"])
        XCTAssertEqual(names.markupAuthors("anaya60"), ["anaya60"])
        for value in ["March", "Wednesday", "Published", "publié", "Автор", "Sende uns eine E-Mail"] {
            XCTAssertEqual(names.markupAuthors(value), [], value)
        }
        // "Jan" is a first name as well as January's short form: short forms stay names.
        XCTAssertEqual(names.markupAuthors("Jan"), ["Jan"])
    }

    /// A text dump's headline is the line right above its first paragraph, under the menus; its
    /// byline follows. A clean article's first line stays its title.
    func testTextDumpHeadlineSitsAboveTheBodyNotAtTheTopOfTheMenus() throws {
        let menus = (1...12).map { "Menu item \($0) here" }.joined(separator: "\n\n")
        let dump = try tag("Skip to content\n\nmobile menu toggle\n\n\(menus)\n\nCouncil delays the budget vote again\n\nBy Jane Doe, Staff Writer\n\nMarch 3, 2022\n\n\(Self.body)")
        XCTAssertEqual(dump.metadata.title, "Council delays the budget vote again")
        XCTAssertEqual(dump.metadata.authors, ["Jane Doe"])
        let clean = try tag("Council delays the budget vote again\n\nA photo caption above the first paragraph\n\n\(Self.body)")
        XCTAssertEqual(clean.metadata.title, "Council delays the budget vote again")
    }

    /// A standfirst read as the first paragraph has the header under it: the short lines down to the
    /// next paragraph (here the date line eight lines down) are read as near ones.
    func testTheHeaderUnderAStandfirstIsNearTheBody() throws {
        let standfirst = "There are more devices, platforms and services to choose from than ever before, and here is how to choose the best."
        let header = ["Sarah Example", "The Daily Example", "Biography", "@sarahexample", "sarah@example.com", "Share", "Print",
                      "Nov. 19, 2019 8:03 am ET"].joined(separator: "\n\n")
        // A paywalled story: two paragraphs, then the wall (no run of prose, so the standfirst stays first).
        let paragraphs = Self.body.components(separatedBy: "\n\n").prefix(2).joined(separator: "\n\n")
        let page = try tag("Menu\n\nNews\n\n\(standfirst)\n\n\(header)\n\n\(paragraphs)\n\nTo Read the Full Story\n\nSubscribe\n\nSign In")
        XCTAssertEqual(page.metadata.date, "2019-11-19")
        XCTAssertEqual(page.metadata.evidence["date"]?.rule, "nearby-date-line")
    }

    /// A story whose first paragraph stands alone (a product list follows it before prose runs on)
    /// has its header near that paragraph: when nothing is found near the run, it is looked for there.
    func testTheHeaderNearALoneFirstParagraph() throws {
        let paragraphs = Self.body.components(separatedBy: "\n\n")
        let list = (1...24).map { "Item \($0) in the kit" }.joined(separator: "\n\n")
        let menu = (1...12).map { "Menu \($0)" }.joined(separator: "\n\n")
        let run = (1...4).map { "Paragraph \($0): \(paragraphs[$0 % 2])" }.joined(separator: "\n\n")
        let page = try tag("\(menu)\n\nSeptember 15, 2014\n\nShare\n\nPinterest\n\n\(paragraphs[0])\n\n\(list)\n\n\(run)")
        XCTAssertEqual(page.metadata.date, "2014-09-15")
    }

    /// A text dump keeps the byline box's lines without a label: a name with a handle, an e-mail
    /// address or a role after a comma names the author near the first paragraph; a quote's
    /// "Name, Role" below it does not.
    func testAuthorCardLinesNearTheBody() throws {
        let lines = ["Natasha Turak@NatashaTurak": "Natasha Turak", "Nishant Kumar @Nishantopines": "Nishant Kumar",
                     "By Megan Rowe meganr@spokesman.com(509) 459-5382": "Megan Rowe",
                     "Tom Krisher, AP Auto Writer": "Tom Krisher"]
        for (line, name) in lines {
            let card = try tag("Council delays the budget vote again\n\nShare this story\n\n\(line)\n\n\(Self.body)")
            XCTAssertEqual(card.metadata.authors, [name], line)
        }
        let paragraphs = Self.body.components(separatedBy: "\n\n")
        let quote = try tag("Council delays the budget vote again\n\n\(paragraphs[0])\n\nJane Roe, a senior analyst\n\n\(paragraphs.dropFirst().joined(separator: "\n\n"))")
        XCTAssertEqual(quote.metadata.authors, [])
        let mail = try tag("Council delays the budget vote again\n\nWrite to newsroom@example.com\n\n\(Self.body)")
        XCTAssertEqual(mail.metadata.authors, [])
        // The site's own name after the comma makes a byline; another company's a credit.
        let site = try tag("Council delays the budget vote again\n\nShare this story\n\nCharlie Wood, Business Insider\n\n\(Self.body)",
                           url: "https://www.businessinsider.com/story")
        XCTAssertEqual(site.metadata.authors, ["Charlie Wood"])
        let credit = try tag("Council delays the budget vote again\n\nShare this story\n\nFlughafen Frankfurt, © Fraport AG\n\n\(Self.body)",
                             url: "https://www.businessinsider.com/story")
        XCTAssertEqual(credit.metadata.authors, [])
        // A dump that lost the break between the name and the role or the site; "McDonald," stays whole.
        let glued = ["By Michael HiltzikBusiness Columnist": "Michael Hiltzik", "By Jonathan GarberFOXBusiness": "Jonathan Garber",
                     "By Ronald McDonald, Columnist": "Ronald McDonald"]
        for (line, name) in glued {
            let page = try tag("Council delays the budget vote again\n\nShare this story\n\n\(line)\n\n\(Self.body)",
                               url: "https://www.foxbusiness.com/story")
            XCTAssertEqual(page.metadata.authors, [name], line)
        }
    }

    /// A labelled byline near the first paragraph names the author when the header rules found none;
    /// a date line names the person right before its date or labelled after it.
    func testBylinesNearTheBodyAndNamesBesideADate() throws {
        let menus = (1...12).map { "Menu item \($0) here" }.joined(separator: "\n\n")
        let cut = try tag("\(menus)\n\nCouncil delays the budget vote again\n\nThe mayor speaks to reporters at City Hall on Monday morning in the rain\n\nPhoto: Jane Smith\n\nBy Laura Mowat\n\n\(Self.body)")
        XCTAssertEqual(cut.metadata.authors, ["Laura Mowat"])
        XCTAssertFalse(cut.bodyText.contains("Laura Mowat"))
        let dashed = try tag("Council delays the budget vote again\n\nChris Davies - Nov 19, 2019, 10:31 pm CST\n\n\(Self.body)")
        XCTAssertEqual(dashed.metadata.authors, ["Chris Davies"])
        XCTAssertEqual(dashed.metadata.date, "2019-11-19")
        // Neither the date's own label nor a source code after a bar is part of the name.
        let coded = try tag("Council delays the budget vote again\n\nAshok Pradhan | TNN | Apr 7, 2020, 15:43 IST\n\n\(Self.body)")
        XCTAssertEqual(coded.metadata.authors, ["Ashok Pradhan"])
        let barred = try tag("Council delays the budget vote again\n\nMiddle East | World | Apr 7, 2020\n\n\(Self.body)")
        XCTAssertEqual(barred.metadata.authors, [String](), "a part that is no source code keeps the bar")
        let sectionTail = try tag("Council delays the budget vote again\n\nMiddle East news Nov 19, 2019\n\n\(Self.body)")
        XCTAssertEqual(sectionTail.metadata.authors, [String](), "lowercase words end a name only after a byline label")
        for line in ["Sara Zinnecker Stand: 05.02.2020", "Sara Zinnecker, last updated: Nov 19, 2019",
                     "Von Sara Zinnecker publiziert am 30. Juli 2018"] {
            let labelled = try tag("Council delays the budget vote again\n\n\(line)\n\n\(Self.body)")
            XCTAssertEqual(labelled.metadata.authors, ["Sara Zinnecker"], line)
        }
        let after = try tag("Council delays the budget vote again\n\n11/19/2019 by Lars Brandle\n\n\(Self.body)")
        XCTAssertEqual(after.metadata.authors, ["Lars Brandle"])
        let section = try tag("Council delays the budget vote again\n\nLocal News November 19, 2019\n\n\(Self.body)")
        XCTAssertEqual(section.metadata.authors, [], "a section name is no person")
        // ("Local Sports November 19, 2019" still names "Local Sports": two capitalised words before a
        // date read as a name, as "Associated Press November 19, 2019" does.)
        for line in ["World | Middle East | Nov 19, 2019", "Published Tuesday, November 19, 2019 8:22AM EST",
                     "Nov 19, 2019 | Photo by John Smith", "11/19/2019 by CNN Business"] {
            let other = try tag("Council delays the budget vote again\n\n\(line)\n\n\(Self.body)")
            XCTAssertEqual(other.metadata.authors, [String](), line)
            XCTAssertEqual(other.metadata.date, "2019-11-19", line)
        }
        // Nearest first: a teaser's byline further up loses to the article's own.
        let paragraphs = Self.body.components(separatedBy: "\n\n")
        let short = (1...10).map { "Menu \($0)" }.joined(separator: "\n\n"), items = (1...6).map { "Item \($0)" }.joined(separator: "\n\n")
        let teaser = try tag("\(short)\n\nBy Teaser Author\n\n\(items)\n\nBy Laura Mowat\n\n\(Self.body)")
        XCTAssertEqual(teaser.metadata.authors, ["Laura Mowat"])
        // Below the first paragraph a sentence that opens like a byline is the article's text.
        let sentence = "By Friday, Maria Lopez and the unions had signed the deal."
        let body = try tag("\(menus)\n\nCouncil delays the budget vote again\n\n\(paragraphs[0])\n\n\(sentence)\n\n\(paragraphs[1])")
        XCTAssertEqual(body.metadata.authors, [String]())
        XCTAssertTrue(body.blocks.contains { $0.text == sentence && $0.isKept })
    }

    /// A text dump's date line near the first paragraph gives the date when the header found none; it
    /// is read, not removed. A page whose only paragraph is its first and last is read without fault.
    func testADateLineNearTheBodyGivesTheDate() throws {
        let menus = (1...12).map { "Menu item \($0) here" }.joined(separator: "\n\n")
        let paragraphs = Self.body.components(separatedBy: "\n\n")
        let dump = try tag("\(menus)\n\nCouncil delays the budget vote again\n\n\(paragraphs[0])\n\nNov 18, 2019 at 9:24 pm ET\n\n\(paragraphs[1])\n\n\(paragraphs[0])")
        XCTAssertEqual(dump.metadata.date, "2019-11-18")
        XCTAssertEqual(dump.metadata.evidence["date"]?.rule.hasPrefix("nearby-"), true)
        XCTAssertTrue(dump.blocks.contains { $0.text.hasPrefix("Nov 18") && $0.isKept })
        let single = try tag("\(menus)\n\nThe council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.")
        XCTAssertNil(single.metadata.date)
    }

    /// A text dump's lone prose block above its menus (a cookie notice, a teaser) is not where its
    /// article starts: the header is read above the first prose that runs on.
    func testATextDumpsArticleStartsWhereProseRunsOn() throws {
        let cookie = "We use cookies on this website to give you the best experience, and by continuing you agree to our use of them."
        let menus = (1...6).map { "Menu item \($0) here" }.joined(separator: "\n\n")
        let paragraphs = Self.body.components(separatedBy: "\n\n")
        let dump = try tag("\(cookie)\n\n\(menus)\n\nCouncil delays the budget vote again\n\nby Bryan DeArdo\n\nNov 18, 2019 at 9:24 pm ET\n\n\(paragraphs[0])\n\n\(paragraphs[1])\n\n\(paragraphs[0])")
        XCTAssertEqual(dump.metadata.title, "Council delays the budget vote again")
        XCTAssertEqual(dump.metadata.authors, ["Bryan DeArdo"])
        XCTAssertEqual(dump.metadata.date, "2019-11-18")
    }

    func testClosingNameAndInlineAttribution() throws {
        let closing = try tag("Headline of the piece\n\n\(Self.body)\n\nMaria Lopez\n\nRelated posts")
        XCTAssertEqual(closing.metadata.authors, ["Maria Lopez"])
        XCTAssertEqual(closing.metadata.evidence["authors"]?.rule, "closing-name")
        // A fact box's label before the name ("Autor Roman Goncharenko") is no part of it.
        let labelled = try tag("Headline of the piece\n\n\(Self.body)\n\nAutor Roman Goncharenko\n\nRelated posts")
        XCTAssertEqual(labelled.metadata.authors, ["Roman Goncharenko"])
        // A photo credit's label names no writer.
        let credited = try tag("Headline of the piece\n\n\(Self.body)\n\nPhotos by Jane Doe\n\nRelated posts")
        XCTAssertNotEqual(credited.metadata.authors, ["Jane Doe"])

        let inline = try tag("""
        Headline of the piece

        The council met on Tuesday to discuss the new budget, which has been delayed for months. Ali Rezaei – Analyst of urban affairs

        Members said the plan would be voted on next week, after a final round of talks with the unions and the city.
        """)
        XCTAssertEqual(inline.metadata.authors, ["Ali Rezaei"])
        XCTAssertEqual(inline.blocks[1].text, "The council met on Tuesday to discuss the new budget, which has been delayed for months.")
    }

    func testOutletFromTextIsGivenThePagesSpelling() throws {
        let document = try tag("""
        Headline of the piece

        \(Self.body) A spokesman told Al Jazeera the vote would go ahead.

        This story originally appeared on Aljazeera.com read the full story
        """)
        XCTAssertEqual(document.metadata.outlet, "Al Jazeera")
        XCTAssertEqual(document.metadata.evidence["outlet"]?.rule, "named-in-text")
    }

    func testOutletFromDatelineAndCopyright() throws {
        let dateline = try tag("Headline of the piece\n\nDaily Planet Online - \(Self.body)")
        XCTAssertEqual(dateline.metadata.outlet, "Daily Planet Online")
        let copyright = try tag("Headline of the piece\n\n\(Self.body)\n\n© 2005-2024 Metro Herald. All rights reserved")
        XCTAssertEqual(copyright.metadata.outlet, "Metro Herald")
    }

    func testOriginalURLLineGivesURLAndDate() throws {
        let document = try tag("Headline of the piece\n\n\(Self.body)\n\nOriginal url:\n\n<https://news.example.com/2020/02/29/council-budget>")
        XCTAssertEqual(document.metadata.url, "https://news.example.com/2020/02/29/council-budget")
        XCTAssertEqual(document.metadata.date, "2020-02-29")
        XCTAssertEqual(document.metadata.evidence["date"]?.rule, "url-path")
        XCTAssertEqual(document.blocks.suffix(2).map { $0.removal?.rule }, ["url-line", "url-line"])
    }

    func testMarkupHintsWinAndAreCleaned() throws {
        var document = TestSupport.textDocument("Some page title\n\n\(Self.body)")
        document.markupHints = [
            MarkupHint(field: .title, value: "Budget vote delayed | The Herald", origin: .init(.meta("og:title"))),
            MarkupHint(field: .author, value: "Jane Doe, John Roe", origin: .init(.jsonLD(""))),
            MarkupHint(field: .author, value: "Someone Else", origin: .init(.meta("author"))),
            MarkupHint(field: .date, value: "2022-03-03T10:00:00+01:00", origin: .init(.jsonLD(""))),
            MarkupHint(field: .language, value: "en-GB", origin: .init(.htmlLang)),
        ]
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        XCTAssertEqual(document.metadata.title, "Budget vote delayed")
        XCTAssertEqual(document.metadata.authors, ["Jane Doe", "John Roe"])
        XCTAssertEqual(document.metadata.date, "2022-03-03")
        XCTAssertEqual(document.metadata.language, "en")
        XCTAssertEqual(document.metadata.evidence["authors"]?.rule, "json-ld")
    }

    func testNoInventedValues() throws {
        let document = try tag("Headline of the piece\n\n\(Self.body)\n\nSince May 10 the strikes went on.")
        XCTAssertNil(document.metadata.date)
        XCTAssertEqual(document.metadata.authors, [])
        XCTAssertNil(document.metadata.outlet)
        XCTAssertNil(document.metadata.url)
    }

    func testLanguageIsDetectedNotAssumed() throws {
        let spanish = try tag("Titular de la noticia\n\nEl consejo se reunió el martes para discutir el nuevo presupuesto, que ha sido retrasado durante meses por las disputas.")
        XCTAssertEqual(spanish.metadata.language, "es")
        let german = try tag("Überschrift\n\nDer Rat hat sich am Dienstag getroffen, um über den neuen Haushalt zu sprechen, der seit Monaten nicht fertig ist.")
        XCTAssertEqual(german.metadata.language, "de")
        let tooShort = try tag("Hi there")
        XCTAssertNil(tooShort.metadata.language)
    }

    func testArchiveCaptureDateIsOnlyTheLastResort() throws {
        func tagged(_ text: String) throws -> Document {
            var document = TestSupport.textDocument(text)
            document.markupHints = [MarkupHint(field: .captureDate, value: "2023-04-05T06:07:08Z", origin: .init(.archive))]
            try TestSupport.stage(ReadStage.self).process(&document)
            try TestSupport.stage(NormalizeStage.self).process(&document)
            try TestSupport.stage(MetadataStage.self).process(&document)
            return document
        }
        let undated = try tagged("Budget vote delayed\n\n" + Self.body)
        XCTAssertEqual(undated.metadata.date, "2023-04-05")
        XCTAssertEqual(undated.metadata.evidence["date"]?.rule, "warc-date")
        let dated = try tagged("Budget vote delayed\n\nPublished: March 3, 2022\n\n" + Self.body)
        XCTAssertEqual(dated.metadata.date, "2022-03-03")
    }

    /// Menus above, then the headline, its byline and date, then a share bar or the lead picture's
    /// caption right above the first paragraph: the headline is the line above the byline.
    func testTextDumpHeadlineSitsAboveItsBylineNotUnderIt() throws {
        let menus = "Home\n\nWorld\n\nSport\n\nThe Harbour Times - Local News\n\nLog In\n\nNewsletters and Offers Today\n\n"
        for between in ["Email Twitter Facebook fb-messenger", "The new sea wall at high tide on Monday night (Photo: Jane Roe)"] {
            let document = try tag(menus + """
            City council delays budget vote again after union talks

            By Jane Doe

            March 3, 2022 10:43

            \(between)

            \(Self.body)
            """)
            XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks", between)
            XCTAssertEqual(document.metadata.evidence["title"]?.rule, "headline-above")
        }
    }

    /// A breadcrumb's last step ("Software ›") is a menu line, not the headline under it.
    func testBreadcrumbStepIsNoHeadline() throws {
        XCTAssertTrue(MetadataContext.isBreadcrumb("Software ›"))
        XCTAssertTrue(MetadataContext.isBreadcrumb("News » "))
        XCTAssertTrue(MetadataContext.isBreadcrumb("BLOG > Nutrition > Meal Plans"))
        XCTAssertFalse(MetadataContext.isBreadcrumb("City council delays budget vote again"))
        XCTAssertFalse(MetadataContext.isBreadcrumb("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play"))
    }

    /// A bare name line under the headline (a kicker: "White House") gives way to a labelled byline
    /// below it; "<Outlet> Staff" after a person is that person's role, not a second author.
    func testLabelledBylineOutranksABareNameLineAndStaffIsARole() throws {
        let document = try tag("""
        Home

        Volker to testify he was unaware of the effort to investigate

        White House

        By Victor Davis Hanson, NR Staff

        November 19, 2019 6:30 AM

        \(Self.body)
        """)
        XCTAssertEqual(document.metadata.authors, ["Victor Davis Hanson"])
        XCTAssertEqual(document.metadata.evidence["authors"]?.rule, "byline")
        // A byline naming no person does not replace a name line.
        let staff = try tag("Home\n\nVolker to testify he was unaware of the effort to investigate\n\nJane Doe\n\nBy Harbour News Staff\n\n\(Self.body)")
        XCTAssertEqual(staff.metadata.authors, ["Jane Doe"])
    }

    /// A share bar of thirty buttons between the date line and the story is looked through; a credit in
    /// parentheses is no headline.
    func testHeadlineSearchLooksThroughAShareBar() throws {
        let buttons = (0..<15).flatMap { _ in ["Share this with Facebook", "Share this with Twitter"] }.joined(separator: "\n\n")
        let document = try tag("""
        Home

        Newsbeat

        City council delays budget vote again after union talks

        19 November 2019

        \(buttons)

        (Jane Roe / Harbour Press)

        \(Self.body)
        """)
        XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks")
        XCTAssertEqual(document.metadata.date, "2019-11-19")
    }
}
