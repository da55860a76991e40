import Foundation

/// Boilerplate phrases for one language, read from `Resources/lexicon/<lang>.json`.
/// Each rule names a kind of boilerplate and how its phrases match a block.
public struct Lexicon: Sendable {
    public struct Rule: Sendable, Decodable {
        /// The whole block equals one of these (case and trailing punctuation ignored).
        public var exact: [String] = []
        /// The block starts with one of these.
        public var prefix: [String] = []
        /// The block ends with one of these ("joe says:").
        public var suffix: [String] = []
        /// The block contains one of these; only checked on blocks up to `max_words`.
        public var contains: [String] = []
        public var maxWords: Int = 40
        /// A hit after the article's main run marks the end of the article.
        public var endsArticle: Bool = false

        enum CodingKeys: String, CodingKey {
            case exact, prefix, suffix, contains
            case maxWords = "max_words"
            case endsArticle = "ends_article"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            exact = try container.decodeIfPresent([String].self, forKey: .exact) ?? []
            prefix = try container.decodeIfPresent([String].self, forKey: .prefix) ?? []
            contains = try container.decodeIfPresent([String].self, forKey: .contains) ?? []
            suffix = try container.decodeIfPresent([String].self, forKey: .suffix) ?? []
            maxWords = try container.decodeIfPresent(Int.self, forKey: .maxWords) ?? 40
            endsArticle = try container.decodeIfPresent(Bool.self, forKey: .endsArticle) ?? false
        }
    }

    public let language: String
    public let rules: [String: Rule]

    private struct File: Decodable {
        var language: String
        var rules: [String: Rule]
    }

    public init(data: Data, path: String) throws {
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            language = file.language
            rules = file.rules.mapValues { rule in
                var rule = rule
                rule.exact = rule.exact.map(Lexicon.key)
                rule.prefix = rule.prefix.map { Lexicon.folded($0) }
                rule.suffix = rule.suffix.map { Lexicon.folded($0) }
                rule.contains = rule.contains.map { $0.lowercased() }
                return rule
            }
        } catch let error as DecodingError {
            throw ResourceError.malformed(path: path, reason: "\(error)")
        }
    }

    /// Lowercased, runs of digits as `#`, surrounding punctuation and spaces trimmed: how exact phrases compare.
    static func key(_ text: String) -> String {
        folded(text).trimmingCharacters(in: trimSet)
    }

    /// Lowercased with every run of digits written `#`, so "34 comments" matches "# comments".
    static func folded(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var inDigits = false
        for char in text.lowercased() {
            if char.isASCII && char.isNumber {
                if !inDigits { result.append("#") }
                inDigits = true
            } else {
                inDigits = false
                result.append(char)
            }
        }
        return result
    }

    private static let trimSet = CharacterSet.whitespacesAndNewlines
        .union(.punctuationCharacters).union(.symbols).subtracting(CharacterSet(charactersIn: "#$%&@"))
}

/// All selected lexicons merged, answering "which boilerplate rule does this block hit?".
public struct PhraseMatcher: Sendable {
    public struct Hit: Sendable, Equatable {
        public var rule: String
        public var endsArticle: Bool
    }

    private struct Entry: Sendable {
        var rule: String
        var endsArticle: Bool
        var maxWords: Int
    }

    private var exact: [String: Entry] = [:]
    private var prefixes: [(String, Entry)] = []
    private var suffixes: [(String, Entry)] = []
    private var contains: [(String, Entry)] = []

    public init(lexicons: [Lexicon]) {
        for lexicon in lexicons {
            for (name, rule) in lexicon.rules.sorted(by: { $0.key < $1.key }) {
                let entry = Entry(rule: name, endsArticle: rule.endsArticle, maxWords: rule.maxWords)
                for phrase in rule.exact where exact[phrase] == nil { exact[phrase] = entry }
                prefixes += rule.prefix.map { ($0, entry) }
                suffixes += rule.suffix.map { ($0, entry) }
                contains += rule.contains.map { ($0, entry) }
            }
        }
        // Longer phrases first, so the most specific rule names the removal.
        prefixes.sort { $0.0.count > $1.0.count }
        suffixes.sort { $0.0.count > $1.0.count }
        contains.sort { $0.0.count > $1.0.count }
    }

    public func match(_ text: String, wordCount: Int) -> Hit? {
        let key = Lexicon.key(text)
        if let entry = exact[key] { return Hit(rule: entry.rule, endsArticle: entry.endsArticle) }
        let folded = Lexicon.folded(text)
        for (phrase, entry) in prefixes where wordCount <= entry.maxWords && folded.hasPrefix(phrase) {
            return Hit(rule: entry.rule, endsArticle: entry.endsArticle)
        }
        for (phrase, entry) in suffixes where wordCount <= entry.maxWords && folded.hasSuffix(phrase) {
            return Hit(rule: entry.rule, endsArticle: entry.endsArticle)
        }
        let lower = text.lowercased()
        for (phrase, entry) in contains where wordCount <= entry.maxWords && lower.contains(phrase) {
            return Hit(rule: entry.rule, endsArticle: entry.endsArticle)
        }
        return nil
    }
}
