/// Where a text dump's article starts by its header: the metadata stage took out a headline
/// ("title") and, at most 4 blocks below it, a byline or dateline. The first prose block after
/// that header group, within a share bar's few lines, opens the article the header introduces.
enum HeaderAnchor {
    /// Blocks between the headline and its byline or dateline (a kicker, a standfirst).
    static let headerSpan = 4
    /// Kept blocks between the header group and the first prose (share buttons, a caption).
    static let proseSpan = 4

    /// The position in `kept` (block indices, in order) of the article's first prose block, or nil.
    static func firstProse(_ blocks: [Block], kept: [Int], isProse: (Int) -> Bool) -> Int? {
        guard let title = blocks.firstIndex(where: { $0.removal?.rule == "title" && $0.removal?.stage == MetadataStage.name }) else { return nil }
        let window = (title + 1)..<min(blocks.count, title + 1 + headerSpan)
        guard let groupEnd = window.last(where: { index in
            blocks[index].removal?.stage == MetadataStage.name && (blocks[index].removal?.rule == "byline" || blocks[index].removal?.rule == "dateline")
        }) else { return nil }
        guard let next = kept.firstIndex(where: { $0 > groupEnd }) else { return nil }
        return (next..<min(kept.count, next + proseSpan)).first(where: isProse)
    }
}
