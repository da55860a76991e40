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

    func testURLLabelPrefixMatchesTheStringRule() throws {
        let labels = try stage.words.urlLabels + ["über den autor", "a", String(repeating: "é", count: 16) + "a"]
        let leads = LeadingLabels(labels)
        XCTAssertTrue(leads.usable)
        let texts = randomStrings(count: 6000, maxLength: 10) + ["Original URL: x", "source:", "SOURCE", "url:\u{301}", "", "\r\nurl:",
                                                                 String(repeating: "é", count: 15) + "a", String(repeating: "é", count: 16) + "a"]
        var answered = 0
        for text in texts {
            guard let fast = leads.startsPrefix(text, characters: 16) else { continue }
            answered += 1
            XCTAssertEqual(fast, MetadataContext.startsWithURLLabel(text, labels: labels), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, texts.count / 5)
    }

    /// Lines whose lead is not plain (an emoji, a mark) reach the String rule; the lead bytes
    /// narrow its labels unless a scalar lowercases to ASCII or is canonically ASCII.
    func testModifiedLinesBeyondThePlainLeadMatchTheStringRule() throws {
        let labels = try stage.words.modifiedLabels
        let pieces = ["👍", "\u{301}", "ß", "Straße", " ", ":", "Updated", "upd", "ate", "aktualisiert", "AKTUALISIERT", "mis à jour",
                      "\u{212A}", "İ", "\u{37E}", "\u{1FEF}", "e\u{301}", "3", "2021", "x", "\r\n", "geändert", "ge", "a\u{308}ndert"]
        var state: UInt64 = 0x7F4A_7C15_9E37_79B9
        let context = MetadataContext(stage: try stage, document: TestSupport.textDocument(""))
        for round in 0..<3000 {
            var text = round % 2 == 0 ? "👍" : ""
            for _ in 0..<(round % 9) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
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

    /// Leads that are plain only in part decide the labels they cover (label and one scalar more).
    func testPartlyPlainLeadsDecideTheLabelsTheyCover() throws {
        let names = try stage.names
        let labels = try XCTUnwrap(names.plainLabelBytes)
        var decided = 0
        for text in randomStrings(count: 4000, maxLength: 8, seed: 0xD1B5_4A32_D192_ED03) {
            let lead = PlainScalar.plainLead(text, scalars: names.longestLabel + 1)
            let lower = text.lowercased()
            for (index, (label, bytes)) in zip(names.allLabels, labels).enumerated()
            where lead.complete || lead.scalars > names.labelScalars[index] {
                decided += 1
                XCTAssertEqual(lead.bytes.starts(with: bytes), lower.hasPrefix(label), "\(label) in \(Array(text.unicodeScalars))")
            }
        }
        XCTAssertGreaterThan(decided, 40000)
    }

    /// The String rule `droppingLabel` stands for: the first label (longest first) the lowercased
    /// text starts with, followed by a space, colon or dash, comes off with them.
    func droppedByString(_ text: String, labels: [String]) -> String {
        let lower = text.lowercased()
        for label in labels where lower.hasPrefix(label) {
            let rest = text.dropFirst(label.count)
            guard let next = rest.first else { return "" }
            guard next == " " || next == ":" || next == "-" || next == "–" || next == "—" else { continue }
            return String(rest.drop { " :-–—".contains($0) })
        }
        return text
    }

    func testBylineLabelsComeOffAsTheStringRuleSays() throws {
        let names = try stage.names
        for text in randomStrings(count: 5000, maxLength: 8, seed: 0x94D0_49BB_1331_11EB) + ["By Jane", "von\u{301} X", "Autor\r\n: X"] {
            let line = names.bylineLine(text)
            XCTAssertEqual(line.trimmed, text.trimmingCharacters(in: .whitespaces))
            XCTAssertEqual(line.unlabelled, droppedByString(line.trimmed, labels: names.allLabels), "\(Array(text.unicodeScalars))")
        }
    }

    /// The plain-scalar date tokenizer gives the Character loop's tokens and offsets.
    func testPlainDateTokensMatchTheCharacterLoop() {
        let pieces = ["3", "12", "2021", "1234567890123456789012", ".", " ", ",", "-", "/", "März", "MÄRZ", "mai", "Mai", "ΟΔΟΣ", "σ", "İ",
                      "Июня", "é", "e\u{301}", "\u{A0}", "–", "·", "٣", "²", "\r\n", "年", "ǅ", "ſ", "ß", "ª", "º", "_", "@"]
        var state: UInt64 = 0xBF58_476D_1CE4_E5B9
        var answered = 0
        for round in 0..<5000 {
            var text = ""
            for _ in 0..<(round % 12) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            guard let plain = DateParser.tokenizePlain(text) else { continue }
            answered += 1
            let slow = DateParser.tokenizeCharacters(text)
            XCTAssertEqual(plain.map(\.0), slow.map(\.0), "\(Array(text.unicodeScalars))")
            XCTAssertEqual(plain.map(\.1), slow.map(\.1), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, 1500)
    }

    func testMemchrSearchMatchesTheByteLoop() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<20000 {
            let hay = (0..<(next() % 40)).map { _ in UInt8(0x61 + next() % 3) }
            let needle = (0..<(next() % 5)).map { _ in UInt8(0x61 + next() % 3) }
            XCTAssertEqual(OutletBytes.contains(needle, in: hay), ByteSearch.firstOffset(of: needle, in: hay) != nil, "\(needle) in \(hay)")
        }
    }

    /// The name rules' ASCII byte paths against their String rules.
    func testNameBytesMatchTheStringRules() {
        let pieces = [" ", "  ", ",", ";", ":", "|", "/", "-", ".", "am", "de", "Jane", "Doe", "a", "von", "x", "\t", "AB", "Mr.", "é", "–", "\r\n"]
        var state: UInt64 = 0x3C6E_F372_FE94_F82B
        var answered = 0
        for round in 0..<5000 {
            var text = ""
            for _ in 0..<(round % 10) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            var words = text.trimmingCharacters(in: PersonNames.separatorEdges).split(separator: " ")
            while words.count > 1, let last = words.last, last.count <= 3, last.allSatisfy({ $0.isLowercase }) { words.removeLast() }
            let expected = words.joined(separator: " ").trimmingCharacters(in: PersonNames.separatorEdges)
            if let fast = NameBytes.trimmedEnds(text) {
                answered += 1
                XCTAssertEqual(fast, expected, "\(Array(text.unicodeScalars))")
            }
            if let name = NameBytes.trimmed(text, edges: NameBytes.nameEdges) {
                XCTAssertEqual(name, text.trimmingCharacters(in: PersonNames.nameEdges))
            }
            if let part = NameBytes.loweredPart(Substring(text)) {
                XCTAssertEqual(part, text.lowercased().trimmingCharacters(in: PersonNames.partEdges))
            }
        }
        XCTAssertGreaterThan(answered, 1500)
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
        let befores = try stage.words.outletPatterns.map { Array($0.before.utf8) } + [Array("copyright".utf8), Array("Alle ".utf8)]
        for text in randomStrings(count: 5000, maxLength: 10) + ["Originally appeared on X", "ORIGINALLY PUBLISHED BY Y", "© 2020"] {
            if !OutletBytes.hasNoBreakSpace(text) {
                XCTAssertEqual(text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " "), text)
            }
            if !OutletBytes.hasDash(text) {
                let window = text.prefix(50)
                XCTAssertTrue([" - ", "—", "–"].allSatisfy { window.range(of: $0) == nil }, "\(Array(text.unicodeScalars))")
            }
            XCTAssertEqual(OutletBytes.hasCopyrightSign(text), ByteSearch.firstOffset(of: Array("©".utf8), in: Array(text.utf8)) != nil)
            let leads = befores.map { Array($0.prefix(3)) } + [[]]
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(FoldedNeedles(befores).anyIn(buffer, emptyMatches: false),
                               befores.contains { ASCIIText.foldedOffset(of: $0, in: buffer) != nil }, "\(Array(text.unicodeScalars))")
                XCTAssertEqual(FoldedNeedles(leads).anyIn(buffer, emptyMatches: true),
                               leads.contains { $0.isEmpty || ASCIIText.foldedOffset(of: $0, in: buffer) != nil })
                XCTAssertEqual(FoldedNeedles(leads).anyIn(buffer, emptyMatches: false),
                               leads.contains { ASCIIText.foldedOffset(of: $0, in: buffer) != nil })
            }
            if !OutletBytes.mayHoldPattern(text, befores: FoldedNeedles(befores)), let lower = ASCIIText.lowered(text) {
                XCTAssertTrue(befores.allSatisfy { ByteSearch.firstOffset(of: $0, in: lower) == nil }, "\(Array(text.unicodeScalars))")
            }
            for phrase in phrases where !OutletBytes.mayHold(text, lead: ASCIIText.lead(phrase)) {
                XCTAssertNil(text.range(of: phrase, options: .caseInsensitive), "\(phrase) in \(Array(text.unicodeScalars))")
            }
        }
    }

    /// A needle's leading ASCII must be in a text's bytes (case aside) for a case-sensitive search
    /// of the needle to find it in the text or in its lowercased bytes, unless the text holds a
    /// scalar `ASCIIText.mayTurnASCII` names.
    func testLeadBytesGuardCaseSensitiveSearches() throws {
        let needles = try stage.names.inlineLabels + stage.words.outletPatterns.map(\.before) + ["update", "ab", "; x", "`a", "ik"]
        let extra = ["\u{130}", "\u{212A}", "\u{37E}", "\u{1FEF}", "İk", " By ", " Von ", "originally appeared on ", "k"]
        var answered = 0
        for text in randomStrings(count: 5000, maxLength: 10) + extra.map({ "x" + $0 + "é" }) where !ASCIIText.mayTurnASCII(text) {
            let bytes = Array(text.utf8)
            let lower = Array(text.lowercased().utf8)
            for needle in needles {
                let lead = ASCIIText.lead(needle)
                guard !lead.isEmpty, bytes.withUnsafeBufferPointer({ ASCIIText.foldedOffset(of: lead, in: $0) }) == nil else { continue }
                answered += 1
                XCTAssertNil(text.range(of: needle), "\(needle) in \(Array(text.unicodeScalars))")
                XCTAssertNil(ByteSearch.firstOffset(of: Array(needle.utf8), in: lower), "\(needle) in \(Array(text.unicodeScalars))")
            }
        }
        XCTAssertGreaterThan(answered, 10000)
        XCTAssertTrue(ASCIIText.mayTurnASCII("xİ"))
        XCTAssertNotNil("xİk".lowercased().utf8.firstIndex(of: 0x69))
    }

    /// The attribution rule's byte checks: each dash's last offset found in one pass, and the
    /// word count of a rest, on bytes where the text is ASCII or plain.
    func testAttributionBytesMatchTheirRules() {
        let pieces = [" – ", " — ", " - ", " ", "-", "–", "a", "Jane", "é", "\u{301}", "\r\n", "👍", "  ", "x y"]
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        for round in 0..<5000 {
            var text = ""
            for _ in 0..<(round % 16) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let bytes = Array(text.utf8)
            let offsets = MetadataContext.lastOffsets(of: MetadataContext.attributionDashBytes, in: bytes)
            XCTAssertEqual(offsets, MetadataContext.attributionDashBytes.map { ASCIIText.lastOffset(of: $0, in: bytes) }, "\(Array(text.unicodeScalars))")
            if bytes.allSatisfy({ $0 < 0x80 }) || PlainScalar.isPlainText(text) {
                XCTAssertEqual(MetadataContext.wordCount(bytes[...], over: 8), text.split(separator: " ").count > 8, "\(Array(text.unicodeScalars))")
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

    /// Marks, joiners, Prepend and spacing marks, emoji and CJK beside the separators: wherever
    /// the byte tokens answer, they count as the String loop does, and they answer for most texts.
    func testPhraseCountsBesideMarksMatchTheStringLoop() {
        let pieces = ["Al", "al", " ", "Jazeera", "jazeera", ",", ".", ":", "'", "’", "\u{301}", "\u{E33}", "\u{600}", "\u{200D}",
                      "👍", "\u{1F3FB}", "中", "\r\n", "\r", "\u{AD}", "É", "A", "B", "7", "ab", "AB", "\u{FE0F}", "🇩🇪"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var answered = 0
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<(round % 14) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let target = ["aljazeera", "ab", "a7", "jazeera", "ale", "ba"][round % 6]
            var counts: [String: Int] = [:]
            guard MetadataContext.countPhrasesPlain(text, target: Array(target.utf8), into: &counts) else { continue }
            answered += 1
            XCTAssertEqual(counts, phrasesByString(text, target: target), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, 4000)
        var counts: [String: Int] = [:]
        XCTAssertTrue(MetadataContext.countPhrasesPlain("中文 Al Jazeera 👍 al jazeera", target: Array("aljazeera".utf8), into: &counts))
        XCTAssertEqual(counts, ["Al Jazeera": 1])
        XCTAssertFalse(MetadataContext.countPhrasesPlain("Al \u{301}Jazeera", target: Array("aljazeera".utf8), into: &counts))
    }

    /// A plain target that is not ASCII compares as bytes in plain text only (`properCase`): there
    /// both keys are in NFC, so byte equality is the String's equality.
    func testPlainTargetCountsInPlainTextMatchTheStringLoop() {
        let pieces = ["Über", "über", "ÜBER", " ", "Straße", "strasse", ",", "’", "É", "é", "e\u{301}", "Жук", "жук", "ά", "7", "\u{627}\u{653}", "\u{622}", "\r\n"]
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        var answered = 0
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<(round % 10) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let target = ["überstraße", "жукжук", "éé", "über7", "\u{622}жук", "ά"][round % 6]
            XCTAssertTrue(PlainScalar.isPlainText(target))
            guard PlainScalar.isPlainText(text) else { continue }
            var counts: [String: Int] = [:]
            guard MetadataContext.countPhrasesPlain(text, target: Array(target.utf8), into: &counts) else { continue }
            answered += 1
            XCTAssertEqual(counts, phrasesByString(text, target: target), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, 1500)
        XCTAssertFalse(PlainScalar.isPlainText("e\u{301}"))
        XCTAssertFalse(PlainScalar.isPlainText("\u{627}\u{653}"))
    }

    /// The URL rules' byte split stands for `split(whereSeparator:)` at the same Characters.
    func testASCIISplitMatchesCharacterSplit() {
        let separators = Array("/?&=_#".utf8)
        var answered = 0
        let pieces = ["a", "7", "/", "?", "&", "=", "_", "#", "//", ":", ".", "-", "é", "/\u{301}", "\r\n", "%2F"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let texts = (0..<3000).map { round in
            (0..<(round % 16)).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
        for text in texts + ["https://a.b/2019/03/x_y?q=1#z", "//a//", "", "/"] {
            let expected = text.split(whereSeparator: { "/?&=_#".contains($0) })
            guard let pieces = ASCIIText.split(text, at: separators) else { continue }
            answered += 1
            XCTAssertEqual(pieces, expected, "\(Array(text.unicodeScalars))")
            XCTAssertEqual(pieces.map(\.startIndex), expected.map(\.startIndex))
        }
        XCTAssertGreaterThan(answered, 600)
    }

    /// The detector's rule read scalar by scalar with String lookups: letters (and apostrophes)
    /// lowercased make words, anything else ends one; each word counts for the languages it is a
    /// stopword of; the best language needs 12 % of the words and a 10 % lead.
    func detectByScalars(_ detector: LanguageDetector, _ text: String) -> String? {
        var counts = Array(repeating: 0, count: detector.languages.count)
        var total = 0
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            total += 1
            var mask = detector.masksByWord[word] ?? 0
            while mask != 0 { counts[mask.trailingZeroBitCount] += 1; mask &= mask - 1 }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { word += "'"; continue }
            let value = scalar.value
            if (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) || (value >= 0x80 && scalar.properties.isAlphabetic) {
                word += scalar.properties.lowercaseMapping
            } else {
                flush()
            }
        }
        flush()
        guard total >= 8 else { return nil }
        let ranked = counts.indices.filter { counts[$0] > 0 }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        guard let best = ranked.first, Double(counts[best]) / Double(total) >= 0.12 else { return nil }
        if ranked.count > 1, Double(counts[ranked[1]]) > Double(counts[best]) * 0.9 { return nil }
        return detector.languages[best]
    }

    func testLanguageDetectorReadsAsTheScalarRule() {
        let detector = LanguageDetector(stopwords: TestSupport.resources.stopwords)
        let pieces = ["der", "Die", "und", "the", "The", "of", "and", "le", "la", "et", "über", "Über", "e\u{301}", "straße", "und\u{308}",
                      " ", " ", " ", ",", ".", "—", "’", "'", "İ", "ß", "и", "в", "не", "x", "7", "\r\n", "中", "é", "DER"]
        var state: UInt64 = 0xA076_1D64_78BD_642F
        var answered = 0
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<(10 + round % 40) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let found = detector.detect(text)
            if found != nil { answered += 1 }
            XCTAssertEqual(found, detectByScalars(detector, text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertGreaterThan(answered, 300)
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
