/// The rules of one robots.txt (RFC 9309) for one user agent: the group naming the agent's
/// product token, else the `*` group; longest matching path wins, Allow on a tie.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule]
    /// Crawl-delay of the matched group, in seconds (not in the RFC, widely used).
    public var crawlDelay: Double?

    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses robots.txt for `userAgent` (e.g. `Scour/1.0`; its product token `scour` is matched).
    public init(text: String, userAgent: String) {
        let token = String(userAgent.prefix { $0 != "/" && $0 != " " }).lowercased()
        struct Group {
            var agents: [String] = []
            var rules: [Rule] = []
            var crawlDelay: Double?
        }
        var groups: [Group] = []
        var current = Group()
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.prefix { $0 != "#" }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                // Consecutive user-agent lines share one group; one after rules starts a new group.
                if !lastWasAgent, !current.agents.isEmpty {
                    groups.append(current)
                    current = Group()
                }
                current.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !current.agents.isEmpty else { continue }
                // An empty Disallow allows everything: no rule.
                // Normalized like the URLs they are matched against (RFC 9309 §2.2.2).
                if !value.isEmpty { current.rules.append(Rule(allow: key == "allow", pattern: URLNormalizer.robotsPattern(value))) }
            case "crawl-delay":
                lastWasAgent = false
                if let seconds = Double(value), seconds >= 0, !current.agents.isEmpty { current.crawlDelay = seconds }
            default:
                // Sitemap and unknown lines do not end a group.
                continue
            }
        }
        if !current.agents.isEmpty { groups.append(current) }
        let named = token.isEmpty ? [] : groups.filter { $0.agents.contains(token) }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.crawlDelay).max()
    }

    /// Whether `path` (path and query of the URL, starting with `/`, normalized by
    /// `URLNormalizer.pathAndQuery`) may be fetched.
    public func allows(_ path: String) -> Bool {
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(pattern: rule.pattern, path: path) {
            let length = rule.pattern.count
            if best == nil || length > best!.length || (length == best!.length && rule.allow) {
                best = (length, rule.allow)
            }
        }
        return best?.allow ?? true
    }

    /// `*` matches any run of characters; a trailing `$` anchors the end.
    static func matches(pattern: String, path: String) -> Bool {
        var pattern = Substring(pattern)
        var anchored = false
        if pattern.hasSuffix("$") {
            anchored = true
            pattern = pattern.dropLast()
        }
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
        let text = Array(path.utf8)
        guard let first = pieces.first, text.starts(with: first) else { return false }
        var position = first.count
        if pieces.count == 1 { return !anchored || position == text.count }
        for (index, piece) in pieces.enumerated().dropFirst() {
            let isLast = index == pieces.count - 1
            if isLast && anchored {
                return text.count - position >= piece.count && text.suffix(piece.count).elementsEqual(piece)
            }
            guard let found = find(piece, in: text, from: position) else { return false }
            position = found + piece.count
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start }
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
