import XCTest
@testable import ScourCore

/// The run selection of the text path: table rows, bridged interruptions, comment threads, teaser grids.
final class MainRunTests: XCTestCase {
    typealias Item = MainRun.Item

    func prose(_ words: Int) -> Item { Item(score: Double(words), proseWords: words, isContent: true, endsArticle: false, startsComments: false) }
    func junk() -> Item { Item(score: -5, proseWords: 0, isContent: false, endsArticle: false, startsComments: false) }
    func hit(ends: Bool = false, comments: Bool = false) -> Item {
        Item(score: -20, proseWords: 0, isContent: false, endsArticle: ends, startsComments: comments)
    }

    func testTableRowsNeedASharedShapeWithANumber() {
        let rows = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ MIDFLORIDA Amphitheatre",
                    "July 2 – Uncasville, CT @ Mohegan Sun Arena", "Notícias da Fórmula 1", "Calendário da Fórmula 1",
                    "Horários da Fórmula 1"].map { Block(text: $0) }
        XCTAssertEqual(ListRows.find(rows, eligible: Array(repeating: true, count: rows.count)), [0, 1, 2])
        XCTAssertEqual(ListRows.shape("1 Kyle Busch 5040 5 1"), ListRows.shape("23 Ricky Stenhouse Jr. 679 0 0"))
        XCTAssertNil(ListRows.shape("Related Posts"))
    }

    func testAlternatingLabelsAreAList() {
        let blocks = ["Q: Where did you grow up?", "A: St. Croix", "Q: Favorite books?", "A: Many", "Thanks!"].map { Block(text: $0) }
        XCTAssertEqual(ListRows.find(blocks, eligible: Array(repeating: true, count: 5)), [0, 1, 2, 3])
    }

    func testPhrasesAfterALeadInEndingInAColonAreAList() {
        let blocks = ["The game has:", "Hundreds of tasks that make the evening more fun",
                      "Dozens of questions to know each other better", "A large variety of settings",
                      "Share this:", "Facebook", "Twitter"].map { Block(text: $0) }
        // "Share this:" announces one-word items: not a list of phrases.
        XCTAssertEqual(ListRows.find(blocks, eligible: Array(repeating: true, count: blocks.count)), [0, 1, 2, 3])
        let single = ["Contact:", "Jane Doe at the front desk", "This is a paragraph again."].map { Block(text: $0) }
        XCTAssertEqual(ListRows.introduced(single, eligible: [true, true, false]), [], "one item is no list")
    }

    func testInterruptedArticleIsBridgedButNotTheGap() {
        // Article, "Read more" (ends article) and two teasers, then the article goes on.
        let items = [junk(), prose(40), prose(30), hit(ends: true), junk(), junk(), prose(35), prose(25), junk(), junk()]
        XCTAssertEqual(MainRun(items: items).select(), [1, 2, 6, 7])
    }

    func testCommentThreadAfterArticleStaysOut() {
        var items = [junk(), prose(60), prose(50), hit(ends: true, comments: true)]
        for _ in 0..<6 { items += [hit(), prose(30), prose(25)] }
        XCTAssertEqual(MainRun(items: items).select(), [1, 2])
    }

    func testFooterProseAfterTheArticlesEndDoesNotOutweighIt() {
        // Article, "Related" header, a long stretch of teasers, then a longer disclaimer.
        var items = [junk(), prose(40), prose(45), hit(ends: true)]
        items += Array(repeating: junk(), count: 18)
        items += [prose(60), prose(50), junk()]
        XCTAssertEqual(MainRun(items: items).select(), [1, 2])
        // Without a real article before it, the end phrase opens no footer.
        items[1] = prose(10)
        items[2] = prose(12)
        XCTAssertEqual(MainRun(items: items).select(), [22, 23])
    }

    /// The story opens under its header; a newsletter box, a "Most Read" box and a "Related" teaser break
    /// it, and its longest part comes last. Bridged back toward the header, nearest stretch first, every
    /// stretch of it joins (a larger run taking in a box would be no article and join nothing); the boxes stay out.
    func testAnArticleBrokenByBoxesIsBridgedBackToItsHeader() throws {
        let words = "the airman wrote online about work money faith and the war and his views changed over the months before the protest".split(separator: " ")
        func paragraph(_ number: Int, _ length: Int) -> String {
            var text = "Paragraph \(number) of the story:"
            var index = 0
            while text.count < length { text += " " + words[index % words.count]; index += 1 }
            return text + "."
        }
        var lines = ["Home", "Airman wrote for years about his doubts", "Nikita Mazurov", "February 28 2024, 9:54 a.m.", "Donate",
                     paragraph(1, 200), paragraph(2, 300), paragraph(3, 490),
                     "Join Our Newsletter", "Original reporting. Fearless journalism. Delivered to you.", "I'm in",
                     paragraph(4, 290), paragraph(5, 310), paragraph(6, 130), "Most Read",
                     "How the Advocacy Helped Shape U.S. Terror Laws", "Alice Speri", "Ally Slams Voters Warning Biden to Change Course",
                     "Akela Lacy, Prem Thakker", "Times Puts Episode on Ice Amid Internal Firestorm", "Daniel Boguslaw, Ryan Grim",
                     paragraph(7, 470), paragraph(8, 285), "Related", "“I Have Lost Everything”: In Federal Court, Palestinians Accuse Biden"]
        lines += (9...20).map { paragraph($0, 300) } + ["© The Intercept. All rights reserved"]
        let kept = try XCTUnwrap(TestSupport.clean(lines.joined(separator: "\n\n"))).keptBlocks.map(\.text)
        XCTAssertEqual(kept.filter { $0.hasPrefix("Paragraph ") }.count, 20, "\(kept)")
        for box in ["Most Read", "Alice Speri", "Related", "Join Our Newsletter"] { XCTAssertFalse(kept.contains(box), box) }
    }

    /// A short article under the page's header, then a long teaser list, then a larger block of
    /// footer prose that no phrase marks: the header decides for the article; an article that the
    /// bridging already reached, or a run too small to be an article, leaves the choice alone.
    func testTheArticleUnderTheHeaderBeatsALargerFooterRun() {
        var items = [junk(), prose(30), prose(25)]
        items += Array(repeating: junk(), count: 20)
        items += [prose(70), junk()]
        XCTAssertEqual(MainRun(items: items).select(), [23])
        var headed = MainRun(items: items)
        headed.headedStart = 1
        XCTAssertEqual(headed.select(), [1, 2])
        items[2] = junk()
        var single = MainRun(items: items)
        single.headedStart = 1
        XCTAssertEqual(single.select(), [23], "one paragraph is no article")
        // A short standfirst under the header does not beat a body four times its score further down.
        var long = [junk(), prose(30), prose(25)] + Array(repeating: junk(), count: 20) + [prose(120), prose(120), junk()]
        var standfirst = MainRun(items: long)
        standfirst.headedStart = 1
        XCTAssertEqual(standfirst.select(), [23, 24])
        long[1] = prose(30)
    }

    func testPipelineTakesTheArticleUnderItsHeader() throws {
        let teasers = (1...14).map { "Minister visits region number \($0)\n\nBy Staff Writer\n\n11/20/2019 0\($0 % 10):14 PM" }.joined(separator: "\n\n")
        let page = """
        Home

        Son of former president stabbed to death in Berlin

        By Jane Doe

        November 20, 2019 10:43

        The son of the former president, a physician, was stabbed to death during a lecture at a Berlin clinic on Tuesday evening.

        The stabbing occurred during a presentation at the clinic, and a man was arrested at the scene by the police officers called.

        \(teasers)

        Our customer desk can be reached with any question or request by telephone or in writing, and the staff answers every message sent to it on working days between seven in the morning and two in the afternoon, and on Fridays until noon, except on public holidays and during the summer break of the office.
        """
        let document = try XCTUnwrap(TestSupport.clean(page))
        let kept = document.keptBlocks.map(\.text)
        XCTAssertTrue(kept.contains { $0.hasPrefix("The son of the former president") }, "\(kept)")
        XCTAssertTrue(kept.contains { $0.hasPrefix("The stabbing occurred") })
        XCTAssertFalse(kept.contains { $0.hasPrefix("Our customer desk") })
    }

    func testLeadingTeaserGridIsTrimmed() {
        var items: [Item] = []
        let headline = Item(score: 1, proseWords: 0, isContent: false, endsArticle: false, startsComments: false)
        // Caption, junk, two headlines: a quarter of the grid is prose.
        for _ in 0..<4 { items += [prose(20), junk(), headline, headline] }
        items += [prose(40), prose(40), prose(40), prose(30)]
        let selected = MainRun(items: items).select()
        XCTAssertEqual(selected.first, 16)
        XCTAssertEqual(selected.last, 19)
    }

    func testPipelineKeepsTourDatesAndBothHalvesOfAnArticle() {
        let article = """
        Home

        Band announces anniversary tour

        The band will unite with its former singer for a North American tour celebrating the group's fiftieth anniversary next summer.

        The singers and the guitarist will tour together for the first time in a quarter of a century, the band said on Monday.

        Read more

        Other band splits up

        Singer quits the stage

        Tickets for the tour go on sale to the general public starting Friday at ten in the morning local time via the usual outlets.

        The tour continues in the autumn with a break later that month, and the schedule picks up again in the new year.

        Tour dates

        June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre

        June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre

        June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre

        June 17 – Nashville, TN @ Bridgestone Arena

        Leave a Reply

        © 2024 Some Outlet. All rights reserved
        """
        guard let document = TestSupport.clean(article) else { return }
        let kept = document.keptBlocks.map(\.text)
        XCTAssertTrue(kept.contains { $0.hasPrefix("The singers and the guitarist") })
        XCTAssertTrue(kept.contains { $0.hasPrefix("Tickets for the tour") })
        XCTAssertTrue(kept.contains("June 17 – Nashville, TN @ Bridgestone Arena"))
        XCTAssertFalse(kept.contains("Other band splits up"))
        XCTAssertFalse(kept.contains("Read more"))
        let removed = document.blocks.filter { $0.text == "Singer quits the stage" }.first?.removal
        XCTAssertEqual(removed, Removal(stage: "boilerplate", rule: "outside-main-run"))
    }

    func testCaptionPrintedThreeTimesIsNotProse() {
        let caption = "The minister and his guest shake hands in the capital on Wednesday, as talks on trade and defence began."
        let text = """
        The two countries agreed on Wednesday to deepen their cooperation on trade and defence, officials said after the talks.

        The agreement covers joint exercises, port visits and the sale of equipment over the next five years, they said.

        More

        \(caption)

        \(caption)

        \(caption)
        """
        guard let document = TestSupport.clean(text) else { return }
        XCTAssertFalse(document.keptBlocks.contains { $0.text == caption })
        XCTAssertTrue(document.keptBlocks.contains { $0.text.hasPrefix("The agreement covers") })
    }

    func testCaptionCopiesWithDifferentTailsAreNotContent() {
        // A gallery prints its caption with "less", "… more" or a credit appended.
        let caption = "The minister and his guest shake hands in the capital on Wednesday, as talks on trade and defence began in earnest."
        let text = """
        \(caption) Photo:

        \(caption) less

        \(caption.prefix(80)) ... more

        The two countries agreed on Wednesday to deepen their cooperation on trade and defence, officials said after the talks.

        The agreement covers joint exercises, port visits and the sale of equipment over the next five years, they said.
        """
        guard let document = TestSupport.clean(text) else { return }
        XCTAssertFalse(document.keptBlocks.contains { $0.text.hasPrefix("The minister and his guest") })
        XCTAssertTrue(document.keptBlocks.contains { $0.text.hasPrefix("The agreement covers") })
    }

    func testHeadlineRepeatedInsideTheArticleGoes() {
        let headline = "Astronauts would need smaller spacecraft"
        let text = """
        Hibernation study for crewed missions to Mars

        The agency's design team studied how a crew could be put into hibernation on the long trip to Mars and back.

        \(headline)

        The study found the spacecraft mass could be reduced by a third by removing the galley and the crew quarters.

        \(headline)

        The hibernating cruise phase would end with a three-week recuperation period once the crew reached orbit.

        \(headline)

        Radiation exposure from high-energy particles remains a key hazard of deep space travel, the authors noted.
        """
        guard let document = TestSupport.clean(text) else { return }
        XCTAssertFalse(document.keptBlocks.contains { $0.text == headline })
        XCTAssertTrue(document.keptBlocks.contains { $0.text.hasPrefix("The study found") })
        let removed = document.blocks.filter { $0.text == headline }.compactMap(\.removal?.rule)
        XCTAssertTrue(removed.contains("repeated-text"), "\(removed)")
    }
}
