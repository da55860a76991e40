import Foundation

/// One pass over the tree, collecting ranked candidates.
///
/// The walk keeps a stack of the open elements with what the readers ask about ancestors
/// (skipped region, page banner, which element holds which), so no reader climbs the tree;
/// text is built only for the few elements that can become candidates.
struct MarkupScan {
    struct Candidate {
        var hint: MarkupHint
        var rank: Int
    }

    /// An open element on the walk's path, with what holds for everything below it.
    struct Frame {
        let node: HTMLNode
        /// The element's place in document order: which element an earlier candidate came from.
        let serial: Int
        /// A `<footer>`, `<aside>` or `<nav>` is this element or holds it.
        let inSkippedTag: Bool
        /// Bit i: the element i levels up from this one (0: itself) has a skip class word.
        /// Class names only count on the nearest ancestors: some pages wrap everything in a "nav-header".
        var skipClassBits: UInt8
        /// An `<article>` or `<main>` is this element or holds it.
        let inArticle: Bool
        /// A `<nav>`, or a `<footer>`/`<aside>` no article holds, is this element or holds it: the
        /// article's own meta box or footer ("Von: <a class=author-name>…") still names its authors.
        let inSkippedTagForAuthors: Bool
        /// A `<header>` is this element or holds it.
        let inHeader: Bool
        /// A heading (`<h1>`–`<h6>`) is this element or holds it: its text is a headline, never a byline.
        let inHeading: Bool
        /// A `<figure>` or `<figcaption>` is this element or holds it: a date there dates the picture,
        /// an author there took it.
        let inFigure: Bool
        /// A microdata item of another text (a review, a comment, an answer) is this element or holds
        /// it: its `author` and `datePublished` are that text's.
        let inOtherItem: Bool
        /// An `<a>` is this element or holds it (whether it leads to another page is asked only of a
        /// date found inside: `inOtherPageLink`).
        var inLink = false

        /// Whether something below this element (text or element) is in a skipped region by its ancestors.
        var skipsBelow: Bool { inSkippedTag || skipClassBits & 0x1F != 0 }
        var skipsAuthorsBelow: Bool { inSkippedTagForAuthors || skipClassBits & 0x1F != 0 }
    }

    let vocabulary: MarkupVocabulary
    var candidates: [Candidate] = []
    var titleText: String?
    var siteNames: [String] = []
    /// Elements found by class name are only trusted near the top, and only a few of them.
    var dateClassCount = 0
    var authorClassCount = 0
    var timeCount = 0
    var seenHeadline = false
    var authorLinkCount = 0
    /// Author-page links above the headline, counted apart: a top bar's teasers must not use up the story's.
    var authorLinksAboveHeadline = 0
    /// The path of this page's own address (canonical link or `og:url`), once read.
    var pagePath: ArraySlice<UInt8>?
    /// The links `inOtherPageLink` judged (by their frame's serial) and its answers.
    var linkChecks: [Int: Bool] = [:]
    /// `article:author` values that are profile addresses (`profileKey`), with their meta key and rank.
    var authorProfiles: [(url: String, key: String, rank: Int)] = []
    var bylineCount = 0
    /// `twitter:labelN` / `twitter:dataN` pairs ("Verfasst von" / "Karoline Herr").
    var twitterLabels: [String: String] = [:]
    var twitterData: [String: String] = [:]
    /// The last author element read: its depth and serial (to tell whether a later one is inside it)
    /// and the index of its candidate.
    var lastAuthorElement: (depth: Int, serial: Int, index: Int)?
    /// Bytes of the text nodes read so far that show something (not white space alone).
    var textBytesRead = 0
    /// Where the last microdata and `rel=author` authors taken stood: later ones far from them are other texts'.
    var authorBoxes = AuthorBoxes()
    /// The last author element offered: its class, where its text ends (`textBytesRead`) and its candidate.
    var lastShownAuthor: ShownAuthor?
    var textAfterHeadlineCount = 0
    /// Bytes of text read after the headline: once the article's first paragraphs have passed,
    /// a dated line is the story's, not its dateline.
    var proseAfterHeadline = 0
    /// About five paragraphs. On the bench sets 1,500 to 5,000 bytes decide the same and 1,000 loses a
    /// page whose dateline sits under a long standfirst: the middle of the plateau, on the late side.
    static let datelineProseLimit = 3_000
    /// Text bytes under the headline that still belong to the article's header (byline, dateline,
    /// standfirst): a `<time>`'s own label, its shown clock and a comment item are judged by it.
    static let headerProseLimit = 400
    /// Whether the scan is still in the article's header: before the headline, or under it before
    /// `headerProseLimit` bytes of text.
    var inArticleHeader: Bool { proseAfterHeadline <= Self.headerProseLimit }
    /// Lines with digits read outside the article (the last resort for the date).
    var outsideCount = 0
    var textBeforeHeadline: [String] = []
    /// Texts of dated elements in the page's banner: the same text read as a visible line is demoted too.
    var bannerTexts: Set<String> = []
    /// The open elements from the root down to the parent of the node being read.
    var path: [Frame] = []
    var elementCount = 0

    init(vocabulary: MarkupVocabulary) {
        self.vocabulary = vocabulary
    }

    mutating func add(_ field: HintField, _ value: String, origin: HintOrigin, rank: Int, label: String? = nil) {
        let trimmed = Self.collapse(HTMLEntities.decode(value))
        // A Character is at least one byte: the count is needed only for long values.
        guard !trimmed.isEmpty, trimmed.utf8.count < 2000 || trimmed.count < 2000 else { return }
        candidates.append(Candidate(hint: MarkupHint(field: field, value: trimmed, origin: origin, label: label), rank: rank))
        // (A home page as the address names no story: a later `og:url` may still name it.)
        if field == .url, pagePath == nil {
            var address = trimmed
            if let path = address.withUTF8({ LinkTarget.path($0) }), !path.isEmpty { pagePath = path }
        }
    }

    /// An address without scheme, "www.", query, fragment or trailing slash, lowercased; a relative
    /// one keeps its leading "/". Nil for what is no web address.
    static func profileKey(_ raw: String) -> String? {
        if ASCIIText.isPlain(raw) { return MarkupBytes.profileKey(raw) }
        return profileKeyByStrings(raw)
    }

    /// `profileKey` on Strings: the rule the byte path stands for, and what other text takes.
    static func profileKeyByStrings(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let end = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<end]) }
        for scheme in ["https://", "http://", "//"] where text.hasPrefix(scheme) { text = String(text.dropFirst(scheme.count)); break }
        guard text.hasPrefix("/") || raw.lowercased().contains("://") || raw.hasPrefix("//") else { return nil }
        if text.hasPrefix("www.") { text = String(text.dropFirst(4)) }
        while text.hasSuffix("/") { text.removeLast() }
        return text.count > 2 ? text : nil
    }

    /// "Jane Doe", "Jean-Luc de la Tour": 2–5 words, the first and last capitalised, no digits
    /// (a link to a social profile often reads "Facebook" or "Follow us").
    static func readsAsFullName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), !text.contains(where: \.isNumber),
              words.first?.first?.isUppercase == true, words.last?.first?.isUppercase == true else { return false }
        return words.allSatisfy { $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" } }
    }

    /// Best first per field; equal ranks keep document order.
    func rankedHints() -> [MarkupHint] {
        var all = candidates
        let cleaner = TitleCleaner(separators: vocabulary.titleSeparators)
        // The markup's headlines carry the site's name as often as `<title>` does ("Headline -
        // BusinessWeek" in og:title beside og:site_name "BusinessWeek"); only the named part goes.
        if !siteNames.isEmpty {
            for index in all.indices where all[index].hint.field == .title {
                if let cut = cleaner.removingNamedSite(all[index].hint.value, siteNames: siteNames) { all[index].hint.value = cut }
            }
        }
        if let title = titleText {
            let cleaned = cleaner.removingSiteName(title, siteNames: siteNames)
            if !cleaned.isEmpty { all.append(Candidate(hint: MarkupHint(field: .title, value: cleaned, origin: .init(.titleElement)), rank: MarkupRank.titleElement)) }
            // "Headline - The Site": the part the cleaner took off names the site, after the markup's own names.
            if let site = cleaner.removedSuffix(of: Self.collapse(title), cleaned: cleaned) {
                all.append(Candidate(hint: MarkupHint(field: .outlet, value: site, origin: .init(.titleElement)), rank: MarkupRank.titleSuffixOutlet))
                // No markup names the site: the name `<title>` ends with, when the page's host spells it
                // (seznamzpravy.cz), is the one the markup's headlines repeat ("Headline - Seznam Zprávy"
                // in og:title too). Unspelt, the cut part may be the headline's own ("… - Generalsekretär tritt zurück").
                if siteNames.isEmpty, Self.hostSpells(site, url: all.first(where: { $0.hint.field == .url })?.hint.value) {
                    for index in all.indices where all[index].hint.field == .title && all[index].hint.origin.source != .titleElement {
                        if let cut = cleaner.removingNamedSite(all[index].hint.value, siteNames: [site]) { all[index].hint.value = cut }
                    }
                }
            }
            if let dated = cleaner.datedPart(of: title) {
                all.append(Candidate(hint: MarkupHint(field: .date, value: dated, origin: .init(.titleElement)), rank: MarkupRank.titleDate))
            }
        }
        if !bannerTexts.isEmpty {
            for index in all.indices where all[index].hint.field == .date && all[index].hint.origin.visibleText?.isPlacedLine == true
                && bannerTexts.contains(all[index].hint.value) {
                all[index].rank = MarkupRank.pageHeaderDate
            }
        }
        return all.enumerated().sorted { lhs, rhs in
            lhs.element.rank != rhs.element.rank ? lhs.element.rank < rhs.element.rank : lhs.offset < rhs.offset
        }.map(\.element.hint)
    }

    mutating func read(_ root: HTMLNode) {
        if let lang = root.attribute("lang") ?? root.attribute("xml:lang") {
            add(.language, lang, origin: .init(.htmlLang), rank: MarkupRank.htmlLang)
        }
        // Depth-first in document order, as `forEachDescendant`, with the path kept on the way.
        path = [frame(for: root, tag: root.tag, flags: ElementMarks(root, table: vocabulary.classWordTable).flags, parent: nil)]
        var next = root.firstChild
        while true {
            guard let node = next else {
                let finished = path.removeLast()
                guard !path.isEmpty else { break }
                next = finished.node.nextSibling
                continue
            }
            if let opened = visit(node), let child = node.firstChild {
                path.append(opened)
                next = child
            } else {
                next = node.nextSibling
            }
        }
        path = []
        if seenHeadline {
            for text in textBeforeHeadline.suffix(20).reversed() {
                add(.date, text, origin: .init(.visibleText(.textBeforeHeadline)), rank: MarkupRank.textBeforeHeadline)
            }
        } else {
            // No headline element: the page is read from the top.
            for text in textBeforeHeadline.prefix(40) {
                add(.date, text, origin: .init(.visibleText(.text)), rank: MarkupRank.textAfterHeadline)
            }
        }
    }

    /// Reads one node; returns the element's frame when its children are to be read too.
    private mutating func visit(_ node: HTMLNode) -> Frame? {
        guard node.isElement else {
            if node.isText { readText(node) }
            return nil
        }
        let tag = node.tag
        switch tag {
        case .title:
            if titleText == nil { titleText = node.textContent }
            return nil
        case .script:
            if let type = node.attribute("type"), MarkupBytes.isJSONLDType(type) {
                var reader = JSONLDReader(vocabulary: vocabulary)
                reader.read(node.textContent)
                for candidate in reader.candidates { candidates.append(candidate) }
                siteNames += reader.siteNames
            }
            return nil
        case .style, .noscript, .template, .svg:
            return nil
        case .other:
            if node.hasName("meta") {
                // (A `<meta itemprop>` inside a review or a comment is that text's, as its other elements are.)
                if path.last?.inOtherItem != true { readMeta(MetaAttributes(node)) }
                return nil
            }
            if node.hasName("link") {
                readLink(node)
                return nil
            }
        default:
            break
        }
        let parent = path[path.count - 1]
        let marks = ElementMarks(node, table: vocabulary.classWordTable)
        let flags = marks.flags
        let skipped = Self.isSkippedTag(tag) || flags.skip || parent.skipsBelow
        let authorSkipped = Self.isSkippedTagForAuthors(tag, parent: parent) || flags.skip || parent.skipsAuthorsBelow
        elementCount += 1
        // Read once: the itemprop reader and the other-item test both need it.
        let itemprop = marks.hasItemprop ? node.attribute("itemprop")?.lowercased() : nil
        if tag == .h1 && !seenHeadline {
            // A layout's or page builder's wrappers ("st-sidebar__main", "widget") may hold the story
            // itself: an `<h1>` only class words skip is the headline when it says what `<title>` says,
            // and those wrappers then skip nothing below them.
            let classSkipOnly = skipped && !Self.isSkippedTag(tag) && !parent.inSkippedTag
            if !skipped || classSkipOnly && Self.saysTitle(node, titleText) {
                if skipped { liftSkipsHoldingHeadline() }
                seenHeadline = true
                add(.date, node.textContent, origin: .init(.visibleText(.headlineText)), rank: MarkupRank.headlineText)
            }
            readElement(node, tag: tag, flags: flags, skipped: skipped, authorSkipped: authorSkipped, parent: parent, itemprop: itemprop)
            return nil
        }
        // What a review's or a comment's microdata says is that text's, not the page's.
        if parent.inOtherItem { return frame(for: node, tag: tag, flags: flags, parent: parent) }
        if marks.hasContent { readMeta(MetaAttributes(node)) }
        readElement(node, tag: tag, flags: flags, skipped: skipped, authorSkipped: authorSkipped, parent: parent, itemprop: itemprop)
        // After the article's header, a `Review`, `Comment` or `Answer` item is a reader's text, whatever holds it,
        // and an article's item (`NewsArticle`) is another story's: a teaser's or the next one's.
        // (Past the header only: a review page's own `Review` item opens under its headline.)
        let otherType = seenHeadline && !inArticleHeader && marks.hasItemtype
            && node.attribute("itemtype").map { Self.isOtherItemType($0) || isOtherStory(node, itemtype: $0) } == true
        return frame(for: node, tag: tag, flags: flags, parent: parent,
                     opensOtherItem: otherType || itemprop.map(Self.opensOtherItem) ?? false)
    }

    private func frame(for node: HTMLNode, tag: HTMLTag, flags: ClassFlags, parent: Frame?, opensOtherItem: Bool = false) -> Frame {
        // `<main>` is the page's own content wherever it stands: inside a `<nav>` or `<aside>` it is
        // there only because an element before it was left open (a flyout's unclosed `<aside>`).
        let outer = tag == .main ? nil : parent
        return Frame(node: node, serial: elementCount,
                     inSkippedTag: Self.isSkippedTag(tag) || outer?.inSkippedTag == true,
                     skipClassBits: ((outer?.skipClassBits ?? 0) << 1 | (flags.skip ? 1 : 0)) & 0x1F,
                     inArticle: tag == .article || tag == .main || parent?.inArticle == true,
                     inSkippedTagForAuthors: Self.isSkippedTagForAuthors(tag, parent: outer) || outer?.inSkippedTagForAuthors == true,
                     inHeader: tag == .header || parent?.inHeader == true,
                     inHeading: tag.headingLevel > 0 || parent?.inHeading == true,
                     inFigure: tag == .figure || tag == .figcaption || parent?.inFigure == true,
                     inOtherItem: opensOtherItem || parent?.inOtherItem == true,
                     inLink: parent?.inLink == true || tag == .a)
    }

    /// Whether a link holding the current element leads to another page than this one: a `<time>`
    /// or a dated line there dates the linked story (a teaser's), not this page. Every enclosing
    /// link counts (libxml2 keeps `<a><div><a>` nested).
    var inOtherPageLink: Bool {
        mutating get {
            guard path.last?.inLink == true else { return false }
            for frame in path.reversed() {
                // Above the outermost link no frame holds one.
                guard frame.inLink else { break }
                guard frame.node.tag == .a else { continue }
                // The texts of one link ask in turn: each link's answer is kept by its frame's serial.
                let other = linkChecks[frame.serial] ?? linksToOtherPage(frame.node)
                linkChecks[frame.serial] = other
                if other { return true }
            }
            return false
        }
    }

    /// Whether the link's target is another page than the one the canonical link or `og:url`
    /// names (compared by path; unknown without either, or for a relative path without "/").
    func linksToOtherPage(_ node: HTMLNode) -> Bool {
        guard let page = pagePath else { return false }
        var elsewhere = false
        node.forEachAttribute { name, value in
            guard MarkupBytes.equals(name, "href") else { return true }
            elsewhere = LinkTarget.leadsElsewhere(value, page: page, authorSegments: vocabulary.authorPathSegmentBytes)
            return false
        }
        return elsewhere
    }

    /// Inside a `<header>` that no `<article>` or `<main>` holds: the site's banner, not the article's head.
    private var isInPageBanner: Bool {
        let parent = path[path.count - 1]
        return parent.inHeader && !parent.inArticle
    }

    /// Short visible text with digits, in reading order: where the page shows its date when no markup names it.
    /// Text after the headline comes first; text above it (nearest first) after that.
    private mutating func readText(_ node: HTMLNode) {
        var hasDigit = false
        var length = 0
        var shows = false
        var dateline: String?
        let headLimit = 48
        node.withContent { bytes in
            length = bytes.count
            shows = bytes.contains { $0 > 0x20 }
            if length > 240 {
                // A paragraph that opens with its dateline: "Karlsruhe, (12.11.2021). Traditionell …".
                guard seenHeadline, textAfterHeadlineCount < 40,
                      bytes.prefix(headLimit).contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
                dateline = String(decoding: bytes.prefix(headLimit), as: UTF8.self)
            } else {
                hasDigit = MarkupBytes.containsDigit(bytes)
            }
        }
        let skipped = path[path.count - 1].skipsBelow
        let placed: HintOrigin = .init(.visibleText(proseAfterHeadline > Self.datelineProseLimit ? .textInBody : .textAfterHeadline))
        // Counted only up to the limit: past it every later line is deep in the story anyway.
        if shows { textBytesRead += length }
        if seenHeadline, !skipped, length > 0, proseAfterHeadline <= Self.datelineProseLimit, shows { proseAfterHeadline += length }
        // "© Kurt-Walter Wessolek, 31.05.2013" under a photo dates the photo, not the page; a date in
        // a link to another page dates that page.
        if path[path.count - 1].inFigure { return }
        // (`inOtherPageLink` is asked last, of a text about to become a hint: few nodes get that far.)
        if let dateline {
            guard !skipped, !inOtherPageLink else { return }
            textAfterHeadlineCount += 1
            add(.date, dateline, origin: placed, rank: MarkupRank.textAfterHeadline)
            return
        }
        if skipped {
            // Outside the article: kept as the last resort for a page that shows its date nowhere else.
            guard hasDigit, length <= 160, outsideCount < 20 else { return }
            let text = MarkupScan.collapse(node.content)
            guard Self.characterCount(text) <= 120, !inOtherPageLink else { return }
            outsideCount += 1
            add(.outsideDate, text, origin: .init(.visibleText(.outsideArticle)), rank: MarkupRank.outsideArticle)
            return
        }
        guard hasDigit, length <= 240,
              seenHeadline ? textAfterHeadlineCount < 40 : textBeforeHeadline.count < 400 else { return }
        var text = MarkupScan.collapse(node.content)
        var count = Self.characterCount(text)
        if count > 120, seenHeadline {
            // Too long for a date line: only its opening can be a dateline.
            text = String(text.prefix(headLimit))
            count = text.count
        }
        guard count >= 4, count <= 120, !inOtherPageLink else { return }
        if seenHeadline {
            textAfterHeadlineCount += 1
            add(.date, text, origin: placed, rank: MarkupRank.textAfterHeadline)
        } else {
            textBeforeHeadline.append(text)
        }
    }

    /// A `<meta>` (or any element with a `content`): its name, property, itemprop or http-equiv
    /// names the field, `content` holds the value.
    private mutating func readMeta(_ meta: MetaAttributes) {
        guard let content = meta.content else { return }
        if let name = (meta.name ?? meta.property)?.lowercased(), name.hasPrefix("twitter:") {
            if name.hasPrefix("twitter:label") { twitterLabels[String(name.dropFirst(13))] = content.lowercased() }
            if name.hasPrefix("twitter:data") {
                let number = String(name.dropFirst(12))
                twitterData[number] = content
                if let label = twitterLabels[number], vocabulary.authorMetaLabels.contains(label.trimmingCharacters(in: .whitespaces)) {
                    add(.author, content, origin: .init(.meta("twitter:data")), rank: MarkupRank.twitterLabel)
                }
            }
        }
        if let name = meta.name, name.count == ParselyPage.metaName.count, name.lowercased() == ParselyPage.metaName {
            for (key, value) in ParselyPage.values(content) {
                guard let entry = vocabulary.metaByKey[key] else { continue }
                // Tags come as a list, or as one string of them ("[Breaking News, World News]").
                let items = entry.field == .tag ? value.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " []"))
                } : [value]
                for item in items where !item.isEmpty {
                    add(entry.field, item, origin: .init(.meta(ParselyPage.metaName)), rank: entry.rank)
                }
            }
            return
        }
        for raw in [meta.property, meta.name, meta.itemprop, meta.httpEquiv] {
            guard let raw, !raw.isEmpty else { continue }
            let key = Self.metaKey(raw)
            guard let entry = vocabulary.metaByKey[key] else { continue }
            if entry.field == .tag && !key.hasPrefix("article:") {
                // Keyword lists come as one comma-separated value.
                for item in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    add(.tag, String(item), origin: .init(.meta(key)), rank: entry.rank)
                }
            } else {
                add(entry.field, content, origin: .init(.meta(key)), rank: entry.rank)
            }
            // `article:author` as a profile address: the page's link to it shows the name.
            if entry.field == .author, authorProfiles.count < 4, let profile = Self.profileKey(content), !profile.hasPrefix("/") {
                authorProfiles.append((profile, key, entry.rank))
            }
            if entry.field == .outlet { siteNames.append(Self.collapse(content)) }
            return
        }
    }

    /// `schema:datePublished` (RDFa) → `datepublished`; `DC:date` → `dc.date`.
    static func metaKey(_ raw: String) -> String {
        var key = MarkupBytes.isASCII(raw) ? MarkupBytes.lowercasedTrimmingSpaces(raw) : raw.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in Self.schemaPrefixes where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        for prefix in Self.dublinCorePrefixes where key.hasPrefix(prefix) {
            key = String(prefix.dropLast()) + "." + key.dropFirst(prefix.count)
        }
        return key
    }

    private static let schemaPrefixes = ["schema:", "http://schema.org/", "https://schema.org/"]
    private static let dublinCorePrefixes = ["dc:", "dcterms:"]

    private mutating func readLink(_ node: HTMLNode) {
        guard let rel = node.attribute("rel"), let href = node.attribute("href") else { return }
        if MarkupBytes.lowercased(rel, hasToken: "canonical"), href.hasPrefix("http") {
            add(.url, href, origin: .init(.canonicalLink), rank: MarkupRank.canonicalLink)
        }
    }

    /// Microdata, `<time>`, `rel=author` and class names that mark a byline or a date.
    /// `skipped`: the element is in a skipped region; `parent`: the frame of the element holding it.
    private mutating func readElement(_ node: HTMLNode, tag: HTMLTag, flags: ClassFlags, skipped: Bool, authorSkipped: Bool, parent: Frame,
                                      itemprop: String?) {
        if let itemprop {
            readItemprop(itemprop, node, skipped: skipped)
        }
        if tag == .a, let rel = node.attribute("rel"), MarkupBytes.lowercased(rel, hasToken: "author") {
            if !skipped || inClassSkippedHeader, let text = Self.shortLineText(node), nearLastAuthor(\.relAuthor) {
                add(.author, text, origin: .init(.relAuthor), rank: MarkupRank.relAuthor)
            }
        }
        // Under the headline, the article's own meta column (an `<aside>` inside the `<article>`, skipped
        // by its tag alone, no class word) holds its dateline.
        let inArticlesMetaColumn = skipped && !authorSkipped && seenHeadline && inArticleHeader
        if tag == .time, timeCount < 8, !skipped || inArticlesMetaColumn, !inOtherPageLink {
            timeCount += 1
            let attribute = node.attribute("datetime")
            let value = attribute ?? node.textContent
            // Only the header's `<time>` texts: a teaser's further down is no dateline.
            let shown = attribute == nil || !inArticleHeader ? nil : Self.shortLineText(node)
            if let shown {
                add(.shownTime, shown, origin: .init(.timeElement(published: false)), rank: MarkupRank.timeElement)
            }
            // A bare `<time>` takes its role from the element holding it (`<span class="dateline__updated"><time …>`).
            var role = Self.dateRole(classWords(node))
            // Microdata names it too, where the class does not (`itemprop="dateUpdated"`, a name schema.org lacks).
            if !role.published, !role.modified, let itemprop {
                role = (itemprop.contains("publi"), itemprop.contains("updat") || itemprop.contains("modif"))
            }
            if !role.published, !role.modified { role = Self.dateRole(classWords(parent.node)) }
            let published = node.attribute("pubdate") != nil || role.published
            // WordPress prints `class="entry-date published updated"` on the one `<time>` of a post never
            // updated (an updated post gets a second `<time class="updated">`): both words, the publication.
            let modified = role.modified && !role.published
            // Without a class that says it, the words printed before the element may ("Aktualizacja:"),
            // or the element's own text ("Updated Nov 19, 9:41 AM", "Posted Nov 18, 8:19 PM").
            let label = published || modified ? nil : Self.labelBefore(node) ?? shown
            if modified {
                add(.modified, value, origin: .init(.timeElement(published: false)), rank: MarkupRank.timeElement)
            } else if !seenHeadline, isInPageBanner {
                bannerTexts.insert(Self.collapse(node.textContent))
                add(.date, value, origin: .init(.visibleText(.pageHeader)), rank: MarkupRank.pageHeaderDate)
            } else {
                add(.date, value, origin: .init(.timeElement(published: published)),
                    rank: published ? MarkupRank.publishedTimeElement : MarkupRank.timeElement, label: label)
            }
        }
        if tag == .a { readAuthorLink(node, skipped: skipped, authorSkipped: authorSkipped) }
        // A teaser's headline "Von Hexen, Henkern und Vampiren …" starts like a byline but is a heading.
        // (The element's own frame is made after this read: its tag is checked here, its parents by the flag.)
        if seenHeadline, bylineCount < 60, !skipped, !parent.inHeading, tag.headingLevel == 0, let first = node.firstChild, first.isText {
            // "Posted by Konstantin", "von Andreas Kürten": the stage keeps lines that start with a byline label.
            let starts = first.withContent { bytes in
                let head = bytes.prefix(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
                return bytes.count - head.count >= 2 && bytes.count < 200
            }
            if starts, Self.shortLineText(node) != nil {
                bylineCount += 1
                let text = vocabulary.authorText.shownText(of: node, dateParts: vocabulary.dateClassWords)
                add(.byline, text, origin: .init(.visibleText(.bylineText)), rank: MarkupRank.bylineText)
            }
        }
        // An `<address>` in the article's header gives its author's contact (HTML's own meaning): the byline.
        // (Further down, in a footer, it is the publisher's postal address.)
        let bylineAddress = tag == .address && seenHeadline && inArticleHeader
        guard tag != .time, tag != .html, tag != .body, flags.author || flags.date || bylineAddress, !authorSkipped else { return }
        if flags.author || bylineAddress { readAuthorElement(node, tag: tag) }
        if dateClassCount < 6, flags.date, !skipped || inArticlesMetaColumn, !inOtherPageLink {
            let text = node.attribute("datetime") ?? node.attribute("content")
                ?? node.attribute("title").flatMap { $0.contains(where: \.isNumber) ? $0 : nil }
                ?? (node.textBytes(upTo: 800) > 800 ? "" : node.textContent)
            if Self.collapse(text).count <= 80, text.contains(where: \.isNumber) {
                dateClassCount += 1
                if !seenHeadline, isInPageBanner {
                    bannerTexts.insert(Self.collapse(node.textContent))
                    add(.date, text, origin: .init(.visibleText(.pageHeader)), rank: MarkupRank.pageHeaderDate)
                } else {
                    // Under the headline, an element whose class says publication ("ArticlePage-datePublished")
                    // is the page's dateline, as a `<time>` so classed is; a teaser's further down is not.
                    let role = seenHeadline && inArticleHeader ? Self.dateRole(AuthorElementText.classParts(of: node) ?? []) : (published: false, modified: false)
                    add(.date, text, origin: .init(.visibleText(.dateClass)),
                        rank: role.published && !role.modified ? MarkupRank.publishedTimeElement : MarkupRank.dateClassElement)
                }
            }
        }
    }

    private mutating func readItemprop(_ itemprop: String, _ node: HTMLNode, skipped: Bool) {
        func value() -> String { node.attribute("content") ?? node.attribute("datetime") ?? node.textContent }
        for property in itemprop.split(separator: " ") {
            switch property {
            case "datepublished":
                add(.date, value(), origin: .init(.microdata("datePublished")), rank: MarkupRank.microdata)
            case "datecreated":
                add(.date, value(), origin: .init(.microdata("dateCreated")), rank: MarkupRank.pageJSONLD)
            case "datemodified":
                add(.modified, value(), origin: .init(.microdata("dateModified")), rank: MarkupRank.microdata)
            case "author", "creator":
                // In a `<figure>` or `<figcaption>` the item is the picture: its author took the photo.
                guard !skipped, node.tag != .figure, node.tag != .figcaption, path.last?.inFigure != true else { continue }
                var nameNode: HTMLNode?
                node.forEachDescendant { child in
                    guard nameNode == nil else { return false }
                    if child.isElement, child.attribute("itemprop")?.lowercased() == "name" { nameNode = child }
                    return true
                }
                var text = nameNode.map { $0.attribute("content") ?? $0.textContent } ?? node.attribute("content") ?? node.textContent
                // One name element holding several people, each their own link: a list.
                if nameNode?.attribute("content") == nil, let people = Self.linkedNames(in: nameNode ?? node, text: text) {
                    text = people.joined(separator: ", ")
                }
                if Self.isShortLine(text), nearLastAuthor(\.microdata) {
                    add(.author, text, origin: .init(.microdata("author")), rank: MarkupRank.itempropAuthor)
                }
            case "headline":
                add(.title, value(), origin: .init(.microdata("headline")), rank: MarkupRank.microdata + 8)
            default:
                break
            }
        }
    }

    /// What one pass over an element's attributes tells: its class and id flags (from the value
    /// bytes, no String made), and whether it has a `content` or `itemprop` to read.
    /// Each name counts once, as `attribute(_:)` finds only the first.
    struct ElementMarks {
        var flags = ClassFlags()
        var hasContent = false
        var hasItemprop = false
        var hasItemtype = false

        init(_ node: HTMLNode, table: ClassWordTable) {
            var seenClass = false, seenID = false
            node.forEachAttribute { name, value in
                switch name.count {
                case 2 where !seenID && name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d"):
                    seenID = true
                    flags.formUnion(table.flags(of: value))
                case 5 where !seenClass && MarkupBytes.equals(name, "class"):
                    seenClass = true
                    flags.formUnion(table.flags(of: value))
                case 7 where !hasContent && MarkupBytes.equals(name, "content"):
                    hasContent = true
                case 8 where !hasItemprop && MarkupBytes.equals(name, "itemprop"):
                    hasItemprop = true
                case 8 where !hasItemtype && MarkupBytes.equals(name, "itemtype"):
                    hasItemtype = true
                default:
                    break
                }
                return true
            }
        }
    }
}
