import Foundation

/// What makes an outlet value no publication name: a copyright sign or phrase, a year, a no-break
/// space, a company suffix, a web address, or a bare host ("example.com", "www.example.com"). Used by tests over
/// pages and by the bench's outlet audit; the tagger itself cleans with `publicationName`.
public enum OutletCheck {
    static let companySuffixes: Set<String> = ["inc", "llc", "ltd", "corp", "corporation", "company", "gmbh", "plc", "co"]

    /// The problems of `outlet`, in a fixed order, empty for a clean name.
    public static func problems(_ outlet: String) -> [String] {
        var found: [String] = []
        let lower = outlet.lowercased()
        if OutletBytes.signs.contains(where: outlet.contains) || lower.contains("copyright") || lower.contains("all rights reserved") { found.append("copyright") }
        let words = outlet.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "-" || $0 == "–" })
        if words.contains(where: { $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } && ($0.hasPrefix("19") || $0.hasPrefix("20")) }) {
            found.append("year")
        }
        if outlet.contains("\u{00A0}") || outlet.contains("\u{202F}") { found.append("no-break space") }
        if let last = words.last?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")), words.count > 1, companySuffixes.contains(last) {
            found.append("company suffix")
        }
        if lower.contains("://") { found.append("address") }
        if !outlet.contains(" "), outlet.contains("."), lower.hasPrefix("www.") || outlet == lower,
           outlet.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) {
            found.append("bare host")
        }
        return found
    }
}
