/// A name read from a line of text, as a text dump prints it: the dump may have lost the break
/// before the writer's job or the site ("Ulrich ExnerKorrespondent", "Jen MillsPublished"), print
/// the job after a space ("Amy Gibbons Political Correspondent"), or show the name twice ("Martin
/// Gramnæs Martin Gramnæs"). The markup's own author fields are left as they are.
extension MetadataContext {
    /// The rules that read authors from lines of visible text.
    static let shownAuthorRules: Set<String> = [
        "byline", "name-line", "date-line-name", "nearby-byline", "nearby-date-line-name", "bare-date-line-name", "headed-byline", "author-card",
        "closing-name",
    ]

    mutating func tidyShownAuthors() {
        guard let rule = meta.evidence["authors"]?.rule, Self.shownAuthorRules.contains(rule) else { return }
        var tidied: [String] = []
        for author in meta.authors {
            var name = names.withoutRepeat(cutAtGlue(author))
            if let named = names.nameAfterKindLabel(name) { name = named }
            // A desk's credit ("Jerusalem Post Staff") is kept whole: only a person's name loses its job.
            let withoutRole = names.withoutRoleAfterName(name)
            if withoutRole != name, isPersonName(withoutRole), !name.lowercased().hasSuffix(" staff") { name = withoutRole }
            if !name.isEmpty, !tidied.contains(name) { tidied.append(name) }
        }
        if !tidied.isEmpty, tidied != meta.authors { meta.authors = tidied }
    }
}

extension PersonNames {
    /// "Kolumne von Carla Siepmann", "Ein Kommentar von Jan Sellner" → the name after a byline label
    /// that follows a word or two naming the kind of piece; nil when the line is no such byline
    /// ("Ursula von der Leyen": what follows "von" is no name of two capitalised words).
    func nameAfterKindLabel(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard (3...8).contains(words.count) else { return nil }
        for position in 1...2 where position < words.count - 1 {
            guard words[position].first?.isLowercase == true, bylinePrefixes.contains(String(words[position])) else { continue }
            let rest = words[(position + 1)...].joined(separator: " ")
            return looksLikeName(rest) ? rest : nil
        }
        return nil
    }

    /// "Martin Gramnæs Martin Gramnæs" → "Martin Gramnæs": a name whose words repeat as two equal halves.
    func withoutRepeat(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count >= 4, words.count % 2 == 0 else { return name }
        let half = words.count / 2
        return words[..<half].elementsEqual(words[half...]) ? words[..<half].joined(separator: " ") : name
    }

    /// "Amy Gibbons Political Correspondent", "Daniel Großert Redakteur" → the first two words of the
    /// name (with the particles between them, "Fouzia Van Der Fort"), when a job word follows them.
    /// A third word of the name before a job ("Mary Ann Smith, Reporter" without its comma) is lost:
    /// a job's qualifier ("Political", "Senior") reads the same, and is the more common.
    func withoutRoleAfterName(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count >= 3,
              let role = words.indices.dropFirst(2).first(where: { roleWords.contains(words[$0].lowercased().trimmingCharacters(in: .punctuationCharacters)) })
        else { return name }
        var kept: [Substring] = []
        var named = 0
        for word in words[..<role] where named < 2 {
            kept.append(word)
            if !particles.contains(word.lowercased()) { named += 1 }
        }
        return named == 2 ? kept.joined(separator: " ") : name
    }
}
