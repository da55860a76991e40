/// Guesses a text's language (ISO 639-1) from the share of each language's stopwords.
public struct LanguageDetector: Sendable {
    /// Word → languages it is a stopword of: one lookup per word instead of one per language.
    let languagesByWord: [String: [String]]

    public init(stopwords: [String: Set<String>]) {
        var index: [String: [String]] = [:]
        for (language, words) in stopwords.sorted(by: { $0.key < $1.key }) {
            for word in words { index[word, default: []].append(language) }
        }
        languagesByWord = index
    }

    /// nil when too few words, or no language's stopwords stand out.
    public func detect(_ text: String, maxWords: Int = 2000) -> String? {
        var counts: [String: Int] = [:]
        var total = 0
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            total += 1
            for language in languagesByWord[word] ?? [] { counts[language, default: 0] += 1 }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if total >= maxWords { break }
            let value = scalar.value
            if value >= 0x41 && value <= 0x5A {
                word.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            } else if (value >= 0x61 && value <= 0x7A) || value == 0x27 {
                word.unicodeScalars.append(scalar)
            } else if value == 0x2019 {
                word.unicodeScalars.append("'")
            } else if value >= 0x80 && scalar.properties.isAlphabetic {
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                flush()
            }
        }
        flush()
        guard total >= 8 else { return nil }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, Double(best.value) / Double(total) >= 0.12 else { return nil }
        if ranked.count > 1, Double(ranked[1].value) > Double(best.value) * 0.9 { return nil }
        return best.key
    }
}
