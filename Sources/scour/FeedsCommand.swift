import ArgumentParser
import Foundation
import ScourCore

struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Discover article URLs from feeds, sitemaps and home pages, without fetching the articles.",
        discussion: """
        Prints one JSON object a line on stdout: url, feed, date, date_evidence, title, authors, categories, outlet. \
        Feeds come from the FILE arguments (one URL a line, like --urls) and the config's feeds.urls; the config's \
        feeds and fetch sections apply (robots.txt, delays, user agent), and the options below override them. \
        The state is not used: every entry the filters keep is printed. Feeds that failed are listed on stderr. \
        Exit status: 0 every feed was read, 1 some feed failed (the others are printed), 2 usage or config error, \
        74 libcurl could not be set up.
        """
    )

    @Argument(help: "Feed list files: feed, sitemap or home-page URLs, one a line (# comments).")
    var lists: [String] = []

    @Option(name: .long, help: "Pipeline config file (its feeds and fetch sections are used).")
    var config: String?

    @Option(name: .long, help: "Only entries dated since: a date (2026-12-01) or a span back from now (12h, 2d).")
    var since: String?

    @Option(name: .long, help: "Keep article URLs containing this text (repeatable).")
    var include: [String] = []

    @Option(name: .long, help: "Drop article URLs containing this text (repeatable).")
    var exclude: [String] = []

    @Flag(name: .long, help: "Keep articles on other hosts than their feed's (feeds.same_host false).")
    var allHosts = false

    @Option(name: .long, help: "At most this many article URLs per feed.")
    var maxPerFeed: Int?

    @Option(name: .long, help: "How deep sitemap indexes and a home page's feed links are followed (feeds.max_depth).")
    var maxDepth: Int?

    @Option(name: .long, help: "Feeds, sitemaps and home pages fetched at most (feeds.max_feeds).")
    var maxFeeds: Int?

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        var feeds = pipelineConfig.feeds
        if let since {
            guard SinceSpec.parse(since, now: Date()) != nil else { throw usage("--since \(since): not a date (2026-12-01) or a span (12h, 2d)") }
            feeds.since = since
        }
        if !include.isEmpty { feeds.include = include }
        if !exclude.isEmpty { feeds.exclude = exclude }
        if allHosts { feeds.sameHost = false }
        if let maxPerFeed {
            guard maxPerFeed >= 1 else { throw usage("--max-per-feed must be at least 1") }
            feeds.maxPerFeed = maxPerFeed
        }
        if let maxDepth {
            guard (0...10).contains(maxDepth) else { throw usage("--max-depth must be from 0 to 10") }
            feeds.maxDepth = maxDepth
        }
        if let maxFeeds {
            guard maxFeeds >= 1 else { throw usage("--max-feeds must be at least 1") }
            feeds.maxFeeds = maxFeeds
        }
        guard !lists.isEmpty || !feeds.urls.isEmpty else {
            throw usage("no feeds: name feed list files, or list feeds.urls in the config")
        }
        let stop = StopRequest()
        let signals = SignalWatcher(stop: stop)
        let result: FeedCrawlResult
        do {
            result = try FeedDiscovery.run(feeds, lists: lists, fetch: pipelineConfig.fetch, stop: stop)
        } catch {
            printError("scour: \(error)")
            throw ExitCode(ExitStatus.outputError)
        }
        withExtendedLifetime(signals) {}
        var out = ""
        for entry in result.entries {
            out += entry.json.serialized() + "\n"
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        for failure in result.failures {
            let status = failure.status.map { failure.reason.contains("HTTP \($0)") ? "" : " (HTTP \($0))" } ?? ""
            printError("scour: feed \(failure.feed): \(failure.reason)\(status)")
        }
        printError("scour: " + result.line)
        if !result.failures.isEmpty { throw ExitCode(ExitStatus.rejects) }
    }

    private func usage(_ message: String) -> ExitCode {
        printError("scour: \(message)")
        return ExitCode(ExitStatus.configError)
    }
}
