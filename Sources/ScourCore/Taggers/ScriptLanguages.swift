import Foundation

/// Tells a text's language by its writing system, for the scripts one language writes nearly
/// alone (`language/scripts.json`): Thai, Chinese, Japanese and Korean have no spaces between
/// words or no stopword list, so `LanguageDetector` cannot place them.
public struct ScriptLanguages: Sendable, Decodable {
    public struct Entry: Sendable, Decodable {
        public var language: String
        public var ranges: [ClosedRange<UInt32>]
        /// Letters that count toward this language when its own make up `minShare` of both.
        public var with: [ClosedRange<UInt32>]
        public var minShare: Double

        enum CodingKeys: String, CodingKey {
            case language, ranges, with
            case minShare = "min_share"
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            language = try container.decode(String.self, forKey: .language)
            ranges = try ScriptLanguages.ranges(container.decode([String].self, forKey: .ranges), in: container, key: .ranges)
            with = try ScriptLanguages.ranges(container.decodeIfPresent([String].self, forKey: .with) ?? [], in: container, key: .with)
            minShare = try container.decodeIfPresent(Double.self, forKey: .minShare) ?? 0
        }
    }

    public var minLetters: Int
    public var minShareOfLetters: Double
    public var languages: [Entry]

    enum CodingKeys: String, CodingKey {
        case languages
        case minLetters = "min_letters"
        case minShareOfLetters = "min_share_of_letters"
    }

    public static let none = ScriptLanguages(minLetters: 20, minShareOfLetters: 0.5, languages: [])

    init(minLetters: Int, minShareOfLetters: Double, languages: [Entry]) {
        self.minLetters = minLetters
        self.minShareOfLetters = minShareOfLetters
        self.languages = languages
    }

    /// "0E00-0E7F" → 0x0E00...0x0E7F.
    static func ranges<Key: CodingKey>(_ texts: [String], in container: KeyedDecodingContainer<Key>, key: Key) throws -> [ClosedRange<UInt32>] {
        try texts.map { text in
            let bounds = text.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\"\(text)\" is no range of hex code points like \"0E00-0E7F\"")
            }
            return bounds[0]...bounds[1]
        }
    }

    /// The first language, in the file's order, whose script holds at least `min_share_of_letters`
    /// of the texts' letters (read up to `maxLetters`), or nil when none does.
    public func detect<Texts: Sequence>(texts: Texts, maxLetters: Int = 4000) -> String? where Texts.Element == String {
        guard !languages.isEmpty else { return nil }
        var own = Array(repeating: 0, count: languages.count)
        var borrowed = Array(repeating: 0, count: languages.count)
        var letters = 0
        reading: for text in texts {
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { letters += 1 }
                } else if scalar.properties.isAlphabetic {
                    letters += 1
                    for (index, entry) in languages.enumerated() {
                        if entry.ranges.contains(where: { $0.contains(value) }) { own[index] += 1 }
                        if entry.with.contains(where: { $0.contains(value) }) { borrowed[index] += 1 }
                    }
                } else {
                    continue
                }
                if letters >= maxLetters { break reading }
            }
        }
        guard letters >= minLetters else { return nil }
        for (index, entry) in languages.enumerated() where own[index] > 0 {
            var count = own[index]
            if borrowed[index] > 0, Double(own[index]) >= entry.minShare * Double(own[index] + borrowed[index]) { count += borrowed[index] }
            if Double(count) >= minShareOfLetters * Double(letters) { return entry.language }
        }
        return nil
    }
}
