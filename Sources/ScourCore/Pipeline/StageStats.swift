/// What one stage did over a run: documents in and out, blocks removed per rule.
public struct StageStats: Sendable, Equatable {
    public var stage: String
    public var documentsIn = 0
    public var documentsKept = 0
    public var documentsRejected = 0
    public var blocksRemoved: [String: Int] = [:]

    public init(stage: String) { self.stage = stage }

    mutating func merge(_ other: StageStats) {
        documentsIn += other.documentsIn
        documentsKept += other.documentsKept
        documentsRejected += other.documentsRejected
        for (rule, count) in other.blocksRemoved { blocksRemoved[rule, default: 0] += count }
    }

    mutating func record(_ document: Document) {
        for block in document.blocks {
            if let removal = block.removal, removal.stage == stage {
                blocksRemoved[removal.rule, default: 0] += 1
            }
        }
    }
}
