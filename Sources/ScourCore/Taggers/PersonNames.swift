import Foundation

/// Rules for telling a person's name from other short lines, and for reading bylines.
struct PersonNames: Sendable {
    let bylinePrefixes: [String]
    let notNames: Set<String>
    let stopwords: Set<String>
    let authorSeparators: [String]
    let nameSuffixes: Set<String>

    static let particles: Set<String> = ["de", "da", "das", "do", "dos", "van", "von", "der", "den", "al", "bin", "ibn", "el", "la", "le", "del", "di", "du", "y", "ter", "st.", "mc"]

    init(words: MetadataWords, stopwords: Set<String>) {
        // Longest first, so "written by" wins over "by".
        bylinePrefixes = words.bylinePrefixes.sorted { $0.count > $1.count }
        notNames = Set(words.notNames)
        self.stopwords = stopwords
        authorSeparators = words.authorSeparators
        nameSuffixes = Set(words.nameSuffixes)
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

    /// Names from a markup value (meta author, JSON-LD, a byline element). Lenient about the
    /// form (one-word names and handles are real authors) and strict about what is no person:
    /// URLs, e-mail addresses, "Staff", dates and roles after the names. "A, B und C" is split;
    /// "Jane Doe, PhD" is not.
    func markupAuthors(_ value: String) -> [String] {
        var body = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lower = body.lowercased()
        for prefix in bylinePrefixes where lower.hasPrefix(prefix) {
            let rest = body.dropFirst(prefix.count)
            guard let next = rest.first, next == " " || next == ":" else { continue }
            body = String(rest.drop { $0 == " " || $0 == ":" })
            break
        }
        for cut in [" | ", " - ", " – ", " — ", " • ", " · ", " on ", " am ", " le ", " el ", " updated", " published", " posted", " veröffentlicht", " aktualisiert"] {
            if let range = body.range(of: cut, options: .caseInsensitive) { body = String(body[..<range.lowerBound]) }
        }
        // A date after the names: "Jane Doe 12.03.2020".
        if let range = body.range(of: " [0-9]", options: .regularExpression) { body = String(body[..<range.lowerBound]) }
        var parts: [String] = [body]
        for separator in authorSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var names: [String] = []
        for part in parts {
            let name = part.trimmingCharacters(in: .init(charactersIn: " ,;:|/"))
            if nameSuffixes.contains(name.lowercased()), let last = names.popLast() {
                names.append(last + ", " + name)
                continue
            }
            guard isPlausibleAuthor(name) else { continue }
            names.append(Self.tidyCase(name))
        }
        return names
    }

    private func isPlausibleAuthor(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.isEmpty, name.count <= 60, name.contains(where: \.isLetter),
              !lower.contains("://"), !lower.hasPrefix("www."), !lower.contains("@"),
              !notNames.contains(lower) else { return false }
        let words = name.split(separator: " ")
        return words.count <= 6
    }
}
