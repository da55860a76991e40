/// Stage: removes what is not the article. Three mechanisms, in order:
/// 1. HTML blocks the reader placed outside the main content go.
/// 2. Each block is scored from its features (length, sentence shape, stopword
///    and link density, phrase-lexicon hits); the densest run of prose is the
///    article (a maximum-sum run, cut at "end of article" phrases such as
///    "Leave a Reply" or "Related"), and blocks outside it go.
/// 3. Inside the run, blocks that hit a lexicon rule or a shape rule go.
public struct BoilerplateStage: Stage {
    public static let name = "boilerplate"

    /// Which documents get the densest-run selection: HTML already has a main container.
    public var mainRun: MainRunMode
    /// Prose blocks need at least this many words to count toward the run.
    public var minProseWords: Int
    /// What a block that is neither prose nor a lexicon hit costs the run.
    public var gapPenalty: Double
    /// What a lexicon hit costs the run.
    public var hitPenalty: Double
    /// What each word of a table or list row adds to the run (prose words add 1).
    public var listRowWeight: Double
    public var languages: [String]
    let phrases: PhraseMatcher
    /// Reads the dates of dated lines (`DatedThread`); the years only have to be plausible.
    let dates: DateParser
    /// Stopwords by language, ready for byte look-ups.
    let stopwords: [String: StopwordSet]
    /// What follows an author's name when a line is their bio (`author_bio_openers` in metadata.json, every language).
    let bioOpeners: [String]

    public init(section: ConfigSection, resources: Resources) throws {
        mainRun = section.choice("main_run", default: MainRunMode.text)
        minProseWords = section.int("min_prose_words", default: 8, range: 1...200)
        gapPenalty = section.double("gap_penalty", default: 4, range: 0...1000)
        hitPenalty = section.double("hit_penalty", default: 20, range: 0...1000)
        listRowWeight = section.double("list_row_weight", default: 0.5, range: 0...10)
        let available = resources.lexicons.keys.sorted()
        languages = section.strings("languages", default: available, allowed: available)
        let chosen = languages
        phrases = chosen == available ? resources.allPhrases : PhraseMatcher(lexicons: chosen.compactMap { resources.lexicons[$0] })
        stopwords = resources.stopwords.mapValues(StopwordSet.init)
        dates = DateParser(words: resources.dateWords, years: 1990...2100)
        bioOpeners = resources.metadataWords.authorBioOpeners.keys.sorted().flatMap { resources.metadataWords.authorBioOpeners[$0] ?? [] }
    }

    /// `main_run`: `text` for text and markdown only, `always`, or `never`.
    public enum MainRunMode: String, Sendable, CaseIterable {
        case text, always, never
    }

    /// What the rules concluded about one kept block.
    struct Verdict {
        var index: Int
        var features: BlockFeatures
        var hit: PhraseMatcher.Hit?
        var shapeRule: String?
        var isProse: Bool
        /// Printed three times or more on the page.
        var isRepeated = false
    }

    /// How many leading UTF-8 bytes make two blocks copies of each other.
    static let copyKeyBytes = 64

    /// A block's first `copyKeyBytes` bytes, hashed in one go (an array of bytes hashes byte by byte).
    struct CopyKey: Hashable {
        var bytes: [UInt8]

        init(_ text: String) {
            var text = text
            bytes = text.withUTF8 { Array(UnsafeBufferPointer(rebasing: $0.prefix(BoilerplateStage.copyKeyBytes))) }
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public func process(_ document: inout Document) throws(Rejection) {
        // Without a known language, stopword share says nothing: leave it out of the rules.
        let stop = document.metadata.language.flatMap { stopwords[$0] } ?? StopwordSet([])
        for index in document.blocks.indices where document.blocks[index].isKept {
            if let markup = document.blocks[index].markup, !markup.inMainContent {
                removeBlock(&document, at: index, rule: markup.exclusion ?? "outside-main-content")
            }
        }
        let keptIndices = document.blocks.indices.filter { document.blocks[$0].isKept }
        // Text printed three times or more (a caption in a slideshow, a teaser) is not the article's
        // prose. Copies may differ in their tails ("… more", "Photo:"), so the first bytes are compared.
        let keys = keptIndices.map { CopyKey(document.blocks[$0].text) }
        var copies: [CopyKey: Int] = [:]
        copies.reserveCapacity(keys.count)
        for key in keys { copies[key, default: 0] += 1 }
        let verdicts = zip(keptIndices, keys).map { index, key in
            var verdict = verdict(for: document.blocks[index], at: index, stopwords: stop, authors: document.metadata.authors)
            if copies[key, default: 0] >= 3 {
                verdict.isProse = false
                verdict.isRepeated = true
            }
            return verdict
        }
        guard !verdicts.isEmpty else {
            keepProseIfNothingIsLeft(&document, stopwords: stop)
            return
        }

        let useRun = mainRun == .always || (mainRun == .text && document.format != .html)
        var inRun = Set(verdicts.map(\.index))
        var listRows = Set<Int>()
        if useRun {
            listRows = ListRows.find(verdicts.map { document.blocks[$0.index] }, eligible: verdicts.map {
                $0.hit == nil && $0.shapeRule == nil && !$0.isProse && !$0.isRepeated && $0.features.linkDensity < 0.5
            })
            // A thread's dated lines are entries' headers, not content; its first one opens the comments.
            let threads = DatedThread.threads(dated: verdicts.map { verdict in
                // The time first: most short lines (menus, buttons) have none and skip the date parser.
                !verdict.isProse && verdict.features.words <= DatedThread.maximumWords
                    && DateParser.showsTime(document.blocks[verdict.index].text)
                    && dates.firstDate(in: document.blocks[verdict.index].text) != nil
            })
            let openings = Set(threads.compactMap(\.first))
            let threadDates = Set(threads.joined())
            let items = verdicts.enumerated().map { position, verdict in
                MainRun.Item(score: threadDates.contains(position) ? gapScore(verdict) : score(verdict, isListRow: listRows.contains(position)),
                             proseWords: verdict.isProse ? verdict.features.words : 0,
                             isContent: verdict.isProse || listRows.contains(position),
                             endsArticle: verdict.hit?.endsArticle == true,
                             startsComments: verdict.hit?.startsComments == true, opensThread: openings.contains(position))
            }
            var run = MainRun(items: items)
            run.headedStart = HeaderAnchor.firstProse(document.blocks, kept: verdicts.map(\.index)) { verdicts[$0].isProse }
            inRun = Set(run.select().map { verdicts[$0].index })
        }
        for verdict in verdicts {
            // Inside the run, a text printed three times (a headline repeated as image alt text,
            // a caption) goes too; HTML keeps what its main container holds.
            let repeated = useRun && verdict.isRepeated && !verdict.features.sentenceLike ? "repeated-text" : nil
            let rule = verdict.hit?.rule ?? verdict.shapeRule ?? repeated
            if !inRun.contains(verdict.index) {
                removeBlock(&document, at: verdict.index, rule: rule ?? "outside-main-run")
            } else if let rule {
                removeBlock(&document, at: verdict.index, rule: rule)
            }
        }
        let emptyHeadings = removeEmptyHeadings(&document)
        preferWholeStructuredBody(&document, stopwords: stop)
        keepProseIfNothingIsLeft(&document, stopwords: stop)
        // A page told in headings alone, with no prose to fall back on, keeps them.
        if !document.blocks.contains(where: \.isKept) {
            for index in emptyHeadings { document.blocks[index].removal = nil }
        }
    }

    /// A heading heads the text under it: one with nothing kept below it ("Jetzt teilen!",
    /// "Like it? Share it!" over a share bar that went) is the title of a removed box.
    /// Returns the headings it removed.
    @discardableResult
    func removeEmptyHeadings(_ document: inout Document) -> [Int] {
        guard let last = document.blocks.lastIndex(where: \.isKept) else { return [] }
        var removed: [Int] = []
        var index = last
        while index >= 0, document.blocks[index].kind == .heading || !document.blocks[index].isKept {
            if document.blocks[index].isKept {
                removeBlock(&document, at: index, rule: "empty-heading")
                removed.append(index)
            }
            index -= 1
        }
        return removed
    }

    /// The last resort before a page is rejected as "no body text left": when every block is gone
    /// but this stage removed prose that no phrase or shape rule hit (the page's story outside the
    /// container the reader chose, a text dump's prose outside the run), that prose is the body,
    /// with a note. A page with no such prose (a bot check, a menu) stays a reject.
    func keepProseIfNothingIsLeft(_ document: inout Document, stopwords: StopwordSet) {
        guard !document.blocks.contains(where: \.isKept) else { return }
        var restore: [Int] = []
        var words = 0
        for (index, block) in document.blocks.enumerated() where block.removal?.stage == Self.name && block.kind != .heading {
            let verdict = verdict(for: block, at: index, stopwords: stopwords, authors: document.metadata.authors)
            guard verdict.isProse else { continue }
            restore.append(index)
            words += verdict.features.words
        }
        guard words >= 2 * minProseWords else { return keepStructuredBody(&document, stopwords: stopwords) }
        for index in restore { document.blocks[index].removal = nil }
        document.notes.append("no block survived cleaning: kept the \(restore.count) prose block(s) no phrase or shape rule removed")
    }

    /// A contained copyright phrase after this many words of a line that credits a picture
    /// ("/Copyright 2026 The AP", "© Reuters") closes a caption, not the article.
    static let captionWordsBeforeCredit = 10

    static func holdsCreditMarker(_ text: String) -> Bool {
        text.contains("©") || text.range(of: "copyright", options: .caseInsensitive) != nil
    }

    func verdict(for block: Block, at index: Int, stopwords: StopwordSet, authors: [String]) -> Verdict {
        let features = BlockFeatures(block, stopwords: stopwords)
        var hit = phrases.match(block.text, wordCount: features.words, letters: features.letters)
        // "… im UN-Hauptquartier Frank Franklin II/Copyright 2026 The AP. All rights reserved.": a
        // credit closing a caption inside the story goes, but the story does not end there.
        if hit?.endsArticle == true, hit?.rule == "copyright", (hit?.wordsBefore ?? 0) >= Self.captionWordsBeforeCredit,
           Self.holdsCreditMarker(block.text) { hit?.endsArticle = false }
        let shape = shapeRule(block, features: features, authors: authors)
        let prose = block.kind != .heading && features.isProse(minWords: minProseWords, hasStopwords: !stopwords.isEmpty)
        return Verdict(index: index, features: features, hit: hit, shapeRule: shape, isProse: prose && hit == nil && shape == nil)
    }

    /// Language-independent shapes of boilerplate.
    func shapeRule(_ block: Block, features: BlockFeatures, authors: [String]) -> String? {
        let text = block.text
        if features.numeric && features.words <= 16 { return "pagination-or-calendar" }
        // One token ending in an image's extension ("airpods-pro-2.jpg": four words to the word count).
        if text.utf8.count <= 200, !text.contains(" "), let dot = text.lastIndex(of: ".") {
            let ext = text[text.index(after: dot)...].lowercased()
            if ["jpg", "jpeg", "png", "gif", "webp", "svg", "avif"].contains(ext) { return "image-file-name" }
        }
        if features.linkDensity >= 0.8 && (features.words <= 25 || block.links.count >= 3) && block.kind != .heading { return "link-list" }
        if Self.isTemplatePlaceholder(text) { return "template-placeholder" }
        if features.words <= 80, !authors.isEmpty, isAuthorBio(text, authors: authors) { return "author-bio" }
        return nil
    }

    /// "$$ARTICLEAD$$", "{{AD_SLOT}}", "%%BANNER%%": a template's slot the page never filled.
    static func isTemplatePlaceholder(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, bytes.count <= 64 else { return false }
        let marks: [(UInt8, UInt8)] = [(0x24, 0x24), (0x7B, 0x7D), (0x25, 0x25)]
        guard let (open, close) = marks.first(where: { $0.0 == bytes[0] }), bytes[1] == open,
              bytes[bytes.count - 1] == close, bytes[bytes.count - 2] == close else { return false }
        let inner = bytes[2..<(bytes.count - 2)]
        return !inner.isEmpty && inner.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// "Jane Doe is a reporter who covers …", "Jane Doe, a research scholar, …".
    func isAuthorBio(_ text: String, authors: [String]) -> Bool {
        for author in authors where !author.isEmpty {
            guard let range = Self.byteRange(of: author, in: text) else { continue }
            let after = text[range.upperBound...].prefix(24).lowercased()
            if bioOpeners.contains(where: { after.hasPrefix($0) }) {
                return text.distance(from: text.startIndex, to: range.lowerBound) < 40
            }
        }
        return false
    }

    /// First occurrence of `needle` in `text`, compared as UTF-8 bytes (both are NFC after
    /// normalizing), so the check costs no Foundation search.
    static func byteRange(of needle: String, in text: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var bytes = text
        let found = bytes.withUTF8 { utf8 -> Int? in
            guard pattern.count <= utf8.count else { return nil }
            var start = 0
            while start + pattern.count <= utf8.count {
                if utf8[start] == first {
                    var matched = 1
                    while matched < pattern.count, utf8[start + matched] == pattern[matched] { matched += 1 }
                    let end = start + pattern.count
                    if matched == pattern.count, end == utf8.count || !UTF8.isContinuation(utf8[end]) { return start }
                }
                start += 1
            }
            return nil
        }
        guard let found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: pattern.count)
    }

    /// What a block adds to (or costs) the run: prose its words, a table or list row half
    /// its words, a lexicon or shape hit a fixed penalty, anything else a gap cost.
    func score(_ verdict: Verdict, isListRow: Bool) -> Double {
        if verdict.hit != nil || verdict.shapeRule != nil { return -hitPenalty }
        if verdict.isProse { return Double(verdict.features.words) }
        let features = verdict.features
        if isListRow { return listRowWeight * Double(features.words) }
        if features.sentenceLike && !verdict.isRepeated && features.words >= 3 && features.linkDensity < 0.5 { return 1 }
        return gapScore(verdict)
    }

    /// What a block that is not content costs the run.
    func gapScore(_ verdict: Verdict) -> Double { -gapPenalty - Double(verdict.features.words) * 0.25 }
}
