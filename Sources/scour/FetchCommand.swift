import ArgumentParser
import Foundation
import ScourCore

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the URLs of URL list files into a WARC archive, without cleaning.",
        discussion: "Uses the config's fetch section (limits, delay, robots.txt, retries). Failed URLs go to the rejects file. With the config's state enabled, URLs a finished fetch archived are asked for conditionally and a 304 counts as unchanged."
    )

    @Argument(help: "URL list files: one URL a line (# comments), or JSONL with a \"url\" field.")
    var lists: [String]

    @Option(name: .long, help: "Folder for the WARC archive (scour-<time>-<pid>-<id>.warc.gz); default: the config's fetch.warc, else out/raw.")
    var warc: String?

    @Option(name: .long, help: "Rejects JSONL path (default: the config's output rejects path, out/rejects.jsonl).")
    var rejects: String?

    @Option(name: .long, help: "Pipeline config file (its fetch and state sections are used).")
    var config: String?

    @Flag(name: .long, help: "Ask for every URL in full, even those the state has validators for.")
    var full = false

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        let directory = warc ?? pipelineConfig.fetch.warcDirectory ?? "out/raw"
        let rejectsPath = rejects ?? pipelineConfig.output.rejects
        let stop = StopRequest()
        let signals = SignalWatcher(stop: stop)
        let summary: ArchiveFetch.Summary
        do {
            var fetch = ArchiveFetch(config: pipelineConfig.fetch, warcDirectory: directory, rejectsPath: rejectsPath)
            fetch.state = pipelineConfig.state
            fetch.full = full
            summary = try fetch.run(lists: lists, stop: stop) { printError("scour: \($0)") }
        } catch {
            printError("scour: \(error)")
            throw ExitCode(error.exitStatus)
        }
        withExtendedLifetime(signals) {}
        printError(summary.line)
    }
}

struct BenchFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-fetch",
        abstract: "Fetch throughput against a local server: pages/s at several concurrencies, and peak RSS.",
        discussion: "Starts an HTTP server on 127.0.0.1 serving one HTML page, fetches N distinct URLs at each concurrency (no delay, no robots), archiving to a temporary WARC unless --no-warc. Build with -c release."
    )

    @Option(name: .long, help: "URLs fetched at each concurrency.")
    var pages: Int = 10_000

    @Option(name: .long, parsing: .upToNextOption, help: "Concurrencies to measure.")
    var concurrency: [Int] = [1, 8, 32]

    @Option(name: .long, help: "Size of the served page in bytes.")
    var pageBytes: Int = 20_000

    @Flag(name: .long, help: "Do not write a WARC archive while fetching.")
    var noWarc = false

    func run() throws {
        let server = try BenchHTTPServer(pageBytes: pageBytes)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let warcDirectory = noWarc ? nil : FileManager.default.temporaryDirectory.appendingPathComponent("scour-bench-warc").path
        print("fetch: \(pages) URLs of \(pageBytes) bytes from \(base), \(noWarc ? "no archive" : "archived to WARC")")
        for level in concurrency {
            let figure = try FetchBench.run(base: base, count: pages, concurrency: level, warcDirectory: warcDirectory)
            print(String(format: "concurrency %3d: %6d pages in %6.2fs: %8.1f pages/s, %d failed",
                         level, figure.pages, figure.seconds, figure.pagesPerSecond, figure.failed))
        }
        print("peak RSS: \(SpeedBench.peakRSSKiB().map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown")")
    }
}
