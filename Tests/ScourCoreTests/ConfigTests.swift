import Foundation
import XCTest
@testable import ScourCore

final class ConfigTests: XCTestCase {
    func parse(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(data: Data(json.utf8), path: "p.json", resources: TestSupport.resources)
    }

    func problems(_ json: String) -> [ConfigProblem] {
        do {
            _ = try parse(json)
            return []
        } catch let .invalid(_, problems) {
            return problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testRepoPipelineJSONIsValidAndUsesEveryStage() throws {
        let config = try PipelineConfig.load(path: TestSupport.repoRoot.appendingPathComponent("pipeline.json").path,
                                             resources: TestSupport.resources)
        XCTAssertEqual(config.stages.map(\.name), StageRegistry.names)
        XCTAssertEqual(config.inputs, ["seeds/"])
        XCTAssertEqual(config.output.path, "out/articles.jsonl")
    }

    func testUnknownKeyNamesKeyLineAndAllowedKeys() {
        let found = problems("""
        {
          "stages": [
            {"stage": "read"},
            {"stage": "dedupe",
             "min_charz": 3}
          ]
        }
        """)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.key, "stages[1] (dedupe).min_charz")
        XCTAssertEqual(found.first?.line, 5)
        XCTAssertEqual(found.first?.message, "unknown key")
        XCTAssertTrue(found.first?.allowed.contains("min_chars") == true)
        XCTAssertTrue(found.first?.allowed.contains("enabled") == true)
    }

    func testEveryProblemIsReportedAtOnce() {
        let found = problems("""
        {"inputs": "seeds", "colour": 1,
         "output": {"path": 3, "evidence": "yes"},
         "stages": [{"stage": "read", "max_bytes": -1}, {"stage": "shred"}, {"stage": "boilerplate", "main_run": "sometimes"}]}
        """)
        let keys = found.map(\.key)
        XCTAssertTrue(keys.contains("inputs"))
        XCTAssertTrue(keys.contains("colour"))
        XCTAssertTrue(keys.contains("output.path"))
        XCTAssertTrue(keys.contains("output.evidence"))
        XCTAssertTrue(keys.contains("stages[0] (read).max_bytes"))
        XCTAssertTrue(keys.contains("stages[1].stage"))
        XCTAssertTrue(keys.contains("stages[2] (boilerplate).main_run"))
        let unknownStage = found.first { $0.key == "stages[1].stage" }
        XCTAssertEqual(unknownStage?.allowed, StageRegistry.names)
        let badChoice = found.first { $0.key == "stages[2] (boilerplate).main_run" }
        XCTAssertEqual(badChoice?.allowed, ["text", "always", "never"])
    }

    func testWrongTypesAreNamed() {
        let found = problems(#"{"stages": [{"stage": "read", "enabled": "yes"}, {"stage": "normalize", "join_broken_paragraphs": 1}]}"#)
        XCTAssertEqual(Set(found.map(\.key)), ["stages[0] (read).enabled", "stages[1] (normalize).join_broken_paragraphs"])
        XCTAssertTrue(found.allSatisfy { $0.message.contains("expected true or false") })
    }

    func testReadMustComeFirstAndStagesOnce() {
        let found = problems(#"{"stages": [{"stage": "normalize"}, {"stage": "read"}, {"stage": "read"}]}"#)
        XCTAssertTrue(found.contains { $0.message.contains("the first stage must be \"read\"") })
        XCTAssertTrue(found.contains { $0.message.contains("listed twice") })
    }

    func testDisabledStageIsLeftOut() throws {
        let config = try parse(#"{"stages": [{"stage": "read"}, {"stage": "dedupe", "enabled": false}, {"stage": "normalize"}]}"#)
        XCTAssertEqual(config.stages.map(\.name), ["read", "normalize"])
    }

    func testNotJSONAndMissingFile() {
        XCTAssertThrowsError(try parse("{stages: }")) { error in
            guard case ConfigError.notJSON = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try PipelineConfig.load(path: "/nonexistent/p.json", resources: TestSupport.resources)) { error in
            XCTAssertTrue("\(error)".contains("no such file"))
        }
    }

    func testProblemDescriptionIsActionable() {
        let problem = ConfigProblem(key: "stages[2].main_run", line: 7, message: "unknown value \"x\"", allowed: ["text", "always"])
        XCTAssertEqual(problem.description, "stages[2].main_run (line 7): unknown value \"x\"; allowed: text, always")
    }
}
