import Foundation
import XCTest

/// Decoding through the real binary on real files: no text lost after a bad byte, legacy
/// multibyte pages keep every paragraph but the damaged one, lying labels are handled, and
/// the replacements are counted on stderr and in the run's manifest.
final class DecodingTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    static let paragraphs = (1...12).map {
        "Paragraph \($0): the council met on Tuesday and agreed the “new” budget for the harbour, which pays for repairs."
    }

    /// A UTF-8 page of twelve paragraphs (with curly quotes, whose closing byte is 0x9D) and `fault` inside paragraph 3.
    static func page(charset: String = "utf-8", fault: [UInt8] = [], atEnd: [UInt8] = []) -> [UInt8] {
        var bytes = Array("<html><head><meta charset=\"\(charset)\"><title>Harbour</title></head><body><article>".utf8)
        for (index, text) in paragraphs.enumerated() {
            bytes += Array("<p>".utf8)
            if index == 2 { bytes += fault }
            bytes += Array(text.utf8) + Array("</p>\n".utf8)
        }
        return bytes + Array("</article></body></html>\n".utf8) + atEnd
    }

    func run(_ files: [String: [UInt8]]) throws -> (records: [String: String], rejects: [String: String], stderr: String) {
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: inputs.appendingPathComponent(name)) }
        let output = work.appendingPathComponent("o.jsonl"), rejects = work.appendingPathComponent("r.jsonl")
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--output", output.path, "--rejects", rejects.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        func byName(_ lines: [[String: Any]], _ key: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: lines.map { (($0["source"] as! String as NSString).lastPathComponent, $0[key] as? String ?? "") })
        }
        return (byName(try CLIRunner.jsonLines(output), "text"), byName(try CLIRunner.jsonLines(rejects), "reason"), result.stderr)
    }

    func testStrayBytesInAUTF8PageLoseNoText() throws {
        let result = try run([
            "stray-9d.html": Self.page(fault: [0x9D]),
            "stray-ff-end.html": Self.page(atEnd: Array("<!-- ".utf8) + [0xFF] + Array(" -->".utf8)),
            "latin1-e.html": Self.page(fault: Array("caf".utf8) + [0xE9, 0x20]),
            "declared-nothing.html": Array(String(decoding: Self.page(fault: [0x9D]), as: UTF8.self)
                .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "").utf8),
        ])
        XCTAssertTrue(result.rejects.isEmpty, "\(result.rejects)")
        for name in ["stray-9d.html", "stray-ff-end.html", "latin1-e.html", "declared-nothing.html"] {
            let text = try XCTUnwrap(result.records[name], name)
            for paragraph in Self.paragraphs.dropFirst(3) { XCTAssertTrue(text.contains(paragraph), "\(name): \(text)") }
            XCTAssertTrue(text.contains("“new”"), "still read as UTF-8: \(text)")
        }
        XCTAssertTrue(result.records["stray-9d.html"]!.contains("\u{FFFD}Paragraph 3"))
        XCTAssertTrue(result.records["latin1-e.html"]!.contains("caf\u{FFFD} Paragraph 3"))
        XCTAssertTrue(result.stderr.contains("stray-9d.html: 1 invalid byte sequence in UTF-8 replaced by U+FFFD"), result.stderr)
    }

    func testLegacyMultibytePagesKeepEveryParagraphButTheDamagedOne() throws {
        let fixtures = CLIRunner.repoRoot.appendingPathComponent("Tests/ScourCLITests/Fixtures/encoding")
        let labels = ["shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "big5", "gb18030"]
        var files: [String: [UInt8]] = [:]
        for label in labels {
            files[label + ".html"] = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("paragraphs-\(label).html")))
        }
        let result = try run(files)
        for label in labels {
            let expected = try String(contentsOf: fixtures.appendingPathComponent("paragraphs-\(label).txt"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let got = try XCTUnwrap(result.records[label + ".html"], label).components(separatedBy: "\n\n")
            XCTAssertEqual(got.count, 20, label)
            for (index, paragraph) in got.enumerated() {
                if index == 3 {
                    XCTAssertTrue(paragraph.contains("\u{FFFD}"), "\(label): \(paragraph)")
                } else {
                    XCTAssertEqual(paragraph, expected[index], label)
                }
            }
            XCTAssertTrue(result.stderr.contains("\(label).html: 1 invalid byte sequence"), result.stderr)
        }
    }

    func testLyingOrUnknownLabelsAreSetAsideAndBinaryStillRejected() throws {
        let japanese = "<p>東京の新しい橋が月曜日に開通し、朝から多くの車が渡りました。</p>"
        func utf8Page(_ charset: String) -> [UInt8] {
            let english = Self.paragraphs.map { "<p>\($0)</p>" }.joined()
            return Array("<html><head><meta charset=\"\(charset)\"></head><body><article>\(japanese)\(english)</article></body></html>".utf8)
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<600).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let result = try run([
            "as-sjis.html": utf8Page("shift_jis"), "as-euckr.html": utf8Page("euc-kr"),
            "utf32.html": utf8Page("utf-32"), "ibm037.html": utf8Page("IBM037"),
            "nul.html": Self.page(fault: [0x00]), "image.html": png,
        ])
        for name in ["as-sjis.html", "as-euckr.html", "utf32.html", "ibm037.html"] {
            // Read as Shift_JIS, EUC-KR or EBCDIC the curly quotes would be mojibake.
            XCTAssertTrue(result.records[name]?.contains("agreed the “new” budget") == true, "\(name): \(result.records[name] ?? result.rejects[name] ?? "")")
        }
        XCTAssertTrue(result.stderr.contains("as-sjis.html: declared Shift_JIS but the bytes are UTF-8; decoded as UTF-8"), result.stderr)
        XCTAssertTrue(result.records["nul.html"]?.contains(Self.paragraphs[11]) == true, "\(result.rejects)")
        XCTAssertEqual(result.rejects["image.html"], "binary content, not HTML")
    }

    func testReplacementsAreCountedInTheRunManifest() throws {
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(Self.page(fault: [0x9D, 0x20, 0xFF])).write(to: inputs.appendingPathComponent("two.html"))
        try Data(Self.page()).write(to: inputs.appendingPathComponent("clean.html"))
        let config = work.appendingPathComponent("p.json")
        try Data("""
        {"inputs": ["\(inputs.path)"], "output": {"layout": "runs", "dir": "\(work.path)/out"},
         "state": {"enabled": true, "path": "\(work.path)/out/.scour/state.sqlite"}}
        """.utf8).write(to: config)
        let result = try CLIRunner.run(["run", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: work.appendingPathComponent("out/latest").path)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: work.appendingPathComponent("out/\((latest as NSString).lastPathComponent)/manifest.json"))) as? [String: Any])
        let decoding = try XCTUnwrap(manifest["decoding"] as? [String: Int])
        XCTAssertEqual(decoding["documents_with_replacements"], 1)
        XCTAssertEqual(decoding["replaced_sequences"], 2)
    }
}
