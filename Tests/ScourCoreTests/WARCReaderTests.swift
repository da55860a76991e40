import Foundation
import XCTest
@testable import ScourCore

/// The WARC reader on damaged and foreign archives: a damaged record is one reject and the
/// reading goes on at the next record (next gzip member or next `WARC/1.` line); an empty or
/// unreadable archive is one reject; forms other crawlers write are read as warcio reads them.
final class WARCReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-warc-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// One response record; `lengthDelta` makes its Content-Length wrong on purpose.
    private func record(_ name: String, lengthDelta: Int = 0, headers: String = "Content-Type: text/plain",
                        target: String? = nil, type: String = "response", body: String? = nil) -> [UInt8] {
        let payload = body ?? "The story of \(name), told in a sentence long enough to be a page."
        let block = Array("HTTP/1.1 200 OK\r\n\(headers)\r\n\r\n".utf8) + Array(payload.utf8)
        let head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(target ?? "http://example.com/\(name)")\r\n"
            + "WARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: application/http;msgtype=response\r\n"
            + "Content-Length: \(block.count + lengthDelta)\r\n\r\n"
        return Array(head.utf8) + block + [13, 10, 13, 10]
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func gzipped(_ records: [[UInt8]]) -> [UInt8] {
        records.flatMap { GzipMember.compress($0)! }
    }

    /// Every item of a source as "doc URL" or "reject SOURCE: REASON".
    private func items(_ path: String) -> [String] {
        var source = WARCSource(path: path)
        var lines: [String] = []
        while let item = source.next(), lines.count < 100 {
            switch item {
            case let .document(document): lines.append("doc \(document.metadata.url ?? "?")")
            case let .rejected(name, rejection): lines.append("reject \(name): \(rejection.reason)")
            case let .unchanged(name): lines.append("unchanged \(name)")
            }
        }
        return lines
    }

    private func assertOnlySecondRejected(_ lines: [String], _ detail: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines.count, 4, "\(lines)", file: file, line: line)
        guard lines.count == 4 else { return }
        XCTAssertEqual(lines[0], "doc http://example.com/a", file: file, line: line)
        XCTAssertTrue(lines[1].hasPrefix("reject http://example.com/b: "), lines[1], file: file, line: line)
        XCTAssertTrue(lines[1].contains("WARC record 2 is damaged: it \(detail)"), lines[1], file: file, line: line)
        XCTAssertTrue(lines[1].hasSuffix("read on from the next record"), lines[1], file: file, line: line)
        XCTAssertEqual(Array(lines[2...]), ["doc http://example.com/c", "doc http://example.com/d"], file: file, line: line)
    }

    func testWrongContentLengthInAPlainArchiveLosesOnlyThatRecord() throws {
        let short = try write(record("a") + record("b", lengthDelta: -20) + record("c") + record("d"), "short.warc")
        assertOnlySecondRejected(items(short), "does not end where its Content-Length")
        // Too long: the block swallows the next record's start; the reader looks inside it again.
        let long = try write(record("a") + record("b", lengthDelta: 60) + record("c") + record("d"), "long.warc")
        assertOnlySecondRejected(items(long), "does not end where its Content-Length")
    }

    func testWrongContentLengthInAGzipArchiveResyncsAtTheNextMember() throws {
        let short = try write(gzipped([record("a"), record("b", lengthDelta: -20), record("c"), record("d")]), "short.warc.gz")
        assertOnlySecondRejected(items(short), "does not end where its Content-Length")
        let long = try write(gzipped([record("a"), record("b", lengthDelta: 60), record("c"), record("d")]), "long.warc.gz")
        assertOnlySecondRejected(items(long), "is cut short: Content-Length")
        let huge = try write(gzipped([record("a"), record("b", lengthDelta: 5_000_000), record("c"), record("d")]), "huge.warc.gz")
        assertOnlySecondRejected(items(huge), "is cut short: Content-Length")
    }

    func testTruncatedGzipMemberLosesOnlyItsRecord() throws {
        // A long, varied record so its member is cut in the middle of deflate data.
        let long = (0..<400).map { "line \($0) of b with \($0 * 7919 % 1000)" }.joined(separator: "\n")
        let members = [record("a"), record("b", body: long), record("c"), record("d")].map { GzipMember.compress($0)! }
        let cut = members[0] + members[1].prefix(members[1].count / 2) + members[2] + members[3]
        let lines = items(try write(cut, "cut.warc.gz"))
        assertOnlySecondRejected(lines, "")
        // Cut at the very end of the file: the last record is rejected, the others read.
        let tail = members[0] + members[2] + members[1].prefix(members[1].count - 30)
        let tailLines = items(try write(tail, "tail.warc.gz"))
        XCTAssertEqual(tailLines.count, 3, "\(tailLines)")
        XCTAssertEqual(Array(tailLines.prefix(2)), ["doc http://example.com/a", "doc http://example.com/c"])
        XCTAssertTrue(tailLines.last?.contains("gzip member cut short at the end of the file") == true, "\(tailLines)")
    }

    func testGarbageBetweenRecordsIsOneRejectAndReadingGoesOn() throws {
        let bytes = record("a") + Array("this is not a record\r\nnor is this\r\n\r\n".utf8) + record("c") + record("d")
        let lines = items(try write(bytes, "garbage.warc"))
        XCTAssertEqual(lines.count, 4, "\(lines)")
        XCTAssertTrue(lines[1].contains("WARC record 2 is damaged: it does not start with WARC/ (found \"this is not a record\")"), lines[1])
        XCTAssertEqual(Array(lines[2...]), ["doc http://example.com/c", "doc http://example.com/d"])
    }

    func testEmptyOrUnreadableArchiveIsOneRejectLine() throws {
        let empty = try write([], "empty.warc")
        XCTAssertEqual(items(empty), ["reject \(empty): \(empty): empty archive: no WARC records"])
        let blank = try write(Array("\r\n\r\n".utf8), "blank.warc")
        XCTAssertEqual(items(blank), ["reject \(blank): \(blank): empty archive: no WARC records"])
        let emptyGzip = try write(GzipMember.compress([])!, "empty.warc.gz")
        XCTAssertEqual(items(emptyGzip), ["reject \(emptyGzip): \(emptyGzip): empty archive: no WARC records"])
        let junkGzip = try write([0x1F, 0x8B] + Array(repeating: 0x41, count: 5000), "junk.warc.gz")
        let junk = items(junkGzip)
        XCTAssertEqual(junk.count, 1, "\(junk)")
        XCTAssertTrue(junk.first?.contains("not a readable WARC file: gzip:") == true, "\(junk)")
        let text = try write(Array(String(repeating: "not a WARC file at all\n", count: 50_000).utf8), "text.warc")
        let textLines = items(text)
        XCTAssertEqual(textLines.count, 1, "\(textLines)")
        XCTAssertTrue(textLines.first?.contains("WARC record 1 is damaged: it does not start with WARC/") == true, "\(textLines)")
        let onlyInfo = try write(Array("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n".utf8), "info.warc")
        XCTAssertEqual(items(onlyInfo), ["reject \(onlyInfo): \(onlyInfo): no HTML or text page among its 1 WARC records"])
        let missing = folder.appendingPathComponent("missing.warc").path
        XCTAssertEqual(items(missing), ["reject \(missing): \(missing): cannot read WARC file: no such file"])
    }

    func testForeignFormsAreReadAsWarcioReadsThem() throws {
        let page = "<html><body><p>A page.</p></body></html>"
        // Internet Archive style: de-chunked body, header kept.
        let dechunked = record("a", headers: "Content-Type: text/html\r\nTransfer-Encoding: chunked", body: page)
        // Raw chunked, for comparison.
        let chunked = record("b", headers: "Content-Type: text/html\r\nTransfer-Encoding: chunked",
                             body: String(format: "%x", page.utf8.count) + "\r\n" + page + "\r\n0\r\n\r\n")
        // wget's angle brackets: a robots.txt and a page.
        let robots = record("robots.txt", target: "<http://example.com/robots.txt>", body: "User-agent: *\nDisallow:\n")
        let bracketed = record("c", target: "<http://example.com/c>")
        // Crawler logs: not web pages.
        let log = record("log", target: "metadata://gnu.org/software/wget/warc/wget.log", type: "resource")
        let wpull = record("log2", target: "urn:X-wpull:log", type: "metadata")
        let path = try write(dechunked + chunked + robots + bracketed + log + wpull, "foreign.warc")
        var source = WARCSource(path: path)
        var documents: [Document] = []
        while let item = source.next() {
            guard case let .document(document) = item else { return XCTFail("\(item)") }
            documents.append(document)
        }
        XCTAssertEqual(documents.map(\.metadata.url), ["http://example.com/a", "http://example.com/b", "http://example.com/c"])
        XCTAssertEqual(documents[0].raw, Array(page.utf8))
        XCTAssertEqual(documents[1].raw, Array(page.utf8))
    }

    func testRawDeflateIsDecodedLikeZlibDeflate() throws {
        let text = Array(String(repeating: "Deflated text of a page. ", count: 40).utf8)
        let zlibWrapped = try XCTUnwrap(deflate(text, windowBits: 15))
        let raw = try XCTUnwrap(deflate(text, windowBits: -15))
        for body in [zlibWrapped, raw] {
            let block = Array("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Type: text/plain\r\n\r\n".utf8) + body
            guard case let .success(message) = HTTPMessage.parse(block) else { return XCTFail("no message") }
            guard case let .success(plain) = message.decodedPayload(limit: 1 << 20) else { return XCTFail("not decoded") }
            XCTAssertEqual(plain, text)
        }
    }

    private func deflate(_ input: [UInt8], windowBits: Int32) -> [UInt8]? {
        let compressor = GzipMemberCompressor(level: 6, windowBits: windowBits)
        return compressor.compress(input)
    }
}

/// The fetch state keeps where each page was archived; state files from before that gain the columns.
final class FetchStateCaptureTests: XCTestCase {
    func testOldStateFileGainsCaptureColumnsAndKeepsItsRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scour-state-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let old = try SQLiteDatabase(path: path)
            try old.execute("CREATE TABLE archived_urls (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched TEXT NOT NULL)")
            try old.execute("INSERT INTO archived_urls VALUES ('http://example.com/a', '\"v1\"', NULL, '2024-01-01')")
        }
        let state = try FetchState(try RunState(path: path), table: .archived)
        XCTAssertEqual(try state.validators(for: "http://example.com/a"), FetchValidators(etag: "\"v1\""))
        let capture = ArchivedCapture(recordID: "<urn:uuid:1>", date: "2024-02-03T04:05:06Z", targetURI: "http://example.com/b", payloadDigest: "sha1:X")
        try state.remember(["http://example.com/b": FetchValidators(etag: "\"v2\"", capture: capture)], at: "2024-02-03")
        XCTAssertEqual(try state.validators(for: "http://example.com/b")?.capture, capture)
    }
}
