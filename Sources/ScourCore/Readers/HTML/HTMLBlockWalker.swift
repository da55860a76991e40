import CLibXML2
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// An element that holds blocks: a candidate for the page's main content.
struct ContentContainer {
    var tag: HTMLTag
    /// Index of the enclosing container, -1 for the outermost.
    var parent: Int
    var depth: Int
    /// class, id, role and itemprop values, as written.
    var tokens: [String]
    /// Blocks inside it, as a range into the walker's block list (blocks are in document order).
    var firstBlock = 0
    var endBlock = 0
    /// A `<time>` element sits directly in it (not in a nested container).
    var holdsTime = false
    /// A `<textarea>` sits directly in it: a place for the reader to write (a reply form).
    var holdsTextArea = false
    /// One of its class names is one the page's structured data declares a part of its article.
    var declaredPart = false
}

/// A block as the walker found it, before main-content selection.
struct WalkedBlock {
    var block: Block
    /// The innermost container holding it.
    var container: Int
    /// Characters of text, and of that text inside links.
    var characters: Int
    var linkCharacters: Int
    /// Inside a `<figcaption>`: a caption or credit line, not story text.
    var fromFigcaption = false
    /// The paragraph or heading element's own class/id names it a lead ("intro", "summary").
    var namedLead = false
}

/// Walks a parsed page once, depth-first, and turns it into blocks: one per
/// paragraph, heading, list item, table row, caption, preformatted run or loose
/// text between block elements. Never-content and hidden elements are skipped.
/// Iterative, so a page nested ten thousand deep does not overflow the stack.
struct HTMLBlockWalker {
    let markupTokens: MarkupTokens
    /// False for the fallback walk: elements whose tokens say "never read", and `<noscript>`, are read after all.
    let applySkips: Bool
    /// Class names (lowercased) the page's JSON-LD declares parts of its article (`HintField.articlePart`).
    let declaredParts: Set<String>
    private(set) var blocks: [WalkedBlock] = []

    init(markupTokens: MarkupTokens, applySkips: Bool = true, declaredParts: Set<String> = []) {
        self.markupTokens = markupTokens
        self.applySkips = applySkips
        self.declaredParts = declaredParts
    }

    private(set) var containers: [ContentContainer] = []
    /// Elements skipped because they are hidden.
    private(set) var hiddenSkipped = 0
    /// Elements visited; the caller uses it to bound work on pathological pages.
    private(set) var elementsVisited = 0

    private var buffer: [UInt8] = []
    private var links: [(start: Int, end: Int, target: String)] = []
    private var openLink: (start: Int, target: String)?
    private var firstLine = 0
    /// Block elements currently open, innermost last.
    private var blockStack: [(tag: HTMLTag, kind: BlockKind, level: Int, lead: Bool)] = []
    /// Where in `blockStack` the list items and quotes are, and how many figcaptions it holds: asked
    /// at every block, so kept as it changes (a search of the stack cost depth times blocks).
    private var meaningPositions: [Int] = []
    private var figcaptionsOpen = 0
    private var containerStack: [Int] = []
    private var preDepth = 0
    /// `<noscript>` elements open (read by the fallback walk only).
    private var noscriptDepth = 0
    private var tablePath: [HTMLTag] = []
    /// Blocks' tag paths and evidence tokens, made on first use (see `tagPath`, `evidenceTokens`).
    private var tagPaths: [UInt64: String] = [:]
    private var evidence: [EvidenceKey: [String]] = [:]
    /// Per container, its evidence tokens and its last block's innermost tag and path, once asked.
    private var containerEvidence: [[String]?] = []
    private var lastPaths: [(tag: UInt8, path: String)?] = []

    /// Walks from `root`; `deadline` (uptime nanoseconds, 0 for none) stops a runaway page. With
    /// `andFollowingSiblings`, the elements after `root` under its parent are walked too, as part
    /// of it: text a broken template prints after `</body></html>` lands there, and is the page's.
    mutating func walk(_ root: HTMLNode, andFollowingSiblings: Bool = false, deadline: UInt64 = 0) -> Bool {
        containers.append(ContentContainer(tag: .body, parent: -1, depth: 0, tokens: []))
        containerStack = [0]
        let nodes = root.tree.pointee.nodes!
        var finished = walkNodes(root.tree, from: nodes[Int(root.index)].first_child, within: root.index, deadline: deadline)
        if finished, andFollowingSiblings, let parent = root.parent {
            finished = walkNodes(root.tree, from: nodes[Int(root.index)].next_sibling, within: parent.index, deadline: deadline)
        }
        flush()
        containers[0].endBlock = blocks.count
        return finished
    }

    /// Walks `first`, its following siblings and everything under them, never climbing above
    /// `boundary` (their parent). False when the deadline passed.
    private mutating func walkNodes(_ tree: UnsafeMutablePointer<scour_tree>, from first: Int32, within boundary: Int32,
                                    deadline: UInt64) -> Bool {
        let nodes = tree.pointee.nodes!
        var current = first
        walking: while current >= 0 {
            let node = HTMLNode(tree, current)
            var descend = false
            if node.isElement {
                elementsVisited += 1
                if elementsVisited & 0x3FF == 0, deadline > 0, DispatchTime.now().uptimeNanoseconds > deadline {
                    return false
                }
                descend = enter(node)
            } else if node.isText {
                appendText(node)
            }
            let firstChild = nodes[Int(current)].first_child
            if descend, firstChild >= 0 {
                current = firstChild
                continue
            }
            if descend { exit(node) }
            var climber = current
            while nodes[Int(climber)].next_sibling < 0 {
                let parent = nodes[Int(climber)].parent
                guard parent >= 0, parent != boundary else { break walking }
                climber = parent
                exit(HTMLNode(tree, climber))
            }
            current = nodes[Int(climber)].next_sibling
        }
        return true
    }

    /// The page's distinct class lists, each judged once (see `HTMLClassLists`).
    private var classLists = HTMLClassLists()
    /// Per container: its class list's entry in `classLists`, -1 for none.
    private var containerLists: [Int] = [-1]
    /// The class, id, role and itemprop bytes of the element being entered, reused from element to element.
    private var rawTokens: [UInt8] = []

    /// Returns whether to walk into the element (and call `exit` for it).
    private mutating func enter(_ node: HTMLNode) -> Bool {
        let tag = node.tag
        if tag == .textarea, !ElementAttributes(node, wantsHref: false, tokens: &rawTokens).hidden {
            containers[containerStack.last ?? 0].holdsTextArea = true
        }
        // The fallback walk reads `<noscript>` too: a script-built page may print its article only there.
        if tag.isNeverContent, applySkips || tag != .noscript { return false }
        let attributes = ElementAttributes(node, wantsHref: tag == .a, tokens: &rawTokens)
        let list = rawTokens.isEmpty ? -1 : rawTokens.withUnsafeBufferPointer { classLists.entry($0) }
        let skip = applySkips && list >= 0 && classLists.skips(list, markupTokens)
        // A paragraph a metered paywall hides from screen readers until it is bought
        // (`<p class="paywall" aria-hidden="true">`) is shown on the page: the story's.
        let shownPaywalled = attributes.hiddenFromScreenReadersOnly && tag == .p && list >= 0
            && markupTokens.namesAccessState(classLists.tokens(list))
        if (attributes.hidden && !shownPaywalled) || skip {
            hiddenSkipped += 1
            return false
        }
        if tag == .noscript {
            flush()
            noscriptDepth += 1
        }
        switch tag {
        case .br:
            if preDepth > 0 { buffer.append(0x0A) } else { appendSpace(lineBreak: true) }
            return false
        case .img, .hr:
            return false
        case .time:
            containers[containerStack.last ?? 0].holdsTime = true
        case .a:
            // Links set side by side ("<a>Tag one</a><a>Tag two</a>") are separate words.
            if let last = links.last, last.end == buffer.count, let byte = buffer.last, byte != 0x20, byte != 0x0A {
                buffer.append(0x20)
            }
            if openLink == nil { openLink = (buffer.count, attributes.href ?? "") }
            return true
        case .td, .th:
            // Cells of one row share a block; words of neighbouring cells stay apart.
            appendSpace(lineBreak: false)
            if !buffer.isEmpty { buffer.append(contentsOf: [0x7C, 0x20]) }  // "| "
        default:
            break
        }
        if tag.isBlockBoundary && tag != .td && tag != .th { flush() }
        if tag.isContainer {
            let tokens = list >= 0 ? classLists.tokens(list) : []
            var container = ContentContainer(tag: tag, parent: containerStack.last ?? -1, depth: containerStack.count,
                                             tokens: tokens, firstBlock: blocks.count)
            // Only the declared name's mark is lifted: "paywalled sidebar" stays a sidebar.
            if !declaredParts.isEmpty {
                let others = tokens.filter { !declaredParts.contains($0.lowercased()) }
                if others.count < tokens.count {
                    if case .boilerplate = markupTokens.hint(tag: tag, tokens: others) {} else { container.declaredPart = true }
                }
            }
            containers.append(container)
            containerLists.append(list)
            containerStack.append(containers.count - 1)
        }
        if let kind = Self.blockKind(tag) {
            let lead = (kind == .paragraph || kind == .heading) && list >= 0 && classLists.namesLead(list, markupTokens)
            if kind == .listItem || kind == .quote { meaningPositions.append(blockStack.count) }
            if tag == .figcaption { figcaptionsOpen += 1 }
            blockStack.append((tag, kind, tag.headingLevel, lead))
        }
        if tag == .pre { preDepth += 1 }
        return true
    }

    private mutating func exit(_ node: HTMLNode) {
        let tag = node.tag
        if tag == .a {
            if let link = openLink {
                links.append((link.start, buffer.count, link.target))
                openLink = nil
            }
            return
        }
        if tag.isBlockBoundary && tag != .td && tag != .th { flush() }
        if Self.blockKind(tag) != nil, let last = blockStack.last, last.tag == tag {
            blockStack.removeLast()
            if meaningPositions.last == blockStack.count { meaningPositions.removeLast() }
            if tag == .figcaption { figcaptionsOpen -= 1 }
        }
        if tag.isContainer, containerStack.count > 1 {
            let index = containerStack.removeLast()
            containers[index].endBlock = blocks.count
        }
        if tag == .pre { preDepth -= 1 }
        if tag == .noscript {
            flush()
            noscriptDepth -= 1
        }
    }

    /// Text that is mostly tags: it opens with "<" and at least 60% of its bytes stand inside `<…>`.
    static func readsAsMarkup(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A }), first == UInt8(ascii: "<") else { return false }
        var inside = 0, open = false
        for byte in bytes {
            if byte == UInt8(ascii: "<") { open = true }
            if open { inside += 1 }
            if byte == UInt8(ascii: ">") { open = false }
        }
        return inside * 10 >= bytes.count * 6
    }

    static func blockKind(_ tag: HTMLTag) -> BlockKind? {
        switch tag {
        case .p: return .paragraph
        case .h1, .h2, .h3, .h4, .h5, .h6: return .heading
        case .li, .dt, .dd: return .listItem
        case .blockquote: return .quote
        case .pre: return .preformatted
        case .tr: return .tableRow
        case .figcaption, .caption: return .caption
        default: return nil
        }
    }

    private mutating func appendText(_ node: HTMLNode) {
        if firstLine == 0 { firstLine = node.line }
        node.withContent { content in
            if preDepth > 0 {
                buffer.append(contentsOf: content)
                return
            }
            // Runs of word bytes are copied whole; each whitespace byte is one `appendSpace`.
            var start = 0
            for (index, byte) in content.enumerated()
            where byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if index > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: content[start..<index])) }
                appendSpace(lineBreak: false)
                start = index + 1
            }
            if content.count > start { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: content[start...])) }
        }
    }

    /// One space between words; none at the start of a block or after another space.
    private mutating func appendSpace(lineBreak: Bool) {
        guard let last = buffer.last else { return }
        if last == 0x20 || last == 0x0A {
            if lineBreak, last == 0x20 { buffer[buffer.count - 1] = 0x0A }
            return
        }
        buffer.append(lineBreak ? 0x0A : 0x20)
    }

    /// Ends the current block: what the buffer holds becomes one block of the innermost block element's kind.
    private mutating func flush() {
        defer {
            // Most flushes find both empty: emptying them anyway costs a call each.
            if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }
            if !links.isEmpty { links.removeAll(keepingCapacity: true) }
            if openLink != nil { openLink = (0, openLink!.target) }
            firstLine = 0
        }
        while let last = buffer.last, last == 0x20 || last == 0x0A { buffer.removeLast() }
        guard !buffer.isEmpty else { return }
        // A `<noscript>` holding escaped tags ("&lt;img src=…&gt;", a tracking pixel) reads as tags, not text.
        if noscriptDepth > 0, Self.readsAsMarkup(buffer) { return }
        var kind = BlockKind.paragraph
        var level = 0
        if let innermost = blockStack.last {
            kind = innermost.kind
            level = innermost.level
            // A paragraph inside a list item or quote takes the outer meaning.
            if kind == .paragraph, let outer = meaningPositions.last(where: { $0 < blockStack.count - 1 }) {
                kind = blockStack[outer].kind
            }
        }
        if let link = openLink { links.append((link.start, buffer.count, link.target)) }
        var blockLinks: [Link] = []
        var linkCharacters = 0
        for link in links where link.end > link.start {
            let end = min(link.end, buffer.count)
            guard end > link.start else { continue }
            let text = buffer.withUnsafeBufferPointer { Self.trimmedText(UnsafeBufferPointer(rebasing: $0[link.start..<end])) }
            guard !text.isEmpty else { continue }
            linkCharacters += Self.scalarCount(text)
            blockLinks.append(Link(text: text, target: link.target))
        }
        let text = String(decoding: buffer, as: UTF8.self)
        let characters = Self.scalarCount(buffer)
        let container = containerStack.last ?? 0
        let markup = MarkupEvidence(tagPath: tagPath(container: container), tokens: evidenceTokens(container), inMainContent: false)
        let figcaption = figcaptionsOpen > 0
        // Built in place: a Block made first and then moved in was copied and destroyed once per block.
        blocks.append(WalkedBlock(block: Block(kind: kind, level: level, text: text, links: blockLinks, line: firstLine,
                                               startsChunk: true, markup: markup),
                                  container: container, characters: characters,
                                  linkCharacters: min(linkCharacters, characters), fromFigcaption: figcaption,
                                  namedLead: blockStack.last?.lead == true))
    }

    /// Characters of valid UTF-8 (libxml2 hands over nothing else): bytes that start one.
    static func scalarCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// `text.unicodeScalars.count`: a String's bytes are valid UTF-8, one scalar per byte that starts one.
    static func scalarCount(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// `String(decoding: bytes, as: UTF8.self).trimmedSpaces()`, trimmed on the bytes: a space or
    /// line feed at either end is a Character of its own when its neighbour inside is ASCII other
    /// than CR (no combining mark joins it, no prepended mark or CR takes it). Other ends take the String rule.
    static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x0A { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        if start > 0, start < end, bytes[start] >= 0x80 {
            return String(decoding: bytes, as: UTF8.self).trimmedSpaces()
        }
        if end < bytes.count, end > start, bytes[end - 1] >= 0x80 || bytes[end - 1] == 0x0D {
            return String(decoding: bytes, as: UTF8.self).trimmedSpaces()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The tag names of the nearest few containers and the innermost block element. A page has
    /// few distinct paths: each is built once, found again by the tags packed in an integer.
    /// The container's last path is kept as well: its blocks mostly share their innermost tag.
    private mutating func tagPath(container: Int) -> String {
        let innermost = blockStack.last.map { $0.tag.rawValue } ?? 0xFF
        if container < lastPaths.count, let last = lastPaths[container], last.tag == innermost { return last.path }
        let path = newTagPath()
        if lastPaths.count <= container { lastPaths.append(contentsOf: repeatElement(nil, count: container + 1 - lastPaths.count)) }
        lastPaths[container] = (innermost, path)
        return path
    }

    private mutating func newTagPath() -> String {
        let nearest = containerStack.suffix(4)
        var key = UInt64(nearest.count)
        for index in nearest { key = key << 8 | UInt64(containers[index].tag.rawValue) }
        key = key << 8 | UInt64(blockStack.last.map { $0.tag.rawValue } ?? 0xFF)
        if let known = tagPaths[key] { return known }
        let base = nearest.map { containers[$0].tag.name }.joined(separator: "/")
        let path = blockStack.last.map { base + "/" + $0.tag.name } ?? base
        tagPaths[key] = path
        return path
    }

    /// The class/id tokens of the nearest few containers, lowercased: what the boilerplate
    /// rules see of the markup. Built once per distinct run of class lists (most containers
    /// repeat one: the same wrappers, or none at all).
    private mutating func evidenceTokens(_ container: Int) -> [String] {
        if container < containerEvidence.count, let known = containerEvidence[container] { return known }
        let tokens = newEvidenceTokens(container)
        if containerEvidence.count <= container {
            containerEvidence.append(contentsOf: repeatElement(nil, count: container + 1 - containerEvidence.count))
        }
        containerEvidence[container] = tokens
        return tokens
    }

    private mutating func newEvidenceTokens(_ container: Int) -> [String] {
        var key = EvidenceKey()
        var index = container
        var steps = 0
        while index >= 0, steps < 4 {
            key.lists[steps] = Int32(containerLists[index])
            index = containers[index].parent
            steps += 1
        }
        if let known = evidence[key] { return known }
        var tokens: [String] = []
        for step in 0..<4 where key.lists[step] >= 0 {
            tokens.append(contentsOf: classLists.lowered(Int(key.lists[step])))
        }
        evidence[key] = tokens
        return tokens
    }
}

/// The class lists (entries of `HTMLClassLists`, -1 for none) of a container and its nearest ancestors.
struct EvidenceKey: Hashable {
    var lists: SIMD4<Int32> = SIMD4(repeating: -1)
}

/// The attributes of one element that matter for extraction, read in one pass over
/// its attribute bytes: this runs for every element of every page.
struct ElementAttributes {
    var hidden = false
    /// Hidden only by `aria-hidden="true"`: from screen readers, not from the eye.
    private(set) var hiddenFromScreenReadersOnly = false
    /// The element's `hidden` attribute, apart from ARIA and style hiding.
    private var hiddenAttribute = false
    /// The id names a React streaming segment (`S:` and hex digits): server-rendered content sent
    /// late in a hidden `<div>` that the page's own `$RC`/`$RS` script moves into place, so a
    /// browser shows it (Next.js pages carry their whole story this way).
    private var streamedSegment = false
    var href: String?
    /// Reads the attributes; `tokens` is set to the class, id, role and itemprop values,
    /// space-separated, as written (a buffer the caller reuses from element to element).
    init(_ node: HTMLNode, wantsHref: Bool, tokens rawTokens: inout [UInt8]) {
        if !rawTokens.isEmpty { rawTokens.removeAll(keepingCapacity: true) }
        var slugCandidate: Range<Int>?
        var hasClass = false
        var ariaHidden = false, styleHidden = false
        node.forEachAttribute { name, value in
            switch (name.first, name.count) {
            case (UInt8(ascii: "i"), 2) where Self.equals(name, "id"):
                streamedSegment = Self.isStreamedSegmentID(value)
                if TextSlug.mayBeOne(value) { slugCandidate = rawTokens.count..<(rawTokens.count + value.count + 1) }
                rawTokens.append(contentsOf: value)
                rawTokens.append(0x20)
            case (UInt8(ascii: "c"), 5) where Self.equals(name, "class"):
                hasClass = !value.isEmpty
                rawTokens.append(contentsOf: value)
                rawTokens.append(0x20)
            case (UInt8(ascii: "i"), 8) where Self.equals(name, "itemprop"),
                 (UInt8(ascii: "r"), 4) where Self.equals(name, "role"):
                rawTokens.append(contentsOf: value)
                rawTokens.append(0x20)
            case (UInt8(ascii: "h"), 6) where Self.equals(name, "hidden"):
                hiddenAttribute = true
            case (UInt8(ascii: "h"), 4) where wantsHref && Self.equals(name, "href"):
                href = String(decoding: value, as: UTF8.self)
            case (UInt8(ascii: "a"), 11) where Self.equals(name, "aria-hidden"):
                if value.count == 4, value[0] | 0x20 == 0x74, value[1] | 0x20 == 0x72, value[2] | 0x20 == 0x75, value[3] | 0x20 == 0x65 {
                    hidden = true
                    ariaHidden = true
                }
            case (UInt8(ascii: "s"), 5) where Self.equals(name, "style"):
                // Lowercased, spaces dropped: "Display: None" and "display:none" read the same.
                let folded = value.compactMap { byte -> UInt8? in byte == 0x20 || byte == 0x09 ? nil : (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                if Self.contains(folded, Self.displayNone) || Self.contains(folded, Self.visibilityHidden) { hidden = true; styleHidden = true }
            default:
                break
            }
            return true
        }
        let attributeHides = hiddenAttribute && !streamedSegment
        if attributeHides { hidden = true }
        hiddenFromScreenReadersOnly = ariaHidden && !styleHidden && !attributeHides
        // An id made from the element's own words (a slide's or heading's anchor,
        // "fans-will-likely-remember-when-the-actor-wore-a-top-…") names no kind of box: its
        // words ("top", "promoted", "share") say nothing about the element.
        // Only beside a class: an element named by its id alone ("more-stories-you-might-like") is
        // known by nothing else, and its id's words are read.
        if let range = slugCandidate, hasClass,
           TextSlug.spells(Array(rawTokens[range.lowerBound..<(range.upperBound - 1)]), textOf: node) {
            rawTokens.removeSubrange(range)
        }
    }

    /// `S:` followed by one or more lower-case hex digits, as React's streaming renderer names segments.
    private static func isStreamedSegmentID(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= 3, value.count <= 12, value[0] == UInt8(ascii: "S"), value[1] == UInt8(ascii: ":") else { return false }
        return value.dropFirst(2).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        MarkupBytes.equals(bytes, name)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        ByteSearch.firstOffset(of: needle, in: hay) != nil
    }
}

extension String {
    func trimmedSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\n" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\n" { slice.removeLast() }
        return String(slice)
    }
}
