import Foundation
import XCTest
@testable import ScourCore

/// The HTML front door: parsing, blocks, main content, encodings and bad pages.
final class HTMLReaderTests: XCTestCase {
    let story = """
    Officials in the harbour town said on Tuesday that the new sea wall, built over three years, had held back \
    the worst storm surge in a generation, and that no homes near the water had flooded.
    """
    let second = """
    Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, \
    and the council borrowed to pay for its replacement after a long public debate.
    """

    func page(body: String, head: String = "<title>Sea wall holds | Harbour News</title>") -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    func read(_ html: String, charset: String? = nil) throws -> Document {
        try read(bytes: Array(html.utf8), charset: charset)
    }

    func read(bytes: [UInt8], charset: String? = nil, options: [String: Any] = [:]) throws -> Document {
        var document = Document(source: "page.html", raw: bytes, format: .html, declaredCharset: charset)
        try TestSupport.stage(ReadStage.self, options).process(&document)
        return document
    }

    /// Each removed block's text with the rule that removed it (the first, for repeated texts).
    func removalRules(_ document: Document) -> [String: String] {
        Dictionary(document.blocks.compactMap { block in block.removal.map { (block.text, $0.rule) } }, uniquingKeysWith: { first, _ in first })
    }

    func clean(_ html: String) throws -> Document {
        let document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        return try Pipeline(config: TestSupport.defaultConfig).process(document).get()
    }

    func testBlocksKeepStructureAndNeverGlueWords() throws {
        let html = page(body: """
        <article><h2>Sub<b>head</b></h2><p>First<br>line</p><ul><li>one</li><li>two</li></ul>
        <table><tr><td>Cell A</td><td>Cell B</td></tr></table><div>alpha</div><div>beta</div>
        <blockquote><p>Quoted words.</p></blockquote><pre>  keep   spaces</pre></article>
        """)
        let blocks = try read(html).blocks
        XCTAssertEqual(blocks.map(\.text), ["Subhead", "First\nline", "one", "two", "Cell A | Cell B", "alpha", "beta", "Quoted words.", "  keep   spaces"])
        XCTAssertEqual(blocks.map(\.kind), [.heading, .paragraph, .listItem, .listItem, .tableRow, .paragraph, .paragraph, .quote, .preformatted])
        XCTAssertEqual(blocks[0].level, 2)
    }

    /// A legacy reference without its ';' reads as a browser shows it ("&copy 2012" is "© 2012");
    /// one followed by a letter, digit or '=' stays as written (a browser keeps "?a=1&copy=2" in an
    /// address), and an escaped ampersand is decoded once only.
    func testLegacyReferencesWithoutSemicolonAreDecodedAsABrowserDoes() throws {
        let html = page(body: """
        <p>Fish &amp chips &lt 5 and N&auml&hellip</p><p>&copy 2012 Jane Doe</p>
        <p>AT&T, R&D, &ampx and &copy=2 stay; &amp;copy 2012 reads once.</p>
        <p><a href="/search?q=1&copy=2&lang=de">Suche &nbsp</a></p><script>var a = "&copy ";</script>
        """)
        let blocks = try read(html).blocks
        XCTAssertEqual(blocks.last?.links.map(\.target), ["/search?q=1&copy=2&lang=de"])
        let texts = blocks.map(\.text)
        XCTAssertEqual(texts.dropLast(), ["Fish & chips < 5 and Nä&hellip", "© 2012 Jane Doe",
                                          "AT&T, R&D, &ampx and &copy=2 stay; &copy 2012 reads once."])
        XCTAssertEqual(texts.last?.unicodeScalars.filter { $0 == "\u{00A0}" }.count, 1, "the no-break space, not '&nbsp'")
        // A name libxml2 2.9 does not know in capitals is left as written, with no ';' added;
        // a page cut short in its last text still has that text's references read.
        let cut = "<html><body><p>Fish &AMP chips &COPY 2012, and more.</p><p>Paragraph text here &copy 2012 with no closing tags"
        XCTAssertEqual(try read(cut).blocks.map(\.text), ["Fish &AMP chips &COPY 2012, and more.", "Paragraph text here © 2012 with no closing tags"])
    }

    func testNeverContentAndHiddenElementsAreDropped() throws {
        let html = page(body: """
        <p>Visible text.</p><script>var hidden = 1;</script><style>p { color: red }</style><noscript>Enable JS</noscript>
        <template>Template</template><svg><text>Chart</text></svg><form><button>Send</button><select><option>A</option></select></form>
        <div hidden>Hidden attr</div><div aria-hidden="true">Aria hidden</div><div style="display: none">Inline none</div>
        <span class="sr-only">Screen reader only</span><!-- a comment -->
        """)
        XCTAssertEqual(try read(html).blocks.map(\.text), ["Visible text."])
    }

    /// React's streaming renderer sends late parts of the page in `<div hidden id="S:…">` and its own
    /// script moves them into place: a browser shows them, and a Next.js page's whole story is there.
    func testStreamedReactSegmentsAreReadButOtherHiddenDivsAreNot() throws {
        let html = page(body: """
        <main><!--$?--><template id="B:1"></template><!--/$--></main><footer><p>Site footer</p></footer>
        <div hidden id="S:1"><article><p>\(story)</p></article></div><script>$RC("B:1","S:1")</script>
        <div hidden id="S:x1">Not a segment name</div><div hidden id="s:1">Lower-case is not React's</div>
        <div hidden id="S:2" style="display:none">Styled away</div>
        """)
        let texts = try read(html).blocks.map(\.text)
        XCTAssertTrue(texts.contains(story), "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("Not a segment") || $0.contains("Lower-case") || $0.contains("Styled") }, "\(texts)")
    }

    /// A teaser page (the story's opening shown, the whole story in JSON-LD `articleBody`, as
    /// subscription markup carries it) is written with the whole story; a page that shows its whole
    /// story keeps what it shows.
    func testATeaserGivesWayToTheWholeStoryInArticleBody() throws {
        let more = (1...12).map { "Paragraph \($0) of the report says the council met the engineers again and agreed on the next steps for the harbour wall." }
        let json = #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Sea wall holds","articleBody":"\#(([story, second] + more).joined(separator: "\\n"))"}"#
        let teaser = page(body: "<main><h1>Sea wall holds</h1><p>\(story)</p><div class=\"subscribe\">Subscribe to read more</div></main>",
                          head: #"<title>Sea wall holds</title><script type="application/ld+json">\#(json)</script>"#)
        let document = try clean(teaser)
        XCTAssertEqual(document.bodyText, ([story, second] + more).joined(separator: "\n\n"))
        XCTAssertTrue(document.notes.contains { $0.contains("the body is the page's") }, "\(document.notes)")
        let shown = page(body: "<main><h1>Sea wall holds</h1><p>\(story)</p><p>\(second)</p></main>",
                         head: #"<title>Sea wall holds</title><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"\#(story)"}</script>"#)
        XCTAssertEqual(try clean(shown).bodyText, story + "\n\n" + second)
        // A longer articleBody that is another text (its words nowhere in the shown story) replaces nothing.
        let elsewhere = #"{"@type":"NewsArticle","articleBody":"\#(more.joined(separator: "\\n"))"}"#
        let unrelated = page(body: "<main><h1>Sea wall holds</h1><p>\(story)</p></main>",
                             head: #"<title>Sea wall holds</title><script type="application/ld+json">\#(elsewhere)</script>"#)
        XCTAssertEqual(try clean(unrelated).bodyText, story)
    }

    /// A story split by an ad and a layout wrapper into two boxes of one exact content name is
    /// written whole; a box of that name outside the story's article (a teaser) is not added.
    func testAStorySplitIntoBoxesOfOneContentNameIsWrittenWhole() throws {
        let third = "The council will vote on the last stretch of the wall next month, after the engineers have finished their survey of the old stones and the harbour floor."
        // A list of links between the boxes costs the article more than the second box alone.
        let links = (0..<30).map { "<li><a href=\"/s\($0)\">Another headline number \($0) about the harbour town</a></li>" }.joined()
        let html = page(body: """
        <main><article><h1>Sea wall holds</h1><div class="sidebar-grid"><div class="sidebar-grid__container"><div class="article__content"><p>\(story)</p></div>
        <div class="ad-slot">Advertisement</div></div></div><ul class="more">\(links)</ul>
        <div class="layout-row"><div class="article__content"><p>\(second)</p><p>\(third)</p><div class="newsletter-signup"><p>Sign up for our daily newsletter.</p></div></div></div></article>
        <aside><div class="article__content"><p>Another story entirely: the harbour festival returns this summer with boats, music and food stalls on the quay.</p></div></aside></main>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.contains(story) && text.contains(second) && text.contains(third), text)
        XCTAssertFalse(text.contains("harbour festival"), text)
        XCTAssertFalse(text.contains("Sign up"), text)
    }

    func testAPartTheStructuredDataDeclaresIsReadDespiteItsPaywallName() throws {
        let third = "The council will vote on the last stretch of the wall next month, after the engineers have finished their survey of the old stones and the harbour floor."
        let body = """
        <main><article><h1>Sea wall holds</h1><div class="text-width"><p>\(story)</p></div>
        <div class="text-width paywalled"><p>\(second)</p></div><div class="text-width paywalled"><p>\(third)</p></div>
        <div class="text-width paywalled"><p>\(story.replacingOccurrences(of: "Tuesday", with: "Wednesday"))</p></div></article></main>
        """
        // Google's paywalled-content markup: the part behind the paywall is named by a class.
        let declaration = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Sea wall holds",
        "isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywalled"}}</script>
        """
        let declared = try clean(page(body: body, head: "<title>Sea wall holds</title>" + declaration)).bodyText
        XCTAssertTrue(declared.contains(story) && declared.contains(second) && declared.contains(third), declared)
        // Without the declaration the class word is a paywall box's, as on most pages.
        let undeclared = try clean(page(body: body)).bodyText
        XCTAssertTrue(undeclared.contains(story), undeclared)
        XCTAssertFalse(undeclared.contains(second), undeclared)
        // A speakable or navigation element's selector declares no part of the article.
        let speakable = declaration.replacingOccurrences(of: "\"isAccessibleForFree\":false,\"cssSelector\"", with: "\"cssSelector\"")
        XCTAssertFalse(try clean(page(body: body, head: speakable)).bodyText.contains(second))
    }

    func testStoryBoxesOfOneKindAreKeptWhenOneOfThemHoldsMostOfTheStory() throws {
        let later = [
            "The council will vote on the last stretch of the wall next month, after the engineers have finished their survey of the old stones and the harbour floor.",
            "Engineers said the wall's foundations had settled less than expected, and that the sluice gates had opened and closed on time through the whole night.",
            "Residents who had moved their cars to higher ground returned on Wednesday morning to find the streets dry and the promenade covered only in seaweed.",
        ].map { "<p>\($0)</p>" }.joined()
        // The story's paragraphs come in "widget" boxes told apart by their ids; a related-stories widget sits between them.
        let html = page(body: """
        <main><h1>Sea wall holds</h1><div class="article-widgets">
        <div id="w-1a2b" class="article-widget article-widget-text"><div class="text"><p>\(story)</p></div></div>
        <div id="w-3c4d" class="article-widget article-widget-related"><p>Read more: the harbour festival returns this summer with boats, music and stalls.</p></div>
        <div id="w-5e6f" class="article-widget article-widget-text"><div class="text"><p>\(second)</p>\(later)</div></div>
        </div></main>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.hasPrefix(story), text)
        XCTAssertTrue(text.contains(second) && text.contains("seaweed"), text)
        XCTAssertFalse(text.contains("harbour festival"), text)
        // A box whose mark comes from its id, or that follows the story's box, is not vouched for.
        let marked = html.replacingOccurrences(of: "id=\"w-3c4d\" class=\"article-widget article-widget-related\"",
                                               with: "id=\"related-posts-2\" class=\"article-widget article-widget-text\"")
        XCTAssertFalse(try clean(marked).bodyText.contains("harbour festival"))
    }

    func testAnIdWrittenFromTheElementsOwnWordsNamesNoKindOfBox() throws {
        // A slide show's anchors are its slides' headlines: "top" and "promoted" there are no box words.
        let slide = { (id: String, heading: String, text: String) in
            "<div class=\"slide\" id=\"\(id)\"><h2>\(heading)</h2><p>\(text)</p></div>"
        }
        let html = page(body: """
        <main><h1>Every outfit, ranked</h1><div class="slideshow">
        \(slide("she-wore-a-plum-suit-in-london-1", "She wore a plum suit in London.", story))
        \(slide("her-barely-there-top-at-the-premiere-was-one-to-remember-2", "Her barely-there top at the premiere was one to remember.", second))
        </div><div id="top-stories-block-list"><p>Other top stories you might like to read today, picked for you by our editors.</p></div></main>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.contains(story) && text.contains(second), text)
        // An id whose words the element does not spell is read as a name.
        XCTAssertFalse(text.contains("Other top stories"), text)
        // So is an id that spells the element's heading when no class names the element.
        let teasers = page(body: """
        <main><article><h1>Sea wall holds</h1><p>\(story)</p><p>\(second)</p></article>
        <div id="more-top-stories-you-might-like-to-read"><h2>More top stories you might like to read</h2><p>The harbour festival returns this summer with boats, music and food stalls on the quay.</p></div></main>
        """)
        XCTAssertFalse(try clean(teasers).bodyText.contains("harbour festival"))
    }

    func testAClassWordAfterHasOrWithNamesWhatTheElementHasBeside() throws {
        let tokens = TestSupport.resources.markupTokens
        // A header "with a caption" is no caption: its headline and standfirst are read.
        XCTAssertTrue(tokens.skips(["caption"]))
        XCTAssertFalse(tokens.skips(["articleHeader", "column", "hasCaption"]))
        XCTAssertFalse(tokens.skips(["header--with-caption"]))
        // Inside a name, "with" is part of what the element is: a box with comments is the comments.
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["box-with-comments"]), .boilerplate("comments"))
        XCTAssertTrue(tokens.skips(["box-with-caption"]))
        // "no-print" is still chrome a printout leaves out.
        XCTAssertEqual(tokens.skips(["no-print"]), tokens.skips(["print"]))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["article--with-sidebar"]), .content)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["layout--with-sidebar"]), .none)
        // An opinion piece ("commentary") is no comment thread; a glued "commentlist" still is one.
        XCTAssertEqual(tokens.hint(tag: .article, tokens: ["module-article", "article-type-commentary"]), .content)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["commentlist"]), .boilerplate("comment"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["sidebar"]), .boilerplate("sidebar"))
        let html = page(body: """
        <main><article><div class="articleHeader hasCaption"><h1>Sea wall holds</h1></div><div class="x hasCaption"><p>\(story)</p></div>
        <div class="bodytext"><p>\(second)</p></div></article></main>
        """)
        XCTAssertTrue(try clean(html).bodyText.hasPrefix(story))
    }

    func testANextArticleAppendedUnderTheStoryIsNotItsText() throws {
        let more = "Engineers said the wall's foundations had settled less than expected, and that the sluice gates had opened and closed on time through the whole night."
        let next = [
            "The city's football club named a new manager on Wednesday, the third in two years, after a run of eleven games without a win.",
            "Supporters gathered outside the ground to greet him, and the club said he would take charge of training on Thursday morning.",
            "He told reporters that the squad had more talent than its place in the table suggested, and that he had a plan for the spring.",
        ]
        // An infinite-scroll page: the next story, with its own headline, in an <article> after the first.
        let html = page(body: """
        <main><article><h1>Sea wall holds</h1><p>\(story)</p><p>\(second)</p><p>\(more)</p></article>
        <div class="under-article"><article id="second-article"><h1>New manager for the club</h1>\(next.map { "<p>\($0)</p>" }.joined())</article></div></main>
        """)
        let document = try clean(html)
        XCTAssertTrue(document.bodyText.contains(story) && document.bodyText.contains(more), document.bodyText)
        XCTAssertFalse(document.bodyText.contains("football club"), document.bodyText)
        XCTAssertTrue(document.blocks.contains { $0.text.contains("football club") && $0.removal?.rule == "next-article" })
        // Articles without their own headline (a teaser list, a story in parts) are not cut.
        let parts = html.replacingOccurrences(of: "<h1>New manager for the club</h1>", with: "")
        XCTAssertTrue(try clean(parts).bodyText.contains("football club"))
        // Nor are entries of one kind that each carry an <h1> (a live blog's updates).
        let entry = { (heading: String, text: String) in "<article class=\"entry\"><h1>\(heading)</h1><p>\(text)</p><p>\(more)</p></article>" }
        let live = page(body: "<main><div class=\"liveblog\">\(entry("Update one", story))\(entry("Update two", second))\(entry("Update three", next[0]))</div></main>")
        XCTAssertTrue(try clean(live).bodyText.contains("football club"))
    }

    func testAConsentDialogFullOfProseIsCutThoughItHoldsMostOfThePagesText() throws {
        // A consent manager's preference centre (OneTrust's markup) explains each cookie category in
        // sentences: more sentence text than a short story, under its own unmarked boxes.
        let category = { (name: String) in
            "<section class=\"cookie-preferences\"><h4>\(name) Cookies</h4><p>These cookies may be set through our site by our partners to build a profile of your interests and show you relevant adverts on other sites, and they do not store personal information directly but identify your browser and device.</p></section>"
        }
        let html = page(body: """
        <main><article><h1>Sea wall holds</h1><p>\(story)</p><p>\(second)</p></article></main>
        <div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk" class="ot-sdk-container" role="region"><div id="ot-content" class="ot-main-content">
        <h2 id="pc-title">Right to Opt-Out of the Sale of Your Personal Information</h2>
        <div id="pc-policy-text">If you are a California consumer, you have the right, at any time, to direct a business that sells your personal information to third parties not to sell your personal information.</div>
        \(["Performance", "Functional", "Targeting", "Social Media", "Analytics"].map(category).joined())</div></div></div>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.contains(story) && text.contains(second), text)
        XCTAssertFalse(text.contains("California consumer") || text.contains("Opt-Out"), text)
        // A post filed under a topic ("category-gdpr") is no consent dialog: its mark is a layout's.
        let filed = page(body: """
        <main><h1>Sea wall holds</h1><div class="post-123 post category-gdpr"><p>\(story)</p><p>\(second)</p></div>
        <div class="sidebar"><p>Short note.</p></div></main>
        """)
        XCTAssertTrue(try clean(filed).bodyText.contains(second))
    }

    func testAParagraphAPaywallHidesFromScreenReadersIsTheStorys() throws {
        let third = "The council will vote on the last stretch of the wall next month, after the engineers have finished their survey of the old stones and the harbour floor."
        // A metered paywall shows the paragraph and hides it from screen readers until it is bought.
        let html = page(body: """
        <main><article><h1>Sea wall holds</h1><p>\(story)</p><p class="paywall" aria-hidden="true">\(second)</p>
        <p class="twite__title" aria-hidden="true">Follow us on our channel for more news every day.</p>
        <div class="paywall" aria-hidden="true"><p>Subscribe to read the rest of this story and every other story on our site.</p></div>
        <p>\(third)</p></article></main>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.contains(second) && text.contains(third), text)
        // Other text hidden from screen readers stays out.
        XCTAssertFalse(text.contains("Follow us") || text.contains("Subscribe to read"), text)
    }

    func testMainContentWinsOverNavigationSidebarAndComments() throws {
        let html = page(body: """
        <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
        <div class="layout"><main><article><h1>Sea wall holds</h1><div class="article-body"><p>\(story)</p>
        <div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div><p>\(second)</p></div></article>
        <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">A story about something else entirely, with many words</a></li></ul></aside>
        <section id="comments"><h3>Leave a Reply</h3><p>Great article, thank you so much for writing about the wall, it is good.</p></section>
        </main></div><footer><p>Copyright 2024 Harbour News. All rights reserved.</p></footer>
        """)
        let document = try clean(html)
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        XCTAssertEqual(document.metadata.title, "Sea wall holds")
        XCTAssertEqual(document.metadata.language, "en")
        // Every removed block says why.
        let removed = document.blocks.filter { !$0.isKept }
        XCTAssertTrue(removed.allSatisfy { $0.removal != nil })
        XCTAssertTrue(removed.contains { $0.text == "Share on Facebook Tweet" && $0.removal?.rule == "markup-boilerplate:share" })
    }

    func testLeadParagraphOutsideTheBodyWrapperIsKept() throws {
        let html = page(body: """
        <div id="page"><p class="intro">\(story)</p><div class="story-body"><p>\(second)</p><p>\(second.replacingOccurrences(of: "2019", with: "2018"))</p></div>
        <div class="related"><a href="/x">Other news</a></div></div>
        """)
        let text = try clean(html).bodyText
        XCTAssertTrue(text.hasPrefix(story), text)
        XCTAssertFalse(text.contains("Other news"))
    }

    func testNamedLeadInArticleHeaderIsKeptAndSubheadingIsNot() throws {
        let lead = "Damit Mitarbeiter gesund bleiben, müssen sich Unternehmen einiges einfallen lassen, sagen die Forscher."
        let html = page(body: """
        <main><article><header class="article-header"><h1>Sea wall holds</h1><p class="article-intro">\(lead)</p>
        <p class="subheading">A subheading that is a full sentence, long enough to count as prose for the selector.</p></header>
        <div class="article-body"><p>\(story)</p><p>\(second)</p></div></article></main>
        """)
        let text = try clean(html).bodyText
        XCTAssertEqual(text, lead + "\n\n" + story + "\n\n" + second)
    }

    func testTeaserHeadingAndTheLinksAfterItAreCut() throws {
        let html = page(body: """
        <article><div class="article-body"><p>\(story)</p><h3>Zobacz także:</h3>
        <p><a href="/a">Inny artykuł o czymś zupełnie innym</a></p><p><a href="/b">Jeszcze jeden tekst</a></p>
        <p>\(second)</p><p>Czytaj też: <a href="/c">Wyścig zbrojeń ruszył z kopyta</a></p></div></article>
        """)
        let document = try clean(html)
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        let rules = removalRules(document)
        XCTAssertEqual(rules["Zobacz także:"], "teaser-heading")
        XCTAssertEqual(rules["Inny artykuł o czymś zupełnie innym"], "after-teaser-heading")
        XCTAssertEqual(rules["Czytaj też: Wyścig zbrojeń ruszył z kopyta"], "teaser-line")
        XCTAssertEqual(TextKey.teaser("Schon  gelesen? "), "schon gelesen")
    }

    func testLeadMatchingThePageDescriptionIsKeptDespiteAPositionalMark() throws {
        let lead = "Kurz vor der Versammlung mehren sich die Spekulationen, dass sich das Verhältnis weiter verschlechtert hat."
        let html = page(body: """
        <div class="top"><h1>Sea wall holds</h1><p>\(lead)</p></div>
        <div class="article-body"><p>\(story)</p><p>\(second)</p></div>
        <div class="teaser"><p>Ein anderer Text über etwas ganz anderes, der nicht zu dieser Seite gehört, steht hier.</p></div>
        """, head: "<title>Sea wall</title><meta property=\"og:description\" content=\"\(lead)\">")
        XCTAssertEqual(try clean(html).bodyText, lead + "\n\n" + story + "\n\n" + second)
        // A deck line without a full stop is a headline's subtitle, not a lead.
        let deck = "Officials say the risk is low, but many are concerned that information is being restricted"
        let decked = page(body: """
        <div class="top"><p>\(deck)</p></div><div class="article-body"><p>\(story)</p><p>\(second)</p></div>
        """, head: "<title>Sea wall</title><meta name=\"description\" content=\"\(deck)\">")
        XCTAssertEqual(try clean(decked).bodyText, story + "\n\n" + second)
    }

    func testCreditLinesCallsToActionAndPhraseHeadingsAreCut() throws {
        let html = page(body: """
        <article><div class="article-body"><p>\(story)</p><p>Der Hafen bei Nacht. © AFP / Jane Doe</p>
        <p>\(second)</p><h3>Weitere Informationen zum Thema Hochwasser:</h3><ul><li><a href="/a">Pegelstände</a></li></ul>
        <p>Sie lesen gern unsere Artikel? Zeigen Sie Ihre Wertschätzung!</p><p>Valora esta noticia</p></div></article>
        """)
        let document = try clean(html)
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        let rules = removalRules(document)
        XCTAssertEqual(rules["Der Hafen bei Nacht. © AFP / Jane Doe"], "credit-line")
        XCTAssertEqual(rules["Weitere Informationen zum Thema Hochwasser:"], "teaser-heading")
        XCTAssertEqual(rules["Valora esta noticia"], "call-to-action")
    }

    func testPrintLayoutTokensAreNotBoilerplate() throws {
        let tokens = TestSupport.resources.markupTokens
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print-full"]), .none)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["no-print"]), .boilerplate("print"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print-button"]), .boilerplate("print"))
        // The story's own box under a second name for printing is the story; a print-only copy
        // of the header ("print-content" alone) stays boilerplate.
        // ("article_content" is the exact name "article-content" written with another separator.)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["article_content", "content_print"]), .strongContent)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["content_print", "post_text"]), .content)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print-content"]), .boilerplate("print"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print-content", "sidebar"]), .boilerplate("sidebar"))
        XCTAssertEqual(tokens.hint(tag: .article, tokens: ["print-content"]), .boilerplate("print"), "the tag is no second name")
        XCTAssertEqual(tokens.hint(tag: .main, tokens: ["content_print"]), .boilerplate("print"))
    }

    func testStoryInNeverReadWrapperIsFoundByTheFallbackWalk() throws {
        // libxml2 leaves the unclosed menu div open: the story ends up inside a "visually-hidden" element.
        let html = page(body: """
        <nav><ul><li><a href="/">Home</a><div class="sub-menu visually-hidden-focusable"><a href="/x">X</a></li></ul></nav>
        <main><article><p>\(story)</p><p>\(second)</p></article></main>
        """)
        XCTAssertEqual(try clean(html).bodyText, story + "\n\n" + second)
    }

    func testNulBytesDoNotEndThePage() throws {
        // Past the first 8 KB, which the binary sniffing reads.
        let filler = "<!--" + String(repeating: "x", count: 9000) + "-->"
        var bytes = Array(page(body: "\(filler)<article><p>\(story)</p><p>NULL_HERE</p><p>\(second)</p></article>").utf8)
        let marker = Array("NULL_HERE".utf8)
        if let start = (0...(bytes.count - marker.count)).first(where: { Array(bytes[$0..<$0 + marker.count]) == marker }) {
            bytes.replaceSubrange(start..<start + marker.count, with: [0x00])
        }
        let texts = try read(bytes: bytes).blocks.map(\.text)
        XCTAssertTrue(texts.contains(second), "\(texts)")
    }

    func testStateAndResponsiveTokensAreNotBoilerplate() throws {
        let tokens = TestSupport.resources.markupTokens
        XCTAssertEqual(tokens.hint(tag: .article, tokens: ["node", "paywall-on"]), .content)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["paywall-on"]), .boilerplate("paywall"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["l-hidden-xs"]), .none)
        // Utility classes with variants say when a style applies, not what the element is.
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print:max-w-small", "dark:bg-black"]), .none)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print:article-content"]), .strongContent)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["md:hidden"]), .none)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["print"]), .boilerplate("print"))
        // "paywall-article" beside the story's content class is how the story is sold; alone, or a
        // paywall box's one class, it is the paywall.
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["article-body__content", "paywall-article"]), .content)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["paywall-article"]), .boilerplate("paywall"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["content-form-account-paywall"]), .boilerplate("paywall"))
        // An exact content name with other separators is the same name.
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["sidebar-grid__content", "article__content"]), .strongContent)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["Entry_Content"]), .strongContent)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["sidebar-grid__content"]), .boilerplate("sidebar"))
        XCTAssertTrue(tokens.namesLead(["ts-intro"]))
        XCTAssertFalse(tokens.namesLead(["single-header-subheading"]))
    }

    func testCharsetFromMetaTagShiftJISAndWindows1251() throws {
        let japanese = "東京で新しい橋が開通し、多くの市民が渡り初めに参加した。"
        let sjis = try XCTUnwrap("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>\(japanese)</p></body></html>"
            .data(using: .shiftJIS))
        XCTAssertEqual(try read(bytes: [UInt8](sjis)).blocks.map(\.text), [japanese])

        let russian = "Новый мост открыли в Москве во вторник."
        let cp1251 = try XCTUnwrap(("<html><head><meta charset=\"windows-1251\"></head><body><p>\(russian)</p></body></html>")
            .data(using: .windowsCP1251))
        XCTAssertEqual(try read(bytes: [UInt8](cp1251)).blocks.map(\.text), [russian])
    }

    func testCharsetFromFetcherBeatsMetaAndInvalidUTF8FallsBackToWindows1252() throws {
        let latin1 = [UInt8]("<html><head><meta charset=\"utf-8\"></head><body><p>Caf".utf8) + [0xE9] + [UInt8](" cr".utf8) + [0xE8, 0x6D, 0x65] + [UInt8]("</p></body></html>".utf8)
        XCTAssertEqual(try read(bytes: latin1).blocks.map(\.text), ["Café crème"])
        XCTAssertEqual(try read(bytes: latin1, charset: "iso-8859-1").blocks.map(\.text), ["Café crème"])
        let utf16 = [UInt8]([0xFF, 0xFE]) + "<p>Grüße</p>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try read(bytes: utf16).blocks.map(\.text), ["Grüße"])
        XCTAssertEqual(HTMLCharset.choose(Array("<meta charset='gb2312'>".utf8), declared: nil), EncodingChoice(encoding: .gbk, source: .meta))
    }

    func testTruncatedAndUnclosedMarkupStillGivesText() throws {
        let truncated = page(body: "<div><p>\(story)</p><p>\(second)").dropLast(40)
        XCTAssertEqual(try read(String(truncated)).blocks.first?.text, story)
        let unclosed = "<html><body><div><p>One paragraph <b>bold <i>both<p>Two paragraph<li>item<table><tr><td>cell"
        XCTAssertEqual(try read(unclosed).blocks.map(\.text), ["One paragraph bold both", "Two paragraph", "item", "cell"])
    }

    func testTenThousandDeepNestingNeitherCrashesNorHangs() throws {
        let depth = 10_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text.</p>"
            + String(repeating: "</div>", count: depth) + "<p>After.</p></body></html>"
        // libxml2 stops at its depth limit; the page still reads (or is rejected with a reason), without a crash.
        do {
            let blocks = try read(html).blocks
            XCTAssertFalse(blocks.isEmpty)
        } catch let rejection as Rejection {
            XCTAssertFalse(rejection.reason.isEmpty)
        }
    }

    func testBinaryGarbageAndAllScriptPagesAreRejectedWithReasons() throws {
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0]
        XCTAssertThrowsError(try read(bytes: garbage)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "binary content, not HTML")
        }
        let script = "<html><head><script>" + String(repeating: "var x = 1;\n", count: 1000) + "</script></head><body><script>go()</script></body></html>"
        XCTAssertThrowsError(try read(script)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "no text in input")
        }
    }

    func testFiftyMegabytePageIsReadWithinItsBudgetOrRejectedForIt() throws {
        let paragraph = "<p>\(story)</p>\n"
        let count = 50_000_000 / paragraph.utf8.count
        let html = "<html><body>" + String(repeating: paragraph, count: count) + "</body></html>"
        XCTAssertGreaterThan(html.utf8.count, 49_000_000)
        // A tiny budget must reject the page with the reason, not hang on it.
        XCTAssertThrowsError(try read(bytes: Array(html.utf8), options: ["html_time_budget_ms": 1])) { error in
            XCTAssertTrue((error as? Rejection)?.reason.contains("html_time_budget_ms") == true, "\(error)")
        }
        // A budget wide enough for a slow (debug) build reads it whole.
        XCTAssertEqual(try read(bytes: Array(html.utf8), options: ["html_time_budget_ms": 120_000]).blocks.count, count)
    }

    func testMarkupTokensSplitAndClassify() throws {
        let tokens = TestSupport.resources.markupTokens
        XCTAssertEqual(MarkupTokens.parts(of: "post-content__shareBar"), ["post", "content", "share", "bar"])
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["article-body"]), .strongContent)
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["article-comments"]), .boilerplate("comments"))
        XCTAssertEqual(tokens.hint(tag: .nav, tokens: []), .boilerplate("nav"))
        XCTAssertEqual(tokens.hint(tag: .div, tokens: ["social-media-embed"]), .none)
        XCTAssertTrue(tokens.skips(["newsCaption"]))
        XCTAssertFalse(tokens.skips(["story"]))
    }

    func testALayoutMarkOnTheWrapperHoldingTheStoryIsNotTrusted() throws {
        let html = page(body: """
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div id="left-rail"><div class="story"><p>\(story)</p><p>\(second)</p></div></div>
        <div id="right-rail"><ul><li><a href="/x">Most read today</a></li></ul></div>
        """)
        XCTAssertEqual(try clean(html).bodyText, story + "\n\n" + second)
    }
}
