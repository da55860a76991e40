import Foundation

/// The `fetch` section of `pipeline.json`: how URL inputs are downloaded.
/// Defaults are polite for crawling other people's servers; tests and benchmarks lower them.
public struct FetchConfig: Sendable, Equatable {
    /// Transfers in flight at once, over all hosts.
    public var concurrency: Int = 16
    /// Transfers in flight at once to one host.
    public var perHost: Int = 2
    /// Pause between two request starts to one host, in milliseconds (raised by robots.txt Crawl-delay).
    public var delayMilliseconds: Int = 500
    public var userAgent: String = "Scour/\(ScourVersion.current)"
    public var connectTimeoutSeconds: Double = 10
    /// One request; each redirect hop of a page is a request of its own.
    public var timeoutSeconds: Double = 30
    public var maxRedirects: Int = 5
    /// Bodies larger than this are aborted while downloading and rejected.
    public var maxBytes: Int = 10 * 1024 * 1024
    /// Extra attempts after a timeout, connection error, 429 or 5xx.
    public var retries: Int = 3
    /// First backoff; each retry doubles it, with jitter, up to `retryMaxMilliseconds`.
    public var retryBaseMilliseconds: Int = 500
    /// Longest wait before a retry; a Retry-After asking for more gives up on the URL.
    public var retryMaxMilliseconds: Int = 30_000
    /// Honour robots.txt (fetched once per host per run).
    public var robots: Bool = true
    /// Folder for WARC archives of every response fetched during `scour run`; nil: no archive.
    public var warcDirectory: String?

    public init() {}

    public static let keys = ["concurrency", "per_host", "delay_ms", "user_agent", "connect_timeout_s", "timeout_s",
                              "max_redirects", "max_bytes", "retries", "retry_base_ms", "retry_max_ms", "robots", "warc"]

    /// Reads the section; bad values are reported by the section and leave the defaults.
    public static func parse(_ section: ConfigSection) -> FetchConfig {
        var config = FetchConfig()
        config.concurrency = section.int("concurrency", default: config.concurrency, range: 1...1024)
        config.perHost = section.int("per_host", default: config.perHost, range: 1...256)
        config.delayMilliseconds = section.int("delay_ms", default: config.delayMilliseconds, range: 0...600_000)
        if let agent = section.string("user_agent", default: config.userAgent), !agent.isEmpty {
            config.userAgent = agent
        }
        config.connectTimeoutSeconds = section.double("connect_timeout_s", default: config.connectTimeoutSeconds, range: 0.01...600)
        config.timeoutSeconds = section.double("timeout_s", default: config.timeoutSeconds, range: 0.01...3600)
        config.maxRedirects = section.int("max_redirects", default: config.maxRedirects, range: 0...50)
        config.maxBytes = section.int("max_bytes", default: config.maxBytes, range: 1...(1 << 31))
        config.retries = section.int("retries", default: config.retries, range: 0...20)
        config.retryBaseMilliseconds = section.int("retry_base_ms", default: config.retryBaseMilliseconds, range: 0...600_000)
        config.retryMaxMilliseconds = section.int("retry_max_ms", default: config.retryMaxMilliseconds, range: 0...3_600_000)
        config.robots = section.bool("robots", default: config.robots)
        config.warcDirectory = section.string("warc", default: config.warcDirectory)
        return config
    }
}
