import Foundation

/// When a failed attempt is tried again, and after how long: exponential backoff with
/// jitter (so many clients never retry in lockstep), a server's Retry-After honoured.
public struct RetryPolicy: Sendable, Equatable {
    public var retries: Int
    public var baseSeconds: Double
    public var maxSeconds: Double

    public init(retries: Int, baseSeconds: Double, maxSeconds: Double) {
        self.retries = retries
        self.baseSeconds = baseSeconds
        self.maxSeconds = maxSeconds
    }

    public init(_ config: FetchConfig) {
        self.init(retries: config.retries, baseSeconds: Double(config.retryBaseMilliseconds) / 1000,
                  maxSeconds: Double(config.retryMaxMilliseconds) / 1000)
    }

    /// Statuses worth another attempt: rate limiting and server errors. Other 4xx will not change.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// What to do after attempt number `attempt` (0-based) failed in a retryable way.
    public enum Decision: Sendable, Equatable {
        case retry(after: Double)
        /// Out of attempts, or the server asks for a longer wait than `maxSeconds`.
        case giveUp(String)
    }

    public func decide(attempt: Int, retryAfter: Double?, random: Double = Double.random(in: 0...1)) -> Decision {
        guard attempt < retries else {
            return .giveUp("after \(attempt + 1) attempt\(attempt == 0 ? "" : "s")")
        }
        if let retryAfter {
            guard retryAfter <= maxSeconds else {
                return .giveUp("Retry-After \(Int(retryAfter))s is over retry_max_ms \(Int(maxSeconds * 1000))")
            }
            return .retry(after: max(0, retryAfter))
        }
        // Equal jitter: half the exponential delay fixed, half random.
        let exponential = min(maxSeconds, baseSeconds * pow(2, Double(attempt)))
        return .retry(after: exponential / 2 + exponential / 2 * min(1, max(0, random)))
    }

    /// A Retry-After header: delay seconds or an HTTP date.
    public static func retryAfter(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return Double(max(0, seconds)) }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate), as in Retry-After and Last-Modified.
public enum HTTPDate {
    public static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
