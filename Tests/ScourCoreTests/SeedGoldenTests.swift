import XCTest
@testable import ScourCore

/// Pins what Scour makes of each of the five seed pages in `seeds/`.
final class SeedGoldenTests: XCTestCase {
    struct Cleaned {
        var document: Document
        var paragraphs: [String] { document.keptBlocks.map(\.text) }
        var meta: Metadata { document.metadata }
    }

    func clean(_ name: String) throws -> Cleaned {
        let path = TestSupport.repoRoot.appendingPathComponent("seeds/\(name)").path
        let item = InputCollector.item(forFile: path)
        let document = try InputCollector.load(item).get()
        let result = Pipeline(config: TestSupport.defaultConfig).process(document)
        return Cleaned(document: try result.get())
    }

    /// Lines that must never survive cleaning in any seed.
    static let boilerplate = [
        "Share on facebook", "Share on telegram", "Subscribe or Contribute", "Donate Now", "Related post",
        "Leave a Reply", "Submit a Comment", "Your email address will not be published", "Don't Miss",
        "1 2 3 9,595", "Sun Mon Tue Wed Thu Fri Sat", "All rights reserved", "Design and Development",
        "Ahmad Gharabli / AFP", "Avatar photo", "Original url", "This story originally appeared on",
        "Please follow Blitz on Google News", "Please Share This Post", "Últimas publicaciones",
        "More News Of This Category", "Support fearless, independent journalism", "Related article:",
        "Invest in yourself", "The views expressed in opinion pieces",
    ]

    func assertClean(_ cleaned: Cleaned, first: String, last: String, file: StaticString = #filePath, line: UInt = #line) {
        let paragraphs = cleaned.paragraphs
        XCTAssertTrue(paragraphs.first?.hasPrefix(first) == true, "body starts with \(paragraphs.first ?? "nothing")", file: file, line: line)
        XCTAssertTrue(paragraphs.last?.hasPrefix(last) == true, "body ends with \(paragraphs.last ?? "nothing")", file: file, line: line)
        let text = cleaned.document.bodyText
        for phrase in Self.boilerplate {
            XCTAssertFalse(text.contains(phrase), "boilerplate left: \(phrase)", file: file, line: line)
        }
        if let title = cleaned.meta.title {
            XCTAssertFalse(paragraphs.contains { TextKey.letters($0) == TextKey.letters(title) }, "title in text", file: file, line: line)
        }
        XCTAssertEqual(Set(paragraphs).count, paragraphs.count, "a block repeats in the body", file: file, line: line)
    }

    func testSeed000TitleOnceAuthorNoDate() throws {
        let cleaned = try clean("000_c6cf82f3579e74d0.txt")
        XCTAssertEqual(cleaned.meta.title, "Is the latest Israel-Palestine conflict Russia’s opening to the Middle East?")
        XCTAssertEqual(cleaned.meta.authors, ["Hazem Zahab"])
        XCTAssertNil(cleaned.meta.date)
        XCTAssertEqual(cleaned.meta.language, "en")
        assertClean(cleaned, first: "Israel continues its attacks on Palestinian civilians",
                    last: "Such attempts are therefore unlikely to succeed.")
        // Subheadings stay.
        XCTAssertTrue(cleaned.paragraphs.contains("Russia’s involvement in the conflict"))
        XCTAssertTrue(cleaned.paragraphs.contains("Is this Russia’s opening?"))
        XCTAssertFalse(cleaned.paragraphs.contains("Hazem Zahab"))
    }

    func testSeed001MoscowTimes() throws {
        let cleaned = try clean("001_99100116381ce573.txt")
        XCTAssertEqual(cleaned.meta.title, "Russia's Timid Approach to the Israeli-Palestinian Conflict")
        XCTAssertEqual(cleaned.meta.authors, ["Marianna Belenkaya"])
        XCTAssertEqual(cleaned.meta.date, "2021-05-18")
        XCTAssertEqual(cleaned.meta.outlet, "The Moscow Times")
        XCTAssertEqual(cleaned.meta.url,
                       "https://www.themoscowtimes.com/2021/05/18/russias-timid-approach-to-the-israeli-palestinian-conflict-a73930")
        assertClean(cleaned, first: "“I would like to thank U.S. President Joe Biden",
                    last: "The Arab countries themselves support this position.")
        // The paragraph the scraper split mid-sentence is whole again.
        XCTAssertTrue(cleaned.paragraphs.contains { $0.contains("much less express solidarity with either.") })
        XCTAssertTrue(cleaned.paragraphs.contains { $0.contains("Over the course of a week of fierce fighting, no such necessity arose.") })
        XCTAssertFalse(cleaned.document.bodyText.contains("By Marianna"))
        XCTAssertFalse(cleaned.paragraphs.contains("May 18, 2021"))
    }

    func testSeed002AlJazeeraWithoutAuthor() throws {
        let cleaned = try clean("002_0590f4f53f5e7073.txt")
        XCTAssertEqual(cleaned.meta.title, "What’s behind Russia’s “soft power” moves on Israel-Palestine?")
        XCTAssertEqual(cleaned.meta.outlet, "Al Jazeera")
        XCTAssertEqual(cleaned.meta.authors, [])
        assertClean(cleaned, first: "Palestinian leader Mahmoud Abbas is in Moscow",
                    last: "“Russian forces [in Ukraine] they are quite overwhelmed")
        XCTAssertTrue(cleaned.paragraphs.contains("The Iran factor"))
        XCTAssertFalse(cleaned.paragraphs.contains("News"))
        XCTAssertFalse(cleaned.document.bodyText.contains("Trump seeks to overturn"))
        XCTAssertFalse(cleaned.document.bodyText.contains("Demand for food delivery"))
    }

    func testSeed003StrategicCouncil() throws {
        let cleaned = try clean("003_28e33c959340ae16.txt")
        XCTAssertEqual(cleaned.meta.title, "Russia’s Effort to Play a Greater Role in Palestinian Cause")
        XCTAssertEqual(cleaned.meta.date, "2021-05-19")
        XCTAssertEqual(cleaned.meta.outlet, "Strategic Council Online")
        XCTAssertEqual(cleaned.meta.authors, ["Mahmoud Fazeli"])
        XCTAssertEqual(cleaned.meta.tags, ["Note", "political", "top news"])
        // The outlet's own dateline is metadata: the body starts after it.
        assertClean(cleaned, first: "During the recent visit",
                    last: "Russia has always been sensitive to the Russians outside its borders.")
        XCTAssertFalse(cleaned.document.bodyText.contains("Analyst of international affairs"))
        XCTAssertFalse(cleaned.document.bodyText.contains("Erdogan’s Motives"))
        XCTAssertFalse(cleaned.document.bodyText.contains("2021/05/19"))
    }

    func testSeed004Blitz() throws {
        let cleaned = try clean("004_7bb2d4ab16e718ca.txt")
        XCTAssertEqual(cleaned.meta.title, "Israel turns to Russia for help amid stalled peace talks")
        XCTAssertEqual(cleaned.meta.authors, ["Vijaya Laxmi Tripura"])
        XCTAssertEqual(cleaned.meta.date, "2024-09-11")
        XCTAssertEqual(cleaned.meta.outlet, "Blitz")
        XCTAssertEqual(cleaned.meta.tags, ["Russia", "Israel"])
        assertClean(cleaned, first: "The ongoing conflict between Israel and Hamas",
                    last: "The outcome of these diplomatic efforts")
        XCTAssertFalse(cleaned.document.bodyText.contains("research-scholar"))
        XCTAssertFalse(cleaned.document.bodyText.contains("Update Time"))
    }
}
