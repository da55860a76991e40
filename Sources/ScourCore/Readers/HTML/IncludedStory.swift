/// Story characters (the selection's good weight) of the included blocks of a block range, summed
/// once so that any stretch of it costs two look-ups: the post-selection steps ask "how much story
/// comes before (after) this part" once per part, and a page may have thousands of parts.
struct IncludedStory {
    let range: Range<Int>
    private var prefix: [Double]

    init(range: Range<Int>, included: [Bool], good: [Double]) {
        self.range = range
        prefix = [Double](repeating: 0, count: range.count + 1)
        for (offset, index) in range.enumerated() {
            prefix[offset + 1] = prefix[offset] + (included[index] ? good[index] : 0)
        }
    }

    /// Story in `part` (clamped to the range).
    func story(_ part: Range<Int>) -> Double {
        let lower = min(max(part.lowerBound, range.lowerBound), range.upperBound)
        let upper = min(max(part.upperBound, lower), range.upperBound)
        return prefix[upper - range.lowerBound] - prefix[lower - range.lowerBound]
    }

    func before(_ part: Range<Int>) -> Double { story(range.lowerBound..<max(range.lowerBound, part.lowerBound)) }
    func after(_ part: Range<Int>) -> Double { story(min(range.upperBound, part.upperBound)..<range.upperBound) }

    /// The part follows the story and ends it: `minimumBefore` of story before it, and after it at
    /// most `afterShare` of what came before (less `alreadyCut`: story after it that is gone).
    func endsStory(_ part: Range<Int>, minimumBefore: Double, afterShare: Double, alreadyCut: Double = 0) -> Bool {
        let before = before(part)
        return before >= minimumBefore && after(part) - alreadyCut <= afterShare * before
    }
}
