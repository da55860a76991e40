import XCTest
@testable import ScourCore

/// The byte-level phrase matcher and feature scan: same answers as the String-based rules they replaced.
final class PhraseMatcherTests: XCTestCase {
    let matcher = PhraseMatcher(lexicons: Array(TestSupport.resources.lexicons.values))

    func rule(_ text: String, words: Int? = nil) -> String? {
        matcher.match(text, wordCount: words ?? text.split(separator: " ").count)?.rule
    }

    func testExactIgnoresCaseDigitsAndSurroundingPunctuation() {
        XCTAssertEqual(rule("34 Comments"), "comment_form")
        XCTAssertEqual(rule("  SHARE ON FACEBOOK!  "), "share")
        XCTAssertEqual(rule("« Related Posts »"), "related")
        XCTAssertNil(rule("Shareholders"))
    }

    func testPrefixSuffixAndContains() {
        XCTAssertEqual(rule("Leave a Reply Cancel reply"), "comment_form")
        XCTAssertEqual(rule("joe bloggs says:"), "comment_signature")
        XCTAssertEqual(rule("Photo taken in Gaza. Ahmad Gharabli / AFP"), "photo_credit")
        XCTAssertEqual(rule("We Use Cookies to improve your experience"), "cookie")
    }

    func testContactDetailsUpToTheirWordLimit() {
        XCTAssertEqual(rule("Our readers' desk answers on weekdays. Telephone: 555 0100, Fax: 555 0101", words: 110), "contact_details")
        XCTAssertEqual(rule("Kontakt: Telefon: 030 1234, Fax: 030 1235", words: 140), "contact_details")
        XCTAssertNil(rule("The hotel: a fax machine and a telephone in every room", words: 11))
        XCTAssertNil(rule("Call the toll free number", words: 200))
    }

    func testCaptionsByTheirCreditOrOpening() {
        XCTAssertEqual(rule("Protesters do not want the city to lose its autonomy (Image: Getty)"), "caption")
        XCTAssertEqual(rule("A worker loads trims into his truck outside a store in Hialeah, Fla. (AP Photo/Alan Diaz, File)"), "caption")
        XCTAssertEqual(rule("Image caption The singer has managed several artists throughout his career"), "caption")
        XCTAssertEqual(rule("Ein Polizist vor dem Gericht (Foto: dpa)"), "caption")
        XCTAssertNil(rule("The image he painted of the economy was bleak, analysts said on Tuesday."))
        XCTAssertEqual(rule("About this article"), "trailer")
    }

    func testAboutBoxHeadingsEndTheArticle() {
        XCTAssertEqual(rule("About Jane Doe"), "about_box")
        XCTAssertEqual(rule("Über Moritz Bachmann"), "about_box")
        XCTAssertEqual(matcher.match("About the company", wordCount: 3)?.endsArticle, true)
        XCTAssertNil(rule("About 300 people attended the rally on Sunday"))
    }

    func testTimestampLinesButNotLongProse() {
        XCTAssertEqual(rule("Updated 11:21 pm CST, Tuesday, November 19, 2019"), "timestamp")
        XCTAssertEqual(rule("Zuletzt aktualisiert: 18.11.2019, 19:11 Uhr"), "timestamp")
        XCTAssertNil(rule("Updated figures released on Tuesday show the economy grew faster than expected in the third quarter"))
    }

    func testLongestPhraseWinsAndMaxWordsLimits() {
        // "more from " (related, 8 words) is longer than "more " (related_short, 4 words).
        XCTAssertEqual(rule("More from our reporters"), "related")
        // contains-rules stop at their word limit: a long paragraph mentioning cookies is prose.
        XCTAssertNil(rule("we use cookies", words: 200))
        XCTAssertEqual(rule("we use cookies", words: 3), "cookie")
    }

    func testNonASCIICaseFolding() {
        XCTAssertEqual(rule("ÚLTIMAS PUBLICACIONES"), rule("últimas publicaciones"))
        XCTAssertEqual(Lexicon.folded("Ärger 2024 im ÖPNV"), "ärger # im öpnv")
        XCTAssertEqual(TextKey.phrase("— Кнопка 12! —"), "кнопка #")
        XCTAssertEqual(TextKey.phrase("«İstanbul»"), "i̇stanbul")
    }

    func testFeaturesCountWordsStopwordsAndMarksLikeCharacters() {
        let stop: Set<String> = ["the", "it's", "de"]
        let plain = BlockFeatures(Block(text: "It’s the end of the line, 2024."), stopwords: stop)
        XCTAssertEqual(plain.words, 6)  // the number is not a word
        XCTAssertEqual(plain.stopwordRatio, 0.5, accuracy: 1e-9)
        XCTAssertTrue(plain.sentenceLike)
        // A decomposed accent stays inside its word.
        let decomposed = BlockFeatures(Block(text: "cafe\u{301} de Paris"), stopwords: stop)
        let composed = BlockFeatures(Block(text: "café de Paris"), stopwords: stop)
        XCTAssertEqual(decomposed.words, composed.words)
        XCTAssertEqual(decomposed.stopwordRatio, composed.stopwordRatio)
        XCTAssertTrue(BlockFeatures(Block(text: "1 2 3 9,595"), stopwords: []).numeric)
    }

    func testSentenceShape() {
        XCTAssertTrue(BlockFeatures.looksLikeSentence("He left. “I’m done.”"))
        XCTAssertTrue(BlockFeatures.looksLikeSentence("これはペンです。"))
        XCTAssertFalse(BlockFeatures.looksLikeSentence("Related Posts"))
        XCTAssertTrue(BlockFeatures.looksLikeSentence("One. Two. Three and no end"))
        XCTAssertFalse(BlockFeatures.looksLikeSentence("Breaking. News and more"))
    }

    func testUnspacedScriptsCountTwoCharactersAsAWord() {
        // 23 Han/kana characters and the Latin word "Kindle": 11 + 1 words, not one long word.
        let features = BlockFeatures(Block(text: "Kindleを起動するショートカットキーを変更する方法です。"), stopwords: [])
        XCTAssertEqual(features.words, 12)
    }
}
