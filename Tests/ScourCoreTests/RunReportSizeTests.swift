import Foundation
import XCTest
@testable import ScourCore

/// The report's size for many documents: the table grows by a fixed, small amount per
/// document, and the detailed sections stop at the limit. Sizes only, never times.
final class RunReportSizeTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A page-like document: a title, an outlet from a few, twelve kept paragraphs and six removed blocks.
    static func document(_ number: Int) -> Document {
        var document = Document(source: "/data/pages/\(number).html", raw: nil, format: .html)
        document.metadata.title = "Story number \(number) about the council's budget and the bridge"
        document.metadata.outlet = ["The Gazette", "Le Quotidien", "Die Zeitung", "El Diario"][number % 4]
        document.metadata.language = ["en", "fr", "de", "es"][number % 4]
        document.metadata.date = "2026-12-0\(1 + number % 9)"
        let paragraph = "The council voted on Tuesday to approve the budget for the coming year after a long debate. "
        for index in 0..<12 { document.blocks.append(Block(text: "\(index). " + String(repeating: paragraph, count: 3))) }
        for index in 0..<6 {
            var block = Block(text: "Menu item \(index) Home News Sport Weather")
            block.removal = Removal(stage: "read", rule: "markup-boilerplate:menu")
            document.blocks.append(block)
        }
        return document
    }

    func reportSize(documents: Int, detailed: Int) throws -> Int {
        let path = folder.appendingPathComponent("report-\(documents).html").path
        let report = try RunReport(path: path, documentLimit: detailed)
        for number in 1...documents {
            report.add(Self.document(number), id: String(format: "%016x", number), duplicateOf: nil)
        }
        var summary = RunSummary()
        summary.inputs = documents
        summary.written = documents
        var stats = StageStats(stage: "read")
        stats.blocksRemoved = ["markup-boilerplate:menu": documents * 6]
        summary.stages = [stats]
        try report.finish(summary: summary)
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }, [],
                       "the streamed parts are removed")
        return size
    }

    func testTableGrowsLinearlyAndSectionsStopAtTheLimit() throws {
        let small = try reportSize(documents: 1_000, detailed: 200)
        let middle = try reportSize(documents: 5_000, detailed: 200)
        let large = try reportSize(documents: 10_000, detailed: 200)
        // Past the detailed ones, each document costs only its row: the same amount per row
        // from 1,000 to 5,000 and from 5,000 to 10,000 (numbers grow a digit, hence 2%).
        let first = Double(middle - small) / 4_000, second = Double(large - middle) / 5_000
        XCTAssertEqual(second / first, 1, accuracy: 0.02, "bytes per row: \(first), then \(second)")
        XCTAssertLessThan(second, 250, "a row stays a few short fields")
        XCTAssertLessThan(large, 3_000_000, "10,000 documents: \(large) bytes")
        print("report.html: \(small) bytes for 1,000 documents, \(middle) for 5,000, \(large) for 10,000 (\(Int(second)) bytes per row)")
    }

    func testEveryDocumentDetailedCostsItsTextOnce() throws {
        let table = try reportSize(documents: 400, detailed: 0)
        let detailed = try reportSize(documents: 400, detailed: 400)
        let text = Self.document(1).blocks.reduce(0) { $0 + $1.text.utf8.count }
        // A section holds the document's text once, with its markup around it: under twice its size.
        let perSection = Double(detailed - table) / 400
        XCTAssertGreaterThan(perSection, Double(text))
        XCTAssertLessThan(perSection, Double(text) * 2)
    }
}
