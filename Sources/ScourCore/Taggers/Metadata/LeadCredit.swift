/// "[부산=스포츠조선 선수민 기자] 롯데 자이언츠 …", "（記者林宸誼／台北報導）…": the reporter credited in
/// brackets at the very start of the first paragraph, as East Asian news leads do. Read when no
/// other rule named an author; the paragraph keeps its text.
extension MetadataContext {
    mutating func tagLeadCredit() {
        // The lead may be shorter than the paragraph taken for the first prose: the few kept blocks above it count too.
        for first in proseAnchors() {
            for index in max(0, first - 3)...first where meta.authors.isEmpty && document.blocks[index].isKept {
                // A credit names its place or agency ("부산=스포츠조선") or its kind of report ("／台北報導");
                // "【記者会見】" (a press conference) does neither.
                guard let credit = Self.leadBrackets(document.blocks[index].text), namesReport(credit),
                      let name = names.reporters.name(in: credit) else { continue }
                meta.authors = [name]
                set("authors", rule: "lead-credit", block: index)
            }
        }
    }

    /// "[부산=스포츠조선 선수민 기자]", "（記者林宸誼／台北報導）", "[스포츠서울 김민수 기자]": a place or agency
    /// before "=", a kind of report after a slash, or the role word closing the credit.
    func namesReport(_ credit: String) -> Bool {
        let inside = credit.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        return inside.contains { $0 == "=" || $0 == "／" || $0 == "/" } || names.reporters.after.contains { inside.hasSuffix($0) }
    }

    /// The bracketed opening of a paragraph ("[부산=스포츠조선 선수민 기자]"), at most 40 characters, or nil.
    static func leadBrackets(_ text: String) -> String? {
        guard let open = text.first, let close = Self.closingBrackets[open] else { return nil }
        guard let end = text.prefix(41).firstIndex(of: close) else { return nil }
        return String(text[text.startIndex...end])
    }

    static let closingBrackets: [Character: Character] = ["[": "]", "(": ")", "（": "）", "【": "】", "〔": "〕"]
}
