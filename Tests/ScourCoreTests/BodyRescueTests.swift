import Foundation
import XCTest
@testable import ScourCore

/// Pages that hold an article but used to end with no body (rejected as "no body text left after
/// cleaning" or "no text in input"), and pages with no article, which stay rejects. Each goes
/// through the real pipeline.
final class BodyRescueTests: XCTestCase {
    let story = """
    Officials in the harbour town said on Tuesday that the new sea wall, built over three years, had held back \
    the worst storm surge in a generation, and that no homes near the water had flooded.
    """
    let second = """
    Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, \
    and the council borrowed to pay for its replacement after a long public debate.
    """
    /// Teasers and a comment policy: sentence-shaped text that is not the story.
    let teasers = [
        "Why viruses always win: a look at how a pathogen with no life to lose keeps ahead of the people who study it, year after year.",
        "As panic mounts, grocery shopping starts to look apocalyptic, and shelves of paper and pasta are empty by noon in most of the city.",
        "What social distancing is and how to do it properly: the advice of three doctors who have worked through earlier outbreaks.",
    ]
    let policy = """
    The publisher is committed to maintaining a lively but civil forum for discussion and encourages all readers \
    to share their views on our articles. Comments may take up to an hour for moderation before appearing on the site.
    """

    func clean(_ html: String) -> Result<Document, Rejection> {
        clean(bytes: Array(html.utf8))
    }

    func clean(bytes: [UInt8]) -> Result<Document, Rejection> {
        let document = Document(source: "page.html", raw: bytes, format: .html)
        return Pipeline(config: TestSupport.defaultConfig).process(document)
    }

    /// A body a script fills in: the markup keeps no article text, the article's JSON-LD `articleBody`
    /// is the body (a paragraph a line). HTML inside articleBody, or a web page's (not an article's)
    /// text, is no body: those pages stay rejects.
    func testAnEmptyBodyTakesTheArticlesJSONLDArticleBody() throws {
        func page(type: String, body: String) -> String {
            let json = try! JSONSerialization.data(withJSONObject: ["@context": "https://schema.org", "@type": type,
                                                                   "headline": "Sea wall holds", "articleBody": body])
            return "<html><head><title>Sea wall holds</title><script type=\"application/ld+json\">\(String(decoding: json, as: UTF8.self))</script></head>"
                + "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><h1>Sea wall holds</h1><div id=\"story\"></div></body></html>"
        }
        let rescued = try clean(page(type: "NewsArticle", body: story + "\n\n" + second)).get()
        XCTAssertEqual(rescued.bodyText, story + "\n\n" + second)
        XCTAssertTrue(rescued.notes.contains { $0.contains("json-ld:article.articleBody (2 paragraph(s))") }, "\(rescued.notes)")
        for (type, body) in [("NewsArticle", "<p>\(story)</p><p>\(second)</p>"), ("WebPage", story + "\n" + second)] {
            guard case let .failure(rejection) = clean(page(type: type, body: body)) else { return XCTFail("\(type) was not rejected") }
            XCTAssertEqual(rejection.reason, "no body text left after cleaning")
        }
    }

    func testArticleInsideAMarkedRailUnderAPageWideWrapperIsRescued() throws {
        // A page-wide wrapper with a strong content name wins the ranking; the article sits in a
        // "left-rail" that libxml2 left open around it, and the rail, the teasers and the comments
        // are all cut from the wrapper, which would leave nothing.
        let html = """
        <html><head><title>Sea wall holds | Harbour News</title></head><body>
        <div class="story-content l-content">
        <article><h1>Sea wall holds</h1>
        <div id="left-rail"><div class="share-buttons"><a href="/fb">Facebook</a> <a href="/tw">Twitter</a></div>
        <div class="story-main-content"><div class="entry-content" itemprop="articleBody"><p>\(story)</p><p>\(second)</p></div></div>
        </div></article>
        <div class="top-stories">\(teasers.map { "<div class=\"teaser\"><p>\($0)</p></div>" }.joined())</div>
        <div class="comments"><p>\(policy)</p></div>
        </div></body></html>
        """
        let document = try clean(html).get()
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        XCTAssertTrue(document.notes.contains { $0.hasPrefix("main content: the best-ranked container kept no story text") },
                      "the rescue leaves evidence: \(document.notes)")
    }

    func testAPageWhoseBestContainerKeepsItsStoryIsNotRescued() throws {
        let html = """
        <html><head><title>Sea wall holds</title></head><body>
        <article class="story"><p>\(story)</p><p>\(second)</p></article>
        <div class="comments"><p>\(policy)</p></div></body></html>
        """
        let document = try clean(html).get()
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        XCTAssertFalse(document.notes.contains { $0.hasPrefix("main content:") })
    }

    func testAStoryOfShortSentencesBeatsASidebarTeaser() throws {
        // No paragraph is long enough to weigh as story text; the aside's one long teaser used to
        // win the page, and was then cut as a teaser line: nothing was left.
        let lines = ["The storm hit at dawn.", "Trees fell.", "Power is out in 3,000 homes.", "Schools are closed.",
                     "Roads are blocked.", "Crews are working.", "More rain is due tonight."]
        let html = """
        <html><head><title>Storm hits coast</title></head><body><nav><a href="/">Home</a></nav>
        <article><h1>Storm hits coast</h1>\(lines.map { "<p>\($0)</p>" }.joined())</article>
        <aside><p>Read more: Local team wins the cup after a dramatic final against its old rivals.</p></aside></body></html>
        """
        XCTAssertEqual(try clean(html).get().bodyText, lines.joined(separator: "\n\n"))
    }

    func testTextAfterTheClosingHtmlTagIsRead() throws {
        // A broken template closes the page before printing the article.
        let html = "<html><head><title>Sea wall holds</title></head><body></body></html><div class=\"post\"><p>\(story)</p><p>\(second)</p></div>"
        XCTAssertEqual(try clean(html).get().bodyText, story + "\n\n" + second)
    }

    func testArticlePrintedOnlyInNoscriptIsFoundByTheFallbackWalk() throws {
        let html = """
        <html><head><title>Sea wall holds</title></head><body><div id="app"></div>
        <noscript><article><p>\(story)</p><p>\(second)</p></article></noscript></body></html>
        """
        let document = try clean(html).get()
        XCTAssertEqual(document.bodyText, story + "\n\n" + second)
        XCTAssertTrue(document.notes.contains("main content found only when reading elements marked never-read"))
        // A page with a body of its own still ignores its noscript text.
        let both = "<html><body><article><p>\(story)</p><p>\(second)</p></article><noscript><p>Please enable JavaScript to view the comments powered by a widget.</p></noscript></body></html>"
        XCTAssertEqual(try clean(both).get().bodyText, story + "\n\n" + second)
        // Escaped tags in a `<noscript>` (a tracking pixel) read as tags, not as the story's text;
        // prose there still counts, and so does a sentence that quotes a tag.
        let pixel = """
        <html><head><title>Sea wall holds</title></head><body><div id="app"></div>
        <noscript>&lt;img src="https://example.com/pixel.gif" width="1" height="1" alt=""&gt;&lt;iframe src="https://t.example/ns.html"&gt;&lt;/iframe&gt;</noscript>
        <noscript><article><p>\(story)</p><p>\(second)</p><p>Write &lt;br&gt; to break a line in the letters page.</p></article></noscript></body></html>
        """
        XCTAssertEqual(try clean(pixel).get().bodyText, story + "\n\n" + second + "\n\nWrite <br> to break a line in the letters page.")
        XCTAssertTrue(HTMLBlockWalker.readsAsMarkup(Array("<img src=\"a.gif\" width=\"1\">".utf8)))
        XCTAssertFalse(HTMLBlockWalker.readsAsMarkup(Array("<br> ends a line in the old markup, and writers still type it by hand".utf8)))
    }

    func testAReplacementCharsetLabelDoesNotWipeThePage() throws {
        // ISO-2022-KR and HZ map to the "replacement" decoder, one U+FFFD for the whole page in a browser.
        for label in ["iso-2022-kr", "hz-gb-2312", "iso-2022-cn"] {
            let html = "<html><head><meta charset=\"\(label)\"><title>Sea wall holds</title></head><body><article><p>\(story)</p><p>\(second)</p></article></body></html>"
            let document = try clean(html).get()
            XCTAssertEqual(document.bodyText, story + "\n\n" + second, label)
            XCTAssertTrue(document.notes.contains { $0.contains("browsers replace whole") }, "\(label): \(document.notes)")
        }
        let choice = EncodingChoice.choose(Array("<p>Caf".utf8) + [0xE9] + Array("</p>".utf8), declared: "csiso2022kr")
        XCTAssertEqual(choice.encoding, .windows1252, "a replacement label read as an undeclared page")
    }

    func testPagesWithNoArticleStayRejects() {
        // A bot check with an iframe and nothing else, and a "connecting…" page run by a script.
        let iframe = """
        <html><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW"></head><body><iframe src="/_resource?x=1">Request unsuccessful. Incident ID: 7030</iframe></body></html>
        """
        let connecting = """
        <html><body><div><img src="shield.svg" alt="Shield"><p>You will be connected to <b>www.example.se</b> in just a moment...</p>\
        <p><a href="https://example.com/shield">Learn about the shield</a></p></div><script>location.href="/article"</script></body></html>
        """
        // The same pages with their vendors' signatures: the reject names the bot check.
        let incapsula = iframe.replacingOccurrences(of: "/_resource?x=1", with: "/_Incapsula_Resource?SWUDNSAI=30")
        let shield = connecting.replacingOccurrences(of: "Learn about the shield", with: "Learn about Project Shield")
        let cloudflare = """
        <html><head><title>Just a moment...</title></head><body><div id="challenge-body-text"></div>        <script>window._cf_chl_opt={cvId: '3'};</script><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>
        """
        for (html, reason) in [(iframe, "no text in input"), (connecting, "no body text left after cleaning"),
                               (incapsula, "a bot-check page (Incapsula), not the article"),
                               (shield, "a bot-check page (Project Shield), not the article"),
                               (cloudflare, "a bot-check page (Cloudflare), not the article")] {
            switch clean(html) {
            case let .success(document): XCTFail("kept: \(document.bodyText)")
            case let .failure(rejection): XCTAssertEqual(rejection.reason, reason)
            }
        }
        // A redirect the crawler saved: the reject names where it leads, in the case it was written.
        let redirect = """
        <html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL='https://Example.com/Story?id=3'"></head><body></body></html>
        """
        let scripted = "<script>location.replace(\"x\")</script><noscript><meta http-equiv=\"refresh\" content=\"0;URL=http://example.com/a\"></noscript>"
        for (html, target) in [(redirect, "https://Example.com/Story?id=3"), (scripted, "http://example.com/a")] {
            switch clean(html) {
            case let .success(document): XCTFail("kept: \(document.bodyText)")
            case let .failure(rejection): XCTAssertEqual(rejection.reason, "a redirect page (meta refresh to \(target)), not the article")
            }
        }
        XCTAssertNil(RedirectStub.target(in: Array("<meta http-equiv=\"content-type\" content=\"text/html\"><p>x</p>".utf8)))
        XCTAssertNil(RedirectStub.target(in: Array("<meta http-equiv=\"refresh\" content=\"600; url=https://news.example/\">".utf8)),
                     "a page that reloads itself every ten minutes is no redirect")
        XCTAssertEqual(RedirectStub.target(in: Array("<meta http-equiv='refresh' content='0;url=https://a.example/x' id=\"m\">".utf8)),
                       "https://a.example/x")
        XCTAssertEqual(RedirectStub.target(in: Array("<meta http-equiv=refresh content=\"0; URL=/en/index.html\">".utf8)), "/en/index.html")
        XCTAssertEqual(RejectReasonClasses.classify("a redirect page (meta refresh to /en/index.html), not the article"),
                       "a redirect page (meta refresh to URL), not the article")
        // An article whose page also loads a vendor's check script is an article.
        let guarded = "<html><body><article><p>\(story)</p><p>\(second)</p></article>"
            + "<script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script></body></html>"
        XCTAssertEqual(try? clean(guarded).get().bodyText, story + "\n\n" + second)
    }
}
