/// The version printed by `scour --version` and written to run manifests.
public enum ScourVersion {
    public static let current = "0.1.0"
}
