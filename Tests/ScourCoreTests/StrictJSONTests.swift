import Foundation
import XCTest
@testable import ScourCore

/// The config parser: strict RFC 8259 with line:column errors.
final class StrictJSONTests: XCTestCase {
    func parse(_ text: String) throws(JSONSyntaxError) -> Any { try StrictJSON.parse(Data(text.utf8)) }

    func syntaxError(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    func testValuesComeOutAsJSONSerializationsDo() throws {
        let value = try XCTUnwrap(try parse(#"{"a": [1, -2.5, 1e3, true, false, null, "x\u00e9\ud83d\ude00\n\"\\/"], "b": {}}"#) as? [String: Any])
        let list = try XCTUnwrap(value["a"] as? [Any])
        XCTAssertEqual((list[0] as? NSNumber)?.intValue, 1)
        XCTAssertEqual((list[1] as? NSNumber)?.doubleValue, -2.5)
        XCTAssertEqual((list[2] as? NSNumber)?.doubleValue, 1000)
        XCTAssertTrue(isJSONBoolean(try XCTUnwrap(list[3] as? NSNumber)))
        XCTAssertEqual((list[4] as? NSNumber)?.boolValue, false)
        XCTAssertFalse(isJSONBoolean(try XCTUnwrap(list[0] as? NSNumber)))
        XCTAssertTrue(list[5] is NSNull)
        XCTAssertEqual(list[6] as? String, "xé😀\n\"\\/")
        XCTAssertEqual((value["b"] as? [String: Any])?.count, 0)
        XCTAssertEqual(try parse("\u{FEFF} [ ] ") as? [Any] as? [Int], [])
    }

    func testNumbersNoSwiftNumberHoldsAreKeptAsWritten() throws {
        XCTAssertEqual(try parse("99999999999999999999") as? JSONNumberLiteral, JSONNumberLiteral(text: "99999999999999999999"))
        XCTAssertEqual(try parse("-9223372036854775809") as? JSONNumberLiteral, JSONNumberLiteral(text: "-9223372036854775809"))
        XCTAssertEqual((try parse("9223372036854775807") as? NSNumber)?.intValue, Int.max)
        XCTAssertEqual(try parse("1e999") as? JSONNumberLiteral, JSONNumberLiteral(text: "1e999"))
    }

    func testSyntaxErrorsGiveLineAndColumn() {
        XCTAssertEqual(syntaxError("{\n  \"a\": 1,\n}"), "line 3, column 1: trailing comma before '}'")
        XCTAssertEqual(syntaxError("[1, 2,]"), "line 1, column 7: trailing comma before ']'")
        XCTAssertEqual(syntaxError("{\"a\": 1,\n \"é\": 2,\n \"a\": 3}"), "line 3, column 2: duplicate key \"a\" (first on line 1)")
        XCTAssertEqual(syntaxError("{stages: }"), "line 1, column 2: expected a key in double quotes, found 's'")
        XCTAssertEqual(syntaxError("{\"a\": 01}"), "line 1, column 7: a number cannot start with 0")
        XCTAssertEqual(syntaxError("{\"é\": \"ü\" x}"), "line 1, column 11: expected ',' or '}' in an object, found 'x'")
        XCTAssertEqual(syntaxError("{\"a\": \"b"), "line 1, column 7: string never ends (opened here)")
        XCTAssertEqual(syntaxError("{\"a\": 1} {}"), "line 1, column 10: unexpected text after the end of the JSON value")
        XCTAssertEqual(syntaxError("// comment\n{}"), "line 1, column 1: expected a value, found '/'")
        XCTAssertEqual(syntaxError("[\"\\ud800\"]"), "line 1, column 3: \\u escape is half of a surrogate pair")
        XCTAssertEqual(syntaxError("[\"a\nb\"]"), "line 1, column 4: line break inside a string (write \\n)")
        XCTAssertEqual(syntaxError("[NaN]"), "line 1, column 2: expected a value, found 'N'")
        XCTAssertEqual(syntaxError(""), "line 1, column 1: expected a value, found the end of the file")
        XCTAssertEqual(syntaxError(String(repeating: "[", count: 300)), "line 1, column 257: nested more than 256 levels deep")
        XCTAssertNotNil(try? StrictJSON.parse(Data([0x22, 0xC3, 0xA9, 0x22])))
        XCTAssertEqual((try? StrictJSON.parse(Data([0x22, 0xFF, 0x22]))).map { "\($0)" }, nil)
    }

    func testConfigRejectsDuplicatesEmptyStagesAndHugeNumbersAsWritten() {
        func message(_ json: String) -> String {
            do {
                _ = try PipelineConfig.parse(data: Data(json.utf8), path: "p.json", resources: TestSupport.resources)
                return "accepted"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(message("{\"stages\": [{\"stage\": \"read\", \"max_bytes\": 10, \"max_bytes\": 20}]}"),
                       "p.json: not valid JSON: line 1, column 48: duplicate key \"max_bytes\" (first on line 1)")
        XCTAssertTrue(message("{\"stages\": []}").hasPrefix("p.json: stages (line 1): the list is empty, so every input would be rejected"))
        XCTAssertEqual(message("{\"stages\": [{\"stage\": \"read\",\n \"max_bytes\": 99999999999999999999}]}"),
                       "p.json: stages[0] (read).max_bytes (line 2): 99999999999999999999 is out of range 1...17179869184")
        XCTAssertEqual(message("{\"duplicates\": {\"threshold\": 1e999}}"),
                       "p.json: duplicates.threshold (line 1): 1e999 is out of range 0.1...1.0")
        XCTAssertEqual(message("{\"output\": {\"evidence\": true}, \"duplicates\": {\"threshold\": 0.5, \"shingle_size\": 3.0}}"), "accepted")
    }
}
