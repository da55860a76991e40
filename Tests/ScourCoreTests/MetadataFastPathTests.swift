import XCTest
@testable import ScourCore

/// The metadata stage's byte fast paths must answer exactly as the String rules they stand for,
/// on random text mixing ASCII, Latin, Cyrillic, combining marks, CRLF, joiners and the labels.
final class MetadataFastPathTests: XCTestCase {
    let alphabet: [String] = ["a", "B", "7", " ", "  ", "\t", "\n", "\r\n", "\r", "-", " - ", ":", ".", ",", "'", "’", "é", "É",
                              "ß", "ẞ", "İ", "ı", "\u{301}", "\u{308}", "\u{600}", "\u{200D}", "\u{A0}", "\u{202F}", "\u{AD}",
                              "👍", "中", "–", "—", "„", "©", "\u{212A}", "\u{37E}", "\u{387}", "\u{2000}", "ﬁ", "О", "о", "Ё",
                              "update", "Updated", "UPDATED", "last ", "Aktualisiert", "mis à jour", "Mis a\u{300} jour", "geändert",
                              "GEÄNDERT", "päivitetty", "ОБНОВЛЕНО", "обновлено", "güncellendi", "by", "By ", "von ", "Autor", "über den autor",
                              "Über den Autor", "copyright", "Alle Rechte", "tous droits réservés", "ab", "Ab", "Al", "Jazeera", "١", "２", "²"]

    func randomStrings(count: Int, maxLength: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % (maxLength + 1))).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    var stage: MetadataStage {
        get throws {
            let section = ConfigSection(path: "test.json", values: [:], diagnostics: ConfigDiagnostics(text: ""), startLine: 1)
            return try MetadataStage(section: section, resources: TestSupport.resources)
        }
    }

    func testPlainScalarsAreTheirOwnCharactersInNFC() {
        for value in 0..<PlainScalar.lowered.count where PlainScalar.lowered[value] != 0 {
            let scalar = Unicode.Scalar(UInt32(value))!
            let text = String(Character(scalar))
            XCTAssertEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [UInt32(value)], "\(value)")
            XCTAssertEqual(("a" + text + "a").count, 3, "\(value) joins a neighbour")
            XCTAssertEqual(Array(text.lowercased().unicodeScalars).map(\.value), [PlainScalar.lowered[value]], "\(value)")
            XCTAssertNotEqual(PlainScalar.lowered[Int(PlainScalar.lowered[value])], 0, "\(value) lowercases to a plain scalar")
        }
        XCTAssertEqual(PlainScalar.lowered[0x0D], 0, "CR joins LF")
    }

    /// The String rule `isModifiedLine` stood for.
    func modifiedByString(_ text: String, labels: [String]) -> Bool {
        let lower = text.lowercased()
        return labels.contains { label in
            guard let range = lower.range(of: label) else { return false }
            return lower.distance(from: lower.startIndex, to: range.lowerBound) < 20
        }
    }

    func testLeadingLabelsMatchTheStringRule() throws {
        let labels = try stage.words.modifiedLabels
        let leads = LeadingLabels(labels)
        XCTAssertTrue(leads.usable)
        var texts = randomStrings(count: 6000, maxLength: 14)
        texts += ["Last updated: 3 May 2021", String(repeating: "x", count: 19) + "updated", String(repeating: "x", count: 20) + "updated",
                  String(repeating: "é", count: 19) + "Updated", String(repeating: "é", count: 20) + "updated", "updated\u{301}",
                  "обновлено 3 мая", "Mis a\u{300} jour le 3", "", "\r\nupdated"]
        var answered = 0
        for text in texts {
            guard let fast = leads.startsWithin(text, characters: 20) else { continue }
            answered += 1
            XCTAssertEqual(fast, modifiedByString(text, labels: labels), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, texts.count / 10)
        let context = MetadataContext(stage: try stage, document: TestSupport.textDocument(""))
        for text in texts.prefix(1500) {
            XCTAssertEqual(context.isModifiedLine(text), modifiedByString(text, labels: labels), "\(Array(text.unicodeScalars))")
        }
    }

    func testLabelPrefixBytesMatchHasPrefix() throws {
        let names = try stage.names
        let labels = try XCTUnwrap(names.plainLabelBytes)
        for text in randomStrings(count: 4000, maxLength: 8) {
            var mark = 0
            guard let lead = PlainScalar.loweredLead(text, scalars: names.longestLabel + 1, mark: &mark) else { continue }
            let lower = text.lowercased()
            for (label, bytes) in zip(names.allLabels, labels) {
                XCTAssertEqual(lead.starts(with: bytes), lower.hasPrefix(label), "\(label) in \(Array(text.unicodeScalars))")
            }
        }
    }

    func testDateParserFindsNoDateWithoutAnASCIIDigit() {
        let parser = DateParser(words: TestSupport.resources.dateWords)
        let digitFree = alphabet.filter { !$0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
            + ["May", "März", "mayo", "de", "年", "月", "日", ".", "/"]
        var state: UInt64 = 7
        for _ in 0..<3000 {
            let text = (0..<12).map { _ -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return digitFree[Int(state >> 33) % digitFree.count]
            }.joined()
            // One digit far behind keeps the parser reading: no date may start in the text before it.
            XCTAssertNil(parser.firstDate(in: text + " 7"), "\(Array(text.unicodeScalars))")
            XCTAssertNil(parser.firstDate(in: text))
        }
        XCTAssertEqual(parser.firstDate(in: "Mis à jour le 3 mai 2021")?.iso, "2021-05-03")
    }

    func testOutletByteGuardsNeverHideAMatch() throws {
        let phrases = try stage.words.copyrightPhrases
        for text in randomStrings(count: 5000, maxLength: 10) {
            if !OutletBytes.hasNoBreakSpace(text) {
                XCTAssertEqual(text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " "), text)
            }
            if !OutletBytes.hasDash(text) {
                let window = text.prefix(50)
                XCTAssertTrue([" - ", "—", "–"].allSatisfy { window.range(of: $0) == nil }, "\(Array(text.unicodeScalars))")
            }
            for phrase in phrases where !OutletBytes.mayHold(text, lead: ASCIIText.lead(phrase)) {
                XCTAssertNil(text.range(of: phrase, options: .caseInsensitive), "\(phrase) in \(Array(text.unicodeScalars))")
            }
        }
    }

    /// The String token loop `countPhrasesPlain` stands for (the tagger's own fallback).
    func phrasesByString(_ text: String, target: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        MetadataContext.countPhrasesByTokens(text, target: target, into: &counts)
        return counts
    }

    func testPlainPhraseCountsMatchTheStringLoop() {
        var answered = 0
        for (index, text) in randomStrings(count: 5000, maxLength: 12).enumerated() {
            let target = ["aljazeera", "ab", "by", "update", "autor", "a7"][index % 6]
            var counts: [String: Int] = [:]
            guard MetadataContext.countPhrasesPlain(text, target: Array(target.utf8), into: &counts) else { continue }
            answered += 1
            XCTAssertEqual(counts, phrasesByString(text, target: target), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, 500)
        var counts: [String: Int] = [:]
        XCTAssertTrue(MetadataContext.countPhrasesPlain("Über Al Jazeera, die Älteste: al jazeera", target: Array("aljazeera".utf8), into: &counts))
        XCTAssertEqual(counts, ["Al Jazeera": 1])
    }

    func testLanguageLetterTableMatchesScalarProperties() {
        for value in 0x80..<0x800 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let entry = LanguageDetector.twoByteLetters[value]
            guard scalar.properties.isAlphabetic else { XCTAssertEqual(entry, 0, "\(value)"); continue }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
            XCTAssertEqual(entry, mapping.count == 1 ? mapping[0] : LanguageDetector.multiScalar, "\(value)")
        }
        let detector = LanguageDetector(stopwords: TestSupport.resources.stopwords)
        XCTAssertEqual(detector.detect("Über die Änderung der Straße wurde in der Stadt und auf dem Land lange gestritten, aber es ist nicht klar"), "de")
        XCTAssertEqual(detector.detect("Это было не так, и он сказал, что они не могут быть там, где мы были"), "ru")
    }
}
