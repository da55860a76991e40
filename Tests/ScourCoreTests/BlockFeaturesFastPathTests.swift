import XCTest
@testable import ScourCore

/// The boilerplate stage's shortcuts against the rules they stand for, on fixed-seed random text:
/// whole ASCII words counted where they stand, and prose blocks that skip the phrase matcher.
final class BlockFeaturesFastPathTests: XCTestCase {
    /// Word bytes, apostrophes, digits, separators, letters that continue an ASCII word (é, ж, 中),
    /// combining marks, ZWJ, ’, and a Kelvin sign (canonically K).
    private static let alphabet: [String] = [
        "a", "B", "the", "THE", "It", "de", "la", "und", "'", "’", "0", "7", " ", "  ", ".", ",", "-", "\n", "\r\n",
        "é", "É", "ß", "ж", "Ж", "中", "カ", "\u{0301}", "\u{200D}", "\u{212A}", "İ", "\u{00A0}", "Ω", "٣", "😀",
        String(repeating: "x", count: 47), String(repeating: "y", count: 49),
    ]

    private func randomTexts(seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(generator.next() % 30)).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] }.joined()
        }
    }

    func testWholeASCIIWordsCountAsTheGeneralLoopCountsThem() {
        let words: Set<String> = ["the", "it", "de", "la", "und", "'", "k", "é", "жж", "y"]
        let table = StopwordSet(words)
        for text in randomTexts(seed: 0xB10C_F00D, count: 4000) {
            for fast in [true, false] {
                var byTable = BlockFeatures.WordCounts(), bySet = BlockFeatures.WordCounts(), general = BlockFeatures.WordCounts()
                byTable.scan(text, asciiFastPath: fast) { table.contains($0, nfcStable: $1) }
                bySet.scan(text, asciiFastPath: fast) { word, _ in words.contains(String(decoding: word, as: UTF8.self)) }
                general.scan(text, asciiFastPath: false) { table.contains($0, nfcStable: $1) }
                XCTAssertEqual(byTable, general, text.debugDescription)
                XCTAssertEqual(bySet, general, text.debugDescription)
            }
        }
    }

    func testProseSkipsOnlyWhatCannotMatch() throws {
        let matcher = PhraseMatcher(lexicons: Array(TestSupport.resources.lexicons.values))
        let stop = StopwordSet(["the", "and", "of"])
        // Real phrases padded out with words: the shortcut applies only when both bounds say no match.
        let phrases = ["Share on Facebook", "Leave a Reply", "We use cookies", "Related Posts", "34 Comments",
                       "Photo taken in Gaza. Ahmad Gharabli / AFP", "Subscribe to our newsletter"]
        var generator = SplitMix(seed: 0x5EED_B0B)
        for round in 0..<600 {
            let padding = (0..<Int(generator.next() % 90)).map { _ in ["word", "the", "Ωmega", "中文", "'", "x"][Int(generator.next() % 6)] }
            let phrase = phrases[round % phrases.count]
            let text = round % 3 == 0 ? phrase : (round % 3 == 1 ? ([phrase] + padding) : (padding + [phrase])).joined(separator: " ")
            let features = BlockFeatures(Block(text: text), stopwords: stop)
            XCTAssertEqual(matcher.match(text, wordCount: features.words, letters: features.letters),
                           matcher.match(text, wordCount: features.words), text)
        }
    }

    func testLettersNeverExceedTheTrimmedFoldedBytes() {
        // The bound the matcher's shortcut rests on, over every alphabet piece mixed.
        for text in randomTexts(seed: 0x1E77E25, count: 3000) {
            let features = BlockFeatures(Block(text: text), stopwords: StopwordSet([]))
            let folded = TextFold.fold(text).folded
            XCTAssertLessThanOrEqual(features.letters, TextKey.trimmedRange(folded).count, text.debugDescription)
        }
    }

    func testSentenceShapeStopsAtTheSecondSentence() {
        XCTAssertTrue(BlockFeatures.looksLikeSentence("One. Two. Three and no end"))
        XCTAssertTrue(BlockFeatures.looksLikeSentence("A b. C d. E f. G h and on"))
        XCTAssertFalse(BlockFeatures.looksLikeSentence("Breaking. news and more"))
    }

    func testAnyScriptsFullStopEndsASentence() {
        XCTAssertTrue(BlockFeatures.looksLikeSentence("သတင်းမီဒီယာကောင်စီကို တိုင်ကြားဖို့ ညွှန်ကြားထားတာလည်း ဖြစ်တယ်။"), "Burmese")
        XCTAssertTrue(BlockFeatures.looksLikeSentence("सरकार ने नई योजना की घोषणा की।"), "Devanagari danda")
        XCTAssertTrue(BlockFeatures.looksLikeSentence("Կառավարությունը հայտարարեց նոր ծրագրի մասին։"), "Armenian")
        XCTAssertFalse(BlockFeatures.looksLikeSentence("ဗီဒီယို သတင်းများ"), "a heading without a stop")
    }
}
