import Foundation
import XCTest

/// `scour validate` on configs Foundation's JSON parser would have let through.
final class StrictConfigTests: XCTestCase {
    func validate(_ text: String) throws -> CLIRunner.Result {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let config = work.appendingPathComponent("p.json")
        try Data(text.utf8).write(to: config)
        var result = try CLIRunner.run(["validate", config.path])
        result.stderr = result.stderr.replacingOccurrences(of: config.path, with: "p.json")
        return result
    }

    func testTrailingCommaDuplicateKeyAndEmptyStagesExitTwoWithLineAndColumn() throws {
        let trailing = try validate("{\n  \"stages\": [\n    {\"stage\": \"read\"},\n  ]\n}\n")
        XCTAssertEqual(trailing.status, 2)
        XCTAssertEqual(trailing.stderr, "p.json: not valid JSON: line 4, column 3: trailing comma before ']'\n")

        let duplicate = try validate("{\"output\": {\"evidence\": true},\n \"output\": {\"evidence\": false}}")
        XCTAssertEqual(duplicate.status, 2)
        XCTAssertEqual(duplicate.stderr, "p.json: not valid JSON: line 2, column 2: duplicate key \"output\" (first on line 1)\n")

        let empty = try validate("{\"stages\": []}")
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.hasPrefix("p.json: stages (line 1): the list is empty, so every input would be rejected"), empty.stderr)

        let huge = try validate("{\"stages\": [{\"stage\": \"read\", \"max_bytes\": 99999999999999999999}]}")
        XCTAssertEqual(huge.status, 2)
        XCTAssertEqual(huge.stderr, "p.json: stages[0] (read).max_bytes (line 1): 99999999999999999999 is out of range 1...17179869184\n")
    }
}
