import Foundation

/// What the metadata taggers share for one document: the document being tagged, the block
/// features made on demand, the prose range, and `set`/`consume` that record the evidence.
/// Each tagger (one file per field family in this folder) is an extension that reads and fills it;
/// `MetadataStage.cascade` runs them in a fixed order.
struct MetadataContext {
    let stage: MetadataStage
    var document: Document
    /// The document's metadata, changed in place (`_modify`: with a getter and setter, each
    /// `meta.authors.append` copied the whole list, the square of a long `citation_author` list).
    var meta: Metadata {
        get { document.metadata }
        _modify { yield &document.metadata }
    }
    let names: PersonNames
    let stopwords: Set<String>
    /// The same words looked up by their bytes (`StopwordSet`), for the block features.
    let stopwordSet: StopwordSet
    /// Index of the first and last block that read as article prose.
    var firstProse: Int?
    var lastProse: Int?
    /// A text dump's first prose block when the article was taken to start later, where prose runs on.
    var firstProseAlone: Int?
    /// Features of the blocks, each computed once when first asked for: the rules ask
    /// many times, but most pages never need the middle of the body.
    let blockFeatures: FeatureCache
    /// The best last-modified date in the markup: used only when no publication date is found.
    var modifiedHint: MarkupHint?
    /// Letters and digits of the site's names and host, to tell the site from its authors.
    var siteKeys: [String] = []
    /// An author value that names the site or an organisation: used only when no person is found.
    var siteAuthor: (name: String, origin: String)?
    let dateCache = DateCache()
    /// The markup's hints by field, their values trimmed: `markupValues` reads it.
    let hintIndex: MarkupHintIndex
    /// The stopword counts the language was detected from: how far the text leans to one language.
    let languageTally: LanguageDetector.Tally

    init(stage: MetadataStage, document: Document) {
        self.stage = stage
        self.document = document
        hintIndex = MarkupHintIndex(document.markupHints)
        // The first 200 kept blocks, read as one text without joining them.
        // A page's story first: a template's menus and placeholder text are often in another
        // language (English "Support", "Get in touch" around a German article).
        let story = stage.language.tally(texts: KeptTexts(blocks: document.blocks, limit: 200, storyOnly: true))
        languageTally = story.total >= Self.storyWordsForLanguage ? story
            : stage.language.tally(texts: KeptTexts(blocks: document.blocks, limit: 200))
        let detected = stage.language.detect(languageTally)
        if let detected {
            self.document.metadata.language = detected
            self.document.metadata.evidence["language"] = Evidence(rule: "stopwords")
        } else if let script = stage.scripts.detect(texts: KeptTexts(blocks: document.blocks, limit: 200)) {
            self.document.metadata.language = script
            self.document.metadata.evidence["language"] = Evidence(rule: "script")
        }
        stopwords = detected.flatMap { stage.stopwords[$0] } ?? []
        names = stage.names
        stopwordSet = detected.flatMap { stage.stopwordSets[$0] } ?? StopwordSet([])
        blockFeatures = FeatureCache(blocks: document.blocks, stopwords: stopwordSet)
    }

    /// The markup's language over the detected one, unless the text plainly reads otherwise.
    /// Templates leave `<html lang="en">` on pages in other languages: a hint the text's stopwords
    /// agree with wins; one naming a language whose stopwords the text holds less than half as many
    /// of as the detected one's loses to the detection; of the rest, the last hint (the most specific
    /// place, a `<meta>` after `<html lang>`).
    mutating func tagMarkupLanguage() {
        let hints = markupValues([.language]).compactMap { hint, value in stage.languageTags.code(value).map { (hint, $0) } }
        guard !hints.isEmpty else { return }
        // Text in a script that one language (or a few) writes: a hint naming a language of another
        // script is a template's default (`<html lang="en">` on a Chinese story); one naming a
        // language of that script (ja for zh) may tell them apart.
        if meta.evidence["language"]?.rule == "script", let script = meta.language {
            let owners = Set(stage.scripts.languages.map(\.language))
            guard let (hint, code) = hints.first(where: { $0.1 == script }) ?? hints.last(where: { owners.contains($0.1) }) else { return }
            meta.language = code
            set("language", rule: hint.origin.description)
            return
        }
        let detected = meta.evidence["language"]?.rule == "stopwords" ? meta.language : nil
        var chosen = detected.flatMap { language in hints.first { $0.1 == language } }
        if chosen == nil {
            let leading = detected.map { stage.language.count(of: $0, in: languageTally) } ?? 0
            chosen = hints.last { _, code in
                !stage.language.languages.contains(code) || 2 * stage.language.count(of: code, in: languageTally) >= leading
            }
        }
        guard let (hint, code) = chosen else { return }
        meta.language = code
        set("language", rule: hint.origin.description)
    }

    // MARK: evidence

    /// Records where a field's value came from: the rule, and the block's line and opening when a block gave it.
    mutating func set(_ field: String, rule: String, block: Int? = nil) {
        let line = block.map { document.blocks[$0].line }.flatMap { $0 > 0 ? $0 : nil }
        let excerpt = block.map { String(document.blocks[$0].text.prefix(120)) }
        meta.evidence[field] = Evidence(rule: rule, line: line, excerpt: excerpt)
    }

    /// Removes a block that only carried metadata (kept the first reason if another stage removed it).
    mutating func consume(_ index: Int, rule: String) {
        if document.blocks[index].removal == nil {
            document.blocks[index].removal = Removal(stage: MetadataStage.name, rule: rule)
        }
    }

    // MARK: block features

    /// Features as read before this stage changed any text (changes only shorten attributions).
    func features(_ index: Int) -> BlockFeatures {
        blockFeatures[index]
    }

    /// Words of a block as `features(index).words`; counted without stopwords when the
    /// features were not needed yet (only the count is asked for here).
    func words(_ index: Int) -> Int {
        blockFeatures.words(index)
    }

    /// Words of an HTML page's main content enough to tell its language without the rest.
    static let storyWordsForLanguage = 40

    /// The texts of the first `limit` kept blocks, without an array of them.
    struct KeptTexts: Sequence, IteratorProtocol {
        let blocks: [Block]
        var limit: Int
        /// Only blocks the HTML reader placed in the main content.
        let storyOnly: Bool
        var index = 0

        init(blocks: [Block], limit: Int, storyOnly: Bool = false) {
            self.blocks = blocks
            self.limit = limit
            self.storyOnly = storyOnly
        }

        mutating func next() -> String? {
            while limit > 0, index < blocks.count {
                index += 1
                let block = blocks[index - 1]
                if block.isKept, !storyOnly || block.markup?.inMainContent == true { limit -= 1; return block.text }
            }
            return nil
        }
    }

    /// The blocks as they were when the stage began, and their features made on demand.
    /// A class, so the taggers' non-mutating rules can fill it.
    final class FeatureCache {
        let blocks: [Block]
        let stopwords: StopwordSet
        /// Per block the index of its features in `made`, -1 until asked for: a plain integer
        /// array is made faster than one of optional features.
        private var slots: [Int32]
        private var made: [BlockFeatures] = []
        /// The blocks' letter keys (`TextKey.letterBytes`), made when `properCase` first asks.
        private(set) lazy var letterKeys: [[UInt8]] = blocks.map { TextKey.letterBytes($0.text) }
        /// Which blocks are plain text (`PlainScalar.isPlainText`), made when first asked.
        private(set) lazy var plainBlocks: [Bool] = blocks.map { PlainScalar.isPlainText($0.text) }
        /// Blocks the reader already removed (an HTML page's menus) are never asked about.
        private lazy var none = BlockFeatures(Block(text: ""), stopwords: StopwordSet([]))

        init(blocks: [Block], stopwords: StopwordSet) {
            self.blocks = blocks
            self.stopwords = stopwords
            slots = Array(repeating: -1, count: blocks.count)
        }

        func words(_ index: Int) -> Int {
            if slots[index] >= 0 { return made[Int(slots[index])].words }
            guard blocks[index].isKept else { return 0 }
            var counts = BlockFeatures.WordCounts()
            counts.scan(blocks[index].text, stopwords: [])
            return counts.words + (counts.digits > 0 && counts.words == 0 ? 1 : 0)
        }

        subscript(index: Int) -> BlockFeatures {
            if slots[index] >= 0 { return made[Int(slots[index])] }
            let feature = blocks[index].isKept ? BlockFeatures(blocks[index], stopwords: stopwords) : none
            slots[index] = Int32(made.count)
            made.append(feature)
            return feature
        }
    }

    // MARK: prose range

    func isProse(_ index: Int) -> Bool {
        let block = document.blocks[index]
        guard block.isKept, block.kind != .heading else { return false }
        let feature = features(index)
        // Phrase rules only apply to short blocks; long prose need not be matched.
        return feature.isProse(minWords: 15, hasStopwords: !stopwords.isEmpty)
            && (feature.words > 80 || stage.phrases.match(block.text, wordCount: feature.words) == nil)
    }

    /// Scans in from both ends: the prose test matches phrases, too slow to run on every block of a long page.
    mutating func findProseRange() {
        // Plain loops: `first(where: isProse)` copied the context's fields for every block asked.
        var first: Int?
        for index in document.blocks.indices where isProse(index) { first = index; break }
        // A text dump's first prose is often a cookie notice or a teaser above the menus: its article
        // starts where prose runs on (two of the next four kept blocks prose too).
        if document.format != .html, let lone = first {
            first = proseRunStart(from: lone) ?? lone
            firstProseAlone = lone
        }
        firstProse = first
        guard let first else { return }
        for index in document.blocks.indices.reversed() where index >= first && isProse(index) { lastProse = index; break }
    }

    /// The first prose block at or after `start` that two of the next four kept blocks follow as prose.
    /// Bounded: each block is asked at most five times, and features are cached.
    func proseRunStart(from start: Int) -> Int? {
        var index = start
        while index < document.blocks.count {
            defer { index += 1 }
            guard isProse(index) else { continue }
            var seen = 0, prose = 0, next = index + 1
            while next < document.blocks.count, seen < 4 {
                if document.blocks[next].isKept { seen += 1; if isProse(next) { prose += 1 } }
                next += 1
            }
            if prose >= 2 { return index }
        }
        return nil
    }

    // MARK: markup values

    /// The markup's hints of the given fields, in rank order, with edge spaces trimmed and empty values left out.
    /// Read from `hintIndex`, made once per page (the stage never changes the hints).
    func markupValues(_ fields: Set<HintField>) -> [(hint: MarkupHint, value: String)] {
        hintIndex.indices(fields).map { (document.markupHints[$0], hintIndex.value($0, of: document.markupHints)) }
    }

    /// Whether `trimmedSpaces` would change the text: its first or last byte is a space or newline.
    static func hasEdgeSpace(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A
    }
}
