/// A document the pipeline gives up on, with the stage and reason written to rejects.
public struct Rejection: Error, Sendable, Equatable {
    public var stage: String
    public var reason: String
    /// The HTTP status of a URL input that failed with one (written to rejects as `status`).
    public var status: Int?
    /// What the page said about itself, for a page rejected after its metadata was read ("no body
    /// text left after cleaning"): written to rejects as `metadata`, so its title, URL and date
    /// are not lost with its body.
    public var metadata: Metadata?

    public init(stage: String, reason: String, status: Int? = nil, metadata: Metadata? = nil) {
        self.stage = stage
        self.reason = reason
        self.status = status
        self.metadata = metadata
    }
}

/// One step of the pipeline: a small value with one job, built from its own
/// section of `pipeline.json`. A stage marks blocks removed (never deletes them,
/// so `explain` can show why) or throws `Rejection` to drop the whole document.
public protocol Stage: Sendable {
    /// The stage's name in `pipeline.json` and in removal records.
    static var name: String { get }
    /// Reads the stage's options; unknown or bad keys are reported by the section.
    init(section: ConfigSection, resources: Resources) throws
    func process(_ document: inout Document) throws(Rejection)
}

extension Stage {
    public var name: String { Self.name }

    func removeBlock(_ document: inout Document, at index: Int, rule: String) {
        if document.blocks[index].removal == nil {
            document.blocks[index].removal = Removal(stage: Self.name, rule: rule)
        }
    }
}

/// Every stage Scour knows, in the order of the default pipeline.
public enum StageRegistry {
    public static let all: [any Stage.Type] = [
        ReadStage.self,
        NormalizeStage.self,
        MetadataStage.self,
        BoilerplateStage.self,
        DedupeStage.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    static func type(named name: String) -> (any Stage.Type)? {
        all.first { $0.name == name }
    }
}
