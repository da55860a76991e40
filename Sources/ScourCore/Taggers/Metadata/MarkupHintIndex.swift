/// The markup's hints grouped by field, each value trimmed once: `markupValues` is asked a dozen
/// times per page, and walking every hint (often hundreds: bylines, outside dates) each time,
/// trimming again, was a hot spot of the stage.
struct MarkupHintIndex {
    /// Per field (`slot`), the indices of its hints with a non-empty value, in rank order.
    private var byField = Array(repeating: [Int](), count: 16)
    /// The values that lost edge spaces, by hint index; the others are the hints' own.
    private var trimmed: [Int: String] = [:]

    init(_ hints: [MarkupHint]) {
        for (index, hint) in hints.enumerated() {
            var empty = hint.value.isEmpty
            // The reader already collapsed whitespace; Foundation's trimming was a hot spot here.
            if MetadataContext.hasEdgeSpace(hint.value) {
                let value = hint.value.trimmedSpaces()
                empty = value.isEmpty
                trimmed[index] = value
            }
            if !empty { byField[Self.slot(hint.field)].append(index) }
        }
    }

    /// The value `markupValues` gives for the hint at `index`.
    func value(_ index: Int, of hints: [MarkupHint]) -> String {
        trimmed[index] ?? hints[index].value
    }

    /// The indices of the hints of the given fields, in rank order.
    func indices(_ fields: Set<HintField>) -> [Int] {
        let lists = fields.map { byField[Self.slot($0)] }.filter { !$0.isEmpty }
        return lists.count <= 1 ? lists.first ?? [] : lists.joined().sorted()
    }

    /// A field's place in `byField`.
    static func slot(_ field: HintField) -> Int {
        switch field {
        case .title: 0
        case .description: 1
        case .author: 2
        case .date: 3
        case .modified: 4
        case .outlet: 5
        case .url: 6
        case .language: 7
        case .tag: 8
        case .section: 9
        case .byline: 10
        case .captureDate: 11
        case .outsideDate: 12
        case .body: 13
        case .shownTime: 14
        case .articlePart: 15
        }
    }
}
