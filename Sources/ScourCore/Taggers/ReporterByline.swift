/// East Asian bylines name the reporter by a role word right next to the name, with no space and
/// no label in front: "記者林宸誼／即時報導" (Chinese: the role, the name, then the kind of report),
/// "스포츠조선=선수민 기자" (Korean: place or agency before "=", the name, the role), "山田太郎記者"
/// (Japanese: the name, the role). The role words are data (`reporter_roles` in `metadata.json`).
struct ReporterByline: Sendable {
    /// Role words printed before the name ("記者" in Chinese).
    let before: [String]
    /// Role words printed after the name ("기자", "記者" in Japanese).
    let after: [String]

    init(_ roles: MetadataWords.ReporterRoles) {
        before = roles.beforeName
        after = roles.afterName
    }

    /// The reporter's name, or nil when no role word stands next to a name.
    func name(in value: String) -> String? {
        // Every role word is outside ASCII: a value without such a byte has none (most values).
        guard value.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var text = Substring(value)
        // "부산=스포츠조선 선수민 기자": what precedes "=" is the place and the agency.
        if let equals = text.lastIndex(of: "=") { text = text[text.index(after: equals)...] }
        // "記者林宸誼／即時報導": what follows a slash is the kind of report or the place.
        if let slash = text.firstIndex(where: { $0 == "／" || $0 == "/" }) { text = text[..<slash] }
        // "[부산=스포츠조선 선수민 기자]": a lead's brackets are no part of a word.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(Self.withoutBrackets)
        for (index, word) in words.enumerated() {
            for role in before where word.hasPrefix(role) {
                let rest = word.dropFirst(role.count)
                if Self.isName(rest) { return String(rest) }
                if rest.isEmpty, index + 1 < words.count, Self.isName(words[index + 1]) { return String(words[index + 1]) }
            }
            for role in after where word.hasSuffix(role) {
                let rest = word.dropLast(role.count)
                // "本報記者 林宸誼": a name after the role word is the reporter; what the role word
                // ends then is the outlet ("本報", "經濟日報").
                if index + 1 < words.count, before.contains(role), Self.isName(words[index + 1]) { return String(words[index + 1]) }
                if Self.isName(rest) { return String(rest) }
                if rest.isEmpty, index > 0, Self.isName(words[index - 1]) { return String(words[index - 1]) }
            }
        }
        return nil
    }

    static func withoutBrackets(_ word: Substring) -> Substring {
        let isBracket = { (character: Character) in "[]【】()（）「」".contains(character) }
        var trimmed = word.drop(while: isBracket)
        while let last = trimmed.last, isBracket(last) { trimmed = trimmed.dropLast() }
        return trimmed
    }

    /// Two to five Han, kana or Hangul letters: a personal name in these scripts, not an outlet's
    /// longer name or a Latin word.
    static func isName(_ text: Substring) -> Bool {
        (2...5).contains(text.count) && text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: return true
            default: return false
            }
        }
    }
}
