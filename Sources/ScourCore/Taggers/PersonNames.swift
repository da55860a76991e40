import Foundation

/// Rules for telling a person's name from other short lines, and for reading bylines.
struct PersonNames: Sendable {
    let bylinePrefixes: [String]
    let notNames: Set<String>
    let stopwords: Set<String>

    static let particles: Set<String> = ["de", "da", "das", "do", "dos", "van", "von", "der", "den", "al", "bin", "ibn", "el", "la", "le", "del", "di", "du", "y", "ter", "st.", "mc"]

    init(words: MetadataWords, stopwords: Set<String>) {
        // Longest first, so "written by" wins over "by".
        bylinePrefixes = words.bylinePrefixes.sorted { $0.count > $1.count }
        notNames = Set(words.notNames)
        self.stopwords = stopwords
    }

    /// "Marianna Belenkaya", "Jean-Luc de la Tour", "J. R. Smith": 2–5 capitalised words, no digits.
    func looksLikeName(_ text: String, allowCaps: Bool = false) -> Bool {
        let trimmed = text.trimmingCharacters(in: .init(charactersIn: " .,;:|"))
        guard !trimmed.isEmpty, !notNames.contains(trimmed.lowercased()) else { return false }
        let words = trimmed.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        var capitalised = 0
        for word in words {
            let lower = word.lowercased()
            if Self.particles.contains(lower) { continue }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }),
                  let first = word.first, first.isUppercase else { return false }
            if !allowCaps, word.count > 3, word.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return false }
            if stopwords.contains(lower) { return false }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// The names in a byline such as "By Jane Doe and John Roe | Reuters", or nil if it is not a byline.
    func byline(_ text: String) -> [String]? {
        let lower = text.lowercased()
        for prefix in bylinePrefixes {
            guard lower.hasPrefix(prefix) else { continue }
            var rest = text.dropFirst(prefix.count)
            guard let next = rest.first, next == " " || next == ":" else { continue }
            rest = rest.drop { $0 == " " || $0 == ":" }
            let names = splitNames(String(rest))
            return names.isEmpty ? nil : names
        }
        return nil
    }

    /// Splits "A, B and C" into names, cutting off dates, roles and outlets after the names.
    func splitNames(_ text: String) -> [String] {
        var body = text
        for cut in [" | ", " - ", " – ", " — ", " • ", "\n", " on ", " updated", " published", " posted", "  "] {
            if let range = body.range(of: cut, options: .caseInsensitive) { body = String(body[..<range.lowerBound]) }
        }
        var parts: [String] = [body]
        for separator in [", ", " and ", " & ", " y ", " und ", " et ", " e ", ";"] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .init(charactersIn: " .,;:")) }
            .filter { looksLikeName($0, allowCaps: true) }
            .map(Self.tidyCase)
    }

    /// "JANE DOE" → "Jane Doe"; mixed case is left alone.
    static func tidyCase(_ name: String) -> String {
        guard name.count > 3, name.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return name }
        return name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
