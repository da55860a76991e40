import XCTest
@testable import ScourCore

final class MarkupMetadataTests: XCTestCase {
    func hints(_ html: String) -> [MarkupHint] {
        guard let tree = HTMLTree.parse(Array(html.utf8), encoding: "UTF-8") else { return [] }
        return MarkupMetadata.hints(in: tree)
    }

    /// The metadata stage fed only with the hints of `html` (no blocks), as after the HTML reader.
    func tagged(_ html: String, url: String? = nil) throws -> Metadata {
        var document = Document(source: "test.html", raw: nil, format: .html)
        document.markupHints = hints(html)
        document.metadata.url = url
        try TestSupport.stage(MetadataStage.self).process(&document)
        return document.metadata
    }

    func testJSONLDGraphWithNestedAuthorsAndPublisher() throws {
        let meta = try tagged("""
        <html lang="de-DE"><head><title>Bohren, bis es heiß wird - Zeitung Online</title>
        <script type="application/ld+json"><!--
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "datePublished": "2018-01-01"},
          {"@type": ["NewsArticle"], "headline": "Bohren, bis es heiß wird", "datePublished": "2019-10-16T19:08:22+02:00",
           "dateModified": "2019-10-19", "author": [{"@type": "Person", "name": "Heike Buchter"}, {"@type": "Person", "givenName": "Jan", "familyName": "Roe"}],
           "publisher": {"@type": "Organization", "name": "Zeitung Online"},
           "comment": [{"@type": "Comment", "dateCreated": "2019-10-17", "author": {"name": "Troll"}}]}
        ]}
        --></script></head><body><p>Text</p></body></html>
        """)
        XCTAssertEqual(meta.date, "2019-10-16")
        XCTAssertEqual(meta.evidence["date"]?.rule, "json-ld:article.datePublished")
        XCTAssertEqual(meta.authors, ["Heike Buchter", "Jan Roe"])
        XCTAssertEqual(meta.outlet, "Zeitung Online")
        XCTAssertEqual(meta.title, "Bohren, bis es heiß wird")
        XCTAssertEqual(meta.language, "de")
    }

    /// Unix time as a JSON-LD date, in seconds or milliseconds; numbers that are no time are not dates.
    func testJSONLDDateAsUnixTime() throws {
        func date(_ value: String) throws -> String? {
            try tagged("""
            <html><head><script type="application/ld+json">{"@context": "http://schema.org", "@type": "Article", "datePublished": \(value)}</script></head></html>
            """).date
        }
        XCTAssertEqual(try date("1676551869"), "2023-02-16")
        XCTAssertEqual(try date("1676551869000"), "2023-02-16")
        XCTAssertNil(try date("2019"))
        XCTAssertNil(try date("true"))
        XCTAssertEqual(UnixTime.iso(951_825_600), "2000-02-29T12:00:00Z")
        XCTAssertEqual(UnixTime.iso(4_102_444_799), "2099-12-31T23:59:59Z")
        XCTAssertNil(UnixTime.iso(.nan))
    }

    /// Parse.ly's one-tag page description gives the title, date, authors and tags.
    func testParselyPageDescription() throws {
        let json = #"{"title": "Comcast completes NBC Universal merger", "pub_date": "2014-11-23T16:00:00+04:00", "#
            + #""authors": ["Jane Roe", "Jan Doe"], "tags": "[Breaking News, World News]", "post_id": 12}"#
        let meta = try tagged("<html><head><meta name=\"parsely-page\" content='\(json)'></head></html>")
        XCTAssertEqual(meta.title, "Comcast completes NBC Universal merger")
        XCTAssertEqual(meta.date, "2014-11-23")
        XCTAssertEqual(meta.authors, ["Jane Roe", "Jan Doe"])
        XCTAssertEqual(meta.tags, ["Breaking News", "World News"])
        XCTAssertEqual(meta.evidence["date"]?.rule, "meta:parsely-page")
        XCTAssertTrue(ParselyPage.values("not json").isEmpty)
        XCTAssertTrue(ParselyPage.values("[1, 2]").isEmpty)
    }

    func testBrokenJSONLDIsReadUpToItsEnd() {
        let found = hints("""
        <script type="application/ld+json">{"@type": "BlogPosting", "headline": "Line
        break", "datePublished": "2020-04-07"} trailing junk;</script>
        """)
        XCTAssertTrue(found.contains(MarkupHint(field: .date, value: "2020-04-07", origin: .init(.jsonLD("article.datePublished")))))
    }

    func testMetaTagsOrderedBestFirst() {
        let found = hints("""
        <html><head>
        <meta name="date" content="2021-01-05">
        <meta property="article:modified_time" content="2021-02-01T10:00:00Z">
        <meta property="article:published_time" content="2021-01-04T10:00:00Z">
        <meta name="citation_author" content="Anderson, Michael"><meta name="citation_author" content="Dobkin, Carlos">
        <meta property="og:site_name" content="Metro Herald"><meta name="keywords" content="budget, city hall">
        <link rel="canonical" href="https://example.org/a/1">
        <title>Budget vote delayed | Metro Herald</title>
        </head><body></body></html>
        """)
        let dates = found.filter { $0.field == .date }.map(\.origin.description)
        XCTAssertEqual(dates.first, "meta:article:published_time")
        XCTAssertEqual(found.first { $0.field == .modified }?.value, "2021-02-01T10:00:00Z")
        XCTAssertEqual(found.first { $0.field == .url }?.value, "https://example.org/a/1")
        XCTAssertEqual(found.filter { $0.field == .tag }.map(\.value), ["budget", "city hall"])
        XCTAssertEqual(found.first { $0.origin == .init(.titleElement) }?.value, "Budget vote delayed")
    }

    func testVisibleFallbacks() throws {
        let meta = try tagged("""
        <html><body><nav><span class="date">Monday, 1 March 2021</span></nav>
        <article><h1>Council delays the budget vote</h1>
        <div class="byline">Erstellt von <span class="author">Jane Doe</span>, 2. März 2021</div>
        <p>Aktualisiert am 9. März 2021</p>
        <p>The council met on Tuesday.</p>
        <div class="comments"><time datetime="2021-03-05">5 March</time><span class="author">Troll</span></div>
        </article></body></html>
        """)
        XCTAssertEqual(meta.authors, ["Jane Doe"])
        XCTAssertEqual(meta.date, "2021-03-02")
    }

    func testShownDateWinsWhenMarkupNamesIt() throws {
        let meta = try tagged("""
        <html><head><meta property="article:published_time" content="2020-01-03T09:48:24Z">
        <meta property="article:modified_time" content="2020-01-06T09:22:36Z"></head>
        <body><h1>Goats</h1><span class="publish-date">Monday, 6 January 2020</span></body></html>
        """)
        XCTAssertEqual(meta.date, "2020-01-06")
    }

    func testShownDateBeatsMarkupDateShownNowhere() throws {
        let meta = try tagged("""
        <html><head><meta name="dcterms.date" content="2022-01-21T09:43+01:00"></head>
        <body><h1>Atomkraft ist nicht nachhaltig</h1><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time>
        <p>Die EU-Kommission will Atomkraft als nachhaltig einstufen.</p></body></html>
        """)
        XCTAssertEqual(meta.date, "2022-01-25")
        // A `datetime` the text does not show, or the markup's date shown too: the markup stands.
        let unshown = try tagged("""
        <html><head><meta name="dcterms.date" content="2022-01-21"></head>
        <body><h1>Atomkraft</h1><time datetime="2022-01-25">vor drei Tagen</time><p>Text.</p></body></html>
        """)
        XCTAssertEqual(unshown.date, "2022-01-21")
        let both = try tagged("""
        <html><head><meta name="dcterms.date" content="2022-01-21"></head>
        <body><h1>Atomkraft</h1><time datetime="2022-01-25">25.01.2022</time><p>Erstellt 21.01.2022</p></body></html>
        """)
        XCTAssertEqual(both.date, "2022-01-21")
        // "02/11/2023" read month first is 11 February; the markup says 2 November and the page shows it.
        let ambiguous = try tagged("""
        <html><head><meta property="article:published_time" content="2023-11-02T14:34:19+00:00"></head>
        <body><h1>Menhub</h1><div class="read__time">Kompas.com - 02/11/2023, 21:34 WIB</div><p>- 02/11/2023, 21:34 WIB</p></body></html>
        """)
        XCTAssertEqual(ambiguous.date, "2023-11-02")
    }

    func testBannerDateAndDatelineParagraph() throws {
        // Today's date in the site's banner is not the article's; a paragraph opening with its dateline is.
        let meta = try tagged("""
        <html><body><header><div class="logo">Radio</div><span class="date">Tue, 14 Jan 2020</span></header>
        <div class="story"><h1>Stocks mixed on Monday</h1>
        <p>SYDNEY, (13.01.2020). Stocks were mixed on Monday, the first day of the new trading week. In Japan, the Nikkei
        rose while Hong Kong fell, and traders waited for the signing of the trade deal between the two largest economies.</p>
        </div></body></html>
        """)
        XCTAssertEqual(meta.date, "2020-01-13")
        // An article's own header keeps its date.
        let article = try tagged("""
        <html><body><article><header><h1>Goats</h1><time datetime="2020-01-06">6 January 2020</time></header>
        <p>Text.</p></article></body></html>
        """)
        XCTAssertEqual(article.date, "2020-01-06")
    }

    func testBylineLabelInItsOwnElement() throws {
        let glued = try tagged("""
        <html><body><h1>Fire in Napa</h1><div><span>By</span><a href="/x">J.R. Stone</a></div><p>Text.</p></body></html>
        """)
        XCTAssertEqual(glued.authors, ["J.R. Stone"])
        let labelled = try tagged("""
        <html><body><h1>Rute im Test</h1><dl><dt>Autor</dt><dd>Catch more fish</dd></dl><p>Text.</p></body></html>
        """)
        XCTAssertEqual(labelled.authors, ["Catch more fish"])
        // "di" (Italian "by") before a weekday is no byline.
        let calendar = try tagged("""
        <html><body><h1>Trauern</h1><div><span>DI</span><span>MI</span></div><p>Text.</p></body></html>
        """)
        XCTAssertEqual(calendar.authors, [])
    }

    func testAuthorNamedAsPublisherAndPageAuthors() throws {
        let publisher = try tagged("""
        <meta property="og:site_name" content="jungle.world"><meta name="author" content="Ernst Lohoff">
        <meta name="dcterms.publisher" content="Ernst Lohoff"><body><h1>Das Phantom</h1></body>
        """, url: "https://jungle.world/artikel/x")
        XCTAssertEqual(publisher.authors, ["Ernst Lohoff"])
        let page = try tagged("""
        <script type="application/ld+json">{"@type": "WebPage", "author": {"name": "Gilles Gressani"}}</script>
        <body><h1>Entretien</h1><div><span>Auteur</span><span>Uriel Gadessaud</span></div><p>Text.</p></body>
        """)
        XCTAssertEqual(page.authors, ["Uriel Gadessaud"])
    }

    func testDateSanity() throws {
        let future = try tagged("<meta property=\"article:published_time\" content=\"2999-01-01\"><meta name=\"dc.date\" content=\"2015-06-05\">")
        XCTAssertEqual(future.date, "2015-06-05")
        let old = try tagged("<meta name=\"date\" content=\"1970-01-01\">", url: "https://example.org/2019/04/19/post")
        XCTAssertEqual(old.date, "2019-04-19")
        XCTAssertEqual(old.evidence["date"]?.rule, "url-path")
        let modifiedOnly = try tagged("<meta property=\"article:modified_time\" content=\"2022-01-27T16:58:24Z\">")
        XCTAssertEqual(modifiedOnly.date, "2022-01-27")
    }

    func testAuthorCleaning() throws {
        let site = try tagged("""
        <meta property="og:site_name" content="Junge Freiheit"><meta name="author" content="jungefreiheit.de">
        <meta property="article:author" content="https://www.facebook.com/jf"><body><h1>Title of it</h1>
        <p class="author">Von Boris T. Kaiser</p></body>
        """, url: "https://jungefreiheit.de/debatte/x")
        XCTAssertEqual(site.authors, ["Boris T. Kaiser"])
        let onlySite = try tagged("<meta name=\"author\" content=\"Fluessiggas.de\">", url: "https://fluessiggas.de/a")
        XCTAssertEqual(onlySite.authors, ["Fluessiggas.de"])
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertEqual(names.markupAuthors("Michael L. Anderson, PhD, Carlos Dobkin, PhD"), ["Michael L. Anderson, PhD", "Carlos Dobkin, PhD"])
        XCTAssertEqual(names.markupAuthors("von Lars Fischer und Alina Schadwinkel"), ["Lars Fischer", "Alina Schadwinkel"])
        XCTAssertEqual(names.markupAuthors("Zeige alle Beiträge von Petra Ruland"), ["Petra Ruland"])
        XCTAssertEqual(names.markupAuthors("Sara Zinnecker Stand: 05. Februar 2020"), ["Sara Zinnecker"])
        XCTAssertEqual(names.markupAuthors("Loïc Le Clerc"), ["Loïc Le Clerc"])
        // A serial comma leaves the joiner on the last part once the list is cut at its commas.
        XCTAssertEqual(names.markupAuthors("Dana A. Ford, Chien-Ming Wang, and Tom Watkins, CNN"), ["Dana A. Ford", "Chien-Ming Wang", "Tom Watkins"])
        XCTAssertEqual(names.splitNames("Ana Ruiz, Luis Gil, y Marta Sanz"), ["Ana Ruiz", "Luis Gil", "Marta Sanz"])
        XCTAssertEqual(names.markupAuthors("Andy"), ["Andy"], "a name that begins like a joiner stays")
        XCTAssertEqual(names.markupAuthors("| BY: Beachbody"), ["Beachbody"], "a separator before the label")
        // East Asian bylines: the name beside the reporter's role word, without the agency or the report kind.
        XCTAssertEqual(names.markupAuthors("記者林宸誼／即時報導"), ["林宸誼"])
        XCTAssertEqual(names.markupAuthors("聯合報 記者林宸誼／台北即時報導"), ["林宸誼"])
        XCTAssertEqual(names.markupAuthors("스포츠조선=선수민 기자"), ["선수민"])
        XCTAssertEqual(names.markupAuthors("[부산=스포츠조선 선수민 기자]"), ["선수민"], "a lead's brackets")
        XCTAssertEqual(names.markupAuthors("山田太郎記者"), ["山田太郎"])
        XCTAssertEqual(names.markupAuthors("本報記者 林宸誼"), ["林宸誼"], "the outlet before the role word is no name")
        XCTAssertNil(names.reporters.name(in: "經濟日報"), "no role word, no reporter")
        XCTAssertEqual(names.markupAuthors("• By: Jane Doe"), ["Jane Doe"])
        // A news agency after a person is the source; named alone it is the author.
        XCTAssertEqual(names.markupAuthors("Jane Doe, Reuters"), ["Jane Doe"])
        XCTAssertEqual(names.markupAuthors("Reuters"), ["Reuters"])
        XCTAssertEqual(names.markupAuthors("robert.stitz"), ["Robert Stitz"])
        XCTAssertEqual(names.markupAuthors("c1ph4"), ["c1ph4"])
        XCTAssertEqual(names.markupAuthors("Staff"), [])
        XCTAssertEqual(names.markupAuthors("cipha[at]cipha.net"), [])
        XCTAssertEqual(names.markupAuthors("Auteur:"), [])
    }

    func testTitleCleaner() {
        let cleaner = TitleCleaner(separators: MarkupVocabulary.bundled.titleSeparators)
        XCTAssertEqual(cleaner.removingSiteName("EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt", siteNames: ["Umweltbundesamt"]),
                       "EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig")
        // No site name known: a short last part after a strong separator goes; after a weak one (": ") it stays.
        XCTAssertEqual(cleaner.removingSiteName("A long headline here - Site", siteNames: []), "A long headline here")
        XCTAssertEqual(cleaner.removingSiteName("A long headline: here it is", siteNames: []), "A long headline: here it is")
        XCTAssertEqual(cleaner.removingSiteName(" | Some Site", siteNames: ["Some Site"]), "", "an empty headline before the site's name")
        // Chinese, Japanese and Korean titles join their site's name without spaces.
        XCTAssertEqual(cleaner.removingSiteName("蔡健雅_百度百科", siteNames: []), "蔡健雅")
        XCTAssertEqual(cleaner.removingSiteName("短缺药品保供稳价 全力保障临床用药需求-新华网", siteNames: []), "短缺药品保供稳价 全力保障临床用药需求")
        XCTAssertEqual(cleaner.removingSiteName("米朝首脳直通電話 （写真＝ロイター） ：日本経済新聞", siteNames: ["日本経済新聞 電子版"]),
                       "米朝首脳直通電話 （写真＝ロイター）")
        // A speaker before a colon, names joined by a dash: the headline's own punctuation.
        XCTAssertEqual(cleaner.removingSiteName("习近平：坚持改革开放不动摇", siteNames: []), "习近平：坚持改革开放不动摇")
        XCTAssertEqual(cleaner.removingSiteName("速報：東京で震度５弱の地震", siteNames: []), "速報：東京で震度５弱の地震")
        XCTAssertEqual(cleaner.removingSiteName("中国-东盟博览会在南宁开幕", siteNames: []), "中国-东盟博览会在南宁开幕")
        XCTAssertEqual(cleaner.removingSiteName("COVID-19 cases rise again in the north", siteNames: []), "COVID-19 cases rise again in the north")
        XCTAssertEqual(cleaner.removingSiteName("新冠-19例", siteNames: []), "新冠-19例", "a digit after the dash is no CJK word")
        XCTAssertEqual(cleaner.removingSiteName("Some Site", siteNames: ["Some Site"]), "Some Site", "the site's name alone stays")
        XCTAssertEqual(cleaner.removingSiteName("New court files expose a spy operation -- Sott.net", siteNames: ["Sott.net"]),
                       "New court files expose a spy operation")
        // The markup's own headline loses only a part naming the site, and only one that is the name.
        XCTAssertEqual(cleaner.removingNamedSite("Five Lessons for Business - BusinessWeek", siteNames: ["BusinessWeek"]), "Five Lessons for Business")
        XCTAssertNil(cleaner.removingNamedSite("Welpen kaufen – Tipps zu jeder Hunderasse", siteNames: ["Welpen"]))
        XCTAssertNil(cleaner.removingNamedSite("Liverpool - Arsenal", siteNames: ["Liverpool FC"]), "a piece of the name is the headline's")
        XCTAssertEqual(cleaner.removingNamedSite("Halloween Workouts - My Magazine - Art, Design", siteNames: ["My Magazine - Art, Design"]),
                       "Halloween Workouts", "a name holding a separator goes whole")
        XCTAssertEqual(cleaner.removingNamedSite("BMAS - Änderung der Nachweise", siteNames: ["www.bmas.de"]), "Änderung der Nachweise")
        XCTAssertEqual(cleaner.removingSiteName("Headline words here -- Part 2 - CNN", siteNames: []), "Headline words here -- Part 2")
        XCTAssertNil(cleaner.removingNamedSite("A long headline here - Site", siteNames: []))
        // Section tails come off one after another; a dash is not a section separator.
        XCTAssertEqual(cleaner.removingSectionTails("Council agrees budget | Local news | The Paper"), "Council agrees budget")
        XCTAssertEqual(cleaner.removingSectionTails("Council agrees budget - The Paper"), "Council agrees budget - The Paper")
        XCTAssertEqual(cleaner.texts(for: .sectionTail), [" | ", " || ", " :: ", " » "])
    }

    func testDeclaredArticlePartsAreSingleClassSelectors() {
        XCTAssertEqual(JSONLDReader.classNames(".paywall"), ["paywall"])
        XCTAssertEqual(JSONLDReader.classNames([".Paywall-Content", "div.article-payant"]), ["paywall-content", "article-payant"])
        XCTAssertEqual(JSONLDReader.classNames(".a, .b"), ["a", "b"])
        // Descendant, id and attribute selectors name no element by one class.
        XCTAssertEqual(JSONLDReader.classNames(["main .article-page", "#content h2", "[data-page=\"1\"]", ".x > p", "h1"]), [])
        XCTAssertEqual(JSONLDReader.classNames(42), [])
    }

    /// `<main>` is the page's own content even where an element left open before it (a flyout's
    /// `<aside>`) holds it in the parsed tree: its labelled `<time>` dates the page, not the match
    /// schedule shown above it.
    func testMainInsideAnUnclosedAsideIsStillThePagesContent() throws {
        let meta = try tagged("""
        <html><head><title>Budget vote delayed again</title></head><body>
        <div class="games">Donnerstag, 10. Februar 2022 - 19:05</div><aside class="flyout"><div>Tabelle</div>
        <main><article><p>Veröffentlichung: <time datetime="2022-02-02T10:38:15+01:00">2. Februar 2022</time></p>
        <h1>Budget vote delayed again</h1><p>The council delayed its vote on the budget again on Monday.</p></article></main></body></html>
        """)
        XCTAssertEqual(meta.date, "2022-02-02")
        XCTAssertEqual(meta.evidence["date"]?.rule, "time[datetime]")
    }

    /// Under the headline, a date element whose class says publication (`penci-posted-on`) is the
    /// page's dateline, above a top bar's date of today; and WordPress's `entry-date published updated`
    /// on a post's one `<time>` is its publication, not an update.
    func testAPublishedClassUnderTheHeadlineDatesThePageAndWordPressPublishedUpdatedIsThePublication() throws {
        let paragraphs = MetadataStageTests.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        func date(meta: String) throws -> String? {
            let html = #"<html><head><title>Budget vote delayed again</title></head><body><div class="penci-topbar"><div class="topbar_item topbar_date">November 24, 2025</div></div>"#
                + #"<article><h1>Budget vote delayed again</h1><div class="entry-meta">\#(meta)</div>\#(paragraphs)</article></body></html>"#
            return try XCTUnwrap(cleanHTML(html)).metadata.date
        }
        let time = #"<time class="entry-date published updated" datetime="2025-11-21T15:34:26+02:00">November 21, 2025</time>"#
        XCTAssertEqual(try date(meta: #"<span class="entry-meta-item penci-posted-on"><i class="fa fa-clock-o"></i>\#(time)</span>"#), "2025-11-21")
        XCTAssertEqual(try date(meta: #"<span class="entry-meta-item">\#(time)</span>"#), "2025-11-21")
        // Two `<time>`s, as WordPress prints an updated post: the `published` one is the date.
        XCTAssertEqual(try date(meta: #"<span class="entry-meta-item"><time class="entry-date published" datetime="2025-11-21T15:34:26+02:00">November 21, 2025</time>"#
                                   + #"<time class="updated" datetime="2025-11-23T09:00:00+02:00">November 23, 2025</time></span>"#), "2025-11-21")
    }

    /// Right under the headline, a `<time>` in the article's own meta column (`<aside>` inside the
    /// `<article>`) is the page's dateline (the sidebar's two days are other stories').
    func testADatelineUnderTheHeadlineInAMetaColumnOrSocialRowCounts() throws {
        let paragraphs = MetadataStageTests.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        func date(meta: String) throws -> String? {
            let html = #"<html><head><title>Budget vote delayed again</title></head><body>"#
                + #"<main><article><h1>Budget vote delayed again</h1>\#(meta)\#(paragraphs)</article>"#
                + #"<aside class="recent"><ul><li><a href="/a">Another story</a> 3. Mai 2020</li><li><a href="/b">A third story</a> 5. Mai 2020</li></ul></aside></main></body></html>"#
            return try XCTUnwrap(cleanHTML(html)).metadata.date
        }
        XCTAssertEqual(try date(meta: #"<aside><section class="meta"><time datetime="2020-04-24T08:30:00+01:00">24. April 2020 <br> 08:30 Uhr</time></section></aside>"#),
                       "2020-04-24")
    }

    /// WordPress's default theme closes a post with "This entry was posted on …" ("Der Beitrag wurde am
    /// … veröffentlicht" in German): a labelled publication line, above an event's date in the story.
    func testWordPressPostedOnLineDatesThePost() throws {
        let meta = try tagged("""
        <html><head><title>Tastings in 2020</title></head><body><div class="post"><h2>Tastings in 2020</h2>
        <div class="entry"><p>Auch im Jahr 2020 wird es wieder Termine für Verkostungen geben.</p><p>Termin: 21.02.2020, 19 Uhr</p>
        <p class="postmetadata alt">Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht.</p></div></div></body></html>
        """)
        XCTAssertEqual(meta.date, "2019-11-27")
    }

    /// Teasers after the story, each an `<article itemscope itemtype="…/NewsArticle">` with its own
    /// `<time itemprop="datePublished">`: another story's item, its date none of this page's, however
    /// deep in the page's layout (class words skip only a few levels down) it sits.
    func testAnArticleItemPastTheHeaderIsAnotherStorysItem() throws {
        // Three times the story: the teasers stand past the article's header.
        let paragraphs = String(repeating: MetadataStageTests.body, count: 3).split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let teaser = #"<div class="row"><div class="rows"><div class="content"><div class="row"><div class="col">"#
            + #"<article class="column" itemscope itemtype="https://schema.org/NewsArticle"><a href="/other"><h2 itemprop="headline">Another story</h2></a>"#
            + #"<time itemprop="datePublished" datetime="2025-04-16T13:41:52+02:00"></time></article></div></div></div></div></div>"#
        let html = #"<html><head><title>Budget vote delayed again</title></head><body><main><article><h1>Budget vote delayed again</h1>"#
            + #"<div class="meta"><span class="dateGroup"><span class="dateLabel">Offentliggjort</span>"#
            + #"<time datetime="2025-02-06T19:25:34.000Z">torsdag 06. feb 2025 17:25</time></span></div>\#(paragraphs)</article>"#
            + #"<section class="related">\#(teaser)\#(teaser)</section></main></body></html>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.date, "2025-02-06")
    }

    /// A ratings box after a WordPress post (WP-PostRatings) holds an `Article` item with the post's own
    /// headline, date and author: the page's own item, read wherever it stands.
    func testAnArticleItemRepeatingThePagesHeadlineIsThePagesOwn() throws {
        let paragraphs = String(repeating: MetadataStageTests.body, count: 3).split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let html = #"<html><head><title>Tote Hummeln unter Linden</title></head><body><div class="post"><h1>Tote Hummeln unter Linden</h1>\#(paragraphs)"#
            + #"<span class="post-ratings" itemscope itemtype="http://schema.org/Article"><strong>War der Artikel nützlich?</strong>"#
            + #"<meta itemprop="headline" content="Tote Hummeln unter Linden" /><meta itemprop="datePublished" content="2017-08-09T10:59:19+02:00" />"#
            + #"<meta itemprop="author" content="Cornel" /></span></div></body></html>"#
        let meta = try XCTUnwrap(cleanHTML(html)).metadata
        XCTAssertEqual(meta.date, "2017-08-09")
        XCTAssertEqual(meta.authors, ["Cornel"])
    }

    /// A later part of `<title>` that is a date names the story's day ("… | Europa | DW | 28.04.2023"),
    /// above a teaser's `<time>`; a day in the headline part names what the story is about.
    func testADateAsALaterPartOfTheTitleDatesThePage() throws {
        let cleaner = TitleCleaner(separators: MarkupVocabulary.bundled.titleSeparators)
        XCTAssertEqual(cleaner.datedPart(of: "Ukrainische Gegenoffensive: Ziele, Chancen, Risiken | Europa | DW | 28.04.2023"), "28.04.2023")
        XCTAssertEqual(cleaner.datedPart(of: "Ein Quantensprung für Nordhausen Nord : 06.11.2023, 11.41 Uhr"), "06.11.2023, 11.41 Uhr")
        XCTAssertNil(cleaner.datedPart(of: "Bericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?"))
        XCTAssertNil(cleaner.datedPart(of: "COVID-19: 12000 new cases | Site"), "no year's four digits")
        XCTAssertNil(cleaner.datedPart(of: "2023-06-13"), "a date's own hyphens are no separator")
        XCTAssertNil(cleaner.datedPart(of: "Olympic dreams | Paris 2024"), "a year alone is no day")
        // The title keeps the headline: a dated last part goes with the section tails.
        XCTAssertEqual(cleaner.removingSectionTails("Post-Vac-Syndrom: Was wissen wir? – DW – 13.06.2023"), "Post-Vac-Syndrom: Was wissen wir? – DW")
        XCTAssertEqual(cleaner.removingSectionTails("The best laptops - 2024 edition"), "The best laptops - 2024 edition")
        let paragraphs = String(repeating: MetadataStageTests.body, count: 3).split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        func date(title: String) throws -> String? {
            let html = #"<html><head><title>\#(title)</title></head><body><main><h1>Budget vote delayed again</h1>"#
                + #"<div class="time-area"><time aria-hidden="true">vor 3 Stunden</time></div>\#(paragraphs)"#
                + #"<div class="teaser"><a href="/other">Another story</a><span class="date"><time>27.02.2016</time></span></div></main></body></html>"#
            return try XCTUnwrap(cleanHTML(html)).metadata.date
        }
        XCTAssertEqual(try date(title: "Budget vote delayed again – DW – 13.06.2023"), "2023-06-13")
        XCTAssertNotEqual(try date(title: "Budget vote delayed again – DW"), "2023-06-13", "without it nothing names the day")
    }

    /// With no markup naming the site, the name `<title>` ends with leaves the markup's headline too
    /// when the page's host spells it; a tail the host does not spell may be the headline's own.
    func testATitleSuffixTheHostSpellsLeavesTheMarkupsHeadline() throws {
        func title(_ head: String, url: String) throws -> String? {
            let html = #"<html><head><title>\#(head)</title><meta property="og:title" content="\#(head)">"#
                + #"<link rel="canonical" href="\#(url)"></head><body><main><p>\#(MetadataStageTests.body)</p></main></body></html>"#
            return try XCTUnwrap(cleanHTML(html)).metadata.title
        }
        XCTAssertEqual(try title("Hlavní aktér Dozimetru prodává vilu. Rodina neuspěla - Seznam Zprávy", url: "https://www.seznamzpravy.cz/clanek/x-1"),
                       "Hlavní aktér Dozimetru prodává vilu. Rodina neuspěla")
        XCTAssertEqual(try title("Netz-Spott über FDP - Generalsekretär tritt zurück", url: "https://www.freiepresse.de/politik/x-1"),
                       "Netz-Spott über FDP - Generalsekretär tritt zurück")
    }

    /// WordPress's `entry-date` is the post's own date: tagDiv's themes print `entry-date updated` on their
    /// one `<time>` (the microformat's required class). It beats the header's today's-date widget.
    func testAnEntryDateMarkedUpdatedIsThePublication() throws {
        let paragraphs = MetadataStageTests.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let html = #"<html><head><title>Mexico to fight steel tariffs</title></head><body><div class="tdb_header_date"><div class="tdb-head-date-txt">Wednesday, April 16, 2025</div></div>"#
            + #"<article><h1>Mexico to fight steel tariffs</h1><div class="tdb_single_date"><time class="entry-date updated td-module-date" datetime="2025-02-11T12:28:25-06:00">February 11, 2025</time></div>\#(paragraphs)</article></body></html>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.date, "2025-02-11")
        // A plain `updated` time beside the post's `entry-date published` one stays the update.
        let both = #"<html><head><title>Mexico to fight steel tariffs</title></head><body><article><h1>Mexico to fight steel tariffs</h1>"#
            + #"<time class="updated" datetime="2025-03-01T10:00:00Z">March 1, 2025</time> <time class="entry-date published" datetime="2025-02-11T12:28:25-06:00">February 11, 2025</time>\#(paragraphs)</article></body></html>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(both)).metadata.date, "2025-02-11")
    }
}
