/// Post-selection step: inside the chosen main content, a list of sibling records that ends the
/// story is other texts, not more of this one, when each record carries its own `<time>` (a
/// comment thread, answers, dated stories) or opens with a heading that links to another page (a
/// list of other stories with their summaries). The evidence is the page's structure, not its
/// class names: a page whose class words say nothing, or say it in words no list holds, still
/// gives each comment its own date and each teaser its own link. The list must follow story text
/// and be followed by little: a timeline or a set of sections inside the story has the story
/// after it. Records are short: a live blog's or a guide's long entries are the story.
struct RecordList {
    /// Records that make a list: fewer is an aside or two, not a list.
    static let minimumRecords = 3
    /// Share of the list's children that must be records of one kind.
    static let recordShare = 0.6
    /// Story characters (the selection's good weight) the chosen container must hold before the list.
    static let storyBefore = 400.0
    /// Story after the list, as a share of the story before it, above which the list is inside the story.
    static let storyAfterShare = 0.25
    /// Story characters a record holds on average at most: comments and teasers are short.
    static let maxRecordStory = 400.0
    /// A teaser record's heading is among its first blocks, and it holds few blocks.
    static let teaserHeadingBlocks = 3
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
        var children: [Int: (all: Int, dated: Int, linkHeaded: Int, headlined: Int)] = [:]
        for index in containers.indices where insideChosen[index] {
            let parent = containers[index].parent
            guard parent >= 0, parent != chosen, insideChosen[parent] else { continue }
            var counts = children[parent] ?? (0, 0, 0, 0)
            counts.all += 1
            if dated[index] {
                counts.dated += 1
                if Self.opensWithHeadline(containers[index], blocks) { counts.headlined += 1 }
            }
            if Self.opensWithLinkHeading(containers[index], blocks) { counts.linkHeaded += 1 }
            children[parent] = counts
        }
        guard !children.isEmpty else { return }
        let story = IncludedStory(range: containers[chosen].firstBlock..<containers[chosen].endBlock, included: included, good: good)
        // The last list first: a list followed only by lists cut already (teasers above the comments)
        // ends the story too. Cut lists are kept in the order met (starts falling) with their story
        // summed, so the story cut after a list's end is one binary search away.
        var cutStarts: [Int] = [], cutStory: [Double] = [0]
        func storyCut(from end: Int) -> Double {
            // `cutStarts` falls: the lists starting at or after `end` are a prefix of it.
            var low = 0, high = cutStarts.count
            while low < high {
                let middle = (low + high) / 2
                if cutStarts[middle] >= end { low = middle + 1 } else { high = middle }
            }
            return cutStory[low]
        }
        let lists = children.filter { _, counts in
            let records = max(counts.dated, counts.linkHeaded)
            return records >= Self.minimumRecords && Double(records) >= Self.recordShare * Double(counts.all)
        }.sorted { containers[$0.key].firstBlock != containers[$1.key].firstBlock
            ? containers[$0.key].firstBlock > containers[$1.key].firstBlock : $0.key > $1.key }
        for (list, counts) in lists {
            let range = containers[list].firstBlock..<containers[list].endBlock
            guard range.contains(where: { included[$0] }) else { continue }
            guard story.endsStory(range, minimumBefore: Self.storyBefore, afterShare: Self.storyAfterShare,
                                  alreadyCut: storyCut(from: range.upperBound)),
                  story.story(range) <= Self.maxRecordStory * Double(counts.all) else { continue }
            let reason = counts.dated >= counts.linkHeaded ? "dated-record-list" : "teaser-record-list"
            // Most dated records under a headline of their own: a live blog's entries, the story itself.
            if reason == "dated-record-list", counts.headlined * 2 > counts.dated { continue }
            for index in range where included[index] {
                included[index] = false
                reasons[index] = reason
            }
            // Lists inside this one that were cut first are in its story already: counted once.
            let inside = storyCut(from: range.lowerBound) - storyCut(from: range.upperBound)
            cutStarts.append(range.lowerBound)
            cutStory.append(cutStory[cutStory.count - 1] + story.story(range) - inside)
        }
    }

    /// A live blog's entry: a record whose heading, among its first blocks, is a headline (four words
    /// or more) that links nowhere, with text under it. A comment's heading is its writer's name, a
    /// teaser's links to its story.
    static func opensWithHeadline(_ record: ContentContainer, _ blocks: [WalkedBlock]) -> Bool {
        for index in record.firstBlock..<min(record.endBlock, record.firstBlock + teaserHeadingBlocks)
        where blocks[index].block.kind == .heading {
            return blocks[index].linkCharacters == 0 && index + 1 < record.endBlock
                && blocks[index].block.text.split(separator: " ").count >= 4
        }
        return false
    }

    /// A short record whose heading, among its first blocks, is all link to another page (not an
    /// anchor on this one: "#section-2").
    static func opensWithLinkHeading(_ record: ContentContainer, _ blocks: [WalkedBlock]) -> Bool {
        guard record.endBlock > record.firstBlock, record.endBlock - record.firstBlock <= teaserMaxBlocks else { return false }
        for index in record.firstBlock..<min(record.endBlock, record.firstBlock + teaserHeadingBlocks)
        where blocks[index].block.kind == .heading {
            let walked = blocks[index]
            return walked.characters > 0 && walked.linkCharacters * 10 >= walked.characters * 9
                && walked.block.links.contains { !$0.target.isEmpty && !$0.target.hasPrefix("#") && !$0.target.lowercased().hasPrefix("javascript:") }
        }
        return false
    }
}
