/// Query parameters that only track a click (`utm_source`, `fbclid`, …): removed, with the
/// fragment, so that one article is one URL. The default list is data: `Resources/feeds/feeds.json`.
public struct TrackingParameters: Sendable, Equatable {
    /// Parameter names removed, lowercased (matching ignores case).
    public var names: Set<String>
    /// Name prefixes removed (`utm_`), lowercased.
    public var prefixes: [String]

    public init(names: [String], prefixes: [String]) {
        self.names = Set(names.map { $0.lowercased() })
        self.prefixes = prefixes.map { $0.lowercased() }
    }

    /// The bundled list.
    public static let `default` = FeedResources.bundled.tracking

    /// This list with more names and prefixes (a caller's configuration).
    public func adding(names more: [String], prefixes morePrefixes: [String]) -> TrackingParameters {
        var copy = self
        copy.names.formUnion(more.map { $0.lowercased() })
        copy.prefixes += morePrefixes.map { $0.lowercased() }
        return copy
    }

    public func isTracking(_ name: Substring) -> Bool {
        let lowered = name.lowercased()
        return names.contains(lowered) || prefixes.contains { lowered.hasPrefix($0) }
    }

    /// The URL without its fragment and tracking parameters; other parameters keep their order
    /// and spelling, and a query left empty loses its `?`.
    public func clean(_ url: String) -> String {
        let withoutFragment = url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
        guard let mark = withoutFragment.firstIndex(of: "?") else { return withoutFragment }
        let query = withoutFragment[withoutFragment.index(after: mark)...]
        let kept = query.split(separator: "&", omittingEmptySubsequences: true).filter { pair in
            let name = pair.firstIndex(of: "=").map { pair[..<$0] } ?? pair
            return !isTracking(name)
        }
        let head = withoutFragment[..<mark]
        return kept.isEmpty ? String(head) : head + "?" + kept.joined(separator: "&")
    }
}
