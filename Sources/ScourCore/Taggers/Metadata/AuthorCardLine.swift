import Foundation

/// The unlabelled author lines a text dump keeps from a page's byline box: a name with the author's
/// social handle ("Natasha Turak@NatashaTurak", "Nishant Kumar @Nishantopines"), with an e-mail
/// address ("By Megan Rowe meganr@spokesman.com"), or with a role or the publication after a comma
/// ("Tom Krisher, AP Auto Writer", "Charlie Wood, Business Insider"). Read only in the header and
/// near the article's first paragraph (`tagNearbyByline`).
extension MetadataContext {
    /// The person an author line names, or nil. `roleLines`: also read "Name, Role" (above the
    /// first paragraph only: below it the same shape attributes a quote).
    func authorCardName(_ text: String, roleLines: Bool) -> String? {
        if let at = text.firstIndex(of: "@") { return nameBeforeContact(text, at: at) }
        guard roleLines, let comma = text.firstIndex(of: ",") else { return nil }
        let name = text[..<comma].trimmingCharacters(in: .whitespaces)
        let rest = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        let role = rest.split(separator: " ").map { $0.lowercased() }
        // A role ("AP Auto Writer"), or the site's own name ("Business Insider"); not any company
        // ("Flughafen Frankfurt, © Fraport AG" credits a photo).
        guard (1...6).contains(role.count),
              role.contains(where: names.roleWords.contains) || names.namesSite(rest, siteKeys: siteKeys) else { return nil }
        return isPersonName(name) ? name : nil
    }

    /// "Natasha Turak@NatashaTurak", "By Megan Rowe meganr@spokesman.com(509) 459-5382": the name
    /// before a handle, or before an e-mail address's first part.
    private func nameBeforeContact(_ text: String, at: String.Index) -> String? {
        let after = text[text.index(after: at)...]
        let handle = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard handle.count >= 3 else { return nil }
        var before = String(text[..<at]).trimmingCharacters(in: .whitespaces)
        // An address: its local part ("meganr") runs into the '@', its domain has a dot.
        if handle.contains("."), let space = before.lastIndex(of: " ") { before = String(before[..<space]) }
        let name = soleBylineName(before) ?? before
        return isPersonName(name) ? name : nil
    }

    /// "By Michael HiltzikBusiness Columnist", "By Jonathan GarberFOXBusiness": a text dump lost the
    /// break between the name and the role or the site. The line is cut where a lowercase letter runs
    /// into a capital and the word so begun is the site's name, a role, a word right before a role or a
    /// date label ("McDonald, Columnist" stays whole: its comma ends the name).
    func cutAtGlue(_ text: String) -> String {
        // On bytes: a line without an ASCII lowercase letter right before an ASCII capital (most
        // lines) is left as it is, without a Character made.
        var copy = text
        let cut: Int? = copy.withUTF8 { bytes in
            guard bytes.count >= 6 else { return nil }
            for index in 1..<bytes.count where (0x61...0x7A).contains(bytes[index - 1]) && (0x41...0x5A).contains(bytes[index]) {
                let words = String(decoding: bytes[index...], as: UTF8.self).split(separator: " ").map { String($0) }
                guard let first = words.first, first.count >= 3 else { continue }
                let beforeRole = words.count > 1 && first.last?.isLetter == true && names.roleWords.contains(words[1].lowercased())
                if names.roleWords.contains(first.lowercased()) || beforeRole || names.namesSite(first, siteKeys: siteKeys) { return index }
                // "Jen MillsPublished 3 hours ago", "Dan Jervis-BardyThe West Australian": a date label, or the
                // site's name after its article.
                if isDateLabel(first.lowercased()) || first == "The" && words.count > 1
                    && names.namesSite(words.dropFirst().joined(separator: " "), siteKeys: siteKeys) { return index }
            }
            return nil
        }
        guard let cut else { return text }
        return String(decoding: text.utf8.prefix(cut), as: UTF8.self)
    }
}
