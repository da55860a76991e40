import Foundation
import XCTest
@testable import ScourCore

/// The language from the share of each language's stopwords.
final class LanguageDetectorTests: XCTestCase {
    let detector = LanguageDetector(stopwords: TestSupport.resources.stopwords)

    func testCommonLanguages() {
        XCTAssertEqual(detector.detect("The council said that it would vote on the budget after the talks with the unions were over."), "en")
        XCTAssertEqual(detector.detect("Le conseil a dit qu'il votera le budget après la fin des discussions avec les syndicats de la ville."), "fr")
        XCTAssertEqual(detector.detect("Der Rat sagte, dass er nach den Gesprächen mit den Gewerkschaften über den Haushalt abstimmen wird."), "de")
        XCTAssertEqual(detector.detect("El consejo dijo que votará el presupuesto después de que terminen las conversaciones con los sindicatos."), "es")
        XCTAssertEqual(detector.detect("Il consiglio ha detto che voterà il bilancio dopo la fine delle trattative con i sindacati della città."), "it")
    }

    func testTooFewWordsOrNoStopwordsGiveNoAnswer() {
        XCTAssertNil(detector.detect("The budget vote"), "fewer than eight words")
        XCTAssertNil(detector.detect("Zxq vrb plk mnt grr wkk tsk brr hmm pfft"), "no stopwords at all")
    }

    func testCaseAndComposedFormsDoNotMatter() {
        let text = "Le conseil a dit qu'il votera le budget après la fin des discussions avec les syndicats"
        XCTAssertEqual(detector.detect(text.uppercased()), "fr")
        XCTAssertEqual(detector.detect(text.decomposedStringWithCanonicalMapping), "fr")
    }

    func testBlocksAreReadAsOneTextAndMaxWordsBoundsTheWork() {
        let blocks = ["The council said", "that it would vote on the budget", "after the talks with the unions were over."]
        XCTAssertEqual(detector.detect(texts: blocks), detector.detect(blocks.joined(separator: " ")))
        // Only the first words count: French first, then much English, read with a small budget.
        let french = "Le conseil a dit qu'il votera le budget après la fin des discussions avec les syndicats de la ville."
        let english = String(repeating: "The council said that it would vote on the budget after the talks. ", count: 40)
        XCTAssertEqual(detector.detect(french + " " + english, maxWords: 18), "fr")
        XCTAssertEqual(detector.detect(french + " " + english), "en")
    }

    // MARK: scripts one language writes

    let scripts = TestSupport.resources.scriptLanguages

    func testScriptsWithoutSpacesAreTold() {
        XCTAssertEqual(scripts.detect(texts: ["国家卫生健康委依托全国公立医疗卫生机构短缺药品信息直报系统开展短缺药品监测预警与分级应对。"]), "zh")
        XCTAssertEqual(scripts.detect(texts: ["今回はそのKindleデスクトップアプリに関する話。", "パソコンでそのまま読みたい時もあります。"]), "ja")
        XCTAssertEqual(scripts.detect(texts: ["북한은 한미 연합 군사훈련을 강하게 비난했다고 조선중앙통신이 전했다."]), "ko")
        XCTAssertEqual(scripts.detect(texts: ["ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท ของนักเคลื่อนไหวที่ลี้ภัย"]), "th")
        XCTAssertEqual(scripts.detect(texts: ["Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία της χώρας σήμερα."]), "el")
    }

    func testJapaneseNeedsItsKanaAndMixedTextNeedsAMajority() {
        // Han characters with a little kana are Japanese; Han alone is Chinese.
        XCTAssertEqual(scripts.detect(texts: ["日本経済新聞社の記事によると首相は会見で述べた"]), "ja")
        // An English page quoting a few Chinese words stays unplaced by script.
        let english = "The ministry said in a statement that talks would resume next week in the capital. "
        XCTAssertNil(scripts.detect(texts: [english + "中美合作共赢"]))
        // Arabic, Cyrillic, Devanagari and Latin are shared by many languages: no answer.
        XCTAssertNil(scripts.detect(texts: ["Правительство объявило о новых мерах поддержки экономики страны."]))
        XCTAssertNil(scripts.detect(texts: ["短缺药品"]), "fewer letters than min_letters")
    }

    func testScriptsDataFileRejectsABadRange() {
        let data = Data(#"{"min_letters": 20, "min_share_of_letters": 0.5, "languages": [{"language": "th", "ranges": ["0E7F-0E00"]}]}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(ScriptLanguages.self, from: data)) { error in
            XCTAssertTrue("\(error)".contains("0E7F-0E00"), "\(error)")
        }
    }

    /// What pages write for their language, read as a code or passed over.
    func testLanguageTagsReadCodesThreeLetterCodesAndNames() {
        let tags = TestSupport.resources.languageTags
        XCTAssertEqual(tags.code("de-DE"), "de")
        XCTAssertEqual(tags.code("pt_BR"), "pt")
        XCTAssertEqual(tags.code(" EN "), "en")
        XCTAssertEqual(tags.code("eng"), "en")
        XCTAssertEqual(tags.code("Dutch"), "nl")
        XCTAssertEqual(tags.code("bulgarian"), "bg")
        XCTAssertEqual(tags.code("Deutsch"), "de")
        XCTAssertEqual(tags.code("de, en"), "de")
        XCTAssertEqual(tags.code("iw-IL"), "he", "Java's old code for Hebrew")
        XCTAssertEqual(tags.code("in"), "id")
        XCTAssertNil(tags.code("lang="), "a broken attribute is no language (it read as Latin)")
        XCTAssertNil(tags.code("us"), "no language is called us")
        XCTAssertNil(tags.code("x-klingon"))
        XCTAssertNil(tags.code(""))
    }

    func language(_ html: String) throws -> (String?, String?) {
        let document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
        switch Pipeline(config: TestSupport.defaultConfig).process(document) {
        case let .success(document): return (document.metadata.language, document.metadata.evidence["language"]?.rule)
        case let .failure(rejection): XCTFail(rejection.reason); return (nil, nil)
        }
    }

    /// A template's `<html lang="en">` on a German story gives way to the text; a name in a
    /// `<meta>` is read as its code; a language the stopwords cannot tell is taken from the markup.
    func testTheMarkupsLanguageAgainstTheText() throws {
        let german = "<p>Der Gemeinderat hat am Dienstag über den neuen Haushalt beraten, der seit Monaten wegen Streit über die Ausgaben verzögert wird.</p>"
            + "<p>Die Mitglieder sagten, der Plan werde nächste Woche nach einer letzten Gesprächsrunde mit den Gewerkschaften abgestimmt.</p>"
        let templated = try language("<html lang=\"en\"><head><title>Haushalt</title></head><body><article>\(german)</article></body></html>")
        XCTAssertEqual(templated.0, "de")
        let named = try language("<html><head><title>Haushalt</title><meta name=\"language\" content=\"German\"></head><body><article>\(german)</article></body></html>")
        XCTAssertEqual(named.0, "de")
        XCTAssertEqual(named.1, "meta:language")
        let catalan = "<p>El consell municipal va debatre dimarts el nou pressupost, que fa mesos que està endarrerit per les disputes sobre la despesa.</p>"
        let told = try language("<html lang=\"ca\"><head><title>Pressupost</title></head><body><article>\(catalan)</article></body></html>")
        XCTAssertEqual(told.0, "ca")
        // Text in a script one language owns: a template's lang of another script gives way.
        let chinese = "<p>记者17日从国家卫生健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测预警与分级应对体系。</p>"
        XCTAssertEqual(try language("<html lang=\"en\"><head><title>短缺药品</title></head><body><article>\(chinese)</article></body></html>").0, "zh")
        XCTAssertEqual(try language("<html lang=\"ja\"><head><title>短缺药品</title></head><body><article>\(chinese)</article></body></html>").0, "ja")
    }

    /// A language that reads a month name otherwise: "listopada" is October on a Croatian page,
    /// November on a Polish one (and on a page that names no language).
    func testAPagesLanguageReadsItsOwnMonthNames() throws {
        func date(_ lang: String) throws -> String? {
            let html = "<html lang=\"\(lang)\"><head><title>Proračun</title></head><body><article><h1>Vijeće odgodilo glasanje o proračunu</h1>"
                + "<p>16. listopada 2019.</p><p>Gradsko vijeće sastalo se u utorak kako bi raspravljalo o novom proračunu, koji kasni mjesecima zbog sporova oko potrošnje.</p>"
                + "<p>Članovi su rekli da će se o planu glasati sljedeći tjedan, nakon posljednjeg kruga razgovora sa sindikatima.</p></article></body></html>"
            let document = Document(source: "page.html", raw: Array(html.utf8), format: .html)
            return try Pipeline(config: TestSupport.defaultConfig).process(document).get().metadata.date
        }
        XCTAssertEqual(try date("hr"), "2019-10-16")
        XCTAssertEqual(try date("hr-HR"), "2019-10-16")
        XCTAssertEqual(try date("pl"), "2019-11-16")
        let parser = DateParser(words: TestSupport.resources.dateWords, years: 1990...2030)
        XCTAssertEqual(parser.withMonths(["listopada": 10]).firstDate(in: "16. listopada 2019.")?.iso, "2019-10-16")
        XCTAssertEqual(parser.firstDate(in: "16. listopada 2019.")?.iso, "2019-11-16")
    }

    /// The story's words tell the language before a template's: English placeholder text in a
    /// marked header does not outweigh the German article.
    func testTheStoryTellsTheLanguageBeforeTheTemplate() throws {
        let english = String(repeating: "<p>We offer support for our customers, and you can get in touch with us at any time of the day.</p>", count: 4)
        let german = "<p>Der Gemeinderat hat am Dienstag über den neuen Haushalt beraten, der seit Monaten wegen Streit über die Ausgaben verzögert wird.</p>"
            + "<p>Die Mitglieder sagten, der Plan werde nächste Woche nach einer letzten Gesprächsrunde mit den Gewerkschaften abgestimmt, und sie seien zuversichtlich.</p>"
            + "<p>Die Bürgermeisterin sagte den Reportern, sie rechne mit einer Mehrheit, obwohl zwei Mitglieder angekündigt haben, dagegen zu stimmen.</p>"
        let page = "<html><head><title>Haushalt</title></head><body><div class=\"top-bar\">\(english)</div><article>\(german)</article></body></html>"
        XCTAssertEqual(try language(page).0, "de")
    }
}
