public struct BoilerplateStage: Stage {
    public static let name = "boilerplate"
    public init(section: ConfigSection, resources: Resources) throws {}
    public func process(_ document: inout Document) throws(Rejection) {}
}
