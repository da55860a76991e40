import ArgumentParser
import ScourCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Score extraction against a benchmark set's ground truth and print speed."
    )

    func run() throws {}
}
