import Foundation
import XCTest
@testable import ScourCore

/// Gunzipping with a limit, source names for any bytes, and files that vanish mid-run.
final class InputReadingTests: XCTestCase {
    func testGunzipStopsOneByteAfterTheLimit() throws {
        let plain = [UInt8](repeating: 0x41, count: 200_000)
        let member = try XCTUnwrap(GzipMember.compress(plain))
        XCTAssertEqual(try Gzip.decompress(member, limit: 200_000).get(), plain)
        XCTAssertEqual(Gzip.decompress(member, limit: 199_999).failureValue, .tooLarge(limit: 199_999))
        // Two members read as one stream; a cut stream keeps what it had.
        XCTAssertEqual(try Gzip.decompress(member + member).get().count, 400_000)
        XCTAssertEqual(try Gzip.decompress(Array(member.prefix(member.count / 2))).get().isEmpty, false)
        XCTAssertNotNil(Gzip.decompress(Array("not gzip at all".utf8)).failureValue)
    }

    func testSourceNamesRoundTripAndStayDistinct() {
        let names: [[UInt8]] = [Array("a/café.html".utf8), [0x61, 0xE9, 0x2E, 0x74], Array("a\\xE9.t".utf8), [0x5C], [0xFF, 0xFE],
                                Array("ok\\".utf8), [0xE2, 0x80], [0xED, 0xA0, 0x80]]
        let sources = names.map(SourceName.escape)
        XCTAssertEqual(sources[0], "a/café.html")
        XCTAssertEqual(sources[1], "a\\xE9.t")
        XCTAssertEqual(sources[2], "a\\\\xE9.t")
        XCTAssertEqual(sources[7], "\\xED\\xA0\\x80", "a UTF-16 surrogate encoded in UTF-8 is not valid UTF-8")
        XCTAssertEqual(Set(sources).count, names.count)
        for (name, source) in zip(names, sources) { XCTAssertEqual(SourceName.bytes(of: source), name, source) }
    }

    func testAFileDeletedAfterListingIsRejectedAsMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scour-vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Text that is there when the folder is listed.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        var source = FileSource(paths: [folder.path])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.txt"))
        guard case let .rejected(name, rejection)? = source.next() else { return XCTFail("expected a rejection") }
        XCTAssertEqual(name, folder.path + "/a.txt")
        XCTAssertEqual(rejection.reason, "no such file or folder")
        XCTAssertNil(source.next())
    }
}

extension Result {
    var failureValue: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
