import XCTest
@testable import ScourCore

/// A text dump's header: which line above the first paragraph is the headline, and which lines
/// around it are its byline, date line and lead picture's caption.
final class TextDumpHeaderTests: XCTestCase {
    func tag(_ text: String) throws -> Document {
        var document = TestSupport.textDocument(text)
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        return document
    }

    static let menus = "Home\n\nWorld\n\nSport\n\nThe Harbour Times - Local News\n\nLog In\n\nNewsletters and Offers Today\n\n"
    static let body = """
    The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.

    Members said the plan would be voted on next week, after a final round of talks with the unions and the city.
    """

    func removal(of text: String, in document: Document) -> String? {
        document.blocks.first(where: { $0.text == text })?.removal?.rule
    }

    /// A date line without its year ("Updated Nov 19, 6:55 AM") is a header line like one with it: the
    /// headline stands above it, and the caption between it and the byline is no headline and no story.
    func testYearlessDateLineHeadsTheGroupAndCaptionsInsideItLeave() throws {
        let document = try tag(Self.menus + """
        City council delays budget vote again after union talks

        Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM

        Current lineup of the council in session

        The council chamber on Monday night.

        By Jane Doe

        \(Self.body)
        """)
        XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks")
        XCTAssertEqual(document.metadata.evidence["title"]?.rule, "headline-above")
        XCTAssertEqual(removal(of: "The council chamber on Monday night.", in: document), "caption")
        XCTAssertEqual(removal(of: "Current lineup of the council in session", in: document), "caption")
        XCTAssertEqual(document.metadata.authors, ["Jane Doe"])
    }

    /// A standfirst right under the headline, above the byline, is not taken as a caption.
    func testStandfirstAboveTheBylineStays() throws {
        let document = try tag(Self.menus + """
        City council delays budget vote again after union talks

        Harbour. The mayor blames the unions. The unions blame the mayor for the long delay.

        By Jane Doe

        19.11.2019, 09:53 Uhr

        \(Self.body)
        """)
        XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks")
        XCTAssertNotEqual(removal(of: "Harbour. The mayor blames the unions. The unions blame the mayor for the long delay.", in: document), "caption")
    }

    /// A caption with its picture's credit after it, a sentence ending in a full stop, a web address
    /// and a line showing a clock time are no headlines, wherever they sit.
    func testCaptionsSentencesAddressesAndClockLinesAreNoHeadlines() throws {
        for line in ["The new sea wall at high tide on Monday night. Foto: Jane Roe/Harbour Press",
                     "The mayor renamed the harbour on Monday. Getty Images/Jane Roe",
                     "The mayor leaves the council chamber on Monday Jane Roe/via Reuters",
                     "The council chamber stayed empty on Monday.",
                     "https://harbour.example/p/4SUrv",
                     "Council votes again on the budget 17:24"] {
            let document = try tag(Self.menus + """
            City council delays budget vote again after union talks

            Jane Doe and AP

            March 3, 2022

            \(line)

            \(Self.body)
            """)
            XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks", line)
        }
    }

    /// A sentence in the header that mentions a day after words of its own ("… Verfügbar bis
    /// 06.05.2024.", a caption ending "…, April 14, 2024.") is header, but does not date the page.
    func testASentenceMentioningADayDoesNotDateThePage() throws {
        let document = try tag(Self.menus + """
        Feuerwehrleute sollen später in Pension gehen dürfen

        02:57 Min.. Verfügbar bis 06.05.2024.

        Stand: 22.04.2024, 06:00 Uhr

        \(Self.body)
        """)
        XCTAssertEqual(document.metadata.date, "2024-04-22")
        XCTAssertEqual(removal(of: "02:57 Min.. Verfügbar bis 06.05.2024.", in: document), "dateline")
    }

    /// A dump whose header shows no date, with the writer's name and a bare date line under a summary
    /// box below the first paragraph: that line dates the page. A date in a sentence does not.
    func testABareDateLineInTheStorysOpeningDatesThePage() throws {
        let summary = (1...6).map { "Point \($0) of the summary box explains the fire and what the schools in the valley decided about it." }
        let document = try tag(Self.menus + ([
            "Nur ein Drittel der Kinder kam am Montag in die Schule",
            "Viele der Eltern im Talboden schickten ihre Kinder am Montag nicht in Schulen und Kindergärten, wie die Stadt berichtet.",
        ] + summary + ["André Schmidt", "30. Juni 2025,", "15:59 Uhr", Self.body]).joined(separator: "\n\n"))
        XCTAssertEqual(document.metadata.date, "2025-06-30")
        XCTAssertEqual(document.metadata.evidence["date"]?.rule, "bare-date-line")
        XCTAssertEqual(document.metadata.authors, ["André Schmidt"])
        XCTAssertEqual(document.metadata.evidence["authors"]?.rule, "bare-date-line-name")
        let sentence = try tag(Self.menus + "City council delays budget vote again after union talks\n\n" + Self.body
            + "\n\nThe vote was first planned for 30. Juni 2025, the council said on Tuesday.")
        XCTAssertNil(sentence.metadata.date)
    }

    /// Names without a label ("Jane Doe and AP", "Ola Nordmann og Kari Nordmann") are a byline's line,
    /// not a headline above the date.
    func testUnlabelledNameListIsAHeaderLine() throws {
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertTrue(names.isNameList("Jane Doe and AP"))
        XCTAssertTrue(names.isNameList("Ola Nordmann og Kari Nordmann"))
        XCTAssertTrue(names.isNameList("Mathatisi Sebusi/Mohalenyane Phakela"))
        XCTAssertTrue(names.isNameList("Julia Vergin | Clare Roth"))
        // Two writers parted by a bar head the header group: the headline is above them, not the deck under them.
        let document = try tag(Self.menus + "City council delays budget vote again after union talks\n\nJane Doe | John Roe\n\n"
            + "The mayor blames the unions for the long delay of the vote\n\n" + Self.body)
        XCTAssertEqual(document.metadata.title, "City council delays budget vote again after union talks")
        // A name and a labelled date on one line head it too.
        let dated = try tag(Self.menus + "City council delays budget vote again after union talks\n\nJane Doe|Published 15 hours ago\n\n"
            + "The mayor blames the unions for the long delay of the vote\n\n" + Self.body)
        XCTAssertEqual(dated.metadata.title, "City council delays budget vote again after union talks")
        XCTAssertEqual(names.nameListParts("Jane Doe and AP"), ["Jane Doe"])
        // Under the headline such a line names its writers.
        let two = try tag(Self.menus + "City council delays budget vote again after union talks\n\nOla Nordmann og Kari Nordmann\n\nMarch 3, 2022\n\n" + Self.body)
        XCTAssertEqual(two.metadata.authors, ["Ola Nordmann", "Kari Nordmann"])
        XCTAssertFalse(names.isNameList("AP and Reuters"))
        XCTAssertFalse(names.isNameList("Biden and Trump clash over the budget"))
        XCTAssertFalse(names.isNameList("Jane Doe"))
        // A video player's state is no name.
        XCTAssertFalse(names.looksLikeName("Video Loading"))
    }

    /// A name beside a date line whose day has no year, after a weekday in the page's language
    /// ("mandag 5. august kl. 14:47"), is the byline; a date label before a clock time
    /// ("Publiziert heute um 12:19 Uhr") is a header's date line too.
    func testWeekdaysAndLabelledClockTimesMakeDateLines() throws {
        let norwegian = try tag(Self.menus + """
        Søskenbarna setter av ett år for å reise Norge rundt med hundene sine

        Per-Erik Ofstad

        mandag 5. august kl. 14:47

        \(Self.body)
        """)
        XCTAssertEqual(norwegian.metadata.authors, ["Per-Erik Ofstad"])
        let swiss = try tag(Self.menus + """
        Trump plant Helikopterlandeplatz – während sein Ballsaal-Projekt stockt

        Der US-Präsident will den Rasen umbauen lassen. Gleichzeitig gerät sein Ballsaal unter Druck.

        Edgar Schuler

        Publiziert heute um 12:19 Uhr

        Trumps neuer Helikopter könnte den Rasen beschädigen.

        Deshalb plant Trump den Bau eines festen Landeplatzes.

        Ein geplanter Ballsaal sorgt für politischen Widerstand.

        Demokraten kritisieren die Bauprojekte am Regierungssitz.

        \(Self.body)
        """)
        XCTAssertEqual(swiss.metadata.title, "Trump plant Helikopterlandeplatz – während sein Ballsaal-Projekt stockt")
        XCTAssertEqual(swiss.metadata.authors, ["Edgar Schuler"])
    }

    /// A name read from a line keeps only the name: a job or a date label glued to it, a job after
    /// it, the name shown twice. The markup's own author fields are not touched.
    func testAShownNameLosesItsJobGlueAndRepeat() throws {
        for (line, name) in [("Ulrich ExnerKorrespondent", "Ulrich Exner"), ("Amy Gibbons Political Correspondent", "Amy Gibbons"),
                             ("Daniel Großert Redakteur", "Daniel Großert"), ("Martin Gramnæs Martin Gramnæs", "Martin Gramnæs"),
                             ("Fouzia van der Fort Reporter", "Fouzia van der Fort")] {
            let document = try tag(Self.menus + "City council delays budget vote again after union talks\n\n\(line)\n\nMarch 3, 2022\n\n" + Self.body)
            XCTAssertEqual(document.metadata.authors, [name], line)
        }
        let desk = try tag(Self.menus + "City council delays budget vote again after union talks\n\nBy Harbour Times Staff\n\nMarch 3, 2022\n\n" + Self.body)
        XCTAssertEqual(desk.metadata.authors, ["Harbour Times Staff"])
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertEqual(names.withoutRoleAfterName("Jane Doe"), "Jane Doe")
        // The kind of piece before a byline's label: the name after it, and the line is no headline.
        XCTAssertEqual(names.nameAfterKindLabel("Kolumne von Carla Siepmann"), "Carla Siepmann")
        XCTAssertEqual(names.nameAfterKindLabel("Ein Kommentar von Jan Sellner"), "Jan Sellner")
        XCTAssertNil(names.nameAfterKindLabel("Ursula von der Leyen"))
        XCTAssertNil(names.nameAfterKindLabel("Rede von Kanzler Scholz im Bundestag zur Lage"))
        let comment = try tag(Self.menus + "Entwurf des Selbstbestimmungsgesetzes: Ein bisschen Fortschritt\n\nKommentar von Nicole Opitz\n\n" + Self.body)
        XCTAssertEqual(comment.metadata.title, "Entwurf des Selbstbestimmungsgesetzes: Ein bisschen Fortschritt")
        XCTAssertEqual(names.withoutRepeat("Jane Doe Jane Roe"), "Jane Doe Jane Roe")
    }
}
