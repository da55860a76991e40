import Foundation
import ScourCore
import ScourFuzzTargets
import XCTest

/// Replays every input committed for the fuzz targets (hand-made seeds under Fuzz/corpus and the
/// crashers scripts/fuzz.sh found, under Fuzz/regressions) through the same harness as libFuzzer,
/// without the fuzzer: each must finish, end in output or rejects, and keep the harness's rules.
final class FuzzRegressionTests: XCTestCase {
    static let harness: FuzzHarness = {
        do {
            return try FuzzHarness()
        } catch {
            fatalError("fuzz harness failed to start: \(error)")
        }
    }()

    static let fuzzFolder = TestSupport.repoRoot.appendingPathComponent("Fuzz")

    /// The committed inputs of one target, seeds first, by name.
    static func inputs(_ target: FuzzTarget) -> [(name: String, bytes: [UInt8])] {
        ["corpus", "regressions"].flatMap { kind -> [(name: String, bytes: [UInt8])] in
            let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }.compactMap { name in
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
                return ("\(kind)/\(target.folder)/\(name)", Array(data))
            }
        }
    }

    /// Runs every input of a target; returns the outcomes by input name.
    @discardableResult
    func replay(_ target: FuzzTarget, file: StaticString = #filePath, line: UInt = #line) -> [String: FuzzOutcome] {
        let inputs = Self.inputs(target)
        XCTAssertFalse(inputs.isEmpty, "no committed inputs for \(target)", file: file, line: line)
        var outcomes: [String: FuzzOutcome] = [:]
        for input in inputs {
            do {
                let outcome = try Self.harness.run(target, input.bytes)
                XCTAssertTrue(outcome.rejected.allSatisfy { !$0.isEmpty }, input.name, file: file, line: line)
                outcomes[input.name] = outcome
            } catch {
                XCTFail("\(input.name): \(error)", file: file, line: line)
            }
        }
        return outcomes
    }

    func testHTMLInputsEachEndInOutputOrRejects() {
        for (name, outcome) in replay(.html) {
            XCTAssertEqual(outcome.accounted, 1, name)
        }
        XCTAssertEqual(replay(.html)["corpus/html/article.html"]?.written, 1)
    }

    func testTextInputsEachEndInOutputOrRejects() {
        // Each input is read twice: as a .txt and as a .md file.
        for (name, outcome) in replay(.text) {
            XCTAssertEqual(outcome.accounted, 2, name)
        }
        XCTAssertEqual(replay(.text)["corpus/text/latin1.txt"]?.written, 2, "a legacy byte must not lose the text")
    }

    func testDecodeInputsNeverStopAtABadByte() {
        // Non-empty inputs: one outcome from the text decoder, one from the HTML read stage.
        for (name, outcome) in replay(.decode) {
            XCTAssertEqual(outcome.accounted, 2, name)
        }
    }

    func testWARCInputsEachEndInOutputOrRejects() {
        let outcomes = replay(.warc)
        // Two HTML responses are written; the 404 and the image are rejected with their reason.
        let mixed = outcomes["corpus/warc/mixed.warc"]
        XCTAssertGreaterThanOrEqual(mixed?.written ?? 0, 2)
        XCTAssertTrue(mixed?.rejected.contains { $0.contains("404") } == true, "\(mixed?.rejected ?? [])")
        XCTAssertEqual(outcomes["corpus/warc/mixed-members.warc.gz"], mixed, "gzip members read as the plain archive")
        XCTAssertGreaterThanOrEqual(outcomes["corpus/warc/damaged-length.warc"]?.rejected.count ?? 0, 1)
        // A chunk size of -1 or 0x7fffffffffffffff trapped in the de-chunker and ended the whole run.
        for name in ["chunk-size-negative.warc", "chunk-size-overflow.warc"] {
            XCTAssertEqual(outcomes["regressions/warc/\(name)"]?.accounted, 1, name)
        }
    }

    func testJSONLInputsGiveOneOutcomePerRecord() {
        // The harness itself checks one outcome per non-blank line; records.jsonl has nine of them.
        XCTAssertEqual(replay(.jsonl)["corpus/jsonl/records.jsonl"]?.accounted, 9)
    }

    func testConfigInputsLoadOrSayWhatIsWrong() {
        let outcomes = replay(.config)
        for (name, outcome) in outcomes {
            XCTAssertEqual(outcome.accounted, 1, name)
        }
        XCTAssertEqual(outcomes["corpus/config/pipeline.json"]?.written, 1, "the shipped config cleans the sample page")
        let problems = outcomes["corpus/config/errors.json"]?.rejected.first ?? ""
        XCTAssertTrue(problems.contains("stages"), problems)
    }

    func testFeedInputsParseOrSayWhy() {
        let outcomes = replay(.feed)
        for (name, outcome) in outcomes {
            XCTAssertEqual(outcome.accounted, 2, name)
        }
        XCTAssertEqual(outcomes["corpus/feed/rss2.xml"]?.written, 2)
        XCTAssertTrue(outcomes["corpus/feed/bomb.xml"]?.rejected.allSatisfy { $0.contains("entity-bomb guard") } == true)
    }
}
