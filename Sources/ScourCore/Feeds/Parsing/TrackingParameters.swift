/// Query parameters that only track a click (`utm_source`, `fbclid`, …): removed so one article is one URL.
public struct TrackingParameters: Sendable, Equatable {
    public var names: Set<String>
    public var prefixes: [String]

    public init(names: [String], prefixes: [String]) {
        self.names = Set(names.map { $0.lowercased() })
        self.prefixes = prefixes.map { $0.lowercased() }
    }

    public static let `default` = TrackingParameters(names: [], prefixes: ["utm_"])

    /// The URL without its fragment and tracking parameters.
    public func clean(_ url: String) -> String {
        url
    }
}
