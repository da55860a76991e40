import Foundation
import XCTest
@testable import ScourCore

/// Which container is the article, and why each block outside it was left out.
final class MainContentSelectorTests: XCTestCase {
    let selector = MainContentSelector(tokens: TestSupport.resources.markupTokens)

    let paragraphs = [
        "Officials in the harbour town said on Tuesday that the new sea wall, built over three years, had held back the worst storm surge in a generation.",
        "Engineers had warned in 2019 that the old wall, made of stone laid in the 1880s, would fail within a decade, and the council borrowed to replace it.",
        "Residents who had sandbagged their doors on Monday night said the water stopped a few metres short of the road, where it had flooded twice before.",
    ]

    func select(_ body: String, descriptions: [String] = []) throws -> (included: [String], reasons: [String: String], story: Double) {
        try TestSupport.selectContent(body, selector: selector, descriptions: descriptions)
    }

    func testTheArticleIsChosenAndMarkedRegionsAroundItSayWhichMark() throws {
        let result = try select("""
        <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <div class="layout"><article class="article-body"><h1>Sea wall holds</h1>
        <p>\(paragraphs[0])</p><p>\(paragraphs[1])</p><p>\(paragraphs[2])</p></article>
        <aside class="sidebar"><p>Most read: a cat rescued from a tree after two days in the rain.</p></aside></div>
        <footer><p>Copyright Harbour News, all rights reserved.</p></footer>
        """)
        XCTAssertEqual(result.included, ["Sea wall holds"] + paragraphs)
        XCTAssertEqual(result.reasons["Home World"], "markup-boilerplate:nav", "the innermost mark")
        XCTAssertEqual(result.reasons["Most read: a cat rescued from a tree after two days in the rain."], "markup-boilerplate:aside")
        XCTAssertEqual(result.reasons["Copyright Harbour News, all rights reserved."], "markup-boilerplate:footer")
        XCTAssertGreaterThanOrEqual(result.story, MainContentSelector.fallbackCharacters)
    }

    /// Every script's full stop and comma mark prose: Burmese paragraphs end in "။" and pause at "၊".
    func testProseInScriptsWithTheirOwnFullStopsIsTheStory() throws {
        let burmese = [
            "နိုင်ငံတော်အကြည်ညိုပျက်စေမှု ပုဒ်မ ၅၀၅ (ခ) နဲ့ တရားစွဲ အဖမ်းခံထားရတဲ့ အလဲဗင်းသတင်းစာတိုက်က တာဝန်ခံအယ်ဒီတာ နှစ်ယောက်ကို အာမခံပေးခဲ့တယ်။",
            "မီဒီယာကောင်စီကတော့ လက်ရှိ တာမွေတရားရုံးမှာ စွဲဆိုထားတဲ့ အမှု ပြီးပြတ်ကာမှ၊ ဆက်လက် ဆောင်ရွက်လို့ရမယ်လို့ ပြောထားပါတယ်။",
        ]
        let result = try select("""
        <header><div class="search"><p>ဘီဘီစီအတွင်း ရှာရန်</p></div></header>
        <div class="story-body"><h1>အလဲဗင်းသတင်းသမား သုံးဦး အာမခံရ</h1><p>\(burmese[0])</p><p>\(burmese[1])</p></div>
        """)
        XCTAssertEqual(result.included, ["အလဲဗင်းသတင်းသမား သုံးဦး အာမခံရ"] + burmese)
        XCTAssertGreaterThanOrEqual(result.story, MainContentSelector.fallbackCharacters)
    }

    func testProseWinsOverALinkListWithMoreText() throws {
        let links = (1...12).map { "<li><a href=\"/s\($0)\">Another headline number \($0) about the harbour and the town council</a></li>" }
        let result = try select("""
        <div class="teaser-list"><ul>\(links.joined())</ul></div>
        <div class="main"><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p></div>
        """)
        XCTAssertEqual(result.included, Array(paragraphs[0...1]))
        XCTAssertEqual(result.reasons.count, 12)
    }

    func testFigureCaptionsAndBoilerplateInsideTheArticleGo() throws {
        let result = try select("""
        <article class="story"><p>\(paragraphs[0])</p>
        <figure><img src="a.jpg"><figcaption>The wall at high tide.</figcaption></figure>
        <p>\(paragraphs[1])</p><div class="share-buttons"><p>Share this story on social media.</p></div>
        <p>\(paragraphs[2])</p></article>
        """)
        XCTAssertEqual(result.included, paragraphs)
        XCTAssertEqual(result.reasons["The wall at high tide."], "figure-caption")
        XCTAssertEqual(result.reasons["Share this story on social media."], "markup-boilerplate:share")
    }

    func testAPageWithNoProseHasLittleStory() throws {
        let result = try select("<div><p>Menu</p><p>Login</p></div>")
        XCTAssertLessThan(result.story, MainContentSelector.fallbackCharacters, "the reader then walks again without skips")
    }
}
