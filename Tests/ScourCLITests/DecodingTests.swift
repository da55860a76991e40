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

    /// Pages saved as the wire carried them: gzip under a plain name, gzip twice in a `.gz`, UTF-16
    /// without its byte-order mark (HTML and text). Each is read whole and says so; a fourth gzip
    /// layer, zstd and NUL-laced bytes that are no UTF-16 are rejects with their reason.
    func testCompressedAndMarklessUTF16PagesAreReadAndSaySo() throws {
        func gzip(_ bytes: [UInt8]) throws -> [UInt8] { try Self.filter(bytes, through: ["/bin/gzip", "-c"]) }
        let page = Self.page()
        let text = Array((Self.paragraphs.joined(separator: "\n\n") + "\n").utf8)
        func utf16(_ bytes: [UInt8], bigEndian: Bool) -> [UInt8] {
            String(decoding: bytes, as: UTF8.self).utf16.flatMap { unit in
                bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
        }
        // A Russian text has almost no ASCII: its high bytes are U+04xx's block and the spaces' NUL.
        let russian = (1...6).map { "Жители города во вторник проголосовали за новый бюджет школы номер \($0), и большинство было за." }
            .joined(separator: "\n\n") + "\n"
        var laced: [UInt8] = []
        for index in 0..<800 { laced += [UInt8(truncatingIfNeeded: index &* 131 &+ 7), 0] }
        let result = try run([
            "wire.html": try gzip(page), "twice.html.gz": try gzip(try gzip(page)),
            "four.html.gz": try gzip(try gzip(try gzip(try gzip(page)))),
            "le.html": utf16(page, bigEndian: false), "be.html": utf16(page, bigEndian: true),
            "le.txt": utf16(text, bigEndian: false),
            "zstd.html": [0x28, 0xB5, 0x2F, 0xFD] + page, "laced.html": laced,
            "ru.txt": utf16(Array(russian.utf8), bigEndian: false),
        ])
        XCTAssertTrue(result.records["ru.txt"]?.contains("Жители города во вторник") == true, "\(result.rejects["ru.txt"] ?? "")")
        for name in ["wire.html", "twice.html.gz", "le.html", "be.html", "le.txt"] {
            XCTAssertTrue(result.records[name]?.contains(Self.paragraphs[0]) == true, "\(name): \(result.rejects[name] ?? "missing")")
            XCTAssertTrue(result.records[name]?.contains(Self.paragraphs[11]) == true, name)
        }
        XCTAssertTrue(result.stderr.contains("wire.html: content was gzip-compressed (a Content-Encoding the crawler kept); inflated"), result.stderr)
        XCTAssertTrue(result.stderr.contains("twice.html.gz: content was gzip-compressed again inside the .gz file; inflated"), result.stderr)
        XCTAssertTrue(result.stderr.contains("le.html: no byte-order mark, but the bytes are UTF-16LE (every other byte NUL); decoded as UTF-16LE"), result.stderr)
        XCTAssertTrue(result.stderr.contains("be.html: no byte-order mark, but the bytes are UTF-16BE"), result.stderr)
        XCTAssertEqual(result.rejects["four.html.gz"], "gzip-compressed more than 3 times; not inflated")
        XCTAssertEqual(result.rejects["zstd.html"], "zstd-compressed content, which Scour does not decode")
        XCTAssertEqual(result.rejects["laced.html"], "binary content, not HTML")
    }

    /// XHTML whose only declaration is its XML declaration: read in that encoding when the bytes are
    /// not UTF-8; a declaration that lies about a UTF-8 page is set aside.
    func testAnXMLDeclarationNamesTheEncodingOfXHTMLWithoutMeta() throws {
        let japanese = "東京の新しい橋が月曜日に開通し、朝から多くの車が渡りました。午後には歩行者も多く訪れました。"
        func xhtml(_ encoding: String, _ body: String) -> String {
            "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Bridge</title></head>"
                + "<body><p>\(body)</p><p>\(body)</p></body></html>"
        }
        let sjis = try XCTUnwrap(xhtml("Shift_JIS", japanese).data(using: .shiftJIS))
        let lying = Array(xhtml("ISO-8859-1", Self.paragraphs[0]).utf8)
        let result = try run(["sjis.xhtml.html": [UInt8](sjis), "lying.html": lying])
        XCTAssertTrue(result.records["sjis.xhtml.html"]?.contains(japanese) == true, "\(result.records) \(result.rejects)")
        XCTAssertTrue(result.records["lying.html"]?.contains("agreed the “new” budget") == true, "\(result.records)")
    }

    /// `bytes` through a tool that reads stdin and writes stdout (gzip, glibc's iconv: both on every
    /// Debian system). The input goes through a file, so a large output never blocks the writer.
    static func filter(_ bytes: [UInt8], through tool: [String]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("scour-filter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool[0])
        process.arguments = Array(tool.dropFirst())
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, tool.joined(separator: " "))
        return [UInt8](data)
    }

    /// The commonest lie: a single-byte label on UTF-8 bytes is read as UTF-8, with a note; pages
    /// that are what their single-byte label says keep it.
    func testASingleByteLabelOnUTF8BytesIsSetAside() throws {
        let german = "Die Bürger der Stadt haben am Dienstag über den neuen Haushalt für die Schule abgestimmt."
        let russian = "Жители города во вторник проголосовали за новый бюджет школы, и большинство было за."
        func page(_ charset: String, _ text: String, as encoding: String.Encoding) throws -> [UInt8] {
            let html = "<html><head><meta charset=\"\(charset)\"><title>Haushalt</title></head><body><p>\(text)</p><p>\(text)</p></body></html>"
            return [UInt8](try XCTUnwrap(html.data(using: encoding)))
        }
        let result = try run([
            "utf8-as-1252.html": try page("windows-1252", german, as: .utf8),
            "real-1252.html": try page("windows-1252", german, as: .windowsCP1252),
            "real-koi8.html": try Self.filter(page("koi8-r", russian, as: .utf8), through: ["/usr/bin/iconv", "-f", "UTF-8", "-t", "KOI8-R"]),
        ])
        for name in ["utf8-as-1252.html", "real-1252.html"] {
            XCTAssertTrue(result.records[name]?.contains(german) == true, "\(name): \(result.records[name] ?? result.rejects[name] ?? "")")
        }
        XCTAssertTrue(result.records["real-koi8.html"]?.contains(russian) == true, "\(result.records["real-koi8.html"] ?? "")")
        XCTAssertTrue(result.stderr.contains("utf8-as-1252.html: declared windows-1252 but the bytes are UTF-8; decoded as UTF-8"), result.stderr)
        XCTAssertFalse(result.stderr.contains("real-1252.html: declared"), result.stderr)
    }
}
