/// Turns raw HTML bytes into blocks and markup metadata hints.
/// (Work in progress: the libxml2-based implementation lands with the HTML issue.)
public struct HTMLSegmenter: Sendable {
    public struct Options: Sendable {
        public init(section: ConfigSection) {}
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public func segment(_ bytes: [UInt8], into document: inout Document) throws(Rejection) {
        throw Rejection(stage: ReadStage.name, reason: "HTML input is not supported yet")
    }
}
