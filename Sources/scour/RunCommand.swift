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

    @Option(name: .long, help: "URL list file to fetch and clean: one URL a line (# comments) or JSONL with \"url\" (repeatable); with --input, replaces the config's inputs and urls.")
    var urls: [String] = []

    @Option(name: .long, help: "Feed list file: feed, sitemap or home-page URLs, one a line like --urls (repeatable); their new articles are fetched and cleaned. With --input or --urls, replaces the config's feeds.urls.")
    var feeds: [String] = []

    @Option(name: .long, help: "Output JSONL path; overrides the config's output path.")
    var output: String?

    @Option(name: .long, help: "Rejects JSONL path; overrides the config's rejects path.")
    var rejects: String?

    @Option(name: .long, help: "Documents cleaned in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Ignore what the state remembers: process every input again (and ask for every feed article, even those seen before).")
    var full = false

    @Flag(name: .long, help: "Read JSONL records from standard input: {\"url\", \"html\"} or {\"source\", \"text\"}.")
    var stdin = false

    @Option(name: .long, help: "Format of standard input with --stdin: jsonl, or warc (.warc or .warc.gz bytes).")
    var stdinFormat: StdinFormat = .jsonl

    @Flag(name: .long, help: "Write cleaned JSONL to standard output; rejects go to stderr unless --rejects names a file.")
    var stdout = false

    @Option(name: .long, help: "Process only shard K of N (0-based, e.g. 2/8), chosen by a stable hash of each input's path or URL.")
    var shard: Shard?

    @Flag(name: .long, help: "Exit 1 when any input was rejected (the run still completes).")
    var failOnReject = false

    @Option(name: .long, help: "Summary format on stderr: text, or json (one object, for log collectors).")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Write the run's figures to this file in the Prometheus text format (for node_exporter's textfile collector); overrides the config's output.metrics_file.")
    var metricsFile: String?

    @Flag(name: .long, help: "Also print what each stage did: documents in/kept/rejected and blocks removed per rule.")
    var verbose = false

    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum StdinFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, warc
    }

    struct Shard: ExpressibleByArgument {
        var index: Int
        var count: Int

        init?(argument: String) {
            let parts = argument.split(separator: "/")
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
                return nil
            }
            self.index = index
            self.count = count
        }
    }

    func run() throws {
        let configPath = config ?? "pipeline.json"
        let (pipelineConfig, _) = try loadConfig(path: configPath, explicit: config != nil)
        guard jobs >= 1 else {
            printError("scour: --jobs must be at least 1, got \(jobs)")
            throw ExitCode(ExitStatus.configError)
        }
        var runner = Runner(config: pipelineConfig, jobs: jobs)
        if let output { runner.output.path = output }
        if let rejects { runner.output.rejects = rejects }
        runner.full = full
        runner.shard = shard.map { ($0.index, $0.count) }
        if stdout {
            runner.outputSink = StreamSink(handle: .standardOutput, name: "stdout")
            if rejects == nil { runner.rejectsSink = StreamSink(handle: .standardError, name: "stderr") }
        }
        runner.configHash = FileManager.default.contents(atPath: configPath).map { SHA256.hex(bytes: [UInt8]($0)) }
        let signals = SignalWatcher(stop: runner.stop)
        // Inputs named on the command line (files or URL lists) replace both lists of the config.
        let fromCommandLine = !input.isEmpty || !urls.isEmpty || !feeds.isEmpty
        let inputs = fromCommandLine ? input : pipelineConfig.inputs
        let urlLists = fromCommandLine ? urls : pipelineConfig.urls
        var feedConfig = pipelineConfig.feeds
        if fromCommandLine { feedConfig.urls = [] }
        let fetching = !urlLists.isEmpty || !feeds.isEmpty || !feedConfig.urls.isEmpty
        let progress = stdout ? nil : ProgressLine.forTerminal()
        // Files can be counted up front (a directory listing), so the line can show an ETA;
        // stdin and URL lists cannot, and show the rate only.
        if let progress, !stdin, !fetching {
            progress.total = InputCollector.collect(inputs).count
        }
        runner.progress = progress.map { line in { done in line.update(done: done) } }
        let summary: RunSummary
        do {
            // With --stdout, rejects already reach stderr as JSON lines: no text for each.
            let warn: (String) -> Void = { message in
                guard logFormat == .text, !stdout else { return }
                progress?.clear()
                printError("scour: \(message)")
            }
            if stdin {
                summary = stdinFormat == .warc ? try runner.run(warc: .standardInput, warn: warn)
                    : try runner.run(records: .standardInput, warn: warn)
            } else if fetching {
                summary = try runner.run(inputs: inputs, urls: urlLists, fetch: pipelineConfig.fetch, feeds: feedConfig,
                                         feedLists: feeds, warn: warn)
            } else {
                summary = try runner.run(inputs: inputs, warn: warn)
            }
        } catch {
            progress?.clear()
            printError("scour: \(error)")
            // A run turned away by the lock did not run: the running one writes the file.
            let lockedOut: Bool
            if case .locked(.held) = error { lockedOut = true } else { lockedOut = false }
            if !lockedOut, let metricsPath = metricsFile ?? pipelineConfig.output.metricsFile { writeMetrics(.failed, to: metricsPath) }
            throw ExitCode(error.exitStatus)
        }
        withExtendedLifetime(signals) {}
        progress?.clear()
        if let metricsPath = metricsFile ?? pipelineConfig.output.metricsFile { writeMetrics(.finished(summary), to: metricsPath) }
        switch logFormat {
        case .text:
            printError(summary.line)
            if verbose { summary.stageLines.forEach(printError) }
        case .json:
            printError(summary.json(configHash: runner.configHash).serialized())
        }
        if failOnReject && summary.rejected > 0 { throw ExitCode(ExitStatus.rejects) }
    }
}

/// Writes the metrics file; the run's output is delivered by then, so a failure is a message,
/// not a failed run (a monitoring check sees the file's age instead).
func writeMetrics(_ outcome: MetricsFile.Outcome, to path: String) {
    do throws(OutputError) {
        try MetricsFile.write(outcome, to: path)
    } catch {
        printError("scour: metrics file: \(error)")
    }
}

/// Turns SIGINT and SIGTERM into a stop request: the run finishes the documents in
/// hand, writes what is done and exits with a summary.
final class SignalWatcher {
    private let sources: [DispatchSourceSignal]

    init(stop: StopRequest) {
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.request(name) }
            source.resume()
            return source
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}

/// A one-line progress display, only when stderr is a terminal (never under cron).
final class ProgressLine: @unchecked Sendable {
    private let started = Date()
    private var shown = false

    static func forTerminal() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    /// Inputs in the run when known in advance (files); nil for streams.
    var total: Int?

    func update(done: Int) {
        let seconds = max(0.001, Date().timeIntervalSince(started))
        let rate = Double(done) / seconds
        var line = String(format: "\rscour: %d documents, %.0f/s", done, rate)
        if let total, total > 0 {
            let left = max(0, total - done)
            let eta = rate > 0 ? Int((Double(left) / rate).rounded()) : 0
            line = String(format: "\rscour: %d/%d documents (%d%%), %.0f/s, ETA %d:%02d", done, total, done * 100 / total, rate, eta / 60, eta % 60)
        }
        FileHandle.standardError.write(Data((line + " ").utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
