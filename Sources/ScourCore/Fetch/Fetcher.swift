import Foundation

/// A page downloaded and accepted for cleaning.
public struct FetchedPage: Sendable {
    /// The URL as listed.
    public var requestedURL: String
    /// Where the redirects ended.
    public var finalURL: String
    public var status: Int
    public var mediaType: MediaType?
    public var format: InputFormat
    public var body: [UInt8]
    public var validators: FetchValidators
    public var fetched: Date
}

/// A URL that could not be fetched, with what the server said (if anything) and why.
public struct FetchFailure: Error, Sendable, Equatable {
    public var url: String
    public var status: Int?
    public var reason: String
}

public enum FetchOutcome: Sendable {
    case page(FetchedPage)
    /// 304: the copy from an earlier run is still current.
    case notModified(url: String)
    case failed(FetchFailure)
}

/// ETag and Last-Modified of a fetched URL, sent back as If-None-Match / If-Modified-Since.
public struct FetchValidators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    /// The archived response they came with, for the revisit record of a later 304.
    public var capture: ArchivedCapture?

    public init(etag: String? = nil, lastModified: String? = nil, capture: ArchivedCapture? = nil) {
        self.etag = etag
        self.lastModified = lastModified
        self.capture = capture
    }

    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// Downloads URLs politely: a global and a per-host limit on transfers in flight, a pause
/// between requests to one host, robots.txt, retries with backoff. Runs on the caller's
/// thread: each `step` drives libcurl's multi interface for a moment and hands back what finished.
public final class Fetcher {
    public let config: FetchConfig
    private let multi: CurlMulti
    private let policy: RetryPolicy
    private let archive: WARCWriter?
    /// What an earlier run stored for a URL; nil sends no conditional headers.
    private let previousValidators: ((String) -> FetchValidators?)?
    /// Validators of URLs fetched this run, for the state to keep once the run is committed.
    public private(set) var learned: [String: FetchValidators] = [:]
    /// Pages handed on to be cleaned (`handedOn`): a stopped run has fetched pages it never read.
    private var handedOnURLs: Set<String> = []

    /// Notes that the page fetched for `url` went on to be cleaned.
    public func handedOn(_ url: String) { handedOnURLs.insert(url) }

    /// Validators of the pages handed on: once the run is committed these are written or rejected.
    public var learnedHandedOn: [String: FetchValidators] { learned.filter { handedOnURLs.contains($0.key) } }
    /// The first error writing the archive; archiving stops there and the caller reports it.
    public private(set) var archiveError: ArchiveError?

    private struct Job {
        enum Kind { case page, feed, robots }
        /// The URL as listed: outcomes, rejects and validators go by it.
        var url: String
        var tag: Int
        /// Host and path of `location`: politeness and robots.txt apply to each hop.
        var host: String
        var path: String
        var kind: Kind
        var attempt = 0
        var notBefore: Double = 0
        var lastStatus: Int?
        /// The URL this hop asks for, exactly as sent (normalized, see `URLNormalizer`): `url`,
        /// or where its redirects led.
        var location: String
        var redirects = 0
        /// Validators from an earlier run, sent on every hop (as libcurl would when following).
        var conditional: FetchValidators?

        init(url: String, location: String, tag: Int, host: String, path: String, kind: Kind, conditional: FetchValidators? = nil) {
            self.url = url
            self.tag = tag
            self.host = host
            self.path = path
            self.kind = kind
            self.location = location
            self.conditional = conditional
        }

        /// Whether the request carries If-None-Match or If-Modified-Since: only then may a 304 answer it.
        var isConditional: Bool { kind != .robots && !(conditional?.isEmpty ?? true) }
    }

    private enum RobotsState {
        case unknown
        case fetching
        case ready(RobotsRules, denial: String?)
    }

    private struct Host {
        var active = 0
        var lastStart: Double = 0
        var nextStart: Double = 0
        var delay: Double
        var robots: RobotsState = .unknown
        /// The `Sitemap:` lines of its robots.txt (for feed discovery from a home page).
        var sitemapLines: [String] = []
    }

    private var pending: [Job] = []
    private var running: [Int: Job] = [:]
    private var hosts: [String: Host] = [:]
    private var nextInternalTag = -1
    private var outcomes: [(tag: Int, outcome: FetchOutcome)] = []

    public init(config: FetchConfig, archive: WARCWriter? = nil,
                previousValidators: ((String) -> FetchValidators?)? = nil) throws(FetchSetupError) {
        guard let multi = CurlMulti(maxTotal: config.concurrency, maxPerHost: config.perHost) else {
            throw .curlUnavailable
        }
        self.config = config
        self.multi = multi
        self.policy = RetryPolicy(config)
        self.archive = archive
        self.previousValidators = previousValidators
    }

    /// Transfers queued or running (robots.txt included).
    public var busy: Bool { !pending.isEmpty || !running.isEmpty || !outcomes.isEmpty }

    /// Queues a URL; its outcome comes back from `step` under `tag` (tags must be >= 0).
    public func submit(_ url: String, tag: Int) {
        guard let target = Self.target(of: url) else {
            outcomes.append((tag, .failed(FetchFailure(url: url, status: nil, reason: "not an http(s) URL"))))
            return
        }
        pending.append(Job(url: url, location: target.wire, tag: tag, host: target.host, path: target.path, kind: .page,
                           conditional: previousValidators?(url)))
    }

    /// Queues a feed or sitemap: robots.txt, politeness, archiving and redirects as for a page,
    /// but any content type is accepted (XML, JSON, gzip) and `conditional` (the validators
    /// the feed state kept) is sent instead of the pages' ones.
    public func submitFeed(_ url: String, tag: Int, conditional: FetchValidators?) {
        guard let target = Self.target(of: url) else {
            outcomes.append((tag, .failed(FetchFailure(url: url, status: nil, reason: "not an http(s) URL"))))
            return
        }
        pending.append(Job(url: url, location: target.wire, tag: tag, host: target.host, path: target.path, kind: .feed,
                           conditional: conditional))
    }

    /// The `Sitemap:` lines of the robots.txt read for `url`'s host this run; nil when it was not
    /// read (robots off, or not yet asked for).
    public func robotsSitemapLines(for url: String) -> [String]? {
        guard let host = Self.target(of: url)?.host, let entry = hosts[host], case .ready = entry.robots else { return nil }
        return entry.sitemapLines
    }

    /// Runs transfers until at least one outcome is ready or `maxWait` seconds pass.
    public func step(maxWait: Double = 0.2) -> [(tag: Int, outcome: FetchOutcome)] {
        let deadline = now() + maxWait
        while outcomes.isEmpty {
            let wake = startReadyJobs()
            let current = now()
            if running.isEmpty {
                guard let wake else { break }
                let pause = min(wake, deadline) - current
                if pause > 0 { usleep(useconds_t(min(pause, 0.05) * 1_000_000)) }
            } else {
                let until = min(wake ?? deadline, deadline)
                let milliseconds = Int(max(0, min(50, (until - current) * 1000)).rounded(.up))
                for (tag, response) in multi.perform(waitMilliseconds: milliseconds) {
                    guard let job = running.removeValue(forKey: tag) else { continue }
                    hosts[job.host]?.active -= 1
                    handle(job, response)
                }
            }
            if now() >= deadline { break }
        }
        defer { outcomes.removeAll() }
        return outcomes
    }

    // MARK: scheduling

    private func now() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Starts every job allowed now; returns the earliest time a waiting job could start.
    private func startReadyJobs() -> Double? {
        var wake: Double?
        let current = now()
        var index = 0
        while index < pending.count, running.count < config.concurrency {
            let job = pending[index]
            var host = hosts[job.host] ?? Host(delay: Double(config.delayMilliseconds) / 1000)
            if job.kind != .robots && config.robots {
                switch host.robots {
                case .unknown:
                    host.robots = .fetching
                    hosts[job.host] = host
                    let robots = Job(url: job.host + "/robots.txt", location: job.host + "/robots.txt", tag: nextInternalTag, host: job.host, path: "/robots.txt",
                                     kind: .robots)
                    nextInternalTag -= 1
                    pending.insert(robots, at: index)
                    continue
                case .fetching:
                    index += 1
                    continue
                case let .ready(rules, denial):
                    if let denial {
                        pending.remove(at: index)
                        fail(job, status: nil, reason: denial)
                        continue
                    }
                    if !rules.allows(job.path) {
                        pending.remove(at: index)
                        fail(job, status: nil, reason: "disallowed by robots.txt")
                        continue
                    }
                }
            }
            let startAt = max(job.notBefore, host.nextStart)
            guard startAt <= current, host.active < config.perHost else {
                if startAt > current { wake = min(wake ?? startAt, startAt) }
                hosts[job.host] = host
                index += 1
                continue
            }
            pending.remove(at: index)
            host.active += 1
            host.lastStart = current
            host.nextStart = current + host.delay
            hosts[job.host] = host
            start(job)
        }
        return wake
    }

    private func start(_ job: Job) {
        var headers = [job.kind == .feed ? Self.feedAccept : "Accept: text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1"]
        if job.isConditional, let known = job.conditional {
            if let etag = known.etag { headers.append("If-None-Match: \(etag)") }
            if let date = known.lastModified { headers.append("If-Modified-Since: \(date)") }
        }
        // A page's redirects are followed here, hop by hop, so each target's host gets its
        // robots.txt check and politeness; libcurl follows robots.txt's own redirects.
        let request = CurlRequest(url: job.location, headers: headers, userAgent: config.userAgent,
                                  connectTimeout: config.connectTimeoutSeconds, timeout: config.timeoutSeconds,
                                  maxRedirects: job.kind == .robots ? config.maxRedirects : 0,
                                  maxBytes: job.kind == .robots ? min(config.maxBytes, 512 * 1024) : config.maxBytes,
                                  checkContentType: job.kind == .page, captureRequest: archive != nil && archiveError == nil)
        if let problem = multi.add(request, tag: job.tag) {
            hosts[job.host]?.active -= 1
            finishRobots(job, rules: nil, denial: nil, failure: problem)
            if job.kind != .robots { fail(job, status: nil, reason: problem) }
            return
        }
        running[job.tag] = job
    }

    // MARK: results

    private func handle(_ job: Job, _ response: CurlResponse) {
        // A 304 nobody asked for vouches for no earlier capture: no revisit record for it.
        let archived = response.code == 0 && response.abort == nil && response.status > 0
            && (response.status != 304 || job.isConditional)
        let capture = archived ? archiveExchange(job, response) : nil
        let status = response.status
        let retryable = response.isTransientError || (response.code == 0 && RetryPolicy.isRetryable(status: status))
        if retryable {
            let retryAfter = (status == 429 || status == 503) ? response.header("Retry-After").flatMap { RetryAfter(header: $0) } : nil
            switch policy.decide(attempt: job.attempt, retryAfter: retryAfter) {
            case let .retry(after):
                var again = job
                again.attempt += 1
                again.notBefore = now() + after
                again.lastStatus = response.code == 0 ? status : nil
                pending.insert(again, at: 0)
            case let .giveUp(why):
                let what = response.code == 0 ? "HTTP \(status)" : Self.describe(response, config: config)
                finishFailure(job, status: response.code == 0 ? status : nil, reason: "\(what) \(why)")
            }
            return
        }
        if job.kind == .robots {
            switch (response.code, status) {
            case (0, 200...299):
                let text = String(decoding: response.body, as: UTF8.self)
                let rules = RobotsRules(text: text, userAgent: config.userAgent)
                finishRobots(job, rules: rules, denial: nil, failure: nil)
                hosts[job.host]?.sitemapLines = Self.sitemapLines(in: text)
            case (0, 400...499):
                // No robots.txt (or not for us to read): everything is allowed.
                finishRobots(job, rules: .allowAll, denial: nil, failure: nil)
            default:
                finishRobots(job, rules: nil, denial: nil, failure: Self.describe(response, config: config))
            }
            return
        }
        if let abort = response.abort {
            switch abort {
            case .tooLarge: fail(job, status: status, reason: "body over max_bytes \(config.maxBytes)")
            case let .contentType(type): fail(job, status: status, reason: "content type \(type) is not HTML or text")
            }
            return
        }
        guard response.code == 0 else {
            fail(job, status: nil, reason: Self.describe(response, config: config))
            return
        }
        if (300...399).contains(status), status != 304, let target = response.redirectURL {
            follow(job, to: target, status: status)
            return
        }
        if status == 304 {
            guard job.isConditional else {
                fail(job, status: status, reason: "HTTP 304 without a conditional request")
                return
            }
            outcomes.append((job.tag, .notModified(url: job.url)))
            return
        }
        guard (200...299).contains(status) else {
            fail(job, status: status, reason: "HTTP \(status)")
            return
        }
        guard !response.body.isEmpty else {
            fail(job, status: status, reason: "empty body")
            return
        }
        let mediaType = response.header("Content-Type").flatMap(MediaType.init(header:))
        let format = mediaType?.inputFormat ?? InputCollector.sniff(response.body)
        let validators = FetchValidators(etag: response.header("ETag"), lastModified: response.header("Last-Modified"), capture: capture)
        if !validators.isEmpty { learned[job.url] = validators }
        outcomes.append((job.tag, .page(FetchedPage(requestedURL: job.url, finalURL: response.effectiveURL, status: status,
                                                   mediaType: mediaType, format: format, body: response.body,
                                                   validators: validators, fetched: Date()))))
    }

    /// Queues the next hop of a page's redirect chain, first in line (it waits for its host's
    /// robots.txt and delay like any page).
    private func follow(_ job: Job, to target: String, status: Int) {
        guard job.redirects < config.maxRedirects else {
            fail(job, status: status, reason: "more than max_redirects \(config.maxRedirects) redirects (a loop?)", namingHop: false)
            return
        }
        guard let place = Self.target(of: target) else {
            fail(job, status: status, reason: "redirected to \(target), not an http(s) URL", namingHop: false)
            return
        }
        var next = job
        next.location = place.wire
        next.host = place.host
        next.path = place.path
        next.redirects += 1
        next.attempt = 0
        next.notBefore = 0
        next.lastStatus = nil
        pending.insert(next, at: 0)
    }

    private func finishFailure(_ job: Job, status: Int?, reason: String) {
        if job.kind == .robots {
            finishRobots(job, rules: nil, denial: nil, failure: reason)
        } else {
            fail(job, status: status, reason: reason)
        }
    }

    /// robots.txt that cannot be read because of server or network errors means "disallow all" (RFC 9309).
    private func finishRobots(_ job: Job, rules: RobotsRules?, denial: String?, failure: String?) {
        guard job.kind == .robots else { return }
        var host = hosts[job.host] ?? Host(delay: Double(config.delayMilliseconds) / 1000)
        if let rules {
            host.robots = .ready(rules, denial: denial)
            if let crawlDelay = rules.crawlDelay {
                host.delay = max(host.delay, crawlDelay)
                // The robots.txt request itself was a visit: the first page waits the delay too.
                host.nextStart = max(host.nextStart, host.lastStart + host.delay)
            }
        } else {
            host.robots = .ready(.disallowAll, denial: "robots.txt unreachable (\(failure ?? "unknown error")), so nothing on the host may be fetched")
        }
        hosts[job.host] = host
    }

    /// A page's failure, under its listed URL; past a redirect the reason says where the
    /// chain had led (unless `namingHop` is false: the reason speaks of the chain itself).
    private func fail(_ job: Job, status: Int?, reason: String, namingHop: Bool = true) {
        guard job.kind != .robots else { return }
        let text = namingHop && job.redirects > 0 ? "redirected to \(job.location), \(reason)" : reason
        outcomes.append((job.tag, .failed(FetchFailure(url: job.url, status: status, reason: text))))
    }

    static let feedAccept = "Accept: application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.1"

    /// A robots.txt's `Sitemap:` lines (at most 100, case-insensitive key), kept whole: the
    /// feed crawler reads the URLs from them.
    static func sitemapLines(in text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) where lines.count < 100 {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("sitemap:") { lines.append(trimmed) }
        }
        return lines
    }

    static func describe(_ response: CurlResponse, config: FetchConfig) -> String {
        if response.isTimeout {
            return String(format: "timed out (timeout_s %g, connect_timeout_s %g)", config.timeoutSeconds, config.connectTimeoutSeconds)
        }
        if response.isTooManyRedirects { return "more than max_redirects \(config.maxRedirects) redirects (a loop?)" }
        return response.message.isEmpty ? "transfer failed (libcurl code \(response.code))" : response.message
    }

    /// Archives a response (a 304 as a revisit of the capture its validators came with).
    private func archiveExchange(_ job: Job, _ response: CurlResponse) -> ArchivedCapture? {
        guard let archive, archiveError == nil else { return nil }
        do {
            var hop = response
            hop.redirects = max(hop.redirects, job.redirects)
            return try archive.write(HTTPExchange(requestedURL: job.url, response: hop, date: Date(),
                                                  refersTo: response.status == 304 ? job.conditional?.capture : nil))
        } catch {
            archiveError = error
            return nil
        }
    }

    /// `scheme://host[:port]` (the politeness key), the normalized path with query that robots
    /// rules are matched against, and the URL to request, whose path and query are exactly those.
    static func target(of url: String) -> (host: String, path: String, wire: String)? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty,
              let wire = URLNormalizer.wireURL(url), let path = URLNormalizer.pathAndQuery(url) else { return nil }
        var key = "\(scheme)://\(host)"
        if let port = components.port { key += ":\(port)" }
        return (key, path, wire)
    }
}

public enum FetchSetupError: Error, Sendable, CustomStringConvertible {
    case curlUnavailable
    case serverUnavailable(String)

    public var description: String {
        switch self {
        case .curlUnavailable:
            return "libcurl could not be initialised (is libcurl4-openssl installed? scripts/install-deps.sh installs it)"
        case let .serverUnavailable(reason):
            return "cannot start the local bench server: \(reason)"
        }
    }
}
