import Foundation

/// What class/id/role tokens and tags say about an HTML container, from
/// `Resources/html/containers.json`: content ("article-body"), boilerplate
/// ("share-bar", role=navigation) or nothing.
public struct MarkupTokens: Sendable, Decodable {
    public struct Words: Sendable, Decodable {
        public var parts: [String]
        public var substrings: [String]?
        public var exact: [String]?
        public var roles: [String]
        public var tags: [String]
    }

    public enum Hint: Sendable, Equatable {
        case content
        case strongContent
        case boilerplate(String)
        case none
    }

    public struct Neutral: Sendable, Decodable {
        public var parts: [String]
    }

    public var boilerplate: Words
    public var content: Words
    public var neutral: Neutral
    public var skip: Neutral

    /// Lookup sets built once after decoding.
    private var boilerplateParts: Set<String> = []
    private var contentParts: Set<String> = []
    private var contentExact: Set<String> = []
    private var boilerplateRoles: Set<String> = []
    private var contentRoles: Set<String> = []
    private var boilerplateTags: Set<String> = []
    private var contentTags: Set<String> = []
    private var neutralParts: Set<String> = []
    private var skipParts: Set<String> = []

    enum CodingKeys: String, CodingKey { case boilerplate, content, neutral, skip }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        boilerplate = try container.decode(Words.self, forKey: .boilerplate)
        content = try container.decode(Words.self, forKey: .content)
        neutral = try container.decode(Neutral.self, forKey: .neutral)
        neutralParts = Set(neutral.parts)
        skip = try container.decode(Neutral.self, forKey: .skip)
        skipParts = Set(skip.parts)
        boilerplateParts = Set(boilerplate.parts)
        contentParts = Set(content.parts)
        contentExact = Set(content.exact ?? [])
        boilerplateRoles = Set(boilerplate.roles)
        contentRoles = Set(content.roles)
        boilerplateTags = Set(boilerplate.tags)
        contentTags = Set(content.tags)
    }

    /// Reads a container's tag and tokens. Boilerplate wins over generic content words
    /// ("article-comments"), but not over exact content names ("article-body") or itemprop=articleBody.
    public func hint(tag: HTMLTag, tokens: [String]) -> Hint {
        var content = contentTags.contains("\(tag)")
        var boilerplateWord: String? = boilerplateTags.contains("\(tag)") ? "\(tag)" : nil
        for token in tokens {
            let lower = token.lowercased()
            if lower == "articlebody" || contentExact.contains(lower) { return .strongContent }
            if contentRoles.contains(lower) { content = true; continue }
            if boilerplateRoles.contains(lower) { boilerplateWord = boilerplateWord ?? lower; continue }
            var tokenIsContent = false
            var tokenBoilerplate: String?
            let parts = Self.parts(of: token)
            if parts.contains(where: neutralParts.contains) { continue }
            for part in parts {
                if boilerplateParts.contains(part) { tokenBoilerplate = tokenBoilerplate ?? part }
                if contentParts.contains(part) { tokenIsContent = true }
            }
            if tokenBoilerplate == nil, let substrings = boilerplate.substrings {
                tokenBoilerplate = substrings.first { lower.contains($0) }
            }
            if let word = tokenBoilerplate { boilerplateWord = boilerplateWord ?? word } else if tokenIsContent { content = true }
        }
        if let word = boilerplateWord { return .boilerplate(word) }
        return content ? .content : .none
    }

    /// True when an element with these tokens holds text that is never read (captions, tooltips, screen-reader text).
    public func skips(_ tokens: [String]) -> Bool {
        for token in tokens {
            for part in Self.parts(of: token) where skipParts.contains(part) { return true }
            if token.lowercased().hasPrefix("visually-hidden") { return true }
        }
        return false
    }

    /// "post-content__shareBar" → ["post", "content", "share", "bar"].
    static func parts(of token: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previousLower = false
        for character in token {
            if character == "-" || character == "_" || character == ":" || character == "." || character.isNumber {
                if !current.isEmpty { parts.append(current.lowercased()) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                parts.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousLower = character.isLowercase
        }
        if !current.isEmpty { parts.append(current.lowercased()) }
        return parts
    }
}
