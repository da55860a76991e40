import Foundation
import XCTest
@testable import ScourCore

/// Untrusted XML: entity declarations and external entities are refused before libxml2 expands
/// or fetches anything; an external DTD is never loaded.
final class FeedSafetyTests: XCTestCase {
    func testEntityExpansionBombIsRefusedWithTheReason() throws {
        let result = FeedParser().parse(try FeedParserTests.fixture("bomb.xml"), url: "https://bomb.example.com/feed", contentType: nil)
        XCTAssertEqual(result, .failure(.entityDeclarations(line: 3)))
        XCTAssertEqual(result.failureDescription,
                       "feed refused: its DOCTYPE declares entities (line 3); entity expansion is never done (entity-bomb guard)")
    }

    /// A file the entity points at: its content must not reach any output.
    func secretFile() throws -> (url: URL, secret: String) {
        let secret = "SECRET-\(UUID().uuidString)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scour-xxe-\(UUID().uuidString).txt")
        try Data(secret.utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return (url, secret)
    }

    func testExternalEntityIsRefusedAndTheFileIsNotRead() throws {
        let (file, secret) = try secretFile()
        let template = String(decoding: try FeedParserTests.fixture("xxe-template.xml"), as: UTF8.self)
        for target in [file.absoluteString, file.path, "http://127.0.0.1:9/secret"] {
            let xml = template.replacingOccurrences(of: "TARGET", with: target)
            let result = FeedParser().parse(Array(xml.utf8), url: "https://xxe.example.com/feed", contentType: nil)
            XCTAssertEqual(result, .failure(.externalEntity(line: 3, target: target)))
            XCTAssertFalse("\(result)".contains(secret))
        }
        // PUBLIC names its target second; a parameter entity is refused as well.
        let publicEntity = template.replacingOccurrences(of: "SYSTEM \"TARGET\"", with: "PUBLIC \"-//X//Y\" \"\(file.absoluteString)\"")
        XCTAssertEqual(FeedParser().parse(Array(publicEntity.utf8), url: "https://xxe.example.com/feed", contentType: nil),
                       .failure(.externalEntity(line: 3, target: file.absoluteString)))
        let parameter = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY % p SYSTEM \"\(file.absoluteString)\">\n%p;\n]><rss/>"
        XCTAssertEqual(FeedParser().parse(Array(parameter.utf8), url: "https://xxe.example.com/feed", contentType: nil),
                       .failure(.externalEntity(line: 3, target: file.absoluteString)))
    }

    /// The byte guard reads UTF-8; a UTF-16 bomb is converted first, so it is caught the same way.
    func testUTF16BombIsRefusedToo() throws {
        let text = String(decoding: try FeedParserTests.fixture("bomb.xml"), as: UTF8.self)
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        XCTAssertEqual(FeedParser().parse(bytes, url: "https://bomb.example.com/feed", contentType: nil), .failure(.entityDeclarations(line: 3)))
    }

    /// Behind the byte guard, libxml2's own DOCTYPE node is checked, and its own entity limits stay on
    /// (here the byte guard is skipped to show both).
    func testTheReaderRefusesDeclaredEntitiesOnItsOwn() throws {
        func readRoot(_ xml: [UInt8]) -> FeedParseError? {
            xml.withUnsafeBufferPointer { buffer -> FeedParseError? in
                guard let stream = XMLStream(buffer, url: "https://bomb.example.com/feed", forceUTF8: false) else { return nil }
                do {
                    _ = try stream.rootElement()
                    return nil
                } catch {
                    return error as? FeedParseError
                }
            }
        }
        let declared = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"b\">\n]>\n<rss version=\"2.0\"><channel/></rss>"
        XCTAssertEqual(readRoot(Array(declared.utf8)), .entityDeclarations(line: 5))  // where the parser stood
        let bomb = readRoot(try FeedParserTests.fixture("bomb.xml"))
        switch bomb {
        case .entityDeclarations?: break
        case let .malformed(message, _)?: XCTAssertTrue(message.contains("entity"), message)
        default: XCTFail("\(String(describing: bomb))")
        }
    }

    func testExternalDTDIsNeverLoaded() throws {
        let (file, secret) = try secretFile()
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("scour-dtd-\(UUID().uuidString).dtd")
        try Data("<!ENTITY secret SYSTEM \"\(file.absoluteString)\">\n<!ENTITY inline \"\(secret)\">".utf8).write(to: dtd)
        addTeardownBlock { try? FileManager.default.removeItem(at: dtd) }
        let template = String(decoding: try FeedParserTests.fixture("external-dtd-template.xml"), as: UTF8.self)
        let xml = template.replacingOccurrences(of: "TARGET", with: dtd.absoluteString)
        let result = FeedParser().parse(Array(xml.utf8), url: "https://dtd.example.com/feed", contentType: nil)
        XCTAssertFalse("\(result)".contains(secret))
        guard case let .success(.entries(got)) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(got.map(\.url), ["https://dtd.example.com/a"])
        XCTAssertEqual(got.first?.title, "Story here")
    }
}
