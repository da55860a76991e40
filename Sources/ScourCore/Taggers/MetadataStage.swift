import Foundation

/// Stage: finds title, authors, date, outlet, URL, tags, description and language,
/// from markup hints first and the visible text after, recording evidence for each.
/// Lines that only carried metadata (byline, dateline, tag line) are removed once read.
public struct MetadataStage: Stage {
    public static let name = "metadata"

    /// How many blocks past the title the header (byline, date, tags) may reach.
    public var headerBlocks: Int
    /// Read `MM/DD/YYYY` (true) or `DD/MM/YYYY` (false) when a numeric date is ambiguous.
    public var monthFirst: Bool
    let words: MetadataWords
    let dates: DateParser
    /// The other reading of ambiguous numeric dates (`02/11/2023`), to see a markup date shown on the page.
    let swappedDates: DateParser
    let language: LanguageDetector
    let stopwords: [String: Set<String>]
    let phrases: PhraseMatcher
    /// Built once per run: its word sets are the same for every document.
    let names: PersonNames
    /// `words.modifiedLabels` and `words.dateLabels` for byte matching on ASCII lines.
    let modifiedLabelBytes: ASCIIWords
    let dateLabelBytes: ASCIIWords
    /// The ASCII attribution roles as bytes: the others cannot start an ASCII text.
    let attributionRoleBytes: [[UInt8]]
    let attributionRoleLeads: [[UInt8]]
    /// Each modified label's leading ASCII bytes, lowercased.
    let modifiedLabelLeads: [[UInt8]]
    /// Tomorrow in UTC (`YYYY-MM-DD`): later dates are rejected; the day of slack covers time zones.
    let latestDate: String

    public init(section: ConfigSection, resources: Resources) throws {
        headerBlocks = section.int("header_blocks", default: 8, range: 1...100)
        monthFirst = section.choice("ambiguous_dates", default: "month_first", allowed: ["month_first", "day_first"]) == "month_first"
        words = resources.metadataWords
        dates = DateParser(words: resources.dateWords, monthFirst: monthFirst)
        swappedDates = DateParser(words: resources.dateWords, monthFirst: !monthFirst)
        language = LanguageDetector(stopwords: resources.stopwords)
        stopwords = resources.stopwords
        phrases = PhraseMatcher(lexicons: Array(resources.lexicons.values))
        latestDate = Self.isoDay(Date().addingTimeInterval(86_400))
        names = PersonNames(words: words, stopwords: stopwords["en"] ?? [])
        modifiedLabelBytes = ASCIIWords(words.modifiedLabels)
        attributionRoleLeads = words.attributionRoles.map(ASCIIText.lead)
        attributionRoleBytes = words.attributionRoles.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        modifiedLabelLeads = words.modifiedLabels.map (ASCIIText.lead)
        dateLabelBytes = ASCIIWords(words.dateLabels)
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    public func process(_ document: inout Document) throws(Rejection) {
        var tagger = MetadataTagger(stage: self, document: document)
        tagger.run()
        document = tagger.document
    }
}

/// The work of one document's tagging; separate from the stage so the stage stays a config value.
struct MetadataTagger {
    let stage: MetadataStage
    var document: Document
    var meta: Metadata { get { document.metadata } set { document.metadata = newValue } }
    let names: PersonNames
    let stopwords: Set<String>
    /// Index of the first and last block that read as article prose.
    var firstProse: Int?
    var lastProse: Int?
    /// Features of the blocks, each computed once when first asked for: the rules below ask
    /// many times, but most pages never need the middle of the body.
    let blockFeatures: FeatureCache
    /// The best last-modified date in the markup: used only when no publication date is found.
    var modifiedHint: MarkupHint?
    /// Letters and digits of the site's names and host, to tell the site from its authors.
    var siteKeys: [String] = []
    /// An author value that names the site or an organisation: used only when no person is found.
    var siteAuthor: (name: String, origin: String)?
    let dateCache = DateCache()

    init(stage: MetadataStage, document: Document) {
        self.stage = stage
        self.document = document
        // The first 200 kept blocks, read as one text without joining them.
        let detected = stage.language.detect(texts: KeptTexts(blocks: document.blocks, limit: 200))
        if let detected {
            self.document.metadata.language = detected
            self.document.metadata.evidence["language"] = Evidence(rule: "stopwords")
        }
        stopwords = detected.flatMap { stage.stopwords[$0] } ?? []
        names = stage.names
        let stopwords = self.stopwords
        blockFeatures = FeatureCache(blocks: document.blocks, stopwords: stopwords)
    }

    mutating func run() {
        applyMarkupHints()
        findProseRange()
        tagTitle()
        tagHeader()
        tagInlineAttributions()
        tagClosingName()
        tagURL()
        tagOutlet()
        tagDateFromURL()
        tagModifiedDate()
        // The archive's capture time only says the page existed then: the very last resort.
        if meta.date == nil, let capture = document.markupHints.first(where: { $0.field == "warc-date" }),
           let date = normalizedDate(capture.value) {
            meta.date = date
            set("date", rule: "warc-date")
        }
        if meta.authors.isEmpty, let (name, origin) = siteAuthor {
            meta.authors = [name]
            set("authors", rule: origin)
        }
    }

    // MARK: helpers

    private mutating func set(_ field: String, rule: String, block: Int? = nil) {
        let line = block.map { document.blocks[$0].line }.flatMap { $0 > 0 ? $0 : nil }
        let excerpt = block.map { String(document.blocks[$0].text.prefix(120)) }
        meta.evidence[field] = Evidence(rule: rule, line: line, excerpt: excerpt)
    }

    private mutating func consume(_ index: Int, rule: String) {
        if document.blocks[index].removal == nil {
            document.blocks[index].removal = Removal(stage: MetadataStage.name, rule: rule)
        }
    }

    /// Features as read before this stage changed any text (changes only shorten attributions).
    private func features(_ index: Int) -> BlockFeatures {
        blockFeatures[index]
    }

    /// The texts of the first `limit` kept blocks, without an array of them.
    struct KeptTexts: Sequence, IteratorProtocol {
        let blocks: [Block]
        var limit: Int
        var index = 0

        init(blocks: [Block], limit: Int) {
            self.blocks = blocks
            self.limit = limit
        }

        mutating func next() -> String? {
            while limit > 0, index < blocks.count {
                index += 1
                if blocks[index - 1].isKept { limit -= 1; return blocks[index - 1].text }
            }
            return nil
        }
    }

    /// Words of a block as `features(index).words`; counted without stopwords when the
    /// features were not needed yet (only the count is asked for here).
    private func words(_ index: Int) -> Int {
        blockFeatures.words(index)
    }

    /// The blocks as they were when the stage began, and their features made on demand.
    /// A class, so the tagger's non-mutating rules can fill it.
    final class FeatureCache {
        let blocks: [Block]
        let stopwords: Set<String>
        /// Per block the index of its features in `made`, -1 until asked for: a plain integer
        /// array is made faster than one of optional features.
        private var slots: [Int32]
        private var made: [BlockFeatures] = []
        /// Blocks the reader already removed (an HTML page's menus) are never asked about.
        private lazy var none = BlockFeatures(Block(text: ""), stopwords: [])

        init(blocks: [Block], stopwords: Set<String>) {
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

    private func isProse(_ index: Int) -> Bool {
        let block = document.blocks[index]
        guard block.isKept, block.kind != .heading else { return false }
        let feature = features(index)
        // Phrase rules only apply to short blocks; long prose need not be matched.
        return feature.isProse(minWords: 15, hasStopwords: !stopwords.isEmpty)
            && (feature.words > 80 || stage.phrases.match(block.text, wordCount: feature.words) == nil)
    }

    // MARK: markup

    /// The first hint per field wins; hints come best-first from the HTML reader.
    private mutating func applyMarkupHints() {
        guard !document.markupHints.isEmpty else { return }
        // Names of the site: an author value equal to one is no person (but is kept as a last resort).
        // An outlet value the markup also gives as author names a person (a one-author site's
        // `dc.publisher`): it does not make that author the site.
        let authorValues = Set(document.markupHints.filter { $0.field == "author" }.map { PersonNames.letterKey($0.value) })
        let outlets = document.markupHints.filter { $0.field == "outlet" }
        var sites = outlets.enumerated().filter { index, hint in
            index == 0 || !(names.looksLikeName(hint.value) && authorValues.contains(PersonNames.letterKey(hint.value)))
        }.map(\.element.value)
        for url in [meta.url] + document.markupHints.filter({ $0.field == "url" }).map(\.value) {
            if let url, let host = URL(string: url)?.host { sites.append(hostName(host)); sites.append(host) }
        }
        siteKeys = sites.map(PersonNames.letterKey).filter { $0.count >= 3 }
        if let (date, origin) = shownMarkupDate() ?? confirmedVisibleDate() {
            meta.date = date
            set("date", rule: origin)
        }
        var previousByline: String?
        /// `labelledVisibleDate()` reads only the hints: asked once, not per date hint.
        var labelled: (String, String)??
        for hint in document.markupHints {
            // The reader already collapsed whitespace; Foundation's trimming was a hot spot here.
            let value = Self.hasEdgeSpace(hint.value) ? hint.value.trimmedSpaces() : hint.value
            guard !value.isEmpty else { continue }
            switch hint.field {
            case "title" where meta.title == nil:
                meta.title = cleanTitle(value); set("title", rule: hint.origin)
            case "description" where meta.description == nil:
                meta.description = value; set("description", rule: hint.origin)
            case "author":
                // Several hints of one origin make a list (citation_author, JSON-LD arrays); a visible
                // element counts alone: the next one with that class is often another text's byline.
                let current = meta.evidence["authors"]?.rule
                guard current == nil || (current == hint.origin && !hint.origin.hasPrefix("html:")) else { continue }
                let found = names.markupAuthors(value)
                let people = found.filter { !names.isOrganization($0, siteKeys: siteKeys) }
                if people.count < found.count, siteAuthor == nil, let first = found.first { siteAuthor = (first, hint.origin) }
                for name in people where !meta.authors.contains(where: { $0.lowercased() == name.lowercased() }) {
                    meta.authors.append(name)
                }
                if !people.isEmpty { set("authors", rule: hint.origin) }
            case "byline" where meta.evidence["authors"] == nil:
                // A visible line counts only when it starts with a label: "Posted by …", "von …",
                // or follows a label standing alone ("By" and the name in sibling elements).
                let afterLabel = previousByline.map { names.namesAfterLabel($0, value) } ?? []
                previousByline = value
                let found = (afterLabel.isEmpty ? names.labelledAuthors(value) : afterLabel)
                    .filter { !names.isOrganization($0, siteKeys: siteKeys) }
                if !found.isEmpty { meta.authors = found; set("authors", rule: hint.origin + (afterLabel.isEmpty ? "" : ":after-label")) }
            case "date" where meta.date == nil:
                if hint.origin.hasPrefix("html:") {
                    // Among the dates shown on the page, one labelled "Published …" beats the first one.
                    if labelled == nil { labelled = .some(labelledVisibleDate()) }
                    if let (date, origin) = labelled! {
                        meta.date = date
                        set("date", rule: origin + ":labelled")
                        continue
                    }
                    if isModifiedLine(value) { continue }
                }
                if let date = normalizedDate(value) { meta.date = date; set("date", rule: hint.origin) }
            case "modified" where modifiedHint == nil:
                if normalizedDate(value) != nil { modifiedHint = hint }
            case "outlet" where meta.outlet == nil:
                meta.outlet = value; set("outlet", rule: hint.origin)
            case "url" where meta.url == nil:
                meta.url = value; set("url", rule: hint.origin)
            case "language":
                let code = String(value.lowercased().prefix(2))
                if code.count == 2, code.allSatisfy(\.isLetter) { meta.language = code; set("language", rule: hint.origin) }
            case "tag":
                if meta.evidence["tags"] == nil || meta.evidence["tags"]?.rule == hint.origin {
                    if !meta.tags.contains(value) { meta.tags.append(value) }
                    set("tags", rule: hint.origin)
                }
            default:
                break
            }
        }
    }

    /// Whether `trimmedSpaces` would change the text: its first or last byte is a space or newline.
    static func hasEdgeSpace(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        return first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A
    }

    /// The date the page shows, when the markup also names it (as published or as modified date):
    /// readers and annotators take the shown date, and the agreement rules out a stray date on the page.
    private func shownMarkupDate() -> (String, String)? {
        var markupDates: Set<String> = []
        var shown: (String, String, String?)?
        for hint in document.markupHints where hint.field == "date" || hint.field == "modified" {
            let visible = hint.origin.hasPrefix("html:") || hint.origin.hasPrefix("time[")
            if visible {
                guard shown == nil, hint.field == "date", !isModifiedLine(hint.value), let date = normalizedDate(hint.value) else { continue }
                shown = (date, hint.origin, swappedDate(hint.value))
            } else if let date = normalizedDate(hint.value) {
                markupDates.insert(date)
            }
        }
        guard let shown else { return nil }
        if markupDates.contains(shown.0) { return (shown.0, shown.1) }
        // "02/11/2023" read month first, where the markup says 2 November.
        if let swapped = shown.2, markupDates.contains(swapped) { return (swapped, shown.1 + ":day-first") }
        return nil
    }

    /// The other reading of an ambiguous numeric date, if it has one.
    private func swappedDate(_ value: String) -> String? {
        guard let found = stage.swappedDates.firstDate(in: value), found.iso <= stage.latestDate,
              found.iso != normalizedDate(value) else { return nil }
        return found.iso
    }

    /// The date of the first dated element (`<time>`, a date class) whose text shows it too, when none
    /// of the markup's dates is shown anywhere: the page states its date, the markup's is a stale or
    /// system date (a CMS's creation time, a sitemap's).
    private func confirmedVisibleDate() -> (String, String)? {
        var markupDates: Set<String> = []
        var visibleCounts: [String: Int] = [:]
        var shownDates: Set<String> = []
        var structural: (String, String)?
        for hint in document.markupHints where hint.field == "date" || hint.field == "modified" {
            let isTime = hint.origin.hasPrefix("time[")
            if hint.origin.hasPrefix("html:") || isTime {
                guard hint.field == "date", hint.origin != "html:headline-text", !isModifiedLine(hint.value),
                      let date = normalizedDate(hint.value) else { continue }
                visibleCounts[date, default: 0] += 1
                shownDates.insert(date)
                if let swapped = swappedDate(hint.value) { shownDates.insert(swapped) }
                if structural == nil, isTime || hint.origin == "html:date-class" { structural = (date, hint.origin) }
            } else if let date = normalizedDate(hint.value) {
                markupDates.insert(date)
            }
        }
        guard let structural, !markupDates.isEmpty, visibleCounts[structural.0, default: 0] >= 2,
              markupDates.isDisjoint(with: shownDates) else { return nil }
        return (structural.0, structural.1 + ":confirmed")
    }

    /// The first visible date whose line starts with a publication label ("Erstellt am: 30.01.2022").
    private func labelledVisibleDate() -> (String, String)? {
        for hint in document.markupHints where hint.field == "date" && hint.origin.hasPrefix("html:") {
            guard startsWithDateLabel(hint.value), !isModifiedLine(hint.value),
                  let date = normalizedDate(hint.value) else { continue }
            return (date, hint.origin)
        }
        return nil
    }

    private func startsWithDateLabel(_ text: String) -> Bool {
        let labels = stage.dateLabelBytes
        if !labels.needsFallback, ASCIIText.isPlain(text) {
            return labels.words.contains { ASCIIText.hasLoweredPrefix(text.utf8, $0) }
        }
        let lower = text.lowercased()
        return stage.words.dateLabels.contains(where: { lower.hasPrefix($0) })
    }

    /// "Last updated: 3 May 2021": a visible date that is not the publication date.
    private func isModifiedLine(_ text: String) -> Bool {
        let labels = stage.modifiedLabelBytes
        if !labels.needsFallback, let lower = ASCIIText.lowered(text) {
            return labels.words.contains { label in
                ByteSearch.firstOffset(of: label, in: lower).map { $0 < 20 } ?? false
            }
        }
        // Without a letter that lowercases or folds to ASCII, the text's bytes must hold each
        // label's leading ASCII (case aside) for it to match.
        let prefilter = !ASCIIText.mayFoldToASCII(text)
        let bytes = Array(text.utf8)
        if prefilter, !zip(stage.words.modifiedLabels, stage.modifiedLabelLeads).contains(where: { _, lead in
            lead.isEmpty || bytes.withUnsafeBufferPointer { ASCIIText.foldedOffset(of: lead, in: $0) } != nil
        }) {
            return false
        }
        let lower = text.lowercased()
        return stage.words.modifiedLabels.contains { label in
            guard let range = lower.range(of: label) else { return false }
            // The label must precede the date, not follow it in another sentence.
            return lower.distance(from: lower.startIndex, to: range.lowerBound) < 20
        }
    }

    /// The date part of an ISO string or any form the date parser reads; nil for dates after
    /// today (a page cannot have been published in the future) or before the parser's first year.
    private func normalizedDate(_ value: String) -> String? {
        // The markup's date values are read by several rules: each is parsed once.
        if let known = dateCache.dates[value] { return known }
        let date = parsedDate(value)
        dateCache.dates[value] = .some(date)
        return date
    }

    /// Dates already read from values, for `normalizedDate`.
    final class DateCache {
        var dates: [String: String?] = Dictionary(minimumCapacity: 8)
    }

    private func parsedDate(_ value: String) -> String? {
        guard let found = stage.dates.firstDate(in: value), found.iso <= stage.latestDate else { return nil }
        return found.iso
    }

    // MARK: prose range

    /// Scans in from both ends: the prose test matches phrases, too slow to run on every block of a long page.
    private mutating func findProseRange() {
        firstProse = document.blocks.indices.first(where: isProse)
        guard let first = firstProse else { return }
        lastProse = document.blocks.indices.reversed().first { $0 >= first && isProse($0) }
    }

    // MARK: title

    private mutating func tagTitle() {
        let limit = firstProse ?? min(document.blocks.count, 12)
        var titleIndex: Int?
        if meta.title == nil {
            titleIndex = pickTitleBlock(before: limit)
            if let index = titleIndex {
                meta.title = cleanTitle(document.blocks[index].text)
                set("title", rule: document.blocks[index].kind == .heading ? "first-heading" : "leading-line", block: index)
            }
        }
        guard let title = meta.title else { return }
        let key = DedupeStage.key(title)
        // Remove the block the title came from, or the first one that repeats it.
        for index in document.blocks.indices where document.blocks[index].isKept {
            let blockKey = DedupeStage.key(document.blocks[index].text)
            if blockKey == key || (index == titleIndex) || (blockKey.hasPrefix(key) && blockKey.count - key.count < 40 && index < limit) {
                consume(index, rule: "title")
                break
            }
        }
    }

    private func pickTitleBlock(before limit: Int) -> Int? {
        // The page's first lines (tab title) and the lines just above the body (headline).
        let upper = max(limit, 0)
        let window = Array(0..<min(10, upper)) + Array(min(upper, max(10, upper - 40))..<upper)
        let candidates = window.filter { document.blocks[$0].isKept }
        func plausible(_ index: Int) -> Bool {
            let block = document.blocks[index]
            let feature = features(index)
            return (2...30).contains(feature.words) && feature.linkDensity < 0.5 && !feature.numeric
                && !(block.text.hasSuffix(".") && feature.words > 15) && names.byline(block.text) == nil
                && stage.phrases.match(block.text, wordCount: feature.words) == nil
                && stage.dates.firstDate(in: block.text) == nil
        }
        if let heading = candidates.first(where: { document.blocks[$0].kind == .heading && document.blocks[$0].level <= 1 && plausible($0) }) {
            return heading
        }
        // A line repeated near the top is the page's title shown twice (tab title and headline).
        var seen: [String: Int] = [:]
        for index in candidates where plausible(index) {
            let key = DedupeStage.key(document.blocks[index].text)
            if let first = seen[key], features(index).words >= 3 { return first }
            seen[key] = seen[key] ?? index
        }
        if let heading = candidates.first(where: { document.blocks[$0].kind == .heading && plausible($0) }) { return heading }
        // Otherwise the first plausible line, if the page starts with it (text dumps of clean articles).
        if let first = candidates.first(where: { features($0).words >= 3 }), plausible(first),
           candidates.prefix(while: { $0 != first }).allSatisfy({ features($0).words <= 2 }) {
            return first
        }
        return nil
    }

    /// Drops " | Section news" and " | Site" suffixes, keeping the headline.
    func cleanTitle(_ raw: String) -> String {
        var title = raw.trimmingCharacters(in: .whitespaces)
        for separator in [" | ", " || ", " :: ", " » "] {
            // No character but these bytes is the separator: without them Foundation need not search.
            guard title.byteOffset(of: separator) != nil else { continue }
            while let range = title.range(of: separator, options: .backwards) {
                let suffix = title[range.upperBound...]
                let head = title[..<range.lowerBound]
                guard suffix.split(separator: " ").count <= 6, head.split(separator: " ").count >= 2 else { break }
                title = String(head).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    // MARK: header: byline, date line, tags, description

    private mutating func tagHeader() {
        let start = document.blocks.firstIndex(where: { $0.removal?.rule == "title" }).map { $0 + 1 } ?? 0
        let end = min(document.blocks.count, max(firstProse ?? 0, start) + 1, start + stage.headerBlocks + 1)
        var index = start
        while index < end {
            let block = document.blocks[index]
            guard block.isKept, index != firstProse else { index += 1; continue }
            let text = block.text
            if let title = meta.title, DedupeStage.key(title) == DedupeStage.key(text) { index += 1; continue }
            if let found = names.byline(text) {
                if meta.authors.isEmpty { meta.authors = found; set("authors", rule: "byline", block: index) }
                if meta.date == nil, let date = stage.dates.firstDate(in: text) { meta.date = date.iso; set("date", rule: "byline-date", block: index) }
                consume(index, rule: "byline")
            } else if tagDateLine(index) {
                consume(index, rule: "dateline")
            } else if let tags = tagList(text), meta.tags.isEmpty {
                meta.tags = tags
                set("tags", rule: "tag-line", block: index)
                consume(index, rule: "tag-line")
            } else if meta.authors.isEmpty, names.looksLikeName(text), stage.phrases.match(text, wordCount: 4) == nil {
                meta.authors = [text.trimmingCharacters(in: .init(charactersIn: " .,|"))]
                set("authors", rule: "name-line", block: index)
                consume(index, rule: "byline")
            } else if meta.description == nil, isDek(index) {
                meta.description = text
                set("description", rule: "standfirst", block: index)
                consume(index, rule: "description")
            }
            index += 1
        }
    }

    /// A date line: a short block with a date, or a labelled one ("Update Time : …", "2021/05/19 | tags").
    private mutating func tagDateLine(_ index: Int) -> Bool {
        let text = document.blocks[index].text
        guard let found = stage.dates.firstDate(in: text) else { return false }
        let feature = features(index)
        let lower = text.lowercased()
        let labelled = (stage.words.dateLabels + stage.words.modifiedLabels).contains { lower.hasPrefix($0) }
        guard labelled || feature.words <= 12 || found.offset == 0 else { return false }
        if meta.date == nil {
            meta.date = found.iso
            set("date", rule: labelled ? "labelled-date" : "date-line", block: index)
        }
        // "2021/05/19 | Note, political, top news": the rest of the line is the tag list.
        if meta.tags.isEmpty, let bar = text.range(of: " | ") {
            let rest = String(text[bar.upperBound...])
            if let tags = tagList(rest, requireList: false) {
                meta.tags = tags
                set("tags", rule: "date-line-tags", block: index)
            }
        }
        return true
    }

    /// "Tags: a, b", or an unlabelled list of 2–8 short capitalised items: "Russia, Israel".
    private func tagList(_ text: String, requireList: Bool = true) -> [String]? {
        var body = Substring(text)
        let lower = text.lowercased()
        var labelled = false
        for label in stage.words.tagLabels where lower.hasPrefix(label) {
            let rest = body.dropFirst(label.count)
            if rest.first == ":" || rest.first == " " {
                body = rest.drop { $0 == ":" || $0 == " " }
                labelled = true
                break
            }
        }
        let separators: [Character] = labelled ? [",", ";", "|", "•", "/"] : [",", ";", "|", "•"]
        let items = body.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard items.count >= (requireList && !labelled ? 2 : 1), items.count <= 12 else { return nil }
        for item in items {
            let itemWords = item.split(separator: " ")
            guard itemWords.count <= 4, !item.contains(where: { ".!?:".contains($0) }) else { return nil }
            if !labelled {
                // Unlabelled lists must look like topic names, not a clause of a sentence.
                guard let first = item.first, first.isLetter, first.isUppercase || !requireList else { return nil }
            }
        }
        if !labelled && requireList {
            // At least one item has a capital in every word or is a single word: "Russia, Israel".
            guard items.allSatisfy({ $0.split(separator: " ").count <= 3 }) else { return nil }
        }
        return items
    }

    /// A standfirst: one sentence-ish line between title and body, not ending like a paragraph.
    private func isDek(_ index: Int) -> Bool {
        guard let first = firstProse, index < first, index <= (meta.evidence["title"]?.line ?? 0) + 4 || index < 4 else { return false }
        let feature = features(index)
        let block = document.blocks[index]
        return block.kind != .heading && (8...45).contains(feature.words) && feature.linkDensity < 0.3
            && !block.text.hasSuffix(".") && stage.phrases.match(block.text, wordCount: feature.words) == nil
            && meta.title != nil
    }

    // MARK: attributions and closing names

    /// "… play a mediating role. Mahmoud Fazeli – Analyst of international affairs" at a paragraph's end.
    private mutating func tagInlineAttributions() {
        guard let first = firstProse, let last = lastProse else { return }
        for index in first...last where document.blocks[index].isKept {
            let text = document.blocks[index].text
            let bytes = Array(text.utf8)
            for (dash, dashBytes) in Self.attributionDashes {
                // On bytes first: most blocks have no dash, or an ASCII rest that starts with no role.
                guard let offset = ASCIIText.lastOffset(of: dashBytes, in: bytes) else { continue }
                let tail = bytes[(offset + dashBytes.count)...]
                if tail.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                    if !stage.attributionRoleBytes.contains(where: { ASCIIText.hasLoweredPrefix(tail, $0) }) { continue }
                } else if !ASCIIText.mayFoldToASCII(String(decoding: tail, as: UTF8.self)),
                          !stage.attributionRoleLeads.contains(where: { $0.isEmpty || ASCIIText.hasLoweredPrefix(tail, $0) }) {
                    // A role's leading ASCII must start the rest's own bytes (case aside).
                    continue
                }
                guard let range = text.byteRange(of: dash, backwards: true) else { continue }
                let role = text[range.upperBound...].lowercased()
                guard stage.words.attributionRoles.contains(where: { role.hasPrefix($0) }),
                      role.split(separator: " ").count <= 8 else { continue }
                let before = text[..<range.lowerBound]
                // The name runs back to the end of the previous sentence.
                let sentenceEnd = before.lastIndex(where: { ".!?”\"".contains($0) })
                let nameStart = sentenceEnd.map { before.index(after: $0) } ?? before.startIndex
                let name = before[nameStart...].trimmingCharacters(in: .whitespaces)
                guard names.looksLikeName(name) else { continue }
                if meta.authors.isEmpty {
                    meta.authors = [name]
                    set("authors", rule: "attribution", block: index)
                }
                let kept = before[..<nameStart].trimmingCharacters(in: .whitespaces)
                if kept.isEmpty { consume(index, rule: "attribution") } else { document.blocks[index].text = kept }
                break
            }
        }
    }

    static let attributionDashes = [" – ", " — ", " - "].map { ($0, Array($0.utf8)) }

    /// A lone name line right after the last paragraph signs the article.
    private mutating func tagClosingName() {
        guard let last = lastProse else { return }
        var index = last + 1
        var looked = 0
        while index < document.blocks.count, looked < 3 {
            let block = document.blocks[index]
            index += 1
            guard block.isKept else { continue }
            looked += 1
            let feature = BlockFeatures(block, stopwords: stopwords)
            guard stage.phrases.match(block.text, wordCount: feature.words) == nil, feature.words <= 12 else { return }
            if names.looksLikeName(block.text) {
                if meta.authors.isEmpty {
                    meta.authors = [block.text.trimmingCharacters(in: .init(charactersIn: " .,|"))]
                    set("authors", rule: "closing-name", block: index - 1)
                }
                if meta.authors.contains(where: { DedupeStage.key($0) == DedupeStage.key(block.text) }) {
                    consume(index - 1, rule: "byline")
                }
                return
            }
        }
    }

    // MARK: url

    /// "Original url:" followed by a link, or a lone link after the article.
    private mutating func tagURL() {
        for index in document.blocks.indices where document.blocks[index].isKept {
            let text = document.blocks[index].text
            // Only the start is asked about: lowercasing whole blocks was a hot spot.
            let lower = text.prefix(16).lowercased()
            guard lower.hasPrefix("original url") || lower.hasPrefix("source url") || lower.hasPrefix("url:")
                    || lower.hasPrefix("source:") || lower.hasPrefix("original:") || lower.hasPrefix("link:") else { continue }
            var url = firstURL(in: document.blocks[index])
            var urlBlock = index
            if url == nil, index + 1 < document.blocks.count, let next = firstURL(in: document.blocks[index + 1]),
               DedupeStage.key(document.blocks[index + 1].text) == DedupeStage.key(next) {
                url = next
                urlBlock = index + 1
            }
            guard let found = url else { continue }
            if meta.url == nil {
                meta.url = found
                set("url", rule: "original-url-line", block: urlBlock)
            }
            consume(index, rule: "url-line")
            if urlBlock != index { consume(urlBlock, rule: "url-line") }
            return
        }
    }

    private func firstURL(in block: Block) -> String? {
        if let link = block.links.first(where: { $0.target.hasPrefix("http") }) { return link.target }
        // The regex needs "http://" or "https://" in the bytes; most lines have neither.
        guard Self.hasURLScheme(block.text),
              let range = block.text.range(of: "https?://[^\\s<>\"]+", options: .regularExpression) else { return nil }
        return String(block.text[range])
    }

    static func hasURLScheme(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var start = 0
        while let found = ByteSearch.firstOffset(of: httpBytes, in: bytes[start...]) {
            let rest = bytes[(start + found + 4)...]
            if rest.starts(with: schemeEnd) || rest.starts(with: secureSchemeEnd) { return true }
            start += found + 4
        }
        return false
    }

    static let httpBytes = Array("http".utf8)
    static let schemeEnd = Array("://".utf8)
    static let secureSchemeEnd = Array("s://".utf8)

    // MARK: outlet

    private mutating func tagOutlet() {
        guard meta.outlet == nil else {
            // A name with capitals was written by the site; only a host-like name needs its casing found.
            var keys: [[UInt8]]?
            if !meta.outlet!.contains(where: \.isUppercase) { meta.outlet = properCase(meta.outlet!, keys: &keys) }
            return
        }
        /// Letter keys of the blocks, made on the first `properCase`.
        var keys: [[UInt8]]?
        // Named in the text: "originally appeared on X", "the position of X", "follow X on Google News".
        let patterns = stage.words.outletPatterns.map { (pattern: $0, before: Array($0.before.utf8)) }
        let leads = patterns.map { ASCIIText.lead($0.pattern.before) }
        for index in document.blocks.indices where words(index) <= 60 {
            let text = document.blocks[index].text
            guard let lowerBytes = ASCIIText.lowered(text) ?? lowercasedIfPatternMayMatch(text, leads: leads) else { continue }
            for (pattern, before) in patterns {
                // Lowercasing keeps byte offsets for the ASCII phrases these patterns are.
                guard let start = Self.firstOffset(of: before, in: lowerBytes), lowerBytes.count == text.utf8.count else { continue }
                var name = String(decoding: Array(text.utf8).dropFirst(start + pattern.before.utf8.count), as: UTF8.self)
                if !pattern.after.isEmpty {
                    guard let end = name.lowercased().byteOffset(of: pattern.after) else { continue }
                    name = String(decoding: Array(name.utf8).prefix(end), as: UTF8.self)
                }
                if let outlet = outletName(name, keys: &keys) {
                    meta.outlet = outlet
                    set("outlet", rule: "named-in-text", block: index)
                    return
                }
            }
        }
        // "Strategic Council Online - During …": a dateline that names the outlet.
        if let first = firstProse {
            let text = document.blocks[first].text
            for dash in [" - ", " – ", " — "] {
                guard let range = text.range(of: dash), text.distance(from: text.startIndex, to: range.lowerBound) < 50 else { continue }
                let head = String(text[..<range.lowerBound])
                let headWords = head.split(separator: " ")
                if (2...5).contains(headWords.count), headWords.allSatisfy({ $0.first?.isUppercase == true }),
                   !head.contains(where: { $0 == "(" || $0.isNumber }) {
                    meta.outlet = head
                    set("outlet", rule: "dateline", block: first)
                    return
                }
            }
        }
        // "© 2005-2024 BLiTZ", "Copyright 2021 The Times".
        for index in document.blocks.indices.reversed() {
            let text = document.blocks[index].text
            // The bytes first: "©" in them, or "copyright" at the start in any case, is needed for either test.
            let bytes = text.utf8
            guard ASCIIText.hasLoweredPrefix(bytes, Self.copyrightBytes) || ByteSearch.firstOffset(of: Self.copyrightSign, in: Array(bytes)) != nil,
                  text.contains("©") || text.lowercased().hasPrefix("copyright"), text.count < 200 else { continue }
            var rest = text.replacingOccurrences(of: "©", with: " ")
            for word in ["copyright", "all rights reserved", "todos los derechos reservados"] {
                rest = rest.replacingOccurrences(of: word, with: " ", options: .caseInsensitive)
            }
            let cleaned = rest.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," || $0 == "|" })
                .filter { !$0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "–" } }
                .joined(separator: " ")
            if let outlet = outletName(cleaned, keys: &keys), outlet.split(separator: " ").count <= 6 {
                meta.outlet = outlet
                set("outlet", rule: "copyright", block: index)
                return
            }
        }
        if let url = meta.url, let host = URL(string: url)?.host, !HostName.isAddressOrLocal(host) {
            meta.outlet = properCase(hostName(host), keys: &keys)
            set("outlet", rule: "url-host")
        }
    }

    /// The lowercased bytes of a non-ASCII text, or nil when no pattern can be found in them: the
    /// patterns' leading ASCII must then be in the text's own bytes (case aside), as only the
    /// Kelvin sign and "İ" lowercase to ASCII.
    private func lowercasedIfPatternMayMatch(_ text: String, leads: [[UInt8]]) -> [UInt8]? {
        if !ASCIIText.mayFoldToASCII(text) {
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { buffer in
                leads.contains { $0.isEmpty || ASCIIText.foldedOffset(of: $0, in: buffer) != nil }
            }
            if !found { return nil }
        }
        return Array(text.lowercased().utf8)
    }

    static let outletEdges = CharacterSet(charactersIn: " .,;:*_\"'”“")
    static let copyrightBytes = Array("copyright".utf8)
    static let copyrightSign = Array("©".utf8)

    /// Trims a phrase to the outlet's name and gives it the casing the page uses.
    private func outletName(_ raw: String, keys: inout [[UInt8]]?) -> String? {
        var name = raw
        for cut in [" read the full", ". ", " | ", " - ", " – ", "*", "\n"] {
            if let range = name.range(of: cut, options: .caseInsensitive) { name = String(name[..<range.lowerBound]) }
        }
        name = name.trimmingCharacters(in: Self.outletEdges)
        guard !name.isEmpty, name.count <= 60 else { return nil }
        if name.contains(".") && !name.contains(" ") { name = hostName(name) }
        return properCase(name, keys: &keys)
    }

    /// "www.aljazeera.com" → "aljazeera".
    private func hostName(_ host: String) -> String {
        var parts = host.lowercased().split(separator: ".").map(String.init)
        if parts.first == "www" || parts.first == "m" || parts.first == "amp" { parts.removeFirst() }
        if parts.count > 1 { parts.removeLast() }
        if parts.count > 1, ["co", "com", "org", "net", "gov", "ac"].contains(parts.last!) { parts.removeLast() }
        return parts.last ?? host
    }

    /// The page's own spelling of a name: "aljazeera" → "Al Jazeera", "BLiTZ" → "Blitz".
    /// Byte offset of `needle` in `hay`: the blocks' bytes are made once, the patterns searched in them.
    static func firstOffset(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        ByteSearch.firstOffset(of: needle, in: hay)
    }

    private func properCase(_ name: String, keys: inout [[UInt8]]?) -> String {
        let target = DedupeStage.key(name)
        guard !target.isEmpty else { return name }
        var counts: [String: Int] = [:]
        // The tokens' keys joined are a substring of the block's key: blocks without the target
        // there need no tokens. Exact for ASCII targets (only those are compared as bytes here).
        let targetBytes = Array(target.utf8)
        let prefilter = targetBytes.allSatisfy { $0 < 0x80 }
        if prefilter && keys == nil { keys = document.blocks.map { Self.letterKeyBytes($0.text) } }
        for (blockIndex, block) in document.blocks.enumerated() {
            if prefilter, ByteSearch.firstOffset(of: targetBytes, in: keys![blockIndex]) == nil { continue }
            if prefilter, Self.countPhrasesASCII(block.text, target: targetBytes, into: &counts) { continue }
            let tokens = block.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "’" || $0 == "'" || $0 == ":" })
            guard !tokens.isEmpty else { continue }
            for start in tokens.indices {
                var joined = ""
                for end in start..<min(tokens.count, start + 5) {
                    joined += DedupeStage.key(String(tokens[end]))
                    if joined == target {
                        let phrase = tokens[start...end].joined(separator: " ")
                        if phrase.first?.isUppercase == true { counts[phrase, default: 0] += 1 }
                        break
                    }
                    if !target.hasPrefix(joined) { break }
                }
            }
        }
        let best = counts.max { lhs, rhs in
            let lhsScore = lhs.value * 2 + (lhs.key.contains(" ") ? 1 : 0) - (lhs.key.contains(".") ? 2 : 0)
            let rhsScore = rhs.value * 2 + (rhs.key.contains(" ") ? 1 : 0) - (rhs.key.contains(".") ? 2 : 0)
            return lhsScore != rhsScore ? lhsScore < rhsScore : lhs.key > rhs.key
        }
        if let best, best.value >= 1, !best.key.contains(".") { return best.key }
        if name == name.lowercased() { return name.prefix(1).uppercased() + name.dropFirst() }
        return name
    }

    /// The token loop of `properCase` on bytes, for ASCII text and target (false for other text):
    /// the separators are single bytes, a token's key is its letters lowercased and its digits.
    static func countPhrasesASCII(_ text: String, target: [UInt8], into counts: inout [String: Int]) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        var tokens: [Range<Int>] = []
        var start: Int?
        for (offset, byte) in bytes.enumerated() {
            let separator = byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x27 || byte == 0x3A
            if separator {
                if let first = start { tokens.append(first..<offset); start = nil }
            } else if start == nil {
                start = offset
            }
        }
        if let first = start { tokens.append(first..<bytes.count) }
        var joined: [UInt8] = []
        for first in tokens.indices {
            joined.removeAll(keepingCapacity: true)
            for end in first..<min(tokens.count, first + 5) {
                for byte in bytes[tokens[end]] {
                    if byte >= 0x41 && byte <= 0x5A {
                        joined.append(byte + 0x20)
                    } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                        joined.append(byte)
                    }
                }
                if joined == target {
                    let head = bytes[tokens[first].lowerBound]
                    if head >= 0x41 && head <= 0x5A {
                        let phrase = tokens[first...end].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ")
                        counts[phrase, default: 0] += 1
                    }
                    break
                }
                if !target.starts(with: joined) { break }
            }
        }
        return true
    }

    /// `DedupeStage.key(text)` as bytes, made without decoding scalars when the text is ASCII.
    static func letterKeyBytes(_ text: String) -> [UInt8] {
        var ascii = true
        let bytes = [UInt8](unsafeUninitializedCapacity: text.utf8.count) { buffer, count in
            for byte in text.utf8 {
                if byte >= 0x80 { ascii = false; break }
                if byte >= 0x41 && byte <= 0x5A {
                    buffer[count] = byte + 0x20
                    count += 1
                } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    buffer[count] = byte
                    count += 1
                }
            }
        }
        return ascii ? bytes : Array(DedupeStage.key(text).utf8)
    }

    // MARK: date from the URL

    private mutating func tagDateFromURL() {
        guard meta.date == nil, let url = meta.url, let found = stage.dates.dateInURL(url), found.iso <= stage.latestDate else { return }
        meta.date = found.iso
        set("date", rule: "url-path")
    }

    /// A modification date is the last resort: the field wants the original publication.
    private mutating func tagModifiedDate() {
        guard meta.date == nil, let hint = modifiedHint, let date = normalizedDate(hint.value) else { return }
        meta.date = date
        set("date", rule: hint.origin)
    }
}
