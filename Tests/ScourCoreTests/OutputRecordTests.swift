import Foundation
import XCTest
@testable import ScourCore

final class OutputRecordTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testJSONEscapingAndKeyOrder() {
        let value = JSONValue.object([("b", .string("line\nbreak \"quoted\" \\ \u{01} é")), ("a", .array([.null, .bool(true), .int(-3)]))])
        XCTAssertEqual(value.serialized(), #"{"b":"line\nbreak \"quoted\" \\ \u0001 é","a":[null,true,-3]}"#)
    }

    func testRecordHasEveryFieldInSchemaOrder() throws {
        var document = Document(source: "seeds/x.txt", raw: nil, format: .text)
        document.blocks = [Block(text: "First paragraph."), Block(kind: .heading, text: "Sub"), Block(text: "Last one.")]
        document.blocks[1].removal = nil
        document.metadata.title = "T"
        let line = OutputRecord.json(for: document, includeEvidence: false).serialized()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["text"] as? String, "First paragraph.\n\nSub\n\nLast one.")
        XCTAssertEqual(object["word_count"] as? Int, 5)
        XCTAssertEqual(object["id"] as? String, String(SHA256.hex("seeds/x.txt").prefix(16)))
        XCTAssertTrue(object["url"] is NSNull)
        XCTAssertEqual(object["authors"] as? [String], [])
        let keys = ["id", "source", "url", "title", "description", "authors", "date", "outlet", "language", "tags",
                    "text", "word_count", "content_hash", "schema_version"]
        var position = line.startIndex
        for key in keys {
            let range = try XCTUnwrap(line.range(of: "\"\(key)\":", range: position..<line.endIndex), "\(key) out of order")
            position = range.upperBound
        }
    }

    func testIDPrefersURL() {
        XCTAssertEqual(OutputRecord.documentID(source: "a.txt", url: "https://x.com/a"),
                       OutputRecord.documentID(source: "b.txt", url: "https://x.com/a"))
        XCTAssertNotEqual(OutputRecord.documentID(source: "a.txt", url: nil), OutputRecord.documentID(source: "b.txt", url: nil))
    }

    /// Every record the default run writes for the seeds validates against schema/article.schema.json.
    func testSeedOutputValidatesAgainstSchema() throws {
        let schemaURL = TestSupport.repoRoot.appendingPathComponent("schema/article.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let pipeline = Pipeline(config: TestSupport.defaultConfig)
        let items = InputCollector.collect([TestSupport.repoRoot.appendingPathComponent("seeds").path])
        XCTAssertEqual(items.count, 5)
        for item in items {
            let document = try InputCollector.load(item).flatMap { pipeline.process($0) }.get()
            for evidence in [false, true] {
                let line = OutputRecord.json(for: document, includeEvidence: evidence).serialized()
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8))
                let errors = SchemaValidator(root: schema).validate(record)
                XCTAssertEqual(errors, [], "\(item.source) evidence=\(evidence)")
            }
        }
        // And a record that breaks the schema is caught, so the check is not vacuous.
        let broken: [String: Any] = ["id": "XYZ", "schema_version": 2]
        XCTAssertGreaterThan(SchemaValidator(root: schema).validate(broken).count, 3)
    }
}
