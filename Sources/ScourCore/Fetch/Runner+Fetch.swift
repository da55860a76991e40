import Foundation

extension Runner {
    /// A run over files and folders (`inputs`) and then the pages of URL lists (`urls`),
    /// fetched as configured in `fetch`. With a state, URLs are asked for conditionally
    /// (If-None-Match / If-Modified-Since) in the `runs` layout, a 304 counts as unchanged,
    /// and the validators learned are stored once the run is committed.
    public func run(inputs: [String], urls: [String], fetch: FetchConfig, warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            let incremental = output.layout == "runs" && !full
            let files = FileSource(paths: inputs, maxBytes: pipeline.maxInputBytes, previous: incremental ? { path in
                guard let record = try? state?.input(path) else { return nil }
                return InputFingerprint(size: record.size, modified: record.modified, contentHash: record.contentHash)
            } : (state != nil ? { _ in nil } : nil))
            var fetchState: FetchState?
            if let state {
                do throws(StateError) { fetchState = try FetchState(state) } catch { throw .state(error) }
            }
            var archive: WARCWriter?
            if let directory = fetch.warcDirectory, !urls.isEmpty {
                do throws(ArchiveError) {
                    archive = try WARCWriter(directory: directory, userAgent: fetch.userAgent, robots: fetch.robots)
                } catch {
                    throw .output(.cannotCreate(path: directory, reason: error.description))
                }
            }
            let fetcher: Fetcher
            do throws(FetchSetupError) {
                fetcher = try Fetcher(config: fetch, archive: archive, previousValidators: incremental ? { url in
                    try? fetchState?.validators(for: url)
                } : nil)
            } catch {
                throw .output(.cannotCreate(path: "libcurl", reason: error.description))
            }
            let pages = URLSource(lists: urls, fetcher: fetcher, shard: shard)
            let summary = try run(sharded: ChainedSource(files, pages), state: state, warn: warn)
            do throws(ArchiveError) {
                try archive?.finish()
                if let error = fetcher.archiveError { throw error }
            } catch {
                throw .output(.writeFailed(path: archive?.path ?? "", reason: error.description))
            }
            if !urls.isEmpty, let archive { warn("archived fetched responses in \(archive.path)") }
            // Only pages the run read: a stopped run leaves fetched pages unread in the source's
            // window, and their validators would make the next run skip them as unchanged.
            do throws(StateError) {
                try fetchState?.remember(fetcher.learnedHandedOn, at: RunSummary.iso(Date()))
            } catch {
                throw .state(error)
            }
            return summary
        }
    }

    /// Streaming mode with a WARC archive (`.warc` or `.warc.gz`) on a stream.
    public func run(warc handle: FileHandle, warn: (String) -> Void) throws(RunError) -> RunSummary {
        try withState { state throws(RunError) in
            try run(sharded: WARCSource(handle: handle), state: state, warn: warn)
        }
    }
}
