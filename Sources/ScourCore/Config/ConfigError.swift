/// One thing wrong with a pipeline config, precise enough to fix without guessing.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the key, e.g. `stages[2].min_words`.
    public var key: String
    /// 1-based line in the config file, when it could be found.
    public var line: Int?
    public var message: String
    public var allowed: [String]

    public init(key: String, line: Int?, message: String, allowed: [String] = []) {
        self.key = key
        self.line = line
        self.message = message
        self.allowed = allowed
    }

    public var description: String {
        var text = key
        if let line { text += " (line \(line))" }
        text += ": \(message)"
        if !allowed.isEmpty { text += "; allowed: \(allowed.joined(separator: ", "))" }
        return text
    }
}

public enum ConfigError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notJSON(path: String, reason: String)
    case invalid(path: String, problems: [ConfigProblem])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read config: \(reason)"
        case let .notJSON(path, reason):
            return "\(path): not valid JSON: \(reason)"
        case let .invalid(path, problems):
            return problems.map { "\(path): \($0)" }.joined(separator: "\n")
        }
    }
}
