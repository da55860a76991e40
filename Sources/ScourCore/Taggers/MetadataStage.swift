public struct MetadataStage: Stage {
    public static let name = "metadata"
    public init(section: ConfigSection, resources: Resources) throws {}
    public func process(_ document: inout Document) throws(Rejection) {}
}
