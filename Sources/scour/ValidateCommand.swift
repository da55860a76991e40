import ArgumentParser
import ScourCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline config; names every bad key or value and exits 2 on error."
    )

    @Argument(help: "The config file to check.")
    var config: String = "pipeline.json"

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config, explicit: true)
        print("\(config): ok (\(pipelineConfig.stages.map(\.name).joined(separator: " → ")))")
        if !pipelineConfig.feeds.urls.isEmpty { print(pipelineConfig.feeds.summary) }
    }
}
