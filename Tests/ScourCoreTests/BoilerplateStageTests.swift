import Foundation
import XCTest
@testable import ScourCore

/// What the boilerplate stage removes from text and HTML, and under which rule.
final class BoilerplateStageTests: XCTestCase {
    static let story = [
        "The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.",
        "Members said the plan would be voted on next week, after a final round of talks with the unions and the city.",
        "The mayor told reporters that she expected the vote to pass, although two members have said they will oppose it.",
    ]

    /// Read, normalize and metadata as the pipeline runs them, then boilerplate with `options`.
    func clean(_ text: String, format: InputFormat = .text, options: [String: Any] = [:]) throws -> Document {
        var document = TestSupport.textDocument(text, format: format, source: format == .html ? "page.html" : "test.txt")
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        try TestSupport.stage(BoilerplateStage.self, options).process(&document)
        return document
    }

    func kept(_ document: Document) -> [String] { document.blocks.filter(\.isKept).map(\.text) }

    func rule(_ document: Document, of text: String) -> String? {
        document.blocks.first { $0.text == text }?.removal.map { "\($0.stage):\($0.rule)" }
    }

    func testLexiconHitsAndTheRunOfProseDecideWhatTextKeeps() throws {
        let document = try clean("""
        Skip to content

        Share this article

        \(Self.story[0])

        \(Self.story[1])

        \(Self.story[2])

        Leave a Reply

        Nice article, thanks for writing it and for all the work that went into it over so many months.

        © 2024 Harbour News. All rights reserved.
        """)
        XCTAssertEqual(kept(document), Self.story)
        XCTAssertEqual(rule(document, of: "Share this article"), "boilerplate:share")
        XCTAssertEqual(rule(document, of: "Leave a Reply"), "boilerplate:comment_form")
        XCTAssertEqual(rule(document, of: "Skip to content"), "boilerplate:navigation")
        // After "Leave a Reply" the article has ended: a sentence there is a comment, outside the run.
        XCTAssertEqual(rule(document, of: "Nice article, thanks for writing it and for all the work that went into it over so many months."),
                       "boilerplate:outside-main-run")
        XCTAssertEqual(rule(document, of: "© 2024 Harbour News. All rights reserved."), "boilerplate:copyright")
    }

    /// A copyright credit closing a caption inside the story ("… Jane Roe/Copyright 2026 The AP. All
    /// rights reserved.") goes as a copyright line but ends nothing: the story goes on under it
    /// (a text dump of a page with AP photos had its story cut into pieces at every caption).
    func testACaptionsCopyrightCreditEndsNoArticle() throws {
        let stage = try TestSupport.stage(BoilerplateStage.self)
        func verdict(_ text: String) -> BoilerplateStage.Verdict {
            stage.verdict(for: Block(kind: .paragraph, text: text), at: 0, stopwords: StopwordSet([]), authors: [])
        }
        let caption = verdict("The council chamber during Tuesday's meeting in the town hall on the harbour front Jane Roe/Copyright 2026 The AP. All rights reserved.")
        XCTAssertEqual(caption.hit?.rule, "copyright")
        XCTAssertEqual(caption.hit?.endsArticle, false)
        XCTAssertEqual(verdict("© 2026 Harbour News. All rights reserved.").hit?.endsArticle, true)
        XCTAssertEqual(verdict("Harbour News 2026. All rights reserved.").hit?.endsArticle, true)
        // A trailer with no credit marker still ends the article, however many words lead to its phrase.
        XCTAssertEqual(verdict("This material may not be published, broadcast, rewritten or redistributed without permission.").hit?.endsArticle, true)
    }

    /// The phrase or shape rule a paragraph block alone hits (no stopwords, no known authors).
    func lexiconRule() throws -> (String) -> String? {
        let stage = try TestSupport.stage(BoilerplateStage.self)
        return { text in
            stage.verdict(for: Block(kind: .paragraph, text: text), at: 0, stopwords: StopwordSet([]), authors: []).hit?.rule
        }
    }

    /// A site's credit is a short line; a sentence that opens with the same words is story text
    /// ("Designed by Roksanda, the three-piece suit included floor-length trousers, …").
    func testASiteCreditIsAShortLineNotASentence() throws {
        let rule = try lexiconRule()
        XCTAssertEqual(rule("Designed by Harbour Web Studio"), "site_credit")
        XCTAssertEqual(rule("Proudly powered by WordPress | Theme: Twenty Twenty by the WordPress team."), "site_credit")
        XCTAssertNil(rule("Designed by Roksanda, the three-piece suit included floor-length trousers, a knee-length skirt on top, and a long blazer."))
        XCTAssertNil(rule("Developed by engineers at the port authority over six years, the new sea wall held back the worst surge in a generation."))
        XCTAssertEqual(rule("© 2026 Harbour News. Designed by Harbour Web Studio."), "copyright")
    }

    /// "subscription", "paywall", "your inbox" mark a short box; a story about subscriptions uses
    /// them in its paragraphs (a TechCrunch story on Strava's family plan lost four of them).
    func testASubscriptionWordMarksAShortBoxNotAStoryParagraph() throws {
        let rule = try lexiconRule()
        XCTAssertEqual(rule("Please activate your subscription by clicking on the link in the email."), "subscribe_mention")
        XCTAssertNil(rule("Similar to other online services such as Spotify, the company is now throwing its weight behind what it calls a family plan to entice bulk sign-ups through subscription discounts, and up to four people, including the primary subscriber, can be included in one plan."))
        XCTAssertEqual(rule("Sign up for our newsletter and get the best of the week delivered to your inbox every Friday morning, with stories from our reporters, our editors' picks and the events coming up in the city that weekend, free of charge."), "subscribe")
    }

    /// German pages' two-click embeds (a video or chart shown only after consent) print the same
    /// kind of notice on many sites: it is no article text.
    func testAnEmbedsConsentNoticeIsBoilerplate() throws {
        let rule = try lexiconRule()
        XCTAssertEqual(rule("Empfohlener redaktioneller Inhalt"), "embed_consent")
        XCTAssertEqual(rule("YouTube-Inhalte erlauben"), "embed_consent")
        XCTAssertEqual(rule("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden."), "embed_consent")
        XCTAssertNil(rule("Der Stadtrat will die Ufermauer im nächsten Jahr erhöhen, sagte die Bürgermeisterin am Dienstag."))
    }

    func testShapeRules() throws {
        let document = try clean("""
        By Jane Doe

        \(Self.story[0])

        \(Self.story[1])

        1 2 3 4 5 6

        seawall.jpg

        sea-wall-after-the-storm-2.webp

        Jane Doe is a reporter who covers the city council and local politics for the paper.
        """)
        XCTAssertEqual(document.metadata.authors, ["Jane Doe"])
        XCTAssertEqual(rule(document, of: "1 2 3 4 5 6"), "boilerplate:pagination-or-calendar")
        XCTAssertEqual(rule(document, of: "seawall.jpg"), "boilerplate:image-file-name")
        XCTAssertEqual(rule(document, of: "sea-wall-after-the-storm-2.webp"), "boilerplate:image-file-name", "a file name of many words")
        XCTAssertEqual(rule(document, of: "Jane Doe is a reporter who covers the city council and local politics for the paper."),
                       "boilerplate:author-bio")
        XCTAssertEqual(kept(document), Array(Self.story[0...1]))
    }

    func testMainRunOptionDecidesWhetherTextIsCutToItsRun() throws {
        let text = """
        \(Self.story[0])

        \(Self.story[1])

        Weather

        Sunny

        Traffic

        Quiet roads

        Tides

        High at noon

        A short note about something else entirely, placed at the very bottom of the page.
        """
        let text1 = try clean(text)
        XCTAssertEqual(kept(text1), Array(Self.story[0...1]), "text documents are cut to their densest run of prose")
        let never = try clean(text, options: ["main_run": "never"])
        XCTAssertEqual(kept(never).count, 9, "with main_run never, only rule hits go")
    }

    func testHTMLBlocksOutsideTheMainContentGoUnderTheReadersReason() throws {
        let html = TestSupport.htmlPage("""
        <aside class="sidebar"><p>Most read: a cat rescued from a tree after two days in the rain and wind.</p></aside>
        <header class="page-header"><p>From the harbour desk, where the news team works late into the night.</p></header>
        <article class="article-body"><p>\(Self.story[0])</p><p>\(Self.story[1])</p><p>\(Self.story[2])</p></article>
        """)
        let document = try clean(html, format: .html)
        XCTAssertEqual(kept(document), Self.story)
        // A mark that can hold no metadata is removed by the reader already; one that may (a header) waits for this stage.
        XCTAssertEqual(rule(document, of: "Most read: a cat rescued from a tree after two days in the rain and wind."),
                       "read:markup-boilerplate:aside")
        XCTAssertEqual(rule(document, of: "From the harbour desk, where the news team works late into the night."),
                       "boilerplate:markup-boilerplate:header")
    }

    /// A heading with nothing kept under it closes no section: the title of a share bar or form
    /// whose buttons went. A heading with text under it stays, whatever its words.
    func testAHeadingWithNothingUnderItGoes() throws {
        let html = TestSupport.htmlPage("""
        <div class="q1"><h2>Budget talks</h2><p>\(Self.story[0])</p><p>\(Self.story[1])</p><h3>Like it? Share it!</h3>
        <ul class="share-buttons"><li><a href="https://x.example/share">X</a></li></ul><h3>Next steps</h3></div>
        """)
        let document = try clean(html, format: .html)
        XCTAssertEqual(kept(document), ["Budget talks", Self.story[0], Self.story[1]])
        XCTAssertEqual(rule(document, of: "Like it? Share it!"), "boilerplate:empty-heading")
        XCTAssertEqual(rule(document, of: "Next steps"), "boilerplate:empty-heading")
        let text = try clean("\(Self.story[0])\n\n\(Self.story[1])\n\n## Share this\n", format: .markdown)
        XCTAssertEqual(kept(text), [Self.story[0], Self.story[1]])
        // A story told in headings alone keeps them: there is no text above them for them to close.
        let headings = TestSupport.htmlPage("<article><h1>Budget talks</h1><h3>\(Self.story[0])</h3><h3>\(Self.story[1])</h3></article>")
        XCTAssertEqual(kept(try clean(headings, format: .html)), ["Budget talks", Self.story[0], Self.story[1]])
    }

    func testProseOutsideTheChosenContentIsKeptWhenNothingElseIsLeft() throws {
        // As the reader hands over a page where it chose the wrong container: every block is marked
        // outside the main content. The prose comes back (with a note); the menu does not.
        let blocks = ["Home | News | Sport"] + Self.story
        var document = TestSupport.textDocument(blocks.joined(separator: "\n\n"), format: .text, source: "page.txt")
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        for index in document.blocks.indices {
            document.blocks[index].markup = MarkupEvidence(tagPath: "body/div", tokens: [], inMainContent: false)
            document.blocks[index].markup?.exclusion = "outside-main-content"
        }
        try TestSupport.stage(BoilerplateStage.self).process(&document)
        XCTAssertEqual(kept(document), Self.story)
        XCTAssertTrue(document.notes.contains { $0.hasPrefix("no block survived cleaning") }, "\(document.notes)")

        // No prose at all: nothing comes back, and the pipeline rejects the page.
        var menu = TestSupport.textDocument("Home | News | Sport\n\nLogin\n\nSubscribe now", format: .text, source: "menu.txt")
        try TestSupport.stage(ReadStage.self).process(&menu)
        for index in menu.blocks.indices {
            menu.blocks[index].markup = MarkupEvidence(tagPath: "body/div", tokens: [], inMainContent: false)
        }
        try TestSupport.stage(BoilerplateStage.self).process(&menu)
        XCTAssertEqual(kept(menu), [])
    }

    /// A text dump's comment thread with no comment phrase: short dated lines, one per entry, with
    /// the comment between. Its shape opens the comments, however long the comments run; an
    /// article that prints its own date once, or two dates side by side, opens nothing.
    func testDatedThreadAfterTheArticleOpensTheComments() throws {
        let remarks = [
            "It is a good thing we have no fans left because this season has been a dumpster fire from the very first week on.",
            "It is time for the fans to come to grips with reality, because the season is over yet again and nobody is surprised by it.",
            "As usual there were too many mistakes by the quarterback, and with the left tackle out there was never a chance to win it.",
            "The coordinator needs to understand the players they have instead of calling plays for a team they do not have at all.",
        ]
        let thread = remarks.enumerated().map { "fan\($0.offset) writes\n\nNovember 19, 2019 at 6:3\($0.offset) am\n\n\($0.element)" }
        let article = Self.story + [
            "Union leaders said on Wednesday that they would accept the offer if the city agreed to keep the night buses running.",
            "The budget has been delayed twice this year, first by a dispute over the libraries and then by the transport contract.",
        ]
        let document = try clean((["Storm news", "November 18, 2019"] + article + thread).joined(separator: "\n\n"))
        XCTAssertEqual(kept(document), article)
        XCTAssertEqual(DatedThread.threads(dated: [false, true, true, false, false, true]), [], "one entry's two dates, then one more")
        XCTAssertEqual(DatedThread.threads(dated: Array(repeating: true, count: 6)), [], "dated lines side by side are one entry")
        XCTAssertEqual(DatedThread.threads(dated: [true, false, true, false, true, false, false, false, false, false, false, false, true]),
                       [[0, 2, 4]], "a date seven lines on is no longer the thread's")
    }

    /// A programme in the story lists days without times (and a key-dates list puts each date on
    /// its text's line): no thread, and the story after it stays.
    func testAProgrammeOfDaysInTheStoryIsNoThread() throws {
        let programme = ["Friday, November 22, 2019", "The town band opens the festival on the new promenade with music.",
                         "Saturday, November 23, 2019", "Guided walks along the wall leave from the harbour office at ten.",
                         "Sunday, November 24, 2019", "A service of thanks is held in the old church for all the volunteers.",
                         "Monday, November 25, 2019", "The engineers answer questions from residents at the library."]
        let closing = "Tickets for all events are free and can be collected from the harbour office on Front Street."
        let document = try clean((["Storm news", "November 18, 2019"] + Self.story + programme + [closing]).joined(separator: "\n\n"))
        XCTAssertTrue(kept(document).contains(closing))
        XCTAssertTrue(kept(document).contains(programme[7]))
    }
}
