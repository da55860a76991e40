import ArgumentParser
import Foundation
import ScourCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline over the inputs and write JSONL."
    )

    @Option(name: .long, help: "Pipeline config file.")
    var config: String?

    @Option(name: .long, help: "Input file or folder (repeatable, recursive); overrides the config's inputs.")
    var input: [String] = []

    @Option(name: .long, help: "Output JSONL path; overrides the config's output path.")
    var output: String?

    @Option(name: .long, help: "Rejects JSONL path; overrides the config's rejects path.")
    var rejects: String?

    @Option(name: .long, help: "Documents cleaned in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Also print what each stage did: documents in/kept/rejected and blocks removed per rule.")
    var verbose = false

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        var outputConfig = pipelineConfig.output
        if let output { outputConfig.path = output }
        if let rejects { outputConfig.rejects = rejects }
        guard jobs >= 1 else {
            printError("scour: --jobs must be at least 1, got \(jobs)")
            throw ExitCode(ExitStatus.configError)
        }
        let runner = Runner(pipeline: Pipeline(config: pipelineConfig), output: outputConfig, jobs: jobs)
        let inputs = input.isEmpty ? pipelineConfig.inputs : input
        do {
            let summary = try runner.run(inputs: inputs) { message in
                printError("scour: \(message)")
            }
            printError(summary.line)
            if verbose { summary.stageLines.forEach(printError) }
        } catch {
            printError("scour: \(error)")
            throw ExitCode(ExitStatus.outputError)
        }
    }
}
