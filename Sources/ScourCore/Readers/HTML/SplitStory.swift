/// A story split into several boxes of one exact content name, with ads, promos or a sidebar
/// between them (`article__content` three times inside one `<article>`): the main-content
/// selection picks one box; the others of that name in the same article are the story too,
/// less their own boilerplate-marked parts.
struct SplitStory {
    /// At most this many further boxes are taken (a listing of many posts is no split story).
    static let maximumBoxes = 16

    func apply(chosen: Int, blocks: [WalkedBlock], containers: [ContentContainer], hints: [MarkupTokens.Hint],
               insideChosen: [Bool], included: inout [Bool], reasons: inout [String?]) {
        guard hints[chosen] == .strongContent, !containers[chosen].tokens.isEmpty, let root = MainContentSelector.storyRoot(of: chosen, containers) else { return }
        let name = containers[chosen].tokens
        let chosenRange = containers[chosen].firstBlock..<containers[chosen].endBlock
        let insideRoot = MainContentSelector.descendants(of: root, containers)
        // Parents come first: one pass tells, per container, whether it lies in a further box and
        // whether a marked part lies between it and that box.
        var inBox = [Bool](repeating: false, count: containers.count)
        var inMarked = [Bool](repeating: false, count: containers.count)
        var boxes = 0
        for index in containers.indices {
            let parent = containers[index].parent
            if parent >= 0, inBox[parent] {
                inBox[index] = true
                inMarked[index] = inMarked[parent] || { if case .boilerplate = hints[index] { return true }; return false }()
                continue
            }
            let container = containers[index]
            guard index != chosen, insideRoot[index], !insideChosen[index], boxes < Self.maximumBoxes,
                  hints[index] == .strongContent, container.tag == containers[chosen].tag, container.tokens == name,
                  // Not a box around the chosen one.
                  !(container.firstBlock <= chosenRange.lowerBound && container.endBlock >= chosenRange.upperBound) else { continue }
            inBox[index] = true
            boxes += 1
        }
        guard boxes > 0 else { return }
        for index in blocks.indices where !included[index] {
            let container = blocks[index].container
            guard container >= 0, inBox[container], !inMarked[container] else { continue }
            included[index] = true
            reasons[index] = nil
        }
    }
}
