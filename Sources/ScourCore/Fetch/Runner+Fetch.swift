import Foundation

extension Runner {
    /// A run over files and folders (`inputs`) and then the pages of URL lists (`urls`),
    /// fetched as configured in `fetch`. With a state, URLs are asked for conditionally
    /// (If-None-Match / If-Modified-Since) in the `runs` layout, a 304 counts as unchanged,
    /// and the validators learned are stored once the run is committed.
    /// With `feeds` (listed in the config, or in `feedLists` files), the feeds are crawled first
    /// (`FeedCrawl`) and their new articles fetched after the lists' URLs; see `FeedRunState`.
    public func run(inputs: [String], urls: [String], fetch: FetchConfig, feeds: FeedsConfig = FeedsConfig(),
                    feedLists: [String] = [], warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            let files = makeFileSource(inputs, state: state)
            var fetchState: FetchState?
            if let state {
                do throws(StateError) { fetchState = try FetchState(state) } catch { throw .state(error) }
            }
            var archive: WARCWriter?
            let hasFeeds = !feeds.urls.isEmpty || !feedLists.isEmpty
            if let directory = fetch.warcDirectory, !urls.isEmpty || hasFeeds {
                do throws(ArchiveError) {
                    archive = try WARCWriter(directory: directory, userAgent: fetch.userAgent, robots: fetch.robots)
                } catch {
                    throw .archive(error)
                }
            }
            let fetcher: Fetcher
            do throws(FetchSetupError) {
                fetcher = try Fetcher(config: fetch, archive: archive, previousValidators: incremental ? { url in
                    try? fetchState?.validators(for: url)
                } : nil)
            } catch {
                throw .fetchSetup(error)
            }
            let summary: RunSummary
            var feedRun: FeedRunState?
            if hasFeeds {
                do throws(StateError) {
                    feedRun = try FeedRunState(state, incremental: incremental)
                } catch {
                    throw .state(error)
                }
                let crawl = feedRun!.crawl(feeds, lists: feedLists, fetcher: fetcher, stop: stop)
                warn(crawl.line)
                let pages = URLSource(lists: urls, extraURLs: crawl.entries.map(\.url), fetcher: fetcher, shard: shard)
                let source = FeedArticleSource(pages: pages, crawl: crawl, handedOn: feedRun!.handedOn)
                summary = try run(sharded: ChainedSource(files, source), state: state, warn: warn)
            } else {
                let pages = URLSource(lists: urls, fetcher: fetcher, shard: shard)
                summary = try run(sharded: ChainedSource(files, pages), state: state, warn: warn)
            }
            do throws(ArchiveError) {
                try archive?.finish()
                if let error = fetcher.archiveError { throw error }
            } catch {
                throw .archive(error)
            }
            if !urls.isEmpty || hasFeeds, let archive { warn("archived fetched responses in \(archive.path)") }
            // Only pages the run read: a stopped run leaves fetched pages unread in the source's
            // window, and their validators would make the next run skip them as unchanged.
            do throws(StateError) {
                let date = RunSummary.iso(Date())
                try fetchState?.remember(fetcher.learnedHandedOn, at: date)
                try feedRun?.remember(at: date)
            } catch {
                throw .state(error)
            }
            return summary
        }
    }

    /// Streaming mode with a WARC archive (`.warc` or `.warc.gz`) on a stream.
    public func run(warc handle: FileHandle, warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            try run(sharded: WARCSource(handle: handle, stop: stop), state: state, warn: warn)
        }
    }
}
