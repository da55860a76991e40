import XCTest
@testable import ScourCore

/// Authors read from what the page shows when it carries no author metadata (no JSON-LD, no
/// `<meta name=author>`): the author box's own structure, and author markup that belongs to other
/// texts (teasers, pictures). Pages go through the whole pipeline.
final class ShownBylineTests: XCTestCase {
    /// The authors of the test story's page with `header` under its headline.
    func shownAuthors(_ header: String) throws -> [String] {
        try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: header))).metadata.authors
    }

    /// An author box names the writer and, in an element of its own, the writer's job: the job's
    /// element is no author element, even inside the box ("c-author__position").
    func testTheWritersJobInTheAuthorBoxIsNoName() throws {
        let box = #"<div class="c-author"><span class="c-author__by-line">Von <a href="/autor/holger-zschaepitz/" class="c-author__link">Holger Zschäpitz</a></span>"#
            + #"<div class="c-author__position"><span>Leitender Wirtschaftsredakteur</span></div></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: box))).metadata.authors,
                       ["Holger Zschäpitz"])
        let job = #"<div class="e-byline"><a class="e-byline__author" href="/authors/ann-lee">Ann Lee</a><span class="e-byline__job-title">Political Correspondent</span></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: job))).metadata.authors,
                       ["Ann Lee"])
        // A title element may hold the name itself: "author-profile-title" still names the writer.
        let title = #"<div class="author-box"><h2 class="author-profile-title"><a href="/team/philipp-sarasin/">Philipp Sarasin</a></h2></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: title))).metadata.authors,
                       ["Philipp Sarasin"])
    }

    /// Microdata authors make a list only within one byline (a few words apart): the same markup in a
    /// teaser list's items after the story names the teasers' writers, and a picture's
    /// `itemprop=author` its photographer.
    func testAuthorMarkupOfTeasersAndPicturesIsNotTheArticles() throws {
        func byline(_ name: String) -> String {
            #"<p class="byline" itemprop="author" itemtype="http://schema.org/Person"><span itemprop="name">By \#(name)</span></p>"#
        }
        let teasers = ["Matt Kamen", "Jacopo Prisco", "Megan Carnegie"].enumerated().map { index, name in
            "<li><div class=\"summary\"><h3><a href=\"/story/\(index)\">Another story \(index)</a></h3><div>\(byline(name))</div></div></li>"
        }.joined()
        let html = page(head: "<title>Budget vote delayed again</title>", header: "<div class=\"bylines\">\(byline("Morgan Meaker"))</div>")
            .replacingOccurrences(of: "</article>", with: "</article><ul class=\"stories\">\(teasers)</ul>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, ["Morgan Meaker"])
        // Two writers of one byline, each in a box of its own, stay a list.
        let two = #"<div class="byline"><div class="name"><a href="/author/jim-rutenberg/" rel="author"><span itemprop="author"><span itemprop="name">Jim Rutenberg</span></span></a></div> and "#
            + #"<div class="name"><a href="/author/lisa-lerer/" rel="author"><span itemprop="author"><span itemprop="name">Lisa Lerer</span></span></a></div></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: two))).metadata.authors,
                       ["Jim Rutenberg", "Lisa Lerer"])
        let picture = #"<figure><img src="/a.jpg"><figcaption itemprop="author">Mads Claus Rasmussen/Ritzau Scanpix</figcaption></figure>"#
            + #"<div class="bylines"><span class="byline">Trine Juncher Jørgensen</span></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: picture))).metadata.authors,
                       ["Trine Juncher Jørgensen"])
    }
}

extension ShownBylineTests {
    /// The elements of one author box are offered in page order (the name before the job), its date
    /// element is no name, and the job, description and follow link leave the box's text.
    func testAuthorBoxPartsInPageOrderWithoutDateJobOrFollowLink() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="voc-author"><p class="voc-author__name"><a href="/autor/marta-canete-5890/">Marta Cañete</a></p>"#
                                   + #"<p class="voc-author__special">Corresponsal en Atenas</p></div>"#), ["Marta Cañete"])
        XCTAssertEqual(try shownAuthors(#"<div class="byline-timestamp">2024-02-14T16:15:30Z</div><div class="byline-author"><span>Amanda Krause</span></div>"#),
                       ["Amanda Krause"])
        XCTAssertEqual(try shownAuthors(#"<div class="byline"><div class="authors-byline"><div class="authors-byline-text"><span class="byline-prefix">By </span>"#
                                   + #"<span class="author-name"><a href="/people/houston-mitchell">Houston Mitchell</a></span></div><div class="author-info">"#
                                   + #"<span class="author-title">Assistant Sports Editor</span><span class="author-social"><a href="https://twitter.com/hm">Follow</a></span></div></div></div>"#),
                       ["Houston Mitchell"])
        XCTAssertEqual(try shownAuthors(#"<section class="writer-container"><div class="writer_box"><h3 class="writer_name"><span>By </span><a href="/writer/nicole-karlis">Nicole Karlis</a></h3>"#
                                   + #"<span class="top_writer_desc">Senior Writer</span></div></section>"#), ["Nicole Karlis"])
    }
}

extension ShownBylineTests {
    /// A name shown twice in one author link (a copy for screen readers, then first and last name
    /// in spans of their own) names one person.
    func testANameShownTwiceInOneLinkIsOnePerson() throws {
        let byline = #"<div class="bylines"><address class="name"><a rel="author" href="mailto:martin.gramnas@db.no">"#
            + #"<span class="lab-hidden-byline-name">Martin Gramnæs</span> <span class="firstname">Martin</span> <span class="lastname">Gramnæs</span></a></address></div>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(page(head: "<title>Budget vote delayed again</title>", header: byline))).metadata.authors,
                       ["Martin Gramnæs"])
    }
}

extension ShownBylineTests {
    /// Text for screen readers ("screen-reader-text") is no part of the name an author box shows, nor
    /// is the byline's source element ("article-source"), and a name's dotted initials stay in it.
    func testScreenReaderTextAndTheSourceLeaveTheName() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="author-byline"><span> By <span><a href="/person/n/timothy-hj-nerozzi">Timothy H.J. Nerozzi</a></span></span> "#
                                   + #"<span class="article-source"><a href="https://www.foxnews.com">Fox News</a></span></div>"#), ["Timothy H.J. Nerozzi"])
        XCTAssertEqual(try shownAuthors(##"<div class="byline"> By <div class="byline__author"><a class="meta__link" href="#">Shannon Thaler</a><div class="author-flyout">"##
                                   + #"<h3 class="screen-reader-text">Social Links for Shannon Thaler</h3><ul class="social-icons"><li><a href="/author/shannon-thaler/">Posts</a></li></ul></div></div></div>"#),
                       ["Shannon Thaler"])
    }
}

extension ShownBylineTests {
    /// A layout's wrapper named like a sidebar ("st-sidebar__main") may hold the story: its `<h1>`,
    /// saying what `<title>` says, is the headline, and the byline under it is read. A sidebar's own
    /// `<h1>` ("Most read") is not, and its bylines stay unread.
    func testAHeadlineInAWrapperNamedLikeASidebarOpensTheStory() throws {
        let byline = #"<div class="story-contents__author"><a href="/autor/carla-chevez/">Carla Chevez</a></div>"#
        let wrapped = page(head: "<title>Budget vote delayed again</title>", header: byline)
            .replacingOccurrences(of: "<article>", with: #"<div class="st-sidebar__container"><div class="st-sidebar__main"><article>"#)
            .replacingOccurrences(of: "</article>", with: "</article></div></div>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(wrapped)).metadata.authors, ["Carla Chevez"])
        let sidebar = #"<div class="sidebar"><h1>Most read this week</h1><div class="story-author"><a href="/autor/ann-lee/">Ann Lee</a></div></div>"#
        let aside = page(head: "<title>Budget vote delayed again</title>")
            .replacingOccurrences(of: "<body>", with: "<body>" + sidebar)
            .replacingOccurrences(of: "<h1>Budget vote delayed again</h1>", with: "<h1>Budget vote delayed again</h1>" + byline)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(aside)).metadata.authors, ["Carla Chevez"])
    }
}

extension ShownBylineTests {
    /// A logo's `<h1>` in a menu wrapper, naming the site the title ends with, is no headline: the
    /// menu stays skipped (its masthead credit names no author) and the story's byline is read.
    func testALogoHeadlineInAMenuIsNotTheStorysHeadline() throws {
        let byline = #"<div class="story-author"><a href="/autor/carla-chevez/">Carla Chevez</a></div>"#
        let menu = #"<div class="menu"><h1 class="logo">The Daily Example News</h1><span class="author">Max Mustermann</span><a href="/">Home</a></div>"#
        let html = page(head: "<title>Budget vote delayed again | The Daily Example News</title>", header: byline)
            .replacingOccurrences(of: "<body>", with: "<body>" + menu)
        let document = try XCTUnwrap(cleanHTML(html))
        XCTAssertEqual(document.metadata.authors, ["Carla Chevez"])
    }
}

extension ShownBylineTests {
    /// Two author elements of one class a separator apart are one byline's two writers; a one-word
    /// element so classed after a credit is its dateline's place ("PTI, Washington").
    func testAuthorElementsOfOneClassASeparatorApartAreOneBylinesWriters() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="author-details"><span><span class="x1 author no-link">Julia Vergin</span></span>"#
                                        + #"<span><span class="separator"> | </span><span class="x1 author no-link">Clare Roth</span></span></div>"#),
                       ["Julia Vergin", "Clare Roth"])
        XCTAssertEqual(try shownAuthors(#"<div class="article-author__time"><a class="article-author__name" href="/author/pti">PTI, </a>"#
                                        + #"<span class="article-author__name"> Washington, </span></div>"#), ["PTI"])
    }
}

extension ShownBylineTests {
    /// A line break after the name's words ends the name: the next line holds the writer's job.
    /// A label alone on the first line ("Von<br>Max Muster") goes on to the name.
    func testALineBreakAfterTheNameEndsIt() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="bylineItem"><span class="plainByline">By ANDREW DALTON<br>AP Entertainment Writer </span></div>"#),
                       ["Andrew Dalton"])
        XCTAssertEqual(try shownAuthors(#"<div class="byline">Von<br><a href="/autor/max-muster">Max Muster</a></div>"#), ["Max Muster"])
    }
}

extension ShownBylineTests {
    /// "Name / OUTLET / date": a slash with a space either side parts the byline's names from the
    /// outlet and the date, and the month left before the date's day goes with the date.
    func testASlashPartsTheNameFromTheOutletAndTheDate() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="byline"><a href="/toireporter/author-Aashish-Saxena-479265942.cms">Aashish Saxena</a>"#
                                        + #" / TIMESOFINDIA.COM / <span> Sep 2, 2024, 17:07 IST</span></div>"#), ["Aashish Saxena"])
        XCTAssertEqual(try shownAuthors(#"<div class="byline"><a href="/x/1">Aashish Saxena</a> / TOI / <span> Sep 2, 2024, 17:07 IST</span></div>"#),
                       ["Aashish Saxena"])
        XCTAssertEqual(try shownAuthors(#"<p class="author">Laura Jordán / Javier Urbina</p>"#), ["Laura Jordán", "Javier Urbina"])
    }

    /// What only looks like a credit: a text-size button's "Text Size" (a noun label without its
    /// colon names no one), a menu's link to the index of all authors, and the writer's job in an
    /// element whose class names a function ("story-authors_authorFunction").
    func testButtonsMenuLinksAndJobsAreNoNames() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="toolbar"><span>Share</span><div><button>+</button><strong>Text Size</strong><ul><li>Small</li><li>Large</li></ul></div></div>"#),
                       [])
        XCTAssertEqual(try shownAuthors(#"<p>Text: Max Muster</p>"#), ["Max Muster"])
        let menu = #"<div class="header-wrap"><ul class="contents-list"><li><a href="/articles/columns"><span>コラム一覧</span></a></li>"#
            + #"<li><a href="/articles/authors"><span>著者一覧</span></a></li></ul></div>"#
        let html = page(head: "<title>Budget vote delayed again</title>").replacingOccurrences(of: "<body>", with: "<body>" + menu)
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, [])
        XCTAssertEqual(try shownAuthors(#"<div class="story-authors_content"><a href="/autoren/508-andre-klein/" data-testid="author-name">André Klein</a>"#
                                        + #"<span class="Caption_root story-authors_authorFunction__vLZMn">Redakteur</span></div>"#), ["André Klein"])
    }
}

extension ShownBylineTests {
    /// An author element too long for one name offers its innermost elements' texts as a list: names
    /// in spans of their own, or a name in `<strong>` before its job. Not when other words come before
    /// one of them: a label naming the second a source, or an outlet before a date.
    func testAnAuthorElementTooLongForOneNameOffersItsInnermostElements() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="article-byline"><div class="article-origins"><span class="simple">Birgit Baumann</span> "#
                                        + #"<span class="simple">Anna Giulia Fink</span> <span class="simple">Jan Michael Marchart</span></div></div>"#),
                       ["Birgit Baumann", "Anna Giulia Fink", "Jan Michael Marchart"])
        XCTAssertEqual(try shownAuthors(#"<div class="Authors_authors-container__wVWas"><span><strong>Steffan Rhys</strong> Deputy Content Hub Director</span></div>"#),
                       ["Steffan Rhys"])
        XCTAssertEqual(try shownAuthors(#"<div class="author"><span>Publicado por <b><a href="/x/agonzalez">Alberto González</a></b></span><br>"#
                                        + #"La información es de <span><b><a href="/x/ccerna">Cristian Cerna</a></b></span></div>"#), ["Alberto González"])
        XCTAssertEqual(try shownAuthors(#"<div class="yYIu- byline">TIMESOFINDIA.COM / <span> Dec 6, 2020, 15:48 IST</span></div>"#), ["Timesofindia.com"])
    }

    /// A `rel=author` link under the headline is the byline even in a meta row whose class names
    /// social widgets ("social_icons"), as a link into the author pages is.
    func testARelAuthorLinkUnderTheHeadlineInASocialRowIsTheByline() throws {
        XCTAssertEqual(try shownAuthors(#"<div class="metadata"><div class="social_icons"><span class="share" title="Teilen"></span><div class="author_date">"#
                                        + #"<span class="author"><a rel="author" class="newslink" href="/mywf/157090/">Stefan Trunzik</a>,&nbsp;</span>"#
                                        + #"<a class="date" href="/archiv/2024/04/26/">26.04.2024 10:00 Uhr</a></div></div></div>"#), ["Stefan Trunzik"])
    }
}

extension ShownBylineTests {
    /// Links into the author pages above the headline (a top bar's teasers) neither use up the links
    /// read under it nor come before the story's own.
    func testAuthorLinksAboveTheHeadlineAreTeasers() throws {
        let teasers = ["matt", "benjamin-wilson", "andrew-kerr", "tim-rice"].map {
            #"<li><h4><a href="/?p=1">Another story</a></h4><div class="text-xs"><a href="/author/\#($0)/">\#($0.replacingOccurrences(of: "-", with: " ").capitalized)</a></div></li>"#
        }.joined()
        let html = page(head: "<title>Budget vote delayed again</title>",
                        header: #"<div class="w-fit-content"><a href="/author/chuck-ross/">Chuck Ross</a></div>"#)
            .replacingOccurrences(of: "<body>", with: "<body><ul class=\"top-stories\">\(teasers)</ul>")
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, ["Chuck Ross"])
    }
}

extension ShownBylineTests {
    /// What no reader sees names no one: an author element (by its id) whose class is for screen
    /// readers, an author box hidden from them (a closed dialog), and an author-page link whose text
    /// is a button's ("View Author Archive").
    func testHiddenAuthorElementsAndProfileButtonsAreNoNames() throws {
        let flyout = #"<div class="author-flyout" aria-hidden="true" role="dialog"><h3 id="author-flyout-label" class="screen-reader-text">Social Links for Shannon Thaler</h3>"#
            + #"<ul class="social-icons"><li><a href="/author/shannon-thaler/"><span class="social-icons__text">View Author Archive</span></a></li></ul></div>"#
            + #"<div class="modal modal__email-author" aria-hidden="true"><p class="email-response__content">Thanks for contacting us. We have received your submission.</p>"#
            + ##"<a href="#" class="button">Back to Reading</a></div>"##
        XCTAssertEqual(try shownAuthors(flyout), [])
    }

    /// An `<address>` under the headline gives the author's contact, HTML's own meaning of the element:
    /// its names are the byline, with no class to say so. After the story it is a postal address.
    func testAnAddressUnderTheHeadlineIsTheByline() throws {
        XCTAssertEqual(try shownAuthors(#"<address> Elsa Provenzano et Mickaël Bosredon </address>"#), ["Elsa Provenzano", "Mickaël Bosredon"])
        let paragraphs = String(repeating: MetadataStageTests.body, count: 2).split(separator: "\n").map { "<p>\($0)</p>" }.joined()
        let html = #"<html><head><title>Budget vote delayed again</title></head><body><article><h1>Budget vote delayed again</h1>\#(paragraphs)"#
            + #"<address>Hans Meier Verlag, Hauptstraße 5</address></article></body></html>"#
        XCTAssertEqual(try XCTUnwrap(cleanHTML(html)).metadata.authors, [])
    }

    /// One microdata name element made of several links, each to an author's page: each link one person,
    /// not one name run together ("Scott Gilbertson Gear Team").
    func testANameElementOfSeveralAuthorLinksIsAList() throws {
        let byline = #"<p><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">"#
            + #"<span class="n"><a href="/author/scott-gilbertson/">Scott Gilbertson</a></span> <span class="n"><a href="/author/wired-gear-team/">Gear Team</a></span></span></span></p>"#
        XCTAssertEqual(try shownAuthors(byline), ["Scott Gilbertson", "Gear Team"])
        let one = #"<p><span itemprop="author" itemscope><span itemprop="name"><a href="/author/ann-lee/">Ann Lee</a></span></span></p>"#
        XCTAssertEqual(try shownAuthors(one), ["Ann Lee"])
    }
}
