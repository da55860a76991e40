/// Post-selection step: inside the chosen main content, a list of sibling records after the story
/// is other texts, not more of this one, when each record carries its own `<time>` (a comment
/// thread, answers, dated stories) or opens with a heading that is a link (a list of other stories
/// with their summaries). The evidence is the page's structure, not its class names: a page
/// whose class words say nothing, or say it in words no list holds, still gives each comment its
/// own date and each teaser its own link. A list that is the chosen container itself, or that
/// holds the story from its start (a live blog's entries), stays.
struct RecordList {
    /// Records that make a list: fewer is an aside or two, not a list.
    static let minimumRecords = 3
    /// Share of the list's children that must be records of one kind.
    static let recordShare = 0.6
    /// Story characters (the selection's good weight) the chosen container must hold before the
    /// list for the list to follow a story rather than be it.
    static let storyBefore = 400.0
    /// A teaser record is short: its heading is among its first blocks, and it holds few of them.
    static let teaserMaxBlocks = 6

    func apply(blocks: [WalkedBlock], containers: [ContentContainer], chosen: Int, insideChosen: [Bool],
               good: [Double], included: inout [Bool], reasons: inout [String?]) {
        // Whether a container or any container inside it holds a `<time>`: children come after their
        // parent, so one pass from the end hands each flag up.
        var dated = containers.map(\.holdsTime)
        for index in containers.indices.reversed() where dated[index] {
            let parent = containers[index].parent
            if parent >= 0 { dated[parent] = true }
        }
        // Per list (a container inside the chosen one), its children: all, dated, opened by a link heading.
        var children: [Int: (all: Int, dated: Int, linkHeaded: Int)] = [:]
        for index in containers.indices where insideChosen[index] {
            let parent = containers[index].parent
            guard parent >= 0, parent != chosen, insideChosen[parent] else { continue }
            var counts = children[parent] ?? (0, 0, 0)
            counts.all += 1
            if dated[index] { counts.dated += 1 }
            if Self.opensWithLinkHeading(containers[index], blocks) { counts.linkHeaded += 1 }
            children[parent] = counts
        }
        // Outer lists first (a parent's index is below its children's): a list inside a cut one is cut already.
        for (list, counts) in children.sorted(by: { $0.key < $1.key }) {
            let records = max(counts.dated, counts.linkHeaded)
            guard records >= Self.minimumRecords, Double(records) >= Self.recordShare * Double(counts.all) else { continue }
            let range = containers[list].firstBlock..<containers[list].endBlock
            guard range.contains(where: { included[$0] }) else { continue }
            var before = 0.0
            for index in containers[chosen].firstBlock..<range.lowerBound where included[index] { before += good[index] }
            guard before >= Self.storyBefore else { continue }
            let reason = counts.dated >= counts.linkHeaded ? "dated-record-list" : "teaser-record-list"
            for index in range where included[index] {
                included[index] = false
                reasons[index] = reason
            }
        }
    }

    /// A short record whose heading, among its first blocks, is all link.
    static func opensWithLinkHeading(_ record: ContentContainer, _ blocks: [WalkedBlock]) -> Bool {
        guard record.endBlock > record.firstBlock, record.endBlock - record.firstBlock <= teaserMaxBlocks else { return false }
        for index in record.firstBlock..<record.endBlock where blocks[index].block.kind == .heading {
            let walked = blocks[index]
            return walked.characters > 0 && walked.linkCharacters * 10 >= walked.characters * 9
        }
        return false
    }
}
