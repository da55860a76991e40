import Foundation

/// How reading a sitemap grows with its size: a sitemap of N URLs (every fourth with a Google
/// News block, each with a tracking parameter to strip) is generated in memory, plain and
/// gzipped, and parsed by FeedParser. Time is process CPU seconds (the best of three); peak RSS
/// is the process's high-water mark, reset before each row where Linux allows it
/// (/proc/self/clear_refs), so each row shows what that size needed, input included.
public struct SitemapBench {
    public struct Row: Sendable {
        public var urls: Int
        /// "xml" or "xml.gz".
        public var form: String
        /// Bytes handed to the parser (compressed for xml.gz).
        public var bytes: Int
        public var entries: Int
        public var seconds: Double
        /// Seconds over the previous row's of the same form.
        public var ratio: Double?
        public var peakRSSKiB: Int?
        /// Whether the high-water mark was reset before this row (else it is the process's so far).
        public var peakIsPerRow: Bool
        public var entriesPerSecond: Double { Double(entries) / max(seconds, 1e-9) }
    }

    public var sizes: [Int]

    public init(sizes: [Int]) {
        self.sizes = sizes
    }

    /// The sizes printed for a top size: a quarter, a half and all of it (12,500, 25,000, 50,000).
    public static func sizes(upTo top: Int) -> [Int] {
        [top / 4, top / 2, top].filter { $0 > 0 }
    }

    public func run(report: (Row) -> Void) {
        var previous: [String: Double] = [:]
        for size in sizes {
            for form in ["xml", "xml.gz"] {
                let peakIsPerRow = Self.resetPeakRSS()
                var bytes = Self.sitemap(urls: size)
                if form == "xml.gz" { bytes = GzipMember.compress(bytes) ?? [] }
                let parser = FeedParser(limits: FeedLimits(maxEntries: max(size, 1)))
                var entries = 0
                var best = Double.infinity
                for _ in 0..<3 {
                    let start = SpeedBench.cpuSeconds()
                    let result = parser.parse(bytes, url: "https://www.example.com/sitemap.\(form)", contentType: nil)
                    best = min(best, SpeedBench.cpuSeconds() - start)
                    if case let .success(.entries(list)) = result { entries = list.count }
                }
                report(Row(urls: size, form: form, bytes: bytes.count, entries: entries, seconds: best,
                           ratio: previous[form].map { best / max($0, 1e-9) }, peakRSSKiB: SpeedBench.peakRSSKiB(),
                           peakIsPerRow: peakIsPerRow))
                previous[form] = best
            }
        }
    }

    /// A urlset of `urls` entries shaped like a news site's.
    public static func sitemap(urls: Int) -> [UInt8] {
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

        """
        text.reserveCapacity(urls * 260)
        for index in 0..<urls {
            let day = 1 + index % 28
            let dayText = day < 10 ? "0\(day)" : "\(day)"
            text += "<url><loc>https://www.example.com/section-\(index % 17)/2026/11/\(dayText)/article-\(index)-a-headline-of-some-length?utm_source=sitemap</loc>"
            text += "<lastmod>2026-11-\(dayText)T10:\(10 + index % 50):00+00:00</lastmod>"
            if index % 4 == 0 {
                text += "<news:news><news:publication><news:name>Example Daily</news:name><news:language>en</news:language></news:publication>"
                text += "<news:publication_date>2026-11-\(dayText)T09:00:00+01:00</news:publication_date><news:title>Headline number \(index)</news:title></news:news>"
            }
            text += "</url>\n"
        }
        text += "</urlset>\n"
        return Array(text.utf8)
    }

    /// Resets VmHWM to the current resident size (Linux 4.0+); false when it cannot.
    static func resetPeakRSS() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}
