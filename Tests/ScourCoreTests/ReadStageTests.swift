import XCTest
@testable import ScourCore

final class ReadStageTests: XCTestCase {
    /// A record, WARC payload or fetched body that is still gzip is inflated by the read stage, with a note.
    func testAGzipBodyFromAnySourceIsInflatedWithANote() throws {
        let html = "<html><head><title>Harbour</title></head><body><p>The council met on Tuesday to agree the harbour budget.</p></body></html>"
        let packed = try XCTUnwrap(GzipMember.compress(Array(html.utf8)))
        var document = Document(source: "record-1", raw: packed, format: .html)
        try TestSupport.stage(ReadStage.self).process(&document)
        XCTAssertEqual(document.blocks.map(\.text).filter { $0.contains("harbour budget") }.count, 1)
        XCTAssertTrue(document.notes.contains { $0.contains("gzip-compressed") }, "\(document.notes)")
        var bomb = Document(source: "record-2", raw: Array(repeating: 0, count: 4), format: .html)
        bomb.raw = try XCTUnwrap(GzipMember.compress(Array(repeating: 0x20, count: 1 << 20)))
        let small = try TestSupport.stage(ReadStage.self, ["max_bytes": 4096])
        XCTAssertThrowsError(try small.process(&bomb)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "gunzipped input is over max_bytes 4096")
        }
    }

    func testBlankLinesSplitBlocksAndMarkdownSetsKinds() throws {
        let blocks = try TestSupport.blocks("""
        # Title here

        First paragraph that is
        wrapped over two lines.

        - item one
        - item two
        > quoted words

        ```
        let code = 1
        ```
        """, format: .markdown)
        XCTAssertEqual(blocks.map(\.kind), [.heading, .paragraph, .listItem, .listItem, .quote, .preformatted])
        XCTAssertEqual(blocks[0].level, 1)
        XCTAssertEqual(blocks[0].text, "Title here")
        XCTAssertEqual(blocks[1].text, "First paragraph that is wrapped over two lines.")
        XCTAssertEqual(blocks[5].text, "let code = 1")
        XCTAssertEqual(blocks.map(\.line), [1, 3, 6, 7, 8, 10])
    }

    func testTextDumpKeepsShortLinesApartButJoinsWrappedOnes() throws {
        let blocks = try TestSupport.blocks("""
        Avatar photo
        Vijaya Laxmi Tripura
        Russia, Israel

        The assassination also fractured the fragile ceasefire talks and
        made everything harder.
        """)
        XCTAssertEqual(blocks.map(\.text), [
            "Avatar photo", "Vijaya Laxmi Tripura", "Russia, Israel",
            "The assassination also fractured the fragile ceasefire talks and made everything harder.",
        ])
        XCTAssertEqual(blocks.map(\.startsChunk), [true, false, false, true])
    }

    /// A line that opens with a day and a month's name ("28. April 2023, 19:50 Uhr") is a date, not an
    /// ordered list's item: it keeps its day. A number before other words stays a list item.
    func testADayBeforeAMonthNameIsNoListNumber() throws {
        let blocks = try TestSupport.blocks("28. April 2023, 19:50 Uhr\n\n3. Mai 2024\n\n12. MÄR 2025 18:03\n\n2. Preheat the oven\n\n40. April Fools", format: .markdown)
        XCTAssertEqual(blocks.map(\.text), ["28. April 2023, 19:50 Uhr", "3. Mai 2024", "12. MÄR 2025 18:03", "Preheat the oven", "April Fools"])
        XCTAssertEqual(blocks.map(\.kind), [.paragraph, .paragraph, .paragraph, .listItem, .listItem])
        var document = TestSupport.textDocument("Kreis und quer: Streber und faule Socken im Landkreis\n\n28. April 2023, 19:50 Uhr\n\n" + MetadataStageTests.body)
        try TestSupport.stage(ReadStage.self).process(&document)
        try TestSupport.stage(NormalizeStage.self).process(&document)
        try TestSupport.stage(MetadataStage.self).process(&document)
        XCTAssertEqual(document.metadata.date, "2023-04-28")
    }

    func testSetextHeadingsAndThematicBreaks() throws {
        let blocks = try TestSupport.blocks("Big Title\n=========\n\n---\n\nBody text here.", format: .markdown)
        XCTAssertEqual(blocks.map(\.kind), [.heading, .paragraph])
        XCTAssertEqual(blocks.first?.text, "Big Title")
    }

    func testOversizedInputIsRejected() throws {
        let stage = try TestSupport.stage(ReadStage.self, ["max_bytes": 10])
        var document = TestSupport.textDocument("this is more than ten bytes")
        XCTAssertThrowsError(try stage.process(&document)) { error in
            XCTAssertTrue((error as? Rejection)?.reason.contains("over max_bytes 10") == true)
        }
    }

    func testBinaryAndEmptyInputsAreRejected() throws {
        let stage = try TestSupport.stage(ReadStage.self)
        var binary = Document(source: "x.txt", raw: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF], format: .text)
        XCTAssertThrowsError(try stage.process(&binary)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "binary content, not text")
        }
        var empty = Document(source: "e.txt", raw: [], format: .text)
        XCTAssertThrowsError(try stage.process(&empty)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "empty file")
        }
        var blank = Document(source: "b.txt", raw: Array("\n\n   \n".utf8), format: .text)
        XCTAssertThrowsError(try stage.process(&blank)) { error in
            XCTAssertEqual((error as? Rejection)?.reason, "no text in input")
        }
    }

    func testLatin1FallsBackWithANote() throws {
        let stage = try TestSupport.stage(ReadStage.self)
        // "Café – 5 €" in Windows-1252.
        var document = Document(source: "l.txt", raw: [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80], format: .text)
        try stage.process(&document)
        XCTAssertEqual(document.blocks.first?.text, "Café – 5 €")
        XCTAssertEqual(document.notes, ["no usable charset declared and not valid UTF-8; decoded as windows-1252"])
    }

    func testDecoderHandlesBOMs() {
        XCTAssertEqual(TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x68, 0x69]), .text("hi", notes: [], replacements: 0))
        XCTAssertEqual(TextDecoder.decode([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00]), .text("hi", notes: [], replacements: 0))
        XCTAssertEqual(TextDecoder.decode([0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69]), .text("hi", notes: [], replacements: 0))
    }

    func testInputCollectorExpandsFoldersInOrderAndFlagsUnsupportedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-collect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["b.txt", "a.md", "sub/c.html", "notes", "picture.png", ".hidden.txt"] {
            try Data("hello".utf8).write(to: folder.appendingPathComponent(name))
        }
        let items = InputCollector.collect([folder.path, folder.path + "/missing.txt"])
        let names = items.map { ($0.source as NSString).lastPathComponent }
        XCTAssertEqual(names, ["a.md", "b.txt", "notes", "picture.png", "c.html", "missing.txt"])
        XCTAssertEqual(items.map(\.format), [.markdown, .text, nil, nil, .html, nil])
        XCTAssertEqual(items[3].problem, "unsupported file type .png")
        XCTAssertEqual(items[5].problem, "no such file or folder")
        XCTAssertNil(items[2].problem, "extension-less files are sniffed when loaded")
    }

    func testGzipRoundTripThroughZlib() throws {
        // "hello gzip" compressed with gzip -9.
        let compressed: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0x48, 0xaf, 0xca,
            0x2c, 0x00, 0x00, 0x19, 0x6a, 0xd2, 0xdf, 0x0a, 0x00, 0x00, 0x00,
        ]
        XCTAssertEqual(try Gzip.decompress(compressed).get(), Array("hello gzip".utf8))
        XCTAssertThrowsError(try Gzip.decompress([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]).get())
        XCTAssertThrowsError(try Gzip.decompress(Array("plain text, not gzip".utf8)).get())
    }
}
