/// The markup's hints grouped by field, each value trimmed once: `markupValues` is asked a dozen
/// times per page, and walking every hint (often hundreds: bylines, outside dates) each time,
/// trimming again, was a hot spot of the stage.
struct MarkupHintIndex {
    /// Per field, the indices of its hints with a non-empty value, in rank order.
    private var byField: [HintField: [Int]] = [:]
    /// Per hint, its value without edge spaces (as `markupValues` gives it).
    private(set) var values: [String] = []

    init(_ hints: [MarkupHint]) {
        values.reserveCapacity(hints.count)
        for (index, hint) in hints.enumerated() {
            // The reader already collapsed whitespace; Foundation's trimming was a hot spot here.
            let value = MetadataContext.hasEdgeSpace(hint.value) ? hint.value.trimmedSpaces() : hint.value
            values.append(value)
            if !value.isEmpty { byField[hint.field, default: []].append(index) }
        }
    }

    /// The indices of the hints of the given fields, in rank order.
    func indices(_ fields: Set<HintField>) -> [Int] {
        let lists = fields.compactMap { byField[$0] }
        return lists.count <= 1 ? lists.first ?? [] : lists.joined().sorted()
    }
}
