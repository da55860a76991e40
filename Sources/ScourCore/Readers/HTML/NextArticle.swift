/// A page that appends the next story under its own (infinite scroll: Dagbladet's
/// `<article id="second-article">` below the first) holds two `<article>` elements with a
/// headline (`<h1>`) each inside the chosen container: the first is the page's story, the ones
/// after it are other stories.
struct NextArticle {
    /// The page's own story must hold at least this much story text before a later headed
    /// article is cut: a short headed box at the top (a breaking-news banner) is no story.
    static let minimumStoryCharacters = 500.0

    func apply(chosen: Int, blocks: [WalkedBlock], containers: [ContentContainer], insideChosen: [Bool],
               good: [Double], included: inout [Bool], reasons: inout [String?]) {
        guard containers[chosen].tag != .article else { return }
        // The outermost <article> elements inside the chosen container (parents come first).
        var inArticle = [Bool](repeating: false, count: containers.count)
        var headed: [Int] = []
        for index in containers.indices where insideChosen[index] {
            let parent = containers[index].parent
            if parent >= 0, inArticle[parent] {
                inArticle[index] = true
                continue
            }
            guard containers[index].tag == .article else { continue }
            inArticle[index] = true
            if holdsHeadline(containers[index], blocks) { headed.append(index) }
        }
        guard headed.count >= 2 else { return }
        // Entries of one kind, each with its <h1> (a live blog's updates in HTML5's outline style),
        // are one story's parts: an appended story is an article of another kind than the page's.
        let firstKind = MainContentSelector.kindKey(containers[headed[0]])
        guard !headed.dropFirst().contains(where: { MainContentSelector.kindKey(containers[$0]) == firstKind }) else { return }
        let first = containers[headed[0]]
        var story = 0.0
        for index in first.firstBlock..<first.endBlock where included[index] { story += good[index] }
        guard story >= Self.minimumStoryCharacters else { return }
        for article in headed.dropFirst() {
            for index in containers[article].firstBlock..<containers[article].endBlock where included[index] {
                included[index] = false
                reasons[index] = "next-article"
            }
        }
    }

    private func holdsHeadline(_ container: ContentContainer, _ blocks: [WalkedBlock]) -> Bool {
        blocks[container.firstBlock..<container.endBlock].contains { $0.block.kind == .heading && $0.block.level == 1 }
    }
}
