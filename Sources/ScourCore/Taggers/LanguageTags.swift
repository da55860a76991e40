import Foundation

/// What a page writes for its language (`<html lang>`, `content-language`, `<meta name=language>`),
/// read as an ISO 639-1 code: "de-DE" → de, "pt_BR" → pt, "eng" → en, "Dutch" → nl, "bulgarian" → bg.
/// A value that is none of these ("lang=", "us") is no language: cutting it to two letters made
/// "Dutch" "du" and "spanish" "sp". Data: `Resources/language/language_tags.json`.
public struct LanguageTags: Sendable, Decodable {
    let codes: Set<String>
    let threeLetter: [String: String]
    let names: [String: String]
    /// Withdrawn two-letter codes still written ("iw", "in"), with today's.
    let legacy: [String: String]

    public static let none = LanguageTags(codes: [], threeLetter: [:], names: [:], legacy: [:])

    init(codes: Set<String>, threeLetter: [String: String], names: [String: String], legacy: [String: String]) {
        self.codes = codes
        self.threeLetter = threeLetter
        self.names = names
        self.legacy = legacy
    }

    enum CodingKeys: String, CodingKey { case codes, names, legacy, threeLetter = "three_letter" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codes = Set(try container.decode([String].self, forKey: .codes))
        threeLetter = try container.decode([String: String].self, forKey: .threeLetter)
        names = try container.decode([String: String].self, forKey: .names)
        legacy = try container.decodeIfPresent([String: String].self, forKey: .legacy) ?? [:]
    }

    /// The ISO 639-1 code a value names, or nil. Without data (`none`), any two letters pass, as before.
    public func code(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if let name = names[trimmed] { return name }
        // A tag's first subtag ("de-DE", "pt_BR", "zh-Hant-TW"); a list ("de, en") gives its first.
        let primary = String(trimmed.prefix { $0 != "-" && $0 != "_" && $0 != "," && $0 != " " && $0 != ";" })
        guard primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        switch primary.count {
        case 2: return codes.isEmpty || codes.contains(primary) ? primary : legacy[primary]
        case 3: return threeLetter[primary]
        default: return names[primary]
        }
    }
}

