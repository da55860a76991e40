/// Picks the page's main content from the walked blocks. Each block gets a
/// "good" weight (text outside links in sentence-shaped paragraphs) and a "bad"
/// weight (text inside links, short non-sentence lines). The container with the
/// most good text net of bad, nudged by what its tags and tokens say, is the
/// article; its boilerplate-marked parts are cut, and sibling parts that read
/// like the story (a lead paragraph outside the body wrapper) are added back.
struct MainContentSelector {
    let tokens: MarkupTokens
    /// How much a character of bad text costs against one of good text.
    var badWeight = 1.0
    /// The post-selection steps, built once from the tokens' word lists.
    let teasers: TeaserBarrier
    let byLines: ByLines
    let describedLead: DescribedLead

    init(tokens: MarkupTokens) {
        self.tokens = tokens
        teasers = TeaserBarrier(tokens: tokens)
        byLines = ByLines(tokens: tokens)
        describedLead = DescribedLead(tokens: tokens)
    }

    /// Below this many characters of story text the selection found nothing useful (see the segmenter's fallback).
    static let fallbackCharacters = 200.0

    /// The selection's scoring weights. A container scores its good text less `badWeight` times
    /// its bad text, plus or minus these shares of its good text for what its markup says. They
    /// were set by hand when the HTML reader was first written (bb6684e, 2026-11-27: aeb-dev F1
    /// .955 at the first cut) and the trust limit with 889e738, each chosen as a round figure
    /// that made the mark decide between near-equal candidates without overriding the text,
    /// and kept since because every later change left them as they were on the bench sets.
    enum Weights {
        /// `itemprop=articleBody`, `article-body` and the like: a fixed bonus large enough to win
        /// against a wrapper with a few more characters around it, plus a quarter of its text.
        static let strongContentShare = 0.25
        static let strongContentBonus = 100.0
        /// `<article>`, `<main>`, "content" tokens: a light nudge (5% of the text).
        static let contentShare = 0.05
        /// A boilerplate mark (nav, sidebar, comments…) halves what the good text counts…
        static let boilerplateShare = 0.5
        /// …and so does sitting inside a boilerplate-marked container.
        static let insideBoilerplateShare = 0.5
        /// A boilerplate mark on a wrapper holding more than this share of the page's story
        /// text describes the layout ("left-rail" around the article): it is not trusted.
        static let trustedMarkMaxShareOfPage = 0.6
        /// Inside the chosen container, a marked part holding more than this share of its story
        /// is kept: the mark is wrong about it.
        static let cutMarkMaxShareOfChosen = 0.5
    }

    struct Selection {
        var container: Int
        var included: [Bool]
        /// Why a block was left out, for blocks not included (rule names for `explain`).
        var reasons: [String?]
        /// Characters of story text (the good weight) in the included blocks.
        var storyCharacters = 0.0
        /// Set when the best-ranked container kept no story text and this one was taken instead.
        var rescuedFrom: Int?
    }

    func select(blocks: [WalkedBlock], containers: [ContentContainer], descriptions: [String] = []) -> Selection {
        let count = blocks.count
        let (good, bad) = blockWeights(blocks)
        var goodPrefix = [0.0], badPrefix = [0.0]
        goodPrefix.reserveCapacity(count + 1)
        badPrefix.reserveCapacity(count + 1)
        for index in 0..<count {
            goodPrefix.append(goodPrefix[index] + good[index])
            badPrefix.append(badPrefix[index] + bad[index])
        }
        func goodIn(_ container: ContentContainer) -> Double { goodPrefix[container.endBlock] - goodPrefix[container.firstBlock] }
        func badIn(_ container: ContentContainer) -> Double { badPrefix[container.endBlock] - badPrefix[container.firstBlock] }

        // Containers repeat their class tokens ("col-md-4", "post-item"): each distinct token is read once.
        // The walker hands out one token array per distinct class list, so a list met again (the same
        // array, alive for the whole call) is known by its storage address, without hashing its tokens.
        var readings: [String: MarkupTokens.TokenReading] = [:]
        readings.reserveCapacity(containers.count)
        var listHints = ListHints(capacity: containers.count)
        let pageGood = goodPrefix[count]
        // Read through a reference so the closures below do not copy the selector for each container.
        let tokens = TokenTable(tokens)
        let hints = containers.map { container -> MarkupTokens.Hint in
            let list = container.tokens
            let key = Self.listKey(container)
            var hint: MarkupTokens.Hint
            if let key, let known = listHints[key] {
                hint = known
            } else {
                hint = tokens.table.hint(tag: container.tag, count: list.count) { position in
                    if let known = readings[list[position]] { return known }
                    let reading = tokens.table.reading(of: list[position])
                    readings[list[position]] = reading
                    return reading
                }
                if let key { listHints[key] = hint }
            }
            // A mark on a wrapper that holds most of the page's story text ("left-rail" around the
            // article) describes the layout, not the text: it is not trusted.
            if case let .boilerplate(word) = hint, pageGood > 0, goodIn(container) > Weights.trustedMarkMaxShareOfPage * pageGood,
               !tokens.table.isAlwaysTrusted(word, tokens: list) { hint = .none }
            // The page's own structured data says the element is its article ("paywall" on a story's
            // paywalled part, declared in JSON-LD `hasPart`): its boilerplate word is not trusted either.
            if case .boilerplate = hint, container.declaredPart { hint = .none }
            return hint
        }
        // A container inside a boilerplate-marked one is boilerplate too.
        var insideBoilerplate = [Bool](repeating: false, count: containers.count)
        for index in containers.indices {
            let parent = containers[index].parent
            if parent >= 0, insideBoilerplate[parent] || isBoilerplate(hints[parent]) { insideBoilerplate[index] = true }
        }

        // Each container's score, and the same score without the cost of sitting inside a marked
        // container (what the rescue below ranks by).
        var scores = [Double](repeating: -Double.infinity, count: containers.count)
        var rescueScores = scores
        var best = 0
        for (index, container) in containers.enumerated() where container.endBlock > container.firstBlock {
            let g = goodIn(container), b = badIn(container)
            var score = g - badWeight * b
            switch hints[index] {
            case .strongContent: score += Weights.strongContentShare * g + Weights.strongContentBonus
            case .content: score += Weights.contentShare * g
            case .boilerplate: score -= Weights.boilerplateShare * g
            case .none: break
            }
            rescueScores[index] = score
            if insideBoilerplate[index] { score -= Weights.insideBoilerplateShare * g }
            scores[index] = score
            if score > scores[best] { best = index }
        }

        let scored = Scored(blocks: blocks, containers: containers, hints: hints, good: good, bad: bad,
                            goodPrefix: goodPrefix, badPrefix: badPrefix, markReasons: Self.markReasons(containers, hints: hints))
        let selection = assemble(chosen: best, scored, descriptions: descriptions)
        guard selection.storyCharacters == 0, pageGood >= Self.fallbackCharacters else { return selection }
        let candidates = containers.indices.filter { $0 != best && rescueScores[$0] > 0 && goodIn(containers[$0]) > 0 }
            .sorted { rescueScores[$0] != rescueScores[$1] ? rescueScores[$0] > rescueScores[$1] : $0 < $1 }
        return rescue(selection, best: best, candidates: candidates, scored, descriptions: descriptions)
    }

    /// Rescue: the best-ranked container lost every story paragraph to the marks inside it (the
    /// article nested in a "left-rail" that libxml2 left open, inside a page-wide wrapper), while
    /// the page holds story text. The next candidates, ranked without the cost of sitting inside a
    /// marked container, are tried in turn; the first that keeps story text is the article.
    private func rescue(_ selection: Selection, best: Int, candidates: [Int], _ scored: Scored, descriptions: [String]) -> Selection {
        for candidate in candidates.prefix(Self.rescueCandidates) {
            var second = assemble(chosen: candidate, scored, descriptions: descriptions)
            guard second.storyCharacters > 0 else { continue }
            second.rescuedFrom = best
            return second
        }
        return selection
    }

    /// Each block's good and bad weight.
    func blockWeights(_ blocks: [WalkedBlock]) -> (good: [Double], bad: [Double]) {
        var good = [Double](repeating: 0, count: blocks.count)
        var bad = [Double](repeating: 0, count: blocks.count)
        // By index: the blocks are read in place, not copied out one by one.
        for index in blocks.indices {
            (good[index], bad[index]) = weights(blocks[index])
        }
        // A story told in short sentences ("Trees fell.", "Schools are closed.") has no paragraph
        // long enough to weigh: when the page has almost no story text, short sentences count too,
        // or a sidebar's one long teaser outweighs the whole article.
        if good.reduce(0, +) < Self.fallbackCharacters {
            for (index, walked) in blocks.enumerated() where good[index] == 0 {
                if let short = shortSentenceWeight(walked) { (good[index], bad[index]) = short }
            }
        }
        return (good, bad)
    }

    /// Per container, the innermost mark around it: the rule its blocks outside the content are left out by.
    static func markReasons(_ containers: [ContentContainer], hints: [MarkupTokens.Hint]) -> [String] {
        var reasons: [String] = []
        reasons.reserveCapacity(containers.count)
        // A page marks many containers with the same few words: each reason is built once.
        var byWord: [String: String] = [:]
        for index in containers.indices {
            if case let .boilerplate(word) = hints[index] {
                if let known = byWord[word] { reasons.append(known); continue }
                let reason = MarkupTokens.boilerplateReason(word)
                byWord[word] = reason
                reasons.append(reason)
            } else {
                let parent = containers[index].parent
                reasons.append(parent >= 0 ? reasons[parent] : "outside-main-content")
            }
        }
        return reasons
    }

    /// How many further candidates the rescue tries (each costs a pass over its blocks).
    static let rescueCandidates = 8

    /// What the scoring worked out, shared by every candidate the selection assembles.
    private struct Scored {
        var blocks: [WalkedBlock]
        var containers: [ContentContainer]
        var hints: [MarkupTokens.Hint]
        var good: [Double]
        var bad: [Double]
        var goodPrefix: [Double]
        var badPrefix: [Double]
        var markReasons: [String]

        func goodIn(_ container: ContentContainer) -> Double { goodPrefix[container.endBlock] - goodPrefix[container.firstBlock] }
        func badIn(_ container: ContentContainer) -> Double { badPrefix[container.endBlock] - badPrefix[container.firstBlock] }
    }

    /// The main content with `best` as the article: its blocks less its marked parts and captions,
    /// plus story siblings, the lead, and the teaser, byline and described-lead steps.
    private func assemble(chosen best: Int, _ scored: Scored, descriptions: [String]) -> Selection {
        let blocks = scored.blocks, containers = scored.containers, hints = scored.hints
        let good = scored.good, bad = scored.bad, markReasons = scored.markReasons
        let count = blocks.count
        var included = [Bool](repeating: false, count: count)
        var reasons = blocks.map { walked -> String? in
            walked.container >= 0 ? markReasons[walked.container] : "outside-main-content"
        }
        let chosen = containers[best]
        let chosenGood = scored.goodIn(chosen)
        for index in chosen.firstBlock..<chosen.endBlock {
            included[index] = true
            reasons[index] = nil
        }
        // Boilerplate-marked parts of the chosen container go, unless they hold most of its story.
        // (Containers come parent first: one inside a part already cut has nothing left to cut, and is
        // passed over, so nested marked parts or figures cost their blocks once, not once per level.)
        let insideChosen = Self.descendants(of: best, containers)
        // A part holding most of the story vouches for the parts of its kind before it: marked
        // "article-widget article-widget-text" boxes told apart by their ids, the story's opening
        // paragraphs in the first. (Only where the mark comes from the kind's own tokens, not an id.)
        var storyBoxes: [SiblingList: Int] = [:]
        for (index, container) in containers.enumerated() where insideChosen[index] {
            guard scored.goodIn(container) > Weights.cutMarkMaxShareOfChosen * chosenGood, let key = Self.kindKey(container) else { continue }
            if case let .boilerplate(word) = hints[index], tokens.isAlwaysTrusted(word, tokens: container.tokens) { continue }
            let sibling = SiblingList(parent: container.parent, key: key)
            storyBoxes[sibling] = max(storyBoxes[sibling] ?? 0, container.firstBlock)
        }
        var cutUntil = 0
        for (index, container) in containers.enumerated() where insideChosen[index] {
            guard case let .boilerplate(word) = hints[index], container.endBlock > container.firstBlock, container.firstBlock >= cutUntil else { continue }
            if scored.goodIn(container) > Weights.cutMarkMaxShareOfChosen * chosenGood, !tokens.isAlwaysTrusted(word, tokens: container.tokens) { continue }
            if !storyBoxes.isEmpty, let key = Self.kindKey(container), let start = storyBoxes[SiblingList(parent: container.parent, key: key)],
               container.endBlock <= start, hints[index] == tokens.hint(tag: container.tag, tokens: Self.kindTokens(container)) { continue }
            for block in container.firstBlock..<container.endBlock where included[block] {
                included[block] = false
                reasons[block] = markReasons[index]
            }
            cutUntil = container.endBlock
        }
        // Figure captions and credits are not the story's text.
        var figureUntil = 0
        for container in containers where container.tag == .figure && container.firstBlock >= figureUntil {
            for block in container.firstBlock..<container.endBlock where included[block] {
                included[block] = false
                reasons[block] = "figure-caption"
            }
            figureUntil = max(figureUntil, container.endBlock)
        }
        for (index, walked) in blocks.enumerated() where included[index] && walked.fromFigcaption {
            included[index] = false
            reasons[index] = "figure-caption"
        }
        SplitStory().apply(chosen: best, blocks: blocks, containers: containers, hints: hints, insideChosen: insideChosen,
                           included: &included, reasons: &reasons)
        NextArticle().apply(chosen: best, blocks: blocks, containers: containers, insideChosen: insideChosen,
                            good: good, included: &included, reasons: &reasons)
        addStorySiblings(of: best, blocks: blocks, containers: containers, hints: hints, good: good, bad: bad,
                         goodIn: scored.goodIn, badIn: scored.badIn, included: &included, reasons: &reasons)
        addLead(of: best, blocks: blocks, containers: containers, hints: hints, good: good, bad: bad,
                included: &included, reasons: &reasons)
        teasers.apply(blocks: blocks, containers: containers, chosen: best, good: good, bad: bad,
                      included: &included, reasons: &reasons)
        RecordList().apply(blocks: blocks, containers: containers, chosen: best, insideChosen: insideChosen,
                           good: good, included: &included, reasons: &reasons)
        ReplyForm().apply(containers: containers, chosen: best, insideChosen: insideChosen, good: good, goodIn: scored.goodIn,
                          chosenStory: chosenGood, included: &included, reasons: &reasons)
        byLines.apply(blocks: blocks, included: &included, reasons: &reasons)
        var story = 0.0
        for index in 0..<count where included[index] { story += good[index] }
        if !descriptions.isEmpty {
            describedLead.apply(descriptions: descriptions, blocks: blocks, containers: containers, hints: hints,
                                good: good, storyCharacters: story, included: &included, reasons: &reasons)
        }
        return Selection(container: best, included: included, reasons: reasons, storyCharacters: story)
    }

    /// The story's lead (standfirst): sentence-shaped paragraphs before the story body, inside
    /// the nearest article/main element around the chosen container, that were left out only
    /// because of a positional mark ("header", "teaser", from `lead` in containers.json) or
    /// because they sit outside the chosen container.
    private func addLead(
        of chosen: Int, blocks: [WalkedBlock], containers: [ContentContainer], hints: [MarkupTokens.Hint],
        good: [Double], bad: [Double], included: inout [Bool], reasons: inout [String?]
    ) {
        guard let root = Self.storyRoot(of: chosen, containers) else { return }
        let chosenRange = containers[chosen].firstBlock..<containers[chosen].endBlock
        // The body starts at the first included story paragraph of the chosen container.
        var bodyStart = chosenRange.upperBound
        for index in chosenRange where included[index] && good[index] > 0 {
            bodyStart = index
            break
        }
        guard containers[root].firstBlock < bodyStart else { return }
        // With a body, a lead must be named one ("intro", "summary"); a header's subheading is not
        // the story. Without one, the header's paragraphs are all the story there is.
        var bodyCharacters = 0.0
        for index in chosenRange where included[index] { bodyCharacters += good[index] }
        let mustBeNamed = bodyCharacters >= Self.fallbackCharacters
        var paths = LeadPaths(root: root)
        for index in containers[root].firstBlock..<bodyStart where !included[index] {
            let walked = blocks[index]
            guard !walked.fromFigcaption else { continue }
            if walked.block.kind == .heading {
                // A standfirst set as a heading: long, sentence-shaped, unlinked.
                guard walked.characters >= 100, walked.linkCharacters == 0,
                      Self.hasSentencePunctuation(walked.block.text) else { continue }
            } else {
                guard good[index] >= 60, bad[index] < 0.3 * good[index] else { continue }
            }
            // Every mark between the block and the story root must be positional.
            let path = paths.path(from: walked.container, containers: containers, hints: hints, tokens: tokens)
            guard path.positional, !mustBeNamed || walked.namedLead || path.named else { continue }
            included[index] = true
            reasons[index] = nil
        }
    }

    /// What lies between a container and the story root, worked out once per container (a
    /// container asks its parent), so lead candidates in a deep chain cost the chain once, not
    /// once per candidate.
    private struct LeadPaths {
        struct Path {
            /// The root is reached with no figure and only positional marks (`lead` words) on the way.
            var positional: Bool
            /// A container on the way names a lead ("intro", "summary").
            var named: Bool
        }

        let root: Int
        private var known: [Int: Path] = [:]

        init(root: Int) { self.root = root }

        mutating func path(from start: Int, containers: [ContentContainer], hints: [MarkupTokens.Hint],
                           tokens: MarkupTokens) -> Path {
            // Climb to the root, a known container or the top; then fill in on the way back down.
            var pending: [Int] = []
            var container = start
            var above = Path(positional: false, named: false)
            while true {
                if container == root { above = Path(positional: true, named: false); break }
                if container < 0 { break }
                if let path = known[container] { above = path; break }
                pending.append(container)
                container = containers[container].parent
            }
            for container in pending.reversed() {
                let stops: Bool
                if containers[container].tag == .figure {
                    stops = true
                } else if case let .boilerplate(word) = hints[container], !tokens.leadMarks.contains(word) {
                    stops = true
                } else {
                    stops = false
                }
                above = Path(positional: above.positional && !stops,
                             named: above.named || tokens.namesLead(containers[container].tokens))
                known[container] = above
            }
            return above
        }
    }

    /// Blocks next to the chosen container, under the same parent, that read like the story.
    private func addStorySiblings(
        of chosen: Int, blocks: [WalkedBlock], containers: [ContentContainer], hints: [MarkupTokens.Hint],
        good: [Double], bad: [Double], goodIn: (ContentContainer) -> Double, badIn: (ContentContainer) -> Double,
        included: inout [Bool], reasons: inout [String?]
    ) {
        let parentIndex = containers[chosen].parent
        guard parentIndex >= 0 else { return }
        let parent = containers[parentIndex]
        let chosenRange = containers[chosen].firstBlock..<containers[chosen].endBlock
        var index = parent.firstBlock
        while index < parent.endBlock {
            if chosenRange.contains(index) {
                index = chosenRange.upperBound
                continue
            }
            // The child of the parent that holds this block: a loose block or a sibling container.
            var top = blocks[index].container
            while top >= 0, containers[top].parent != parentIndex, top != parentIndex { top = containers[top].parent }
            if top < 0 || top == parentIndex {
                if good[index] > 0, bad[index] < 0.3 * good[index] {
                    included[index] = true
                    reasons[index] = nil
                }
                index += 1
                continue
            }
            let sibling = containers[top]
            let g = goodIn(sibling), b = badIn(sibling)
            if !isBoilerplate(hints[top]), g >= 80, b <= 0.25 * g {
                for block in sibling.firstBlock..<sibling.endBlock {
                    included[block] = true
                    reasons[block] = nil
                }
            }
            index = max(sibling.endBlock, index + 1)
        }
    }

    /// A container's class list and tag as one number: the walker hands out one token array per
    /// distinct class list, so a list met again is known by its storage address. Nil for no list.
    static func listKey(_ container: ContentContainer) -> UInt? {
        container.tokens.isEmpty ? nil : container.tokens.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) << 8 | UInt(container.tag.rawValue) }
    }

    /// What kind of box a container is: its tag and its tokens less those holding a digit (an id
    /// such as "6f677730-826a-…" or "post-4711" names one box, not a kind). Nil when nothing is left.
    static func kindKey(_ container: ContentContainer) -> String? {
        let kind = kindTokens(container)
        return kind.isEmpty ? nil : "\(container.tag.rawValue) " + kind.joined(separator: " ")
    }

    /// A container's tokens less those holding a digit.
    static func kindTokens(_ container: ContentContainer) -> [String] {
        container.tokens.filter { !$0.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// A kind of box (`kindKey`) under one parent container.
    private struct SiblingList: Hashable {
        var parent: Int
        var key: String
    }

    /// Hints by a container's token array (storage address, shifted) and tag, in open addressing:
    /// one multiply per look-up instead of a Hasher run.
    private struct ListHints {
        private var keys: [UInt]
        private var hints: [MarkupTokens.Hint]
        private let mask: Int

        init(capacity: Int) {
            var size = 64
            while size < capacity * 2 { size <<= 1 }
            mask = size - 1
            keys = [UInt](repeating: 0, count: size)
            hints = [MarkupTokens.Hint](repeating: .none, count: size)
        }

        /// Keys are never 0 (a non-empty array has an address).
        subscript(key: UInt) -> MarkupTokens.Hint? {
            get {
                var slot = Self.slot(key, mask)
                while keys[slot] != 0 {
                    if keys[slot] == key { return hints[slot] }
                    slot = (slot + 1) & mask
                }
                return nil
            }
            set {
                guard let newValue else { return }
                var slot = Self.slot(key, mask)
                while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
                keys[slot] = key
                hints[slot] = newValue
            }
        }

        private static func slot(_ key: UInt, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }
    }

    /// Which containers lie strictly inside `ancestor`, in one pass: a parent comes before its
    /// children, so each container asks only its parent (walking up from every container would
    /// cost the tree's depth per container, quadratic on 100,000 unclosed `<div>`s).
    /// The story root: the chosen container or a close ancestor (at most four steps up) that is an
    /// article or main element; nil when there is none.
    static func storyRoot(of chosen: Int, _ containers: [ContentContainer]) -> Int? {
        var root = chosen
        for _ in 0...4 {
            guard root >= 0 else { return nil }
            if containers[root].tag == .article || containers[root].tag == .main { return root }
            root = containers[root].parent
        }
        return nil
    }

    static func descendants(of ancestor: Int, _ containers: [ContentContainer]) -> [Bool] {
        var inside = [Bool](repeating: false, count: containers.count)
        for index in containers.indices where index > ancestor {
            let parent = containers[index].parent
            if parent >= 0, parent == ancestor || inside[parent] { inside[index] = true }
        }
        return inside
    }

    private func isBoilerplate(_ hint: MarkupTokens.Hint) -> Bool {
        if case .boilerplate = hint { return true }
        return false
    }

    /// (good, bad) weights of one block.
    func weights(_ walked: WalkedBlock) -> (Double, Double) {
        let characters = Double(walked.characters)
        let linked = Double(walked.linkCharacters)
        let plain = characters - linked
        guard characters > 0 else { return (0, 0) }
        if walked.block.kind == .heading { return (0, linked) }
        let density = linked / characters
        let sentence = Self.hasSentencePunctuation(walked.block.text)
        // Judge by the text outside links: a story paragraph may link its first words, a teaser is mostly link.
        if sentence, density < 0.6 {
            if plain >= 60 { return (plain, linked) }
            if plain >= 25, density < 0.35 { return (plain * 0.5, linked) }
        }
        return (0, linked + 10)
    }

    /// (good, bad) of a short unlinked sentence (two words or more, ending in a sentence mark),
    /// counted at half weight; nil for anything else.
    func shortSentenceWeight(_ walked: WalkedBlock) -> (Double, Double)? {
        guard walked.block.kind != .heading, walked.linkCharacters == 0, walked.characters >= 8,
              walked.block.text.contains(" ") else { return nil }
        guard let last = walked.block.text.unicodeScalars.last(where: { !$0.properties.isWhitespace }),
              last.value < 0x80 ? ".!?".unicodeScalars.contains(last) : last.properties.isSentenceTerminal else { return nil }
        return (Double(walked.characters) * 0.5, 0)
    }

    /// Holds a sentence mark or a comma. Walks the UTF-8 bytes; only non-ASCII scalars are decoded.
    static func hasSentencePunctuation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
                         UInt8(ascii: ":"):
                        return true
                    default:
                        index += 1
                        continue
                    }
                }
                // Unicode's Terminal_Punctuation: the full stops of every script and most of their commas
                // ("。", "،", "।", Burmese "။", Ethiopic "።", Armenian "։"), not a list of some.
                let (scalar, length) = TextFold.decodeScalar(bytes, at: index)
                if scalar.properties.isTerminalPunctuation { return true }
                index += length
            }
            return false
        }
    }
}

/// One `MarkupTokens` behind a reference: a closure that reads it holds one pointer.
private final class TokenTable {
    let table: MarkupTokens
    init(_ table: MarkupTokens) { self.table = table }
}
