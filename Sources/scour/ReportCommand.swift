import ArgumentParser
import Foundation
import ScourCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write OUT_DIR/index.html: charts and flags over the runs listed in OUT_DIR/manifest.jsonl (runs layout)."
    )

    @Argument(help: "The runs folder (default: the config's output.dir, else out).")
    var outDir: String?

    @Option(name: .long, help: "Pipeline config file, for output.dir when OUT_DIR is not given.")
    var config: String?

    @Option(name: .long, help: "Runs drawn: the newest this many (default 365).")
    var runs: Int = RunIndexPage.defaultRuns

    @Option(name: .long, parsing: .upToNextOption, help: "Benchmark: make synthetic histories of these many runs in a temporary folder and print the index's size and the time to make it (e.g. 365 730 3650).")
    var benchRuns: [Int] = []

    func run() throws {
        guard runs >= 1 else {
            printError("scour: --runs must be at least 1, got \(runs)")
            throw ExitCode(ExitStatus.configError)
        }
        if !benchRuns.isEmpty { return try bench() }
        let root: String
        if let outDir {
            root = outDir
        } else {
            let path = config ?? "pipeline.json"
            let (pipelineConfig, _) = try loadConfig(path: path, explicit: config != nil)
            root = pipelineConfig.output.directory
        }
        do throws(RunIndexError) {
            try RunIndexPage.refresh(root: root, runs: runs)
        } catch {
            printError("scour: \(error)")
            if case .noManifest = error { throw ExitCode(ExitStatus.configError) }
            throw ExitCode(ExitStatus.outputError)
        }
        print(root + "/index.html")
    }

    func bench() throws {
        print("index.html over synthetic runs (100 removal rules, 20 hosts per run); best of 3")
        print("listed runs  drawn runs   index bytes  bytes/run   ms")
        try RunIndexBench().run(sizes: benchRuns) { row in
            print(String(format: "%11d  %10d  %12d  %9d  %5.1f", row.listedRuns, row.drawnRuns, row.bytes,
                         row.bytes / max(1, row.drawnRuns), row.seconds * 1000))
        }
    }
}
