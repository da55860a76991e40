import Foundation

/// Rules for telling a person's name from other short lines, and for reading bylines.
struct PersonNames: Sendable {
    let bylinePrefixes: [String]
    let notNames: Set<String>
    let stopwords: Set<String>
    let authorSeparators: [String]
    let nameSuffixes: Set<String>
    /// Author labels and byline prefixes, longest first.
    let allLabels: [String]
    /// Labels that can only introduce authors ("Autor", "Auteur"), unlike "by" or "di".
    let authorWords: Set<String>
    let organizationWords: Set<String>
    /// Where the names in an author value end: a separator, or a date label.
    let cutMarkers: [String]

    static let particles: Set<String> = ["de", "da", "das", "do", "dos", "van", "von", "der", "den", "al", "bin", "ibn", "el", "la", "le", "del", "di", "du", "y", "ter", "st.", "mc"]

    init(words: MetadataWords, stopwords: Set<String>) {
        // Longest first, so "written by" wins over "by".
        bylinePrefixes = words.bylinePrefixes.sorted { $0.count > $1.count }
        notNames = Set(words.notNames)
        self.stopwords = stopwords
        authorSeparators = words.authorSeparators
        nameSuffixes = Set(words.nameSuffixes)
        allLabels = (words.authorLabels + words.bylinePrefixes).sorted { $0.count > $1.count }
        authorWords = Set(words.authorLabels)
        organizationWords = Set(words.organizationWords)
        cutMarkers = [" | ", " - ", " – ", " — ", " • ", " · ", " on ", " am ", " um ", " updated", " published", " posted", " veröffentlicht", " aktualisiert"]
            + (words.dateLabels + words.modifiedLabels).map { " " + $0 }
    }

    /// "Marianna Belenkaya", "Jean-Luc de la Tour", "J. R. Smith": 2–5 capitalised words, no digits.
    func looksLikeName(_ text: String, allowCaps: Bool = false) -> Bool {
        let trimmed = text.trimmingCharacters(in: .init(charactersIn: " .,;:|"))
        guard !trimmed.isEmpty, !notNames.contains(trimmed.lowercased()) else { return false }
        // "Unterstütze das Projekt:" introduces something; a name does not end in a colon.
        guard text.trimmingCharacters(in: .whitespaces).last != ":" else { return false }
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
    /// URLs, e-mail addresses, "Staff", labels before and dates after the names.
    /// "A, B und C" is split; "Jane Doe, PhD" is not.
    func markupAuthors(_ value: String) -> [String] {
        var body = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for _ in 0..<2 { body = droppingLabel(body) }
        // "Disko Von Ernst Lohoff": a capitalised label inside the value ends what precedes the names.
        for label in [" Von ", " By ", " Par ", " Por "] {
            if let range = body.range(of: label) { body = String(body[range.upperBound...]) }
        }
        for cut in cutMarkers {
            if let range = body.range(of: cut, options: .caseInsensitive) {
                let after = body[range.upperBound...].first
                if after == nil || after == " " || after == ":" || cut.hasSuffix(" ") { body = String(body[..<range.lowerBound]) }
            }
        }
        // A date after the names: "Jane Doe 12.03.2020".
        if let range = body.range(of: " [0-9]", options: .regularExpression) { body = String(body[..<range.lowerBound]) }
        body = trimmedEnds(body)
        var parts: [String] = [body]
        for separator in authorSeparators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        var names: [String] = []
        for part in parts {
            var name = trimmedEnds(part)
            if nameSuffixes.contains(name.lowercased()), let last = names.popLast() {
                names.append(last + ", " + name)
                continue
            }
            name = Self.handleAsName(name)
            guard isPlausibleAuthor(name) else { continue }
            names.append(Self.tidyCase(name))
        }
        return names
    }

    /// The names of a line that starts with a byline label ("Posted by Konstantin"), else none.
    func labelledAuthors(_ line: String) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard droppingLabel(trimmed) != trimmed else { return [] }
        return markupAuthors(trimmed)
    }

    /// The names after a byline label that stands alone ("By" and "J.R. Stone" in sibling elements):
    /// after an author word ("Autor") any author value, after a short prefix ("by", "di") only a name.
    func namesAfterLabel(_ label: String, _ value: String) -> [String] {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, droppingLabel(trimmed).isEmpty else { return [] }
        let word = trimmed.lowercased().trimmingCharacters(in: .init(charactersIn: " :"))
        guard authorWords.contains(word) || looksLikeName(value, allowCaps: true) else { return [] }
        return markupAuthors(value)
    }

    /// "Erstellt von Jane Doe" → "Jane Doe"; "Autor:" → "".
    private func droppingLabel(_ text: String) -> String {
        let lower = text.lowercased()
        for label in allLabels where lower.hasPrefix(label) {
            let rest = text.dropFirst(label.count)
            guard let next = rest.first else { return "" }
            guard next == " " || next == ":" || next == "-" || next == "–" || next == "—" else { continue }
            return String(rest.drop { " :-–—".contains($0) })
        }
        return text
    }

    /// Trims separators and a trailing connector ("Jane Doe am", "Jane Doe -").
    private func trimmedEnds(_ text: String) -> String {
        var words = text.trimmingCharacters(in: .init(charactersIn: " ,;:|/-–—")).split(separator: " ")
        while words.count > 1, let last = words.last, last.count <= 3, last.allSatisfy({ $0.isLowercase }) { words.removeLast() }
        return words.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " ,;:|/-–—"))
    }

    /// "robert.stitz" → "robert stitz" (then cased): a login made of a first and last name.
    static func handleAsName(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count >= 3 && $0.allSatisfy { $0.isLetter && $0.isLowercase } }) else { return name }
        return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private func isPlausibleAuthor(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.isEmpty, name.count <= 60, name.contains(where: \.isLetter),
              !lower.contains("://"), !lower.hasPrefix("www."), !lower.contains("@"), !lower.contains("[at]"),
              !notNames.contains(lower) else { return false }
        // Questions, calls and sentences are no names: "Wer schreibt für uns?", "Projektleiterin der HSS in Tunesien."
        guard !name.contains("?"), !name.contains("!") else { return false }
        let words = name.split(separator: " ")
        return words.count <= 6 && !(name.hasSuffix(".") && words.count > 3)
    }

    /// A company, a site or its publisher rather than a person: "Web Commerce GmbH", "jungefreiheit.de",
    /// or a name equal to the site's (`siteKeys`: letters and digits of the site names and host).
    func isOrganization(_ name: String, siteKeys: [String]) -> Bool {
        let lower = name.lowercased()
        if lower.contains("www.") || lower.range(of: "[a-z0-9]\\.(de|com|net|org|at|ch|fr|es|it|cl|br|info|eu|uk|co|io)\\b", options: .regularExpression) != nil {
            return true
        }
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," })
        if words.contains(where: { organizationWords.contains(String($0)) }) { return true }
        let key = Self.letterKey(name)
        guard key.count >= 3 else { return false }
        return siteKeys.contains { site in site == key || (site.count >= 4 && (key.hasPrefix(site) || site.hasPrefix(key))) }
    }

    /// Lowercased letters and digits only: "Jobs & Hire" → "jobshire".
    static func letterKey(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
