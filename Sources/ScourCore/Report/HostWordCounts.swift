import Foundation

/// The spread of body word counts of one host's documents in one run: what a template change
/// (bodies suddenly shorter) shows up in. Quantiles are nearest-rank, so every figure is a
/// document's real word count.
public struct HostWordStats: Sendable, Equatable {
    public var host: String
    public var documents: Int
    public var min: Int
    public var p25: Int
    public var median: Int
    public var p75: Int
    public var max: Int

    public init(host: String, documents: Int, min: Int, p25: Int, median: Int, p75: Int, max: Int) {
        self.host = host
        self.documents = documents
        self.min = min
        self.p25 = p25
        self.median = median
        self.p75 = p75
        self.max = max
    }

    /// The nearest-rank quantiles of `sorted` (ascending, not empty).
    init(host: String, sorted: [Int32]) {
        func rank(_ share: Double) -> Int {
            Int(sorted[Swift.max(0, Swift.min(sorted.count - 1, Int((share * Double(sorted.count)).rounded(.up)) - 1))])
        }
        self.init(host: host, documents: sorted.count, min: Int(sorted[0]), p25: rank(0.25), median: rank(0.5),
                  p75: rank(0.75), max: Int(sorted[sorted.count - 1]))
    }

    var json: JSONValue {
        .object([("host", .string(host)), ("documents", .int(documents)), ("min", .int(min)), ("p25", .int(p25)),
                 ("median", .int(median)), ("p75", .int(p75)), ("max", .int(max))])
    }

    /// Reads one entry of a manifest's `hosts`; nil when a field is missing.
    init?(json object: [String: Any]) {
        guard let host = object["host"] as? String, let documents = object["documents"] as? Int,
              let min = object["min"] as? Int, let p25 = object["p25"] as? Int, let median = object["median"] as? Int,
              let p75 = object["p75"] as? Int, let max = object["max"] as? Int else { return nil }
        self.init(host: host, documents: documents, min: min, p25: p25, median: median, p75: p75, max: max)
    }
}

/// Collects body word counts per host while a run writes, for the manifest's `hosts`.
/// Memory is one 32-bit count per written document; only the busiest hosts are listed,
/// so a manifest line stays small however many hosts a run meets.
public struct HostWordCounts: Sendable {
    /// Hosts listed per run, busiest first (ties by name).
    public static let listedHosts = 20
    private var counts: [String: [Int32]] = [:]

    public init() {}

    public mutating func add(_ document: Document) {
        add(host: Self.host(of: document), words: OutputRecord.wordCount(document.bodyText))
    }

    public mutating func add(host: String, words: Int) {
        counts[host, default: []].append(Int32(clamping: words))
    }

    public func stats(limit: Int = HostWordCounts.listedHosts) -> [HostWordStats] {
        counts.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
            .prefix(limit)
            .map { HostWordStats(host: $0.key, sorted: $0.value.sorted()) }
    }

    /// The document URL's host without `www.`; else its outlet; else "(no url)".
    public static func host(of document: Document) -> String {
        for candidate in [document.metadata.url, document.source] {
            if let candidate, candidate.hasPrefix("http"), let host = URLComponents(string: candidate)?.host?.lowercased(),
               !host.isEmpty {
                return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            }
        }
        if let outlet = document.metadata.outlet, !outlet.isEmpty { return outlet }
        return "(no url)"
    }
}
