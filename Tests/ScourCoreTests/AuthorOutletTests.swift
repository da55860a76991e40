import XCTest
@testable import ScourCore

/// Authors and outlets as names: labels and captions refused, initials resolved, outlets read as
/// publication names (no ©, years, company suffixes or bare hosts), and an outlet's dateline
/// taken out of the body. Pages go through the whole pipeline.
final class AuthorOutletTests: XCTestCase {
    static let body = MetadataStageTests.body

    // MARK: outlets

    func testTitleSuffixNamesTheOutletBeforeTheCopyrightLine() throws {
        let html = page(head: "<title>Budget vote delayed again - Metro Herald</title>",
                        footer: "<p>© 2019\u{00A0}Herald Holdings Company. All rights reserved.</p>")
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.outlet, "Metro Herald")
        XCTAssertEqual(document.metadata.evidence["outlet"]?.rule, "title")
        XCTAssertEqual(document.metadata.title, "Budget vote delayed again")
    }

    /// Korean and Japanese sites write the sign as a circled c, and "Copyrights" for the word.
    func testACircledCIsTheCopyrightSign() throws {
        let html = page(head: "<title>Budget vote delayed again</title>", footer: "<p>Copyrights ⓒ 스포츠조선. 무단 전재 및 재배포 금지</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.outlet, "스포츠조선")
        XCTAssertEqual(OutletCheck.problems("ⓒ 스포츠조선"), ["copyright"])
        XCTAssertEqual(OutletCheck.problems("Ⓒ 스포츠조선"), ["copyright"])
        for footer in ["ⓒ 스포츠조선, 무단 전재 및 재배포 금지", "Copyright Ⓒ 스포츠조선."] {
            let signed = page(head: "<title>Budget vote delayed again</title>", footer: "<p>\(footer)</p>")
            XCTAssertEqual(try XCTUnwrap(cleanHTML(signed)).metadata.outlet, "스포츠조선", footer)
        }
    }

    func testCopyrightHolderLosesSignYearNoBreakSpacesAndCompanySuffix() throws {
        let nytimes = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\n\(Self.body)\n\n©\u{00A0}2019\u{00A0}The New York Times Company"))
        XCTAssertEqual(nytimes.metadata.outlet, "The New York Times")
        let hearst = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\n\(Self.body)\n\nCopyright 2005-2021 Hearst Communications, Inc. All rights reserved."))
        XCTAssertEqual(hearst.metadata.outlet, "Hearst Communications")
        // A picture's credit is no copyright line of the site.
        let credit = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\n\(Self.body)\n\nFoto © EnBW"))
        XCTAssertNotEqual(credit.metadata.outlet, "EnBW")
    }

    func testMarkupOutletIsCleanedAndABareHostBecomesItsName() throws {
        let signed = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"Guineenews©\">")))
        XCTAssertEqual(signed.metadata.outlet, "Guineenews")
        let host = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"www.metroherald.com\">",
                                                footer: "<p>Read more on MetroHerald every day.</p>")))
        XCTAssertEqual(host.metadata.outlet, "MetroHerald", "the host's name as the page spells it, not the host")
        XCTAssertEqual(OutletCheck.problems(host.metadata.outlet ?? ""), [])
        // A long last label belongs to the name: "jungle.world" is "Jungle World" where the page says so.
        let vanity = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"jungle.world\">",
                                                  footer: "<p>Jungle World appears every Thursday.</p>")))
        XCTAssertEqual(vanity.metadata.outlet, "Jungle World")
        // The site's address as its name: the host, read as above; never the address itself.
        for address in ["https://metroherald.com", "http://www.metroherald.com/", "HTTPS://MetroHerald.com"] {
            let named = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"\(address)\">",
                                                     footer: "<p>Read more on MetroHerald every day.</p>")))
            XCTAssertEqual(named.metadata.outlet, "MetroHerald", address)
            XCTAssertEqual(OutletCheck.problems(named.metadata.outlet ?? ""), [], address)
        }
    }

    /// A site name with a tagline ("LinkNaija | Nigeria's popular news platform"): the part the
    /// page's host spells is the name, wherever it stands; with no part or two parts fitting the
    /// host, the value is read as before.
    func testTheHostPicksTheNameOutOfASiteNameWithATagline() throws {
        func outlet(_ siteName: String, url: String) throws -> String? {
            let head = "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"\(siteName)\">"
                + "<link rel=\"canonical\" href=\"\(url)\">"
            return try XCTUnwrap(cleanHTML(page(head: head))).metadata.outlet
        }
        XCTAssertEqual(try outlet("LinkNaija | Nigeria's popular news platform", url: "https://www.linknaija.com/2018/10/a.html"), "LinkNaija")
        XCTAssertEqual(try outlet("Noticias de El Salvador - La Prensa Gráfica | Informate", url: "https://www.laprensagrafica.com/a"),
                       "La Prensa Gráfica")
        XCTAssertEqual(try outlet("Metro Herald | Metro News", url: "https://metronews.example/a"), "Metro Herald | Metro News")
        XCTAssertEqual(try outlet("Metro Herald | Daily News", url: "https://example.org/a"), "Metro Herald | Daily News", "no part fits")
        XCTAssertEqual(try outlet("Sott.net -- Signs of the Times", url: "https://www.sott.net/a"), "Sott.net")
        XCTAssertEqual(try outlet("プレスリリース配信シェアNo.1｜PR TIMES", url: "https://prtimes.jp/main/a.html"), "PR TIMES")
    }

    /// A title's last part in a script no host spells is the outlet without the host test; a
    /// section's path there is not.
    func testATitlesNameInAnotherScriptNeedsNoHost() throws {
        func outlet(_ title: String) throws -> String? {
            let head = "<title>\(title)</title><link rel=\"canonical\" href=\"http://www.news.cn/fortune/2023-11/17/c_1.htm\">"
            return try XCTUnwrap(cleanHTML(page(head: head))).metadata.outlet
        }
        XCTAssertEqual(try outlet("短缺药品保供稳价 全力保障临床用药需求-新华网"), "新华网")
        XCTAssertEqual(try outlet("노경은, 4⅓이닝 8실점 부진 - 스포츠 > 스포츠 포토"), "News", "a section path is no name; the host is")
        XCTAssertEqual(try outlet("Путин провел совещание по вопросам экономики - Политика"), "News", "a section in Cyrillic is tested against the host")
    }

    /// A dotted company form between two names is a person's initials.
    func testInitialsThatSpellACompanyFormStayAName() {
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertFalse(names.isOrganization("James S.A. Corey", siteKeys: []))
        for company in ["Apple Inc. Newsroom", "Acme Ltd. Staff", "Editorial Prensa S.A., Madrid", "Prensa S.A. (Madrid)", "S.A. Corey"] {
            XCTAssertTrue(names.isOrganization(company, siteKeys: []), company)
        }
        XCTAssertTrue(names.isOrganization("Editorial Prensa S.A.", siteKeys: []))
        XCTAssertTrue(names.isOrganization("Web Commerce GmbH", siteKeys: []))
    }

    func testTextRulesNameNoDateAndNoPlaceAsOutlet() throws {
        let published = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\n\(Self.body)\n\nFirst published on November 19, 2019 / 8:16 AM"))
        XCTAssertNotEqual(published.metadata.outlet, "November 19, 2019 / 8:16 AM")
        for place in ["CLEVELAND, Ohio – ", "LONDON (Reuters) - ", "Dekalb, Ill. — "] {
            let document = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\n\(place)\(Self.body)"))
            XCTAssertNil(document.metadata.outlet, place)
            XCTAssertTrue(document.blocks.contains { $0.isKept && $0.text.hasPrefix(place) }, "a place's dateline stays in the body: \(place)")
        }
    }

    func testOutletDatelineLeavesTheBody() throws {
        let document = try XCTUnwrap(TestSupport.clean("Headline of the piece\n\nDaily Planet Online—\(Self.body)"))
        XCTAssertEqual(document.metadata.outlet, "Daily Planet Online")
        let kept = document.blocks.filter(\.isKept).map(\.text)
        XCTAssertTrue(kept.contains { $0.hasPrefix("The council met on Tuesday") }, "\(kept)")
        XCTAssertFalse(kept.contains { $0.contains("Daily Planet Online") })
        // The markup's outlet, spelt in other case, is the same name.
        let html = page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"Metro Herald\">",
                        header: "<p>METRO HERALD - The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes.</p>")
        let marked = try XCTUnwrap(cleanHTML(html))
        XCTAssertTrue(marked.blocks.contains { $0.isKept && $0.text.hasPrefix("The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes.") })
    }

    func testOutletCheckNamesEachProblem() {
        XCTAssertEqual(OutletCheck.problems("The Herald"), [])
        XCTAssertEqual(OutletCheck.problems("Space.com"), [], "a brand the site spells with capitals")
        XCTAssertEqual(OutletCheck.problems("© 2019\u{00A0}The New York Times Company"), ["copyright", "year", "no-break space", "company suffix"])
        XCTAssertEqual(OutletCheck.problems("example.com"), ["bare host"])
        XCTAssertEqual(OutletCheck.problems("Www.bmas.de"), ["bare host"])
        XCTAssertEqual(OutletCheck.problems("Https://pawszilla.com"), ["address"])
    }

    // MARK: authors

    func testLabelsAndCaptionsAreNoAuthors() throws {
        let html = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"Image title\">",
                        header: "<div class=\"author\">Getty Images</div><div class=\"byline\">By Jane Doe</div>")
        // "Posted on … by …" in an author element: the name after "by".
        let posted = page(head: "<title>Budget vote delayed again</title>",
                          header: "<div class=\"author\">Posted on September 21, 2020 by Adi Tzlil</div>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(posted)).metadata.authors, ["Adi Tzlil"])
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.authors, ["Jane Doe"])
        // The rest of a date in an author element ("25. Oktober 2023" less its year) is no name.
        let dated = page(head: "<title>Budget vote delayed again</title>",
                         header: "<div class=\"author\">25. Oktober 2023</div><div class=\"byline\">By Jane Doe</div>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(dated)).metadata.authors, ["Jane Doe"])
        // A handle with digits is a name a site may show.
        XCTAssertEqual(PersonNames(words: TestSupport.resources.metadataWords, stopwords: []).markupAuthors("anaya60"), ["anaya60"])
    }

    /// A site's address line in the author meta ("hessenschau.de, Frankfurt, Germany"): beside the
    /// site's name, one-word parts are places, not people; a share button's network is nobody.
    func testASitesAddressAndASocialNetworkAreNoAuthors() throws {
        let address = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"budgetnews.de, Frankfurt, Germany\">",
                           header: "<div class=\"byline\">By Jane Doe</div>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(address)).metadata.authors, ["Jane Doe"])
        // A person beside the site's name stays.
        let person = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"Max Muster, budgetnews.de\">")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(person)).metadata.authors, ["Max Muster"])
        let social = page(head: "<title>Budget vote delayed again</title>",
                          header: "<div class=\"author-info\"><a href=\"https://twitter.com/x\">Twitter</a> <a href=\"https://facebook.com/x\">Facebook</a></div><p><strong>Jane Doe</strong></p>")
        XCTAssertFalse(try XCTUnwrap(cleanHTML(social)).metadata.authors.contains { $0.contains("Facebook") || $0.contains("Twitter") })
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertEqual(names.markupAuthors("Nachrichten"), [])
        XCTAssertEqual(names.markupAuthors("Facebook"), [])
    }

    /// WordPress's "entry-meta" line gives the date first and the byline label inside it.
    func testABylineThatOpensWithItsDateNamesTheAuthorAfterTheLabel() throws {
        for (line, expected) in [("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
                                 ("Published 3 May 2021 By Jane Doe", ["Jane Doe"]),
                                 ("Posted on September 21, 2020", []),
                                 ("Posted on the front page by the editors", [])] {
            let cleaned = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>",
                                                       header: "<div class=\"entry-meta\">\(line)</div>")))
            XCTAssertEqual(cleaned.metadata.authors, expected, line)
        }
    }

    /// A byline paragraph right under a heading inside the article names the author when nothing else
    /// did, and leaves the body; a byline paragraph not under a heading, or after the markup named
    /// someone, does not. (A page's own `<title>`, no `<h1>`: the markup's byline rule does not see it.)
    func testABylineUnderAHeadingInsideTheArticleNamesTheAuthor() throws {
        func page(_ middle: String, head: String = "") -> String {
            "<html><head><title>History | Sounds of Silence</title>\(head)</head><body><div class=\"post\">"
                + "<p><em>The council met on Tuesday to discuss the new budget, which has been delayed for months by disputes over spending.</em></p>"
                + middle
                + "<p>Members said the plan would be voted on next week, after a final round of talks with the unions and the city.</p>"
                + "<p>The mayor said the city would wait for the unions before any vote was held on the plan this year.</p></div></body></html>"
        }
        let headed = try XCTUnwrap(cleanHTML(page("<h2>The budget</h2><h4>A long story</h4><p> von <em>Klaus Stanjek</em></p>")))
        XCTAssertEqual(headed.metadata.authors, ["Klaus Stanjek"])
        XCTAssertEqual(headed.metadata.evidence["authors"]?.rule, "headed-byline")
        XCTAssertFalse(headed.bodyText.contains("Stanjek"))
        let unheaded = try XCTUnwrap(cleanHTML(page("<p>A long story</p><p> von <em>Klaus Stanjek</em></p>")))
        XCTAssertNotEqual(unheaded.metadata.evidence["authors"]?.rule, "headed-byline")
        let named = try XCTUnwrap(cleanHTML(page("<h2>The budget</h2><p> von <em>Klaus Stanjek</em></p>", head: "<meta name=\"author\" content=\"Maria Lopez\">")))
        XCTAssertEqual(named.metadata.authors, ["Maria Lopez"])
    }

    func testADateLineAboveTheHeadlineGivesDateAndNameAndLeavesTheBody() throws {
        func kicker(_ line: String, head: String = "<title>Budget vote delayed again</title>") -> String {
            let paragraphs = Self.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
            return "<html><head>\(head)</head><body><article><p>\(line)</p><h1>Budget vote delayed again</h1>\(paragraphs)"
                + "<p>The mayor said the city would wait for the unions before any vote was held on the plan this year.</p></article></body></html>"
        }
        let piped = try XCTUnwrap(cleanHTML(kicker("04.02.2022 | 13:10 Uhr | Uta Helkenberg")))
        XCTAssertEqual(piped.metadata.authors, ["Uta Helkenberg"])
        XCTAssertEqual(piped.metadata.evidence["authors"]?.rule, "date-line-name")
        XCTAssertEqual(piped.metadata.date, "2022-02-04")
        XCTAssertFalse(piped.bodyText.contains("Helkenberg"))
        // A labelled segment gives the name without its label.
        let labelled = try XCTUnwrap(cleanHTML(kicker("Accueil | Par Loïc Le Clerc | 30 septembre 2018")))
        XCTAssertEqual(labelled.metadata.authors, ["Loïc Le Clerc"])
        // Two name-like segments say nothing about which one wrote the text; a section name is no person.
        let two = try XCTUnwrap(cleanHTML(kicker("Jane Doe | John Roe | 3 May 2021")))
        XCTAssertEqual(two.metadata.authors, [])
        XCTAssertFalse(two.bodyText.contains("John Roe"))
        let section = try XCTUnwrap(cleanHTML(kicker("01.02.2022 | Breuninger-Meeting")))
        XCTAssertEqual(section.metadata.authors, [])
        // The markup's author comes first; a line above the headline without a date stays in the body.
        let named = try XCTUnwrap(cleanHTML(kicker("04.02.2022 | Uta Helkenberg", head: "<meta name=\"author\" content=\"Maria Lopez\">")))
        XCTAssertEqual(named.metadata.authors, ["Maria Lopez"])
        let undated = try XCTUnwrap(cleanHTML(kicker("The council met on a cold morning and the vote was put off once more by the chair.")))
        XCTAssertTrue(undated.bodyText.contains("cold morning"))
    }

    /// A list of topic links after the story, one link a line, may hold a person's name among its topics
    /// ("War in Ukraine", "Mark Rutte", "Volodymyr Zelensky"): a tag, no signature. A name linked alone signs.
    func testANameInAListOfTopicLinksAfterTheStorySignsNothing() throws {
        let topics = ["War in Ukraine", "Mark Rutte", "Volodymyr Zelensky", "UK defence spending"].enumerated()
            .map { "<p><a href=\"/topics/\($0.offset)\">\($0.element)</a></p>" }.joined()
        let tagged = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article><footer>", with: topics + "</article><footer>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(tagged)).metadata.authors, [])
        let signed = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(
            of: "</article><footer>", with: "<p><a href=\"/people/jane-doe\">Jane Doe</a></p></article><footer>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(signed)).metadata.authors, ["Jane Doe"])
    }

    func testALabelledSignatureAfterTheArticleNamesTheAuthorEvenAsALink() throws {
        let signed = try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article><footer>", with: "<p><a href=\"mailto:gw@example.org\"><b>Von:</b> Götz Warnke</a></p></article><footer>")))
        XCTAssertEqual(signed.metadata.authors, ["Götz Warnke"])
        XCTAssertEqual(signed.metadata.evidence["authors"]?.rule, "closing-name")
        XCTAssertFalse(signed.bodyText.contains("Warnke"))
        // A link list after the article that names no one signs nothing.
        let menu = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(
            of: "</article><footer>", with: "<p><a href=\"/a\">Impressum</a> <a href=\"/b\">Kontakt</a></p></article><footer>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(menu)).metadata.authors, [])
        // A heading after the article opens the next section: its words are no signature, nor what follows it.
        for heading in ["<h3>Externe Links</h3>", "<h2>Angela Merkel</h2><p>Jane Doe</p>"] {
            let next = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article><footer>", with: heading + "</article><footer>")
            XCTAssertEqual(try XCTUnwrap(cleanHTML(next)).metadata.authors, [], heading)
        }
        let bare = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article><footer>", with: "<p>Marina Mucha</p></article><footer>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(bare)).metadata.authors, ["Marina Mucha"])
    }

    /// "gallery--wrapper__with-sidebar" is a wrapper that has a sidebar beside it, not a sidebar:
    /// the author element inside it is the article's. A real sidebar's is another text's. (A wrapper
    /// holding the headline itself is the page's layout, whatever its name: `ShownBylineTests`.)
    func testAWrapperWithASidebarIsNoSidebar() throws {
        let author = #"<div class="page-meta--author">Posted on September 21, 2020 by Adi Tzlil</div>"#
        // A taxonomy token ("category-socialmedia-social-web", WordPress's post classes) names what
        // the post is filed under, not a region; the same words after a space do.
        for wrapper in ["gallery--wrapper__with-sidebar", "has-sidebar", "post category-socialmedia-social-web tag-comments"] {
            let html = page(head: "<title>Budget vote delayed again</title>", header: author)
                .replacingOccurrences(of: "<body>", with: "<body><section class=\"\(wrapper)\">").replacingOccurrences(of: "</body>", with: "</section></body>")
            XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, ["Adi Tzlil"], wrapper)
        }
        for wrapper in ["sidebar", "post category-news social"] {
            let html = page(head: "<title>Budget vote delayed again</title>", header: "<section class=\"\(wrapper)\">\(author)</section>")
            XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, [], wrapper)
        }
    }

    /// A review's or a comment's microdata names that text's author and date, not the page's.
    func testAReviewsMicrodataIsNotThePages() throws {
        let review = #"<div itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author" content="Georg N."></span><span itemprop="datePublished" content="2020-04-10"></span></div>"#
        let html = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article>", with: review + "</article>")
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.authors, [])
        XCTAssertNil(document.metadata.date)
        let own = html.replacingOccurrences(of: "<h1>", with: #"<span itemprop="author" content="Jane Doe"></span><h1>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(own)).metadata.authors, ["Jane Doe"])
        // A comment list whose items are typed `Review` or `Comment` but hold no `itemprop`, with no
        // class saying "comment": after the headline such an item is a reader's text.
        for type in ["Review", "Comment"] {
            let comment = #"<section><article itemscope itemtype="http://schema.org/\#(type)"><div itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">link78</span></div><meta itemprop="datePublished" content="2019-02-12"></article></section>"#
            // (After a story longer than its header: the comments follow the article.)
            let story = String(repeating: "<p>The council will meet again next month to discuss the budget and the new library.</p>", count: 6)
            let commented = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "</article>", with: story + "</article>")
                .replacingOccurrences(of: "</body>", with: comment + "</body>")
            let read = try XCTUnwrap(cleanHTML(commented))
            XCTAssertEqual(read.metadata.authors, [], type)
            XCTAssertNil(read.metadata.date, type)
        }
        // A review page whose own item opens under the headline keeps its author.
        let underHeadline = page(head: "<title>Budget vote delayed again</title>")
            .replacingOccurrences(of: "</h1>", with: #"</h1><div itemscope itemtype="https://schema.org/Review"><span itemprop="author">Jane Doe</span></div>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(underHeadline)).metadata.authors, ["Jane Doe"])
        // A review page whose own item holds the headline keeps its author.
        let reviewPage = page(head: "<title>Budget vote delayed again</title>")
            .replacingOccurrences(of: "<article>", with: #"<article itemscope itemtype="https://schema.org/Review"><span itemprop="author" content="Jane Doe"></span>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(reviewPage)).metadata.authors, ["Jane Doe"])
    }

    /// East Asian credits without a class to mark them: the reporter in brackets opening the lead,
    /// and the reporter beside the date of the dateline (over a `meta author` that is the site's name).
    func testAReporterInTheLeadsBracketsOrBesideTheDate() throws {
        let korean = """
        <html lang="ko"><head><title>노경은 부진</title></head><body><article><h1>노경은, 4⅓이닝 8실점 부진… 난타에 야수 실책 겹쳤다</h1>
        <p>[부산=스포츠조선 선수민 기자] 롯데 자이언츠 베테랑 투수 노경은이 무너졌다.</p>
        <p>노경은은 27일 부산 사직구장에서 열린 키움 히어로즈와의 경기에 선발 등판해 4⅓이닝 10안타 1볼넷 2탈삼진 8실점을 기록했다. 팀은 초반부터 끌려가며 어려운 경기를 펼쳤고 야수들의 실책까지 겹치면서 분위기를 바꾸지 못했다.</p>
        <p>노경은은 1회초 서건창을 1루수 땅볼로 처리했다. 하지만 김하성에게 던진 패스트볼이 높게 몰려 좌월 솔로 홈런을 맞았다. 이어 에디슨 러셀에게도 안타를 허용하며 흔들렸고 결국 추가 실점을 막지 못했다.</p>
        </article></body></html>
        """
        let lead = try XCTUnwrap(cleanHTML(korean))
        XCTAssertEqual(lead.metadata.authors, ["선수민"])
        XCTAssertEqual(lead.metadata.evidence["authors"]?.rule, "lead-credit")
        XCTAssertTrue(lead.bodyText.contains("[부산=스포츠조선 선수민 기자]"), "the lead keeps its text")
        XCTAssertNil(MetadataContext.leadBrackets("[부산 Live] 노경은") .flatMap { PersonNames(words: TestSupport.resources.metadataWords, stopwords: []).reporters.name(in: $0) })
        let chinese = """
        <html lang="zh-TW"><head><title>索尼申請</title><meta name="author" content="經濟日報"><meta property="og:site_name" content="經濟日報"></head>
        <body><article><h1>索尼與鎧俠向美申請繼續供貨華為</h1><div><span>2020-10-04 15:05</span>聯合報 記者林宸誼／即時報導</div>
        <p>日本產經新聞報導，日本電子產品製造商索尼與記憶體製造商、前身名為東芝的鎧俠，已經向美國華府申請繼續為大陸華為供貨，等待美國商務部的批准，目前仍沒有結果。</p>
        <p>報導指出，截至10月3日，沒有跡象顯示這兩家公司的申請已獲得批准，他們連同南韓三星電子和SK海力士正等待美國商務部的回覆，業界人士密切關注後續的發展。</p>
        </article></body></html>
        """
        XCTAssertEqual(try XCTUnwrap(cleanHTML(chinese)).metadata.authors, ["林宸誼"])
        // "【記者会見】" (a press conference) names neither a place, an agency nor a kind of report.
        let japanese = korean.replacingOccurrences(of: "[부산=스포츠조선 선수민 기자]", with: "【記者会見】")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(japanese)).metadata.authors, [])
        let roleLast = korean.replacingOccurrences(of: "[부산=스포츠조선 선수민 기자]", with: "[스포츠서울 김민수 기자]")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(roleLast)).metadata.authors, ["김민수"], "the role word closing the credit")
    }

    /// A byline linking to the author's page right under the headline names the author, though its
    /// row's class names comment and social widgets; the same row after the story names nobody.
    func testAnAuthorLinkUnderTheHeadlineCountsInASocialRow() throws {
        let row = #"<div class="entry-meta nyo-social-comments">By <span><a href="/author/alexandra-tremayne/">Alexandra Tremayne</a></span></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: row))).metadata.authors,
                       ["Alexandra Tremayne"])
        let story = String(repeating: "<p>The council will meet again next month to discuss the budget and the new library.</p>", count: 6)
        let late = page(head: "<title>Budget vote delayed again</title>", header: story + row)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(late)).metadata.authors, [])
    }

    /// An author element shows a credit or a quoted phrase: no author, where a name would be one.
    func testAnAuthorElementThatShowsACreditNamesNobody() throws {
        for (shown, expected) in [("© Jupiterimages/iStockphoto", [String]()), ("„Bikepark Feeling“ zu sprechen", []),
                                  ("Geprüft von Dr. med. Stefan Frädrich und Team", []), ("Actualizado el 08/05/2022 02:14 a.m.", []),
                                  ("Anna Schmidt", ["Anna Schmidt"])] {
            let html = page(head: "<title>Budget vote delayed again</title>", header: "<p class=\"author\">\(shown)</p>")
            XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, expected, shown)
        }
    }

    /// An author box's screen-reader phrase, job title, section link and contact button are not part
    /// of the name it shows; a box that shows nothing else names nobody.
    func testAnAuthorElementReadsWithoutItsHiddenTextJobSectionAndButton() throws {
        let cases: [(String, [String])] = [
            (#"<div class="author-box"><a href="/user/jesusfreak"><span class="sr-only">Zum Profil von jesusfreak</span></a> <a href="/user/jesusfreak"><span>jesusfreak</span></a></div>"#,
             ["jesusfreak"]),
            (#"<div class="ArticlePage-authorName"><span>By&nbsp;</span><a href="/people/evan-halper">Evan Halper</a><span class="ArticlePage-authorTitle">Staff Writer</span></div>"#,
             ["Evan Halper"]),
            (#"<div class="article-grouper-author"><span class="article-category-grouper"><a href="/salarios">Salarios</a></span></div>"#, []),
            // (Nor is a line that opens with a date label a bare name line: "Published Tuesday".)
            (#"<p>Published Tuesday</p><button type="submit" class="a-button author-form-submit">Nachricht abschicken</button>"#, []),
            // A title before any name is the name's own element ("author-title" holding it): kept.
            (#"<div class="author"><h4 class="author-title">Anna Schmidt</h4></div>"#, ["Anna Schmidt"]),
            // A date inside the author box, a gendered label and a role in brackets are no name.
            (#"<div class="article-author"><div class="article-author-label"><div class="article-updated-date">Letzte Aktualisierung: 28.01.2022</div> Autor*in</div>"#
                + #"<div class="author-slider"><a href="/autoren-id203314/"><strong>Brit Weirich</strong> (Medizinredakteurin. M.A. Mehrsprachige Kommunikation)</a></div></div>"#,
             ["Brit Weirich"]),
            // An avatar link before a name classed as a title shows no name yet: the title is the name.
            ("<div class=\"author\">\n<a href=\"/author/anna\"><img src=\"a.jpg\"></a>\n<h4 class=\"author-title\">Anna Schmidt</h4>\n</div>",
             ["Anna Schmidt"]),
            // A date-classed or tooltip-classed part that holds the name's link keeps it.
            (#"<div class="byline"><span class="byline-data">By <a href="/author/jane">Jane Doe</a></span></div>"#, ["Jane Doe"]),
            (#"<span class="author"><a class="has-tooltip" href="/u/jane">Jane Doe</a></span>"#, ["Jane Doe"]),
            // A label whose name stands elsewhere ("Autorenseite von") gives way to the name.
            (#"<p class="author_links"><a href="/author/birgit-posselt/">Autorenseite von </a></p><p class="author-name">von Birgit Posselt</p>"#,
             ["Birgit Posselt"]),
        ]
        for (header, expected) in cases {
            let html = page(head: "<title>Budget vote delayed again</title>", header: header)
            XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, expected, header)
        }
    }

    /// A page with no byline whose copyright line below the story names a person is that person's;
    /// a company, a line naming the site itself, or a "©" credit above the story names no author.
    func testACopyrightLineNamingAPersonSignsAPageWithoutByline() throws {
        let head = #"<title>Budget vote delayed again</title><meta property="og:site_name" content="Schafskunde">"#
        let cases: [(header: String, footer: String, expected: [String])] = [
            ("", "<p>&copy 2009-2012 Jonathan Krase. Impressum</p>", ["Jonathan Krase"]),
            ("", "<p>© 2019 Herald Holdings Company. All rights reserved.</p>", []),
            ("", "<p>© 2024 Bennett, Coleman & Co. Ltd. All rights reserved.</p>", []),
            ("", "<p>© 2020 Schafskunde</p>", []),
            (#"<p class="copyright">© Marcel Burkhardt</p>"#, "", []),
            ("<p>Von Anna Schmidt</p>", "<p>© 2012 Jonathan Krase</p>", ["Anna Schmidt"]),
            // A company suffix on the line ("SE", "plc") makes the holder a company.
            ("", "<p>© 2024 Axel Springer SE. All rights reserved.</p>", []),
        ]
        for (header, footer, expected) in cases {
            let html = page(head: head, header: header, footer: footer)
            XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, expected, header + footer)
        }
        // A picture's credit after the story's last paragraph credits the picture.
        let picture = page(head: head).replacingOccurrences(
            of: "</article>", with: "<figure><img src=\"x.jpg\"><figcaption>© Max Mustermann</figcaption></figure></article>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(picture)).metadata.authors, [])
    }

    /// Photo credits in elements named for a picture's author do not use up the author elements
    /// the scan reads (it trusts only the first few).
    func testPictureCreditElementsAreNoAuthorElements() throws {
        let credits = String(repeating: #"<div class="article-header-image-author">Foto: Cortesía</div>"#, count: 8)
        let html = page(head: "<title>Budget vote delayed again</title>",
                        header: credits + #"<div class="article-author"><a href="/team/brit-weirich">Brit Weirich</a></div>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, ["Brit Weirich"])
    }

    /// Without class names: a label joined to a second role ("Autorin und Netzphilosophin") is all
    /// label, and Blogger's "Eingestellt von … um 21:11" under the post signs it.
    func testBylinesThatOnlyTheirWordsMark() throws {
        let role = page(head: "<title>Budget vote delayed again</title>",
                        header: #"<span class="x8126355">Autorin und Netzphilosophin Leena Simon</span>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(role)).metadata.authors, ["Leena Simon"])
        let paragraphs = Self.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let blogger = "<html><head><title>Tach auch</title></head><body><div class=\"x1\"><h1>Tach auch</h1>\(paragraphs)"
            + "<div class=\"x2\"><span class=\"x3\">Eingestellt von <span class=\"x4\">der Michel</span></span> "
            + "<span class=\"x5\">um <a href=\"/2020/04/tach-auch.html\">21:11</a></span></div></div></body></html>"
        XCTAssertEqual(try XCTUnwrap(cleanHTML(blogger)).metadata.authors, ["der Michel"])
        // A capital initial is no joiner: "By E Jean Carroll" keeps the whole name.
        let initial = page(head: "<title>Budget vote delayed again</title>", header: #"<p class="byline">By E Jean Carroll</p>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(initial)).metadata.authors, ["E Jean Carroll"])
    }

    /// A writer's short sign in brackets is no part of the name.
    func testSignCodesAreNoPartOfTheName() throws {
        let signs = page(head: #"<title>Budget vote delayed again</title><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Elena Oberholzer (obe)"},{"@type":"Person","name":"Corina Gall (cog.)"}]}</script>"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(signs)).metadata.authors, ["Elena Oberholzer", "Corina Gall"])
    }

    /// With no site name in the markup, a title's last part that the host spells (and the headline
    /// does not) is the site's: "„Unermüdlicher Einsatz“ - Die Neue Südtiroler Tageszeitung".
    func testATitleTailTheHostSpellsIsTheSite() throws {
        let canonical = #"<link rel="canonical" href="https://www.tageszeitung.it/2025/04/01/budget/">"#
        let tail = page(head: #"<meta property="og:title" content="Budget vote delayed again - Die Neue Südtiroler Tageszeitung">"# + canonical)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(tail)).metadata.title, "Budget vote delayed again")
        // A part with figures is the headline's own end, and a headline the host spells keeps its parts.
        let event = page(head: #"<meta property="og:title" content="Take care - Tageszeitung at the fair 2018">"# + canonical)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(event)).metadata.title, "Take care - Tageszeitung at the fair 2018")
        let both = page(head: #"<meta property="og:title" content="Tageszeitung wins a prize - Die Tageszeitung">"# + canonical)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(both)).metadata.title, "Tageszeitung wins a prize - Die Tageszeitung")
        // A word of the tail inside the host ("the" in thehill.com) is no site name; a site named in the markup leaves the rule out.
        let hill = page(head: #"<meta property="og:title" content="Senate passes the bill - what it means for the shutdown"><link rel="canonical" href="https://thehill.com/policy/bill">"#)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(hill)).metadata.title, "Senate passes the bill - what it means for the shutdown")
        let named = page(head: #"<meta property="og:title" content="Budget vote delayed again - Tageszeitung Kultur"><meta property="og:site_name" content="Die Neue">"# + canonical)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(named)).metadata.title, "Budget vote delayed again - Tageszeitung Kultur")
    }

    /// A picture's credit under the headline is no tag list ("Jupiterimages, Getty Images/Creatas RF").
    func testAPictureCreditIsNoTagLine() throws {
        let credit = page(head: "<title>Budget vote delayed again</title>", header: "<p>Jupiterimages, Getty Images/Creatas RF</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(credit)).metadata.tags, [])
        let topics = page(head: "<title>Budget vote delayed again</title>", header: "<p>Russia, Israel, Budget</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(topics)).metadata.tags, ["Russia", "Israel", "Budget"])
        let words = page(head: "<title>Budget vote delayed again</title>", header: "<p>Kommentar, Politik, Bundestag</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(words)).metadata.tags, ["Kommentar", "Politik", "Bundestag"])
    }

    func testATeaserHeadlineThatStartsLikeABylineNamesNobody() throws {
        let teaser = page(head: "<title>Budget vote delayed again</title>",
                          header: "<h2><a href=\"/halloween\">Von Hexen, Henkern und Vampiren in Bernau</a></h2>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(teaser)).metadata.authors, [])
        let byline = page(head: "<title>Budget vote delayed again</title>", header: "<p>Von Anna Schmidt</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(byline)).metadata.authors, ["Anna Schmidt"])
        // A widget's heading under the headline is no bare name line either; a paragraph is.
        let widget = page(head: "<title>Budget vote delayed again</title>", header: "<h3>Top Searches</h3>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(widget)).metadata.authors, [])
        // A small heading holding a name beside the date line is a styled byline; without the date it is not.
        let styled = page(head: "<title>Budget vote delayed again</title>", header: "<p>22.11.2022</p><h5>Christian Mihatsch</h5>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(styled)).metadata.authors, ["Christian Mihatsch"])
        let undated = page(head: "<title>Budget vote delayed again</title>", header: "<h5>Christian Mihatsch</h5>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(undated)).metadata.authors, [])
        let bare = page(head: "<title>Budget vote delayed again</title>", header: "<p>Anna Schmidt</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(bare)).metadata.authors, ["Anna Schmidt"])
    }

    func testAuthorListsLoseLoginsAndLabelsInOtherScripts() throws {
        let graph = #"{"@type": "NewsArticle", "headline": "Budget vote delayed again", "author": [{"@type": "Person", "name": "Leonardo Castañeda"}, {"@type": "Person", "name": "gqlshare"}]}"#
        let listed = page(head: "<title>Budget vote delayed again</title><script type=\"application/ld+json\">\(graph)</script>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(listed)).metadata.authors, ["Leonardo Castañeda"])
        let outlet = page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"Sputnik\"><meta name=\"author\" content=\"Finian Cunningham. Sputnik International\">")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(outlet)).metadata.authors, ["Finian Cunningham"])
        let russian = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"Автор: Олеся Жуковень\">")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(russian)).metadata.authors, ["Олеся Жуковень"])
    }

    func testAVisibleBylineThatListsMoreAuthorsWidensTheMarkupsList() throws {
        let graph = #"{"@type": "NewsArticle", "headline": "Budget vote delayed again", "author": {"@type": "Person", "name": "Jane Doe"}}"#
        let head = "<title>Budget vote delayed again</title><script type=\"application/ld+json\">\(graph)</script>"
        let fuller = try XCTUnwrap(cleanHTML(page(head: head, header: "<p class=\"byline\">By Jane Doe and John Roe</p>")))
        XCTAssertEqual(fuller.metadata.authors, ["Jane Doe", "John Roe"])
        XCTAssertEqual(fuller.metadata.evidence["authors"]?.rule.hasSuffix(":fuller"), true)
        // A list that adds a desk or a section is no fuller list of people.
        let desk = try XCTUnwrap(cleanHTML(page(head: head, header: "<p class=\"byline\">By Jane Doe and IGN Staff</p>")))
        XCTAssertEqual(desk.metadata.authors, ["Jane Doe"])
        // One that leaves the first author out is another text's byline.
        let other = try XCTUnwrap(cleanHTML(page(head: head, header: "<p class=\"byline\">By John Roe and Max Muster</p>")))
        XCTAssertEqual(other.metadata.authors, ["Jane Doe"])
    }

    func testInitialsGiveWayToTheFullNameOnThePage() throws {
        let html = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"JD\">",
                        header: "<div class=\"author\">Jane Doe</div>")
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.authors, ["Jane Doe"])
        // Initials of the site's own name are the site, not a person.
        let site = page(head: "<title>Budget vote delayed again</title><meta property=\"og:site_name\" content=\"JUNGE FREIHEIT\"><meta name=\"author\" content=\"JF\">")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(site)).metadata.authors, [])
        // Initials no other author value spells out are kept (a name in the text may be anyone's).
        let alone = page(head: "<title>Budget vote delayed again</title><meta name=\"author\" content=\"KW\">",
                         footer: "<p>Karl Weber wrote to the council about the vote.</p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(alone)).metadata.authors, ["KW"])
    }

    func testProfileAddressAsAuthorIsTheNameItsLinkShows() throws {
        let head = "<title>Budget vote delayed again</title><meta property=\"article:author\" content=\"https://www.metroherald.com/author/jane-doe/\">"
        let html = page(head: head, header: "<p class=\"meta\"><a href=\"https://facebook.com/metroherald\">Facebook</a> <a href=\"/author/jane-doe\">Jane Doe</a></p>")
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.authors, ["Jane Doe"])
        XCTAssertEqual(document.metadata.evidence["authors"]?.rule, "meta:article:author")
        // A social profile whose link reads "Facebook" names nobody.
        let social = page(head: "<title>Budget vote delayed again</title><meta property=\"article:author\" content=\"https://www.facebook.com/metroherald\">",
                          header: "<p class=\"meta\"><a href=\"https://www.facebook.com/metroherald\">Facebook</a></p>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(social)).metadata.authors, [])
    }

    func testTheArticlesOwnAsideNamesItsAuthorButThePagesDoesNot() throws {
        let paragraphs = Self.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let inside = """
        <html><head><title>Budget vote delayed again</title></head><body><article><h1>Budget vote delayed again</h1>
        <aside class="meta"><p class="authors">Von:<br><a href="/autor/jane-doe-215" class="author-name">Jane Doe</a></p></aside>
        \(paragraphs)</article></body></html>
        """
        XCTAssertEqual(try XCTUnwrap(cleanHTML(inside)).metadata.authors, ["Jane Doe"])
        let outside = """
        <html><head><title>Budget vote delayed again</title></head><body><article><h1>Budget vote delayed again</h1>\(paragraphs)</article>
        <aside><p class="author">Karl Weber</p><a href="/autor/karl-weber">Karl Weber</a></aside></body></html>
        """
        XCTAssertEqual(try XCTUnwrap(cleanHTML(outside)).metadata.authors, [], "a sidebar's names are other texts' authors")
    }

    func testLongSiteNameKeepsItsNamePart() {
        XCTAssertEqual(MetadataContext.shortestPart("Frollein Herr | Information und Inspiration rund um Fashion und Beauty"), "Frollein Herr")
        XCTAssertEqual(MetadataContext.shortestPart("Herz und Blut - Interior | Design | Lifestyle | Travel Blog"), "Herz und Blut")
        XCTAssertEqual(MetadataContext.shortestPart("Land zahlte rund 1,4 Millionen Euro für Wildschweine | MLUK"), "MLUK")
        XCTAssertEqual(MetadataContext.shortestPart("The Daily Herald"), "The Daily Herald")
    }

    func testInitialsAndFullNames() {
        XCTAssertEqual(PersonNames.initials("JF"), ["J", "F"])
        XCTAssertEqual(PersonNames.initials("J.D."), ["J", "D"])
        XCTAssertNil(PersonNames.initials("Jo."))
        XCTAssertNil(PersonNames.initials("Jane"))
        let names = PersonNames(words: TestSupport.resources.metadataWords, stopwords: [])
        XCTAssertEqual(names.fullName(matching: ["B", "K"], in: "Von Boris T. Kaiser, Berlin"), "Boris T. Kaiser")
        XCTAssertEqual(names.fullName(matching: ["J", "F"], in: "Die Geschichte der JUNGE FREIHEIT"), "JUNGE FREIHEIT")
        XCTAssertNil(names.fullName(matching: ["J", "F"], in: "Jahr für Jahr"))
    }
}

/// The outlet check over a set of page shapes the bench sets show: every outlet found reads as a name.
final class OutletFixtureTests: XCTestCase {
    static let paragraphs = MetadataStageTests.body.split(separator: "\n").map { "<p>\($0)</p>" }.joined()

    static let pages: [String] = [
        // og:site_name as a host; JSON-LD publisher with a company suffix; copyright footers only.
        "<html><head><title>Vote delayed</title><meta property=\"og:site_name\" content=\"www.bmas.de\"></head><body><article>\(paragraphs)</article></body></html>",
        "<html><head><title>Vote delayed</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Vote delayed\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Dow Jones & Company, Inc.\"}}</script></head><body><article>\(paragraphs)</article></body></html>",
        "<html><head><title>Vote delayed</title></head><body><article>\(paragraphs)</article><footer><p>©\u{00A0}2021\u{00A0}Hanns-Seidel-Stiftung</p></footer></body></html>",
        "<html><head><title>Vote delayed</title></head><body><article>\(paragraphs)</article><footer><p>Copyright © 2019 The Printers (Mysore) Private Ltd.</p></footer></body></html>",
        "<html><head><title>Budget vote delayed again | Perspective Media LTD</title></head><body><article>\(paragraphs)</article></body></html>",
    ]

    func testEveryOutletOfTheFixturePagesReadsAsAName() throws {
        for (index, html) in Self.pages.enumerated() {
            let result = Pipeline(config: TestSupport.defaultConfig).process(Document(source: "page\(index).html", raw: Array(html.utf8), format: .html))
            guard case let .success(document) = result else { XCTFail("page \(index) rejected"); continue }
            let outlet = try XCTUnwrap(document.metadata.outlet, "page \(index) has an outlet")
            XCTAssertEqual(OutletCheck.problems(outlet), [], "page \(index): \(outlet)")
        }
    }
}
