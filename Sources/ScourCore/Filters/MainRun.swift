/// Picks which stretch of a text dump is the article, from per-block scores.
///
/// 1. Core: the maximum-sum run of scores (a long stretch of non-content costs more
///    with each block), never crossing an end-of-article phrase.
/// 2. Comments and footers: once a comment section opens after real content (a comment
///    phrase, or a thread of dated entries), later prose counts for little, so a long thread
///    cannot outweigh the article above it.
///    An end-of-article phrase after real content does the same for choosing the core
///    only (a disclaimer or contact block in the footer), not for bridging.
/// 3. Bridging: an article interrupted by a teaser box, an ad or a "Read more" link
///    continues after it; a neighbouring run within `maxGap` blocks that is itself
///    article-like (mostly consecutive prose) joins, while the gap between stays out. Toward
///    the header found above the core (4), the nearest article-like run joins first.
/// 4. The header: when the metadata stage found a headline with a byline or dateline under it and
///    the run chosen so far does not reach the first prose below them, the run that opens there is
///    the article, if it is article-like and scores at least half as much.
/// 5. Trimming: a run that starts (or ends) with a teaser grid, 6 blocks or more before
///    its first (after its last) three consecutive content blocks, with less than 30%
///    content, loses that edge.
struct MainRun {
    struct Item {
        var score: Double
        /// Words of a prose block (0 otherwise): how much article a run holds.
        var proseWords: Int
        /// Prose or a row of a table/list: what an article is made of.
        var isContent: Bool
        var endsArticle: Bool
        var startsComments: Bool
        /// Opens a run of dated entries (`DatedThread`): comments or other stories, whatever their size.
        var opensThread = false
    }

    var items: [Item]
    /// What positive scores count for inside a comment section.
    var commentDiscount = 0.25
    /// What positive scores count for after the article's end (a "Related" header, a copyright line).
    var footerDiscount = 0.25
    /// A comment phrase opens a section only after a run this large.
    var minScoreBeforeComments = 80.0
    /// Blocks an interruption may span and still be bridged.
    var maxGap = 16
    /// Blocks a bridge toward the header reaches from its anchor.
    var maxHeaderwardSpan = 64
    /// The first prose under the header group the metadata stage found (`HeaderAnchor`), if any.
    var headedStart: Int?
    /// The run under the header replaces the chosen one only when it scores at least this share of it.
    var headedShare = 0.5
    /// A run joins the core only with this many prose words and this share of content blocks.
    var minBridgedWords = 30
    var minBridgedContentShare = 0.5

    /// The positions kept, in order.
    func select() -> [Int] {
        let scores = adjustedScores()
        let discounted = footerDiscounted(scores)
        guard let core = bestRun(discounted, in: 0..<scores.count) else { return [] }
        let chosen = grown(core, scores)
        // The article the page's headline, byline and date introduce beats a larger run elsewhere
        // (a footer's contact block, a blurb) when it is an article itself and nothing joined it.
        if let start = headedStart, let first = chosen.first, let last = chosen.last, !(first...last).contains(start),
           let headed = runFrom(start, scores), isArticleLike(headed),
           headed.reduce(0, { $0 + scores[$1] }) >= headedShare * core.reduce(0, { $0 + discounted[$1] }) {
            return grown(headed, scores)
        }
        return chosen
    }

    /// The core with the article-like runs bridged to it on either side (the gaps between left
    /// out), its teaser edges trimmed.
    func grown(_ start: Range<Int>, _ scores: [Double]) -> [Int] {
        var core = start
        var gaps: [Range<Int>] = []
        // Join article-like runs across short interruptions, on either side.
        while let next = bridge(scores, from: core, forward: true) {
            gaps.append(core.upperBound..<next.lowerBound)
            core = core.lowerBound..<next.upperBound
        }
        while let previous = bridge(scores, from: core, forward: false) {
            gaps.append(previous.upperBound..<core.lowerBound)
            core = previous.lowerBound..<core.upperBound
        }
        var kept = Set(core)
        for gap in gaps { kept.subtract(gap) }
        var positions = kept.sorted()
        trimTeaserEdges(&positions)
        return positions
    }

    /// Scores with the growing cost of non-content streaks and the comment discount applied.
    func adjustedScores() -> [Double] {
        var scores: [Double] = []
        scores.reserveCapacity(items.count)
        var streak = 0
        for item in items {
            var score = item.score
            // A long stretch of non-prose (a teaser list, a comment thread) costs more with each block.
            if !item.endsArticle {
                if score < 0 {
                    streak += 1
                    score *= 1 + 0.25 * Double(min(streak, 12))
                } else {
                    streak = 0
                }
            }
            scores.append(score)
        }
        if let opening = commentsOpening(scores) {
            for position in (opening + 1)..<scores.count where scores[position] > 0 { scores[position] *= commentDiscount }
        }
        return scores
    }

    /// `scores` with positive scores after the article's end discounted: what the core is
    /// chosen from. Bridging still sees the scores undiscounted, so an article interrupted
    /// by a "Read more" box keeps its second half.
    func footerDiscounted(_ scores: [Double]) -> [Double] {
        guard let closing = articleClosing(scores) else { return scores }
        var discounted = scores
        for position in (closing + 1)..<scores.count where scores[position] > 0 { discounted[position] *= footerDiscount }
        return discounted
    }

    /// The first comment phrase that follows a real article: a run before it worth at least
    /// `minScoreBeforeComments` and half the best run after it. A "Comments" link in a
    /// share bar above the article opens nothing. A dated thread after a real article opens the
    /// comments however long it runs: its shape, not one phrase, says what it is.
    func commentsOpening(_ scores: [Double]) -> Int? {
        let phrase = firstAfterArticle(scores) { $0.startsComments }
        // The best run before each position, carried along: one pass, however many threads.
        var before = RunningBest()
        for position in 0..<(phrase ?? items.count) {
            if items[position].opensThread, before.best >= minScoreBeforeComments { return position }
            before.add(scores[position], endsArticle: items[position].endsArticle)
        }
        return phrase
    }

    /// The first end-of-article phrase ("Related", a copyright line) that follows a real
    /// article, by the same test: prose after it is a footer's (disclaimers, contact
    /// details, a site's blurb), not the article's.
    func articleClosing(_ scores: [Double]) -> Int? {
        firstAfterArticle(scores) { $0.endsArticle }
    }

    /// The first item matching `marks` with a run before it worth at least
    /// `minScoreBeforeComments` and half the best run after it.
    ///
    /// The best run before each position is carried along (`bestRun`'s own steps, so its sums), and
    /// after an end-of-article item, where runs restart, the best run after it is the best of the
    /// stretches between such items, found once from the end: a dump of thousands of "Read more"
    /// lines, each asking for both runs, cost the square of its length.
    func firstAfterArticle(_ scores: [Double], where marks: (Item) -> Bool) -> Int? {
        var bestAfterEnd: [Double]?
        var before = RunningBest()
        for position in items.indices {
            // (The run after is asked for only once the run before is large enough to count.)
            if marks(items[position]), before.best >= minScoreBeforeComments {
                let after: Double
                if items[position].endsArticle {
                    if bestAfterEnd == nil { bestAfterEnd = bestRunsAfterEnds(scores) }
                    after = bestAfterEnd![position + 1]
                } else {
                    after = runScore(scores, in: (position + 1)..<items.count)
                }
                if before.best >= 0.5 * after { return position }
            }
            before.add(scores[position], endsArticle: items[position].endsArticle)
        }
        return nil
    }

    /// `bestRun`'s steps, one item at a time, keeping only the best sum (0 while none is positive):
    /// the running sum restarts after an end-of-article item and whenever it falls to zero or below.
    /// Its sums are `bestRun`'s, added in the same order.
    struct RunningBest {
        var best = 0.0
        var sum = 0.0

        mutating func add(_ score: Double, endsArticle: Bool) {
            if endsArticle { sum = 0; return }
            if sum <= 0 { sum = 0 }
            sum += score
            if sum > best { best = sum }
        }
    }

    /// For each place right after an end-of-article item (and the start), the score of the best
    /// run from there to the end (0 without one): the stretches between such items, each scored as
    /// `bestRun` scores it, their best carried back from the end.
    func bestRunsAfterEnds(_ scores: [Double]) -> [Double] {
        var stretches: [(start: Int, best: Double)] = []
        var start = 0, stretch = RunningBest()
        for position in items.indices {
            if items[position].endsArticle {
                stretches.append((start, stretch.best))
                start = position + 1
                stretch = RunningBest()
            } else {
                stretch.add(scores[position], endsArticle: false)
            }
        }
        stretches.append((start, stretch.best))
        var from = [Double](repeating: 0, count: items.count + 1)
        var running = 0.0
        for stretch in stretches.reversed() {
            running = max(running, stretch.best)
            from[stretch.start] = running
        }
        return from
    }

    func runScore(_ scores: [Double], in range: Range<Int>) -> Double {
        guard let run = bestRun(scores, in: range) else { return 0 }
        return run.reduce(0) { $0 + scores[$1] }
    }

    /// The best-sum run that starts at `start`, up to a comment section or an end-of-article phrase.
    func runFrom(_ start: Int, _ scores: [Double]) -> Range<Int>? {
        guard items.indices.contains(start) else { return nil }
        var best: (score: Double, end: Int)?
        var sum = 0.0
        for position in start..<items.count {
            if position != start && (items[position].startsComments || items[position].opensThread || items[position].endsArticle) { break }
            sum += scores[position]
            if sum > 0, best == nil || sum > best!.score { best = (sum, position + 1) }
        }
        return best.map { start..<$0.end }
    }

    /// Maximum-sum run inside `range`, restarting after each end-of-article phrase.
    func bestRun(_ scores: [Double], in range: Range<Int>) -> Range<Int>? {
        var best: (score: Double, range: Range<Int>)?
        var start = range.lowerBound
        var sum = 0.0
        for position in range {
            if items[position].endsArticle {
                start = position + 1
                sum = 0
                continue
            }
            if sum <= 0 {
                start = position
                sum = 0
            }
            sum += scores[position]
            if sum > 0, best == nil || sum > best!.score {
                best = (sum, start..<(position + 1))
            }
        }
        return best?.range
    }

    /// The best article-like run that starts (or ends) within `maxGap` blocks of the core,
    /// with no comment section opening in between.
    func bridge(_ scores: [Double], from core: Range<Int>, forward: Bool) -> Range<Int>? {
        var best: (score: Double, range: Range<Int>)?
        let anchors = forward
            ? Array(core.upperBound..<min(items.count, core.upperBound + maxGap + 1))
            : Array(max(0, core.lowerBound - maxGap - 1)..<core.lowerBound).reversed()
        let towardHeader = !forward && headedStart.map { $0 < core.lowerBound } == true
        for anchor in anchors {
            if items[anchor].startsComments || items[anchor].opensThread { break }
            guard scores[anchor] > 0, items[anchor].proseWords > 0, !towardHeader || anchor >= headedStart! else { continue }
            // Extend away from the core as far as the sum is best. Toward the header the metadata stage
            // found above the core, among the runs that read as article: the story is known to start
            // there, and a larger run taking in the teaser box between would be no article and
            // bridge nothing. (Counted as the run grows: no run is counted twice.)
            var sum = 0.0
            var shape = RunShape()
            var position = anchor
            while position >= 0 && position < items.count {
                if position != anchor && (items[position].startsComments || items[position].opensThread) { break }
                // Above the header nothing is the story's; a stretch longer than `maxHeaderwardSpan` joins in
                // pieces, one bridge each, so the bridges before it cost no more than the dump's length.
                if towardHeader, position < headedStart! || anchor - position >= maxHeaderwardSpan { break }
                sum += scores[position]
                shape.add(items[position])
                let run = forward ? anchor..<(position + 1) : position..<(anchor + 1)
                if sum > 0, !towardHeader || isArticleLike(shape), best == nil || sum > best!.score { best = (sum, run) }
                position += forward ? 1 : -1
            }
            // Toward the header the nearest stretch joins first: the next bridge reaches the one beyond.
            if towardHeader, best != nil { break }
        }
        guard let run = best?.range, towardHeader || isArticleLike(run) else { return nil }
        return run
    }

    /// What a run is made of: its prose blocks, their words and its content blocks.
    struct RunShape {
        var blocks = 0, prose = 0, words = 0, content = 0

        mutating func add(_ item: Item) {
            blocks += 1
            if item.proseWords > 0 { prose += 1; words += item.proseWords }
            if item.isContent { content += 1 }
        }
    }

    func isArticleLike(_ run: Range<Int>) -> Bool {
        var shape = RunShape()
        for position in run { shape.add(items[position]) }
        return isArticleLike(shape)
    }

    func isArticleLike(_ shape: RunShape) -> Bool {
        shape.prose >= 2 && shape.words >= minBridgedWords && Double(shape.content) >= minBridgedContentShare * Double(shape.blocks)
    }

    /// Drops a leading (trailing) stretch of at least 6 kept blocks, before the first (after
    /// the last) solid stretch of content, when less than 30% of it is content: a teaser grid
    /// of captions and headlines, not the article's opening.
    func trimTeaserEdges(_ positions: inout [Int]) {
        func isSolid(_ index: Int, step: Int) -> Bool {
            let window = (0..<3).map { index + $0 * step }
            guard window.allSatisfy({ $0 >= 0 && $0 < positions.count }) else { return false }
            return window.allSatisfy { items[positions[$0]].isContent }
        }
        func trim(_ edge: [Int]) -> Bool {
            guard edge.count >= 6 else { return false }
            let content = edge.filter { items[positions[$0]].isContent }.count
            return Double(content) < 0.3 * Double(edge.count)
        }
        if let first = positions.indices.first(where: { isSolid($0, step: 1) }), trim(Array(0..<first)) {
            positions.removeFirst(first)
        }
        if let last = positions.indices.reversed().first(where: { isSolid($0, step: -1) }),
           trim(Array((last + 1)..<positions.count)) {
            positions.removeLast(positions.count - last - 1)
        }
    }
}
