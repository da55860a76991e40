import Foundation

/// `scour fetch`: downloads URL lists into a WARC archive without cleaning; every URL
/// that fails goes to the rejects file with its status and reason. With a state, URLs a
/// finished fetch archived are asked for conditionally (If-None-Match / If-Modified-Since)
/// unless `full`, and a 304 counts as unchanged (archived as a revisit record, not as the page).
public struct ArchiveFetch {
    public struct Summary: Sendable {
        public var urls = 0
        public var fetched = 0
        public var unchanged = 0
        public var rejected = 0
        public var bytes = 0
        public var seconds: Double = 0
        public var archive: String?

        public var line: String {
            var text = "scour fetch: \(urls) URLs, \(fetched) fetched, \(rejected) rejected"
            if unchanged > 0 { text += ", \(unchanged) unchanged" }
            text += String(format: " in %.2fs", seconds)
            if let archive { text += "; archive \(archive)" }
            return text
        }
    }

    public var config: FetchConfig
    public var warcDirectory: String?
    public var rejectsPath: String?
    public var state = StateConfig()
    /// Ask for every URL unconditionally, even with validators in the state.
    public var full = false

    public init(config: FetchConfig, warcDirectory: String?, rejectsPath: String?) {
        self.config = config
        self.warcDirectory = warcDirectory
        self.rejectsPath = rejectsPath
    }

    public func run(lists: [String], stop: StopRequest = StopRequest(), warn: (String) -> Void) throws(RunError) -> Summary {
        guard state.enabled else { return try fetch(lists: lists, fetchState: nil, stop: stop, warn: warn) }
        return try state.withLockedState { state throws(RunError) in
            let fetchState: FetchState
            do throws(StateError) { fetchState = try FetchState(state, table: .archived) } catch { throw .state(error) }
            return try fetch(lists: lists, fetchState: fetchState, stop: stop, warn: warn)
        }
    }

    private func fetch(lists: [String], fetchState: FetchState?, stop: StopRequest, warn: (String) -> Void) throws(RunError) -> Summary {
        var summary = Summary()
        let started = Date()
        var archive: WARCWriter?
        if let warcDirectory {
            do throws(ArchiveError) {
                archive = try WARCWriter(directory: warcDirectory, userAgent: config.userAgent, robots: config.robots)
            } catch {
                throw .archive(error)
            }
        }
        let rejects: AtomicFileWriter?
        do throws(OutputError) {
            rejects = try rejectsPath.map { path throws(OutputError) in try AtomicFileWriter(path: path) }
        } catch {
            throw .output(error)
        }
        let fetcher: Fetcher
        do throws(FetchSetupError) {
            fetcher = try Fetcher(config: config, archive: archive, previousValidators: full ? nil : fetchState.map { known in
                { url in try? known.validators(for: url) }
            })
        } catch {
            throw .fetchSetup(error)
        }
        var source = URLSource(lists: lists, fetcher: fetcher)
        do throws(OutputError) {
            while !stop.isRequested, let item = source.next() {
                summary.urls += 1
                switch item {
                case let .document(document):
                    summary.fetched += 1
                    summary.bytes += document.raw?.count ?? 0
                case .unchanged:
                    summary.unchanged += 1
                case let .rejected(name, rejection):
                    summary.rejected += 1
                    warn("\(name): rejected at \(rejection.stage): \(rejection.reason)")
                    try rejects?.writeLine(Runner.rejectRecord(source: name, rejection).serialized())
                }
            }
            try rejects?.commit()
        } catch {
            rejects?.abandon()
            throw .output(error)
        }
        do throws(ArchiveError) {
            try archive?.finish()
            if let error = fetcher.archiveError { throw error }
        } catch {
            throw .archive(error)
        }
        // Only now is every archived response in a finished archive (a stop still gets here: the
        // pages learned so far are all in it). A fetch killed, or failing, before this leaves no
        // validators, so its URLs are asked for in full next time. Without an archive there is
        // nothing for validators to vouch for.
        do throws(StateError) {
            if archive != nil { try fetchState?.remember(fetcher.learned, at: RunSummary.iso(Date())) }
        } catch {
            throw .state(error)
        }
        summary.archive = archive?.path
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
