/// Where a metadata value came from: the rule that produced it and the line it was read on.
public struct Evidence: Sendable, Equatable {
    public var rule: String
    public var line: Int?
    public var excerpt: String?

    public init(rule: String, line: Int? = nil, excerpt: String? = nil) {
        self.rule = rule
        self.line = line
        self.excerpt = excerpt
    }
}

/// The metadata fields of a document; every set field has an entry in `evidence`.
public struct Metadata: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var authors: [String] = []
    /// ISO 8601: `YYYY-MM-DD`, or a full timestamp when the source has one.
    public var date: String?
    public var outlet: String?
    public var url: String?
    public var language: String?
    public var tags: [String] = []
    /// Field name → evidence, for the fields that are set.
    public var evidence: [String: Evidence] = [:]

    public init() {}

    public static let fieldNames = ["title", "description", "authors", "date", "outlet", "url", "language", "tags"]
}
