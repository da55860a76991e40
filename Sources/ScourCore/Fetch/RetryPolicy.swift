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

    public func decide(attempt: Int, retryAfter: RetryAfter?, random: Double = Double.random(in: 0...1)) -> Decision {
        guard attempt < retries else {
            return .giveUp("after \(attempt + 1) attempt\(attempt == 0 ? "" : "s")")
        }
        if let retryAfter {
            guard retryAfter.seconds <= maxSeconds else {
                return .giveUp("Retry-After \(retryAfter) is over retry_max_ms \(Int((maxSeconds * 1000).rounded()))")
            }
            return .retry(after: max(0, retryAfter.seconds))
        }
        // Equal jitter: half the exponential delay fixed, half random.
        let exponential = min(maxSeconds, baseSeconds * pow(2, Double(attempt)))
        return .retry(after: exponential / 2 + exponential / 2 * min(1, max(0, random)))
    }

}

/// A server's Retry-After: delay seconds or an HTTP date (RFC 9110 §10.2.3), kept as the
/// header said it so a message can quote it exactly.
public struct RetryAfter: Sendable, Equatable, CustomStringConvertible {
    /// How long to wait from now.
    public var seconds: Double
    /// The HTTP date, when the header gave one rather than seconds.
    public var date: String?

    public init(seconds: Double) {
        self.seconds = max(0, seconds)
    }

    /// Parses the header; decimal seconds ("2.5", outside the RFC but sent) are taken as meant.
    public init?(header: String, now: Date = Date()) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
           let seconds = Double(trimmed), seconds.isFinite {
            self.init(seconds: seconds)
            return
        }
        guard let when = HTTPDate.parse(trimmed) else { return nil }
        self.init(seconds: when.timeIntervalSince(now))
        date = trimmed
    }

    /// "2.5s", or "Tue, 02 Jan 2024 10:00:30 GMT (30s from now)": never rounded to whole seconds.
    public var description: String {
        let amount = Self.format(seconds) + "s"
        guard let date else { return amount }
        return "\(date) (\(amount) from now)"
    }

    /// Seconds to the millisecond, without trailing zeros.
    static func format(_ seconds: Double) -> String {
        var text = String(format: "%.3f", seconds)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
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
