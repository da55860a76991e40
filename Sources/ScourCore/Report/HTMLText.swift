/// Text escaped for HTML content and double-quoted attribute values, for both pages about
/// runs (`report.html`, `index.html`). Every attribute that takes text is double-quoted, so
/// `'` needs no escape and stays as written.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
