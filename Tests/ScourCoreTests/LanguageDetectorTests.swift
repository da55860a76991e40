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
}
