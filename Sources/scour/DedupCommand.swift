import ArgumentParser
import Foundation
import ScourCore

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Second pass for sharded runs: list documents that duplicate one from an earlier shard's state.",
        discussion: "Prints one JSON line per duplicate: {\"id\", \"duplicate_of\", \"source\", \"output_file\"}. Drop those ids downstream."
    )

    @Argument(help: "State files of the shards, in shard order.")
    var states: [String]

    @Option(name: .long, help: "Pipeline config whose duplicates section (threshold, shingle size) to use.")
    var config: String?

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        for path in states where !FileManager.default.fileExists(atPath: path) {
            printError("scour: \(path): no such state file")
            throw ExitCode(ExitStatus.configError)
        }
        do {
            let findings = try CrossShardDedup(config: pipelineConfig.duplicates).findings(statePaths: states)
            for finding in findings {
                print(JSONValue.object([
                    ("id", .string(finding.id)), ("duplicate_of", .string(finding.duplicateOf)),
                    ("source", .string(finding.source)), ("output_file", .string(finding.outputFile)),
                ]).serialized())
            }
            printError("scour: \(findings.count) duplicates across \(states.count) states")
        } catch {
            printError("scour: \(error)")
            throw ExitCode(ExitStatus.outputError)
        }
    }
}
