import CLibXML2
import Dispatch

/// The HTML front door: bytes → encoding → UTF-8 → libxml2 tree → markup metadata hints
/// and blocks, each block marked in or out of the main content with the reason.
/// The shared stages (normalize, metadata, boilerplate, dedupe) do the rest.
public struct HTMLSegmenter: Sendable {
    public struct Options: Sendable {
        /// Wall-clock budget for one page's tree walk; a page over it is rejected, not waited on.
        public var timeBudgetMilliseconds: Int

        public init(section: ConfigSection) {
            timeBudgetMilliseconds = section.int("html_time_budget_ms", default: 5000, range: 1...600_000)
        }

        public init(timeBudgetMilliseconds: Int = 5000) {
            self.timeBudgetMilliseconds = timeBudgetMilliseconds
        }
    }

    public var options: Options
    let tokens: MarkupTokens
    /// Built once: its word lists are the same for every page.
    let selector: MainContentSelector

    public init(options: Options, tokens: MarkupTokens) {
        self.options = options
        self.tokens = tokens
        selector = MainContentSelector(tokens: tokens)
        // libxml2 sets up its globals here, once, before worker threads parse.
        xmlInitParser()
    }

    public func segment(_ bytes: [UInt8], into document: inout Document) throws(Rejection) {
        let started = DispatchTime.now().uptimeNanoseconds
        let charset = HTMLCharset.choose(bytes, declared: document.declaredCharset)
        // UTF-16 pages are full of NUL bytes; only pages without a byte-order mark or UTF-16's pattern are sniffed for binary.
        if !charset.skipsBinarySniff, TextDecoder.looksBinary(bytes) {
            throw Rejection(stage: ReadStage.name, reason: "binary content, not HTML")
        }
        let reading = TextDecoder.read(bytes, as: charset)
        document.notes.append(contentsOf: reading.notes)
        document.replacedSequences += reading.replacements
        var bytes = reading.utf8
        let decoded = bytes
        var standIns: ParserStandIns?
        if let elided = RawTextElider.elideForParsing(bytes) { (bytes, standIns) = elided }
        let budget = UInt64(options.timeBudgetMilliseconds) * 1_000_000
        let deadline = started + budget
        guard let tree = HTMLTree.parse(bytes, encoding: "UTF-8", checkedUTF8: true,
                                        budgetNanoseconds: Int64(Self.timeLeft(until: deadline) ?? 1), standIns: standIns) else {
            throw Rejection(stage: ReadStage.name, reason: "libxml2 built no document tree from the bytes")
        }
        if tree.timedOut {
            throw Rejection(stage: ReadStage.name,
                            reason: "page took over html_time_budget_ms (\(options.timeBudgetMilliseconds) ms) to parse")
        }
        // Nodes are views into the tree: it must outlive every walk below.
        let story = try withExtendedLifetime(tree) { () throws(Rejection) -> Double in try read(tree, into: &document, deadline: deadline) }
        if story < MainContentSelector.fallbackCharacters { readScriptStory(decoded, into: &document, story: story, deadline: deadline) }
    }

    /// Nanoseconds until `deadline` (one reading of the clock), nil once it has passed.
    static func timeLeft(until deadline: UInt64) -> UInt64? {
        let now = DispatchTime.now().uptimeNanoseconds
        return deadline > now ? deadline - now : nil
    }

    /// A page whose markup holds no story but whose scripts carry it as HTML (`ScriptStory`): that
    /// HTML is read as the page's article, after the page's own blocks (its metadata stays the page's).
    private func readScriptStory(_ page: [UInt8], into document: inout Document, story: Double, deadline: UInt64) {
        guard let fragment = ScriptStory.fragment(in: page) else { return }
        let wrapped = Array("<html><body><article>".utf8) + fragment + Array("</article></body></html>".utf8)
        guard let left = Self.timeLeft(until: deadline),
              let tree = HTMLTree.parse(wrapped, encoding: "UTF-8", budgetNanoseconds: Int64(left)), !tree.timedOut else { return }
        var inner = Document(source: document.source, raw: nil, format: .html)
        // Out of time on the script's story, the page keeps what its markup gave.
        guard let found = try? withExtendedLifetime(tree, { () throws(Rejection) -> Double in try read(tree, into: &inner, deadline: deadline) }),
              found >= story + MainContentSelector.fallbackCharacters else { return }
        document.blocks += inner.blocks
        document.notes.append("main content read from HTML a script carries as a JSON string (a page its scripts build)")
    }

    /// Walks the tree into blocks; returns the story characters the main-content selection found.
    @discardableResult
    private func read(_ tree: HTMLTree, into document: inout Document, deadline: UInt64) throws(Rejection) -> Double {
        // Hints set before reading (the archive's capture date) stay, after the markup's own.
        document.markupHints = MarkupMetadata.hints(in: tree) + document.markupHints
        guard let root = tree.root else {
            throw Rejection(stage: ReadStage.name, reason: "no root element in the HTML")
        }
        let foundBody = root.children.first { $0.isElement && $0.tag == .body }
        let body = foundBody ?? root
        let trailing = foundBody != nil
        let declaredParts = Set(document.markupHints.lazy.filter { $0.field == .articlePart }.map(\.value))
        var walker = HTMLBlockWalker(markupTokens: tokens, declaredParts: declaredParts)
        guard walker.walk(body, andFollowingSiblings: trailing, deadline: deadline) else {
            throw Rejection(stage: ReadStage.name,
                            reason: "page took over html_time_budget_ms (\(options.timeBudgetMilliseconds) ms) to walk; \(walker.elementsVisited) elements")
        }
        let descriptions = document.markupHints.filter { $0.field == .description }.map(\.value)
        var selection = selector.select(blocks: walker.blocks, containers: walker.containers, descriptions: descriptions)
        // Fallback: a page whose story sits in an element its tokens say is never read (a caption
        // wrapper, a "visually-hidden" menu libxml2 left unclosed, or `<noscript>` on a page built
        // by scripts) is walked again reading those.
        if selection.storyCharacters < MainContentSelector.fallbackCharacters {
            var again = HTMLBlockWalker(markupTokens: tokens, applySkips: false, declaredParts: declaredParts)
            if again.walk(body, andFollowingSiblings: trailing, deadline: deadline) {
                let second = selector.select(blocks: again.blocks, containers: again.containers, descriptions: descriptions)
                if second.storyCharacters >= selection.storyCharacters + MainContentSelector.fallbackCharacters / 2 {
                    walker = again
                    selection = second
                    document.notes.append("main content found only when reading elements marked never-read")
                }
            }
        }
        if selection.rescuedFrom != nil {
            document.notes.append("main content: the best-ranked container kept no story text after its marked parts were cut; the next candidate with story text was taken")
        }
        let walked = walker.blocks
        var blocks: [Block] = []
        blocks.reserveCapacity(walked.count)
        // By index, reading the walked block's fields in place: no WalkedBlock is copied out per block.
        for index in walked.indices {
            var block = walked[index].block
            let characters = walked[index].characters
            let density = characters > 0 ? Double(walked[index].linkCharacters) / Double(characters) : 0
            block.markup?.inMainContent = selection.included[index]
            block.markup?.exclusion = selection.reasons[index]
            block.markup?.linkDensity = density
            // Menus, link lists and marked regions outside the article can hold no metadata the later
            // stages want; removing them here spares every stage the work (and the byline rules the menus).
            if let reason = selection.reasons[index], density >= 0.5 || tokens.neverHoldsMetadata(reason) {
                block.removal = Removal(stage: ReadStage.name, rule: reason)
            }
            blocks.append(block)
        }
        document.blocks = blocks
        return selection.storyCharacters
    }
}
