import Foundation
import XCTest

/// `--metrics-file` after real runs of the binary, read back with the rules of the Prometheus
/// text exposition format 0.0.4 (see `ExpositionParser`).
final class MetricsFileTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func testRunWritesEveryFamilyAndTheFiguresOfTheRun() throws {
        let metrics = work.appendingPathComponent("scour.prom")
        let output = work.appendingPathComponent("out.jsonl"), rejects = work.appendingPathComponent("rejects.jsonl")
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: CLIRunner.repoRoot.appendingPathComponent("seeds").path) {
            try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/\(name)"), to: inputs.appendingPathComponent(name))
        }
        // Two exact copies (duplicates) and two empty files (rejected: "empty file").
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("000_c6cf82f3579e74d0.txt"), to: inputs.appendingPathComponent("copy1.txt"))
        // (not seed 001: it names its URL, so a copy has the same id and is the same document)
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("002_0590f4f53f5e7073.txt"), to: inputs.appendingPathComponent("copy2.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty1.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty2.txt"))
        let before = Date().timeIntervalSince1970
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--output", output.path, "--rejects", rejects.path,
                                        "--metrics-file", metrics.path, "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try ExpositionParser.parse(try String(contentsOf: metrics, encoding: .utf8))

        for family in ["scour_last_run_success", "scour_last_run_timestamp_seconds", "scour_last_success_timestamp_seconds",
                       "scour_build_info", "scour_run_inputs", "scour_run_documents", "scour_run_rejects", "scour_run_duplicates",
                       "scour_run_blocks_removed", "scour_run_duration_seconds", "scour_run_pages_per_second",
                       "scour_run_peak_resident_memory_bytes", "scour_run_decoding_replacement_documents",
                       "scour_run_decoding_replaced_sequences"] {
            XCTAssertEqual(parsed.types[family], "gauge", family)
            XCTAssertNotNil(parsed.help[family], family)
        }
        XCTAssertEqual(parsed.value("scour_last_run_success"), 1)
        XCTAssertEqual(parsed.value("scour_run_inputs"), 9)
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "written"]), 5)
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "duplicate"]), 2)
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "rejected"]), 2)
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "unchanged"]), 0)
        XCTAssertEqual(parsed.value("scour_run_rejects", ["reason": "empty file"]), 2)
        XCTAssertEqual(parsed.value("scour_run_duplicates", ["kind": "exact"]), 2)
        XCTAssertEqual(parsed.value("scour_run_duplicates", ["kind": "near"]), 0)
        // The outcomes add up to the inputs, and the counts agree with the files written.
        let outcomes = parsed.samples.filter { $0.name == "scour_run_documents" }.map(\.value).reduce(0, +)
        XCTAssertEqual(outcomes, 9)
        XCTAssertEqual(try CLIRunner.jsonLines(output).count, 7)
        XCTAssertEqual(try CLIRunner.jsonLines(rejects).count, 2)
        let removedByStage = Dictionary(uniqueKeysWithValues: parsed.samples.filter { $0.name == "scour_run_blocks_removed" }
            .map { ($0.labels["stage"] ?? "", $0.value) })
        XCTAssertEqual(Set(removedByStage.keys), ["read", "normalize", "metadata", "boilerplate", "dedupe"])
        XCTAssertGreaterThan(removedByStage["boilerplate"] ?? 0, 0)
        let ended = try XCTUnwrap(parsed.value("scour_last_run_timestamp_seconds"))
        XCTAssertGreaterThanOrEqual(ended, before)
        XCTAssertEqual(parsed.value("scour_last_success_timestamp_seconds"), ended)
        XCTAssertGreaterThan(parsed.value("scour_run_peak_resident_memory_bytes") ?? 0, 1_000_000)
        XCTAssertGreaterThan(parsed.value("scour_run_duration_seconds") ?? 0, 0)
        XCTAssertGreaterThan(parsed.value("scour_run_pages_per_second") ?? 0, 0)
        // Nothing is left beside the file: it was written through a temporary file and renamed.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains(".tmp-") }, [])
    }

    /// Reasons with quotes (escaped in the label) and numbers (one class), from JSONL on stdin.
    func testRejectReasonsAreEscapedAndBounded() throws {
        let metrics = work.appendingPathComponent("scour.prom")
        var records = ""
        for index in 0..<3 { records += "{\"url\": \"https://example.com/\(index)\"}\n" }
        records += "[1, 2]\n"
        let result = try CLIRunner.run(["run", "--stdin", "--output", work.appendingPathComponent("o.jsonl").path,
                                        "--rejects", work.appendingPathComponent("r.jsonl").path,
                                        "--metrics-file", metrics.path], stdin: Data(records.utf8))
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: metrics, encoding: .utf8)
        XCTAssertTrue(text.contains(#"reason="record has neither \"html\" nor \"text\""} 3"#), text)
        let parsed = try ExpositionParser.parse(text)
        XCTAssertEqual(parsed.value("scour_run_rejects", ["reason": "record has neither \"html\" nor \"text\""]), 3)
        XCTAssertEqual(parsed.value("scour_run_rejects", ["reason": "not a JSON object"]), 1)
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "rejected"]), 4)
    }

    /// A failed run moves the run's time and success, never the last success: the file keeps
    /// the time of the last completed run.
    func testFailedRunKeepsTheLastSuccessTime() throws {
        let metrics = work.appendingPathComponent("scour.prom")
        let seed = CLIRunner.repoRoot.appendingPathComponent("seeds/000_c6cf82f3579e74d0.txt").path
        let good = try CLIRunner.run(["run", "--input", seed, "--output", work.appendingPathComponent("o.jsonl").path,
                                      "--rejects", work.appendingPathComponent("r.jsonl").path, "--metrics-file", metrics.path])
        XCTAssertEqual(good.status, 0, good.stderr)
        let first = try ExpositionParser.parse(try String(contentsOf: metrics, encoding: .utf8))
        let success = try XCTUnwrap(first.value("scour_last_success_timestamp_seconds"))

        // The output names a folder: the run fails (exit 2) and writes nothing but the metrics.
        let folder = work.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bad = try CLIRunner.run(["run", "--input", seed, "--output", folder.path,
                                     "--rejects", work.appendingPathComponent("r.jsonl").path, "--metrics-file", metrics.path])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        let second = try ExpositionParser.parse(try String(contentsOf: metrics, encoding: .utf8))
        XCTAssertEqual(second.value("scour_last_run_success"), 0)
        XCTAssertEqual(second.value("scour_last_success_timestamp_seconds"), success)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(second.value("scour_last_run_timestamp_seconds")), success)
        XCTAssertNil(second.value("scour_run_inputs"), "a failed run has no figures to report")
    }

    /// A folder named as the metrics file is refused and left as it was; the run itself is delivered.
    func testMetricsFileNeverReplacesAFolder() throws {
        let folder = work.appendingPathComponent("metrics-dir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("inside"))
        let output = work.appendingPathComponent("o.jsonl")
        let result = try CLIRunner.run(["run", "--input", CLIRunner.repoRoot.appendingPathComponent("seeds").path,
                                        "--output", output.path, "--rejects", work.appendingPathComponent("r.jsonl").path,
                                        "--metrics-file", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("metrics file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("is a folder"), result.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("inside"), encoding: .utf8), "keep")
        XCTAssertEqual(try CLIRunner.jsonLines(output).count, 5)
    }

    func testConfigKeyNamesTheFile() throws {
        let metrics = work.appendingPathComponent("from-config.prom")
        let config = work.appendingPathComponent("p.json")
        try Data("""
        {"inputs": ["\(CLIRunner.repoRoot.appendingPathComponent("seeds").path)"],
         "output": {"path": "\(work.path)/o.jsonl", "rejects": "\(work.path)/r.jsonl", "metrics_file": "\(metrics.path)"}}
        """.utf8).write(to: config)
        let result = try CLIRunner.run(["run", "--config", config.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try ExpositionParser.parse(try String(contentsOf: metrics, encoding: .utf8))
        XCTAssertEqual(parsed.value("scour_run_documents", ["outcome": "written"]), 5)
    }
}

/// A reader of the Prometheus text format 0.0.4 that fails on anything the format forbids:
/// bad metric or label names, bad escapes in label values, a TYPE given twice or after the
/// family's samples, samples of a family with no TYPE, the same series twice, values that are
/// not floats, a missing final line feed.
struct ExpositionParser {
    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var types: [String: String] = [:]
    var help: [String: String] = [:]
    var samples: [Sample] = []

    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    static let metricName = try! NSRegularExpression(pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$")
    static let labelName = try! NSRegularExpression(pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$")

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func parse(_ text: String) throws -> ExpositionParser {
        guard text.hasSuffix("\n") else { throw CLIError("the text must end with a line feed") }
        var parsed = ExpositionParser()
        var seriesSeen = Set<String>()
        var familiesWithSamples = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3 else { throw CLIError("short comment line: \(line)") }
                let name = String(parts[2])
                guard matches(metricName, name) else { throw CLIError("bad metric name \(name)") }
                let rest = parts.count > 3 ? String(parts[3]) : ""
                if parts[1] == "TYPE" {
                    guard parsed.types[name] == nil else { throw CLIError("second TYPE for \(name)") }
                    guard !familiesWithSamples.contains(name) else { throw CLIError("TYPE after samples of \(name)") }
                    guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(rest) else { throw CLIError("bad type \(rest)") }
                    parsed.types[name] = rest
                } else {
                    guard parsed.help[name] == nil else { throw CLIError("second HELP for \(name)") }
                    parsed.help[name] = rest
                }
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { continue }
            let sample = try parseSample(String(line))
            guard parsed.types[sample.name] != nil else { throw CLIError("sample of \(sample.name) before its TYPE") }
            familiesWithSamples.insert(sample.name)
            let key = sample.name + "{" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}") + "}"
            guard seriesSeen.insert(key).inserted else { throw CLIError("series given twice: \(line)") }
            parsed.samples.append(sample)
        }
        return parsed
    }

    static func parseSample(_ line: String) throws -> Sample {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] != "{", characters[index] != " " { index += 1 }
        let name = String(characters[0..<index])
        guard matches(metricName, name) else { throw CLIError("bad metric name in \(line)") }
        var labels: [String: String] = [:]
        if index < characters.count, characters[index] == "{" {
            index += 1
            while index < characters.count, characters[index] != "}" {
                var labelEnd = index
                while labelEnd < characters.count, characters[labelEnd] != "=" { labelEnd += 1 }
                let label = String(characters[index..<labelEnd])
                guard matches(labelName, label), labelEnd + 1 < characters.count, characters[labelEnd + 1] == "\"" else {
                    throw CLIError("bad label in \(line)")
                }
                index = labelEnd + 2
                var value = ""
                while true {
                    guard index < characters.count else { throw CLIError("unterminated label value in \(line)") }
                    let character = characters[index]
                    if character == "\"" { break }
                    if character == "\\" {
                        guard index + 1 < characters.count else { throw CLIError("bad escape in \(line)") }
                        switch characters[index + 1] {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw CLIError("bad escape \\\(characters[index + 1]) in \(line)")
                        }
                        index += 2
                    } else {
                        value.append(character)
                        index += 1
                    }
                }
                guard labels.updateValue(value, forKey: label) == nil else { throw CLIError("label \(label) twice in \(line)") }
                index += 1
                if index < characters.count, characters[index] == "," { index += 1 }
            }
            index += 1
        }
        let rest = String(characters[min(index, characters.count)...]).split(separator: " ")
        guard let first = rest.first, rest.count <= 2 else { throw CLIError("no value in \(line)") }
        let value: Double
        switch first {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let number = Double(first) else { throw CLIError("value \(first) is not a float in \(line)") }
            value = number
        }
        return Sample(name: name, labels: labels, value: value)
    }
}
