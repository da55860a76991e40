import CLibXML2
import Foundation

/// One pass over the tree, collecting ranked candidates.
struct MarkupScan {
    struct Candidate {
        var hint: MarkupHint
        var rank: Int
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
    var bylineCount = 0
    /// `twitter:labelN` / `twitter:dataN` pairs ("Verfasst von" / "Karoline Herr").
    var twitterLabels: [String: String] = [:]
    var twitterData: [String: String] = [:]
    var lastAuthorElement: (node: HTMLNode, index: Int)?
    var textAfterHeadlineCount = 0
    var textBeforeHeadline: [String] = []
    /// Texts of dated elements in the page's banner: the same text read as a visible line is demoted too.
    var bannerTexts: Set<String> = []
    /// Per-element skip verdicts for this tree (a reference: the scan's helpers are non-mutating).
    let skipMemo = SkipMemo()

    final class SkipMemo {
        var verdicts: [Int: Bool] = [:]
        var classFlags: [UInt64: ClassFlags] = [:]
    }

    struct ClassFlags {
        var author = false
        var date = false
        var skip = false
    }

    init(vocabulary: MarkupVocabulary) {
        self.vocabulary = vocabulary
    }

    mutating func add(_ field: String, _ value: String, origin: String, rank: Int) {
        let trimmed = Self.collapse(HTMLEntities.decode(value))
        guard !trimmed.isEmpty, trimmed.count < 2000 else { return }
        candidates.append(Candidate(hint: MarkupHint(field: field, value: trimmed, origin: origin), rank: rank))
    }

    /// Best first per field; equal ranks keep document order.
    func rankedHints() -> [MarkupHint] {
        var all = candidates
        if let title = titleText {
            let cleaned = TitleCleaner(separators: vocabulary.titleSeparators, siteNames: siteNames).clean(title)
            all.append(Candidate(hint: MarkupHint(field: "title", value: cleaned, origin: "title"), rank: MarkupRank.titleElement))
        }
        if !bannerTexts.isEmpty {
            for index in all.indices where all[index].hint.field == "date" && all[index].hint.origin.hasPrefix("html:text")
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
            add("language", lang, origin: "html[lang]", rank: MarkupRank.htmlLang)
        }
        root.forEachDescendant { node in
            guard node.isElement else {
                if node.isText { readText(node) }
                return false
            }
            switch node.tag {
            case .title:
                if titleText == nil { titleText = node.textContent }
                return false
            case .script:
                if let type = node.attribute("type")?.lowercased(), type.contains("ld+json") {
                    var reader = JSONLDReader(vocabulary: vocabulary)
                    reader.read(node.textContent)
                    for candidate in reader.candidates { candidates.append(candidate) }
                    siteNames += reader.siteNames
                }
                return false
            case .style, .noscript, .template, .svg:
                return false
            case .other where node.name == "meta":
                readMeta(node)
                return false
            case .other where node.name == "link":
                readLink(node)
                return false
            case .h1 where !seenHeadline:
                if !isInSkippedRegion(node) {
                    seenHeadline = true
                    add("date", node.textContent, origin: "html:headline-text", rank: MarkupRank.headlineText)
                }
                readElement(node)
                return false
            default:
                if node.attribute("content") != nil { readMeta(node) }
                readElement(node)
                return true
            }
        }
        if seenHeadline {
            for text in textBeforeHeadline.suffix(20).reversed() {
                add("date", text, origin: "html:text-before-headline", rank: MarkupRank.textBeforeHeadline)
            }
        } else {
            // No headline element: the page is read from the top.
            for text in textBeforeHeadline.prefix(40) {
                add("date", text, origin: "html:text", rank: MarkupRank.textAfterHeadline)
            }
        }
    }

    /// Short visible text with digits, in reading order: where the page shows its date when no markup names it.
    /// Text after the headline comes first; text above it (nearest first) after that.
    private mutating func readText(_ node: HTMLNode) {
        var hasDigit = false
        var length = 0
        var dateline: String?
        let headLimit = 48
        node.withContent { bytes in
            length = bytes.count
            if length > 240 {
                // A paragraph that opens with its dateline: "Karlsruhe, (12.11.2021). Traditionell …".
                guard seenHeadline, textAfterHeadlineCount < 40,
                      bytes.prefix(headLimit).contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
                dateline = String(decoding: bytes.prefix(headLimit), as: UTF8.self)
            } else {
                hasDigit = bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
            }
        }
        if let dateline {
            guard !isInSkippedRegion(node) else { return }
            textAfterHeadlineCount += 1
            add("date", dateline, origin: "html:text-after-headline", rank: MarkupRank.textAfterHeadline)
            return
        }
        guard hasDigit, length <= 240 else { return }
        var text = MarkupScan.collapse(node.content)
        if text.count > 120, seenHeadline {
            // Too long for a date line: only its opening can be a dateline.
            text = String(text.prefix(headLimit))
        }
        guard text.count >= 4, text.count <= 120 else { return }
        if seenHeadline {
            guard textAfterHeadlineCount < 40, !isInSkippedRegion(node) else { return }
            textAfterHeadlineCount += 1
            add("date", text, origin: "html:text-after-headline", rank: MarkupRank.textAfterHeadline)
        } else if !isInSkippedRegion(node) {
            if textBeforeHeadline.count < 400 { textBeforeHeadline.append(text) }
        }
    }

    private mutating func readMeta(_ node: HTMLNode) {
        guard let content = node.attribute("content") else { return }
        if let name = (node.attribute("name") ?? node.attribute("property"))?.lowercased(), name.hasPrefix("twitter:") {
            if name.hasPrefix("twitter:label") { twitterLabels[String(name.dropFirst(13))] = content.lowercased() }
            if name.hasPrefix("twitter:data") {
                let number = String(name.dropFirst(12))
                twitterData[number] = content
                if let label = twitterLabels[number], vocabulary.authorMetaLabels.contains(label.trimmingCharacters(in: .whitespaces)) {
                    add("author", content, origin: "meta:twitter:data", rank: MarkupRank.twitterLabel)
                }
            }
        }
        for attribute in ["property", "name", "itemprop", "http-equiv"] {
            guard let raw = node.attribute(attribute), !raw.isEmpty else { continue }
            let key = Self.metaKey(raw)
            guard let entry = vocabulary.metaByKey[key] else { continue }
            if entry.field == "tag" && !key.hasPrefix("article:") {
                // Keyword lists come as one comma-separated value.
                for item in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    add("tag", String(item), origin: "meta:\(key)", rank: entry.rank)
                }
            } else {
                add(entry.field, content, origin: "meta:\(key)", rank: entry.rank)
            }
            if entry.field == "outlet" { siteNames.append(Self.collapse(content)) }
            return
        }
    }

    /// `schema:datePublished` (RDFa) → `datepublished`; `DC:date` → `dc.date`.
    static func metaKey(_ raw: String) -> String {
        var key = raw.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["schema:", "http://schema.org/", "https://schema.org/"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        for prefix in ["dc:", "dcterms:"] where key.hasPrefix(prefix) {
            key = String(prefix.dropLast()) + "." + key.dropFirst(prefix.count)
        }
        return key
    }

    private mutating func readLink(_ node: HTMLNode) {
        guard let rel = node.attribute("rel")?.lowercased(), let href = node.attribute("href") else { return }
        if rel.split(separator: " ").contains("canonical"), href.hasPrefix("http") {
            add("url", href, origin: "link[rel=canonical]", rank: MarkupRank.canonicalLink)
        }
    }

    /// Microdata, `<time>`, `rel=author` and class names that mark a byline or a date.
    private mutating func readElement(_ node: HTMLNode) {
        if let itemprop = node.attribute("itemprop")?.lowercased() {
            readItemprop(itemprop, node)
        }
        if node.tag == .a, let rel = node.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("author") {
            let text = node.textBytes(upTo: 1200) > 1200 ? "" : node.spacedText
            if Self.isShortLine(text), !isInSkippedRegion(node) {
                add("author", text, origin: "a[rel=author]", rank: MarkupRank.relAuthor)
            }
        }
        if node.tag == .time, timeCount < 8, !isInSkippedRegion(node) {
            timeCount += 1
            let value = node.attribute("datetime") ?? node.textContent
            let words = classWords(node)
            let published = node.attribute("pubdate") != nil || words.contains { $0.hasPrefix("publi") || $0 == "pubdate" || $0 == "posted" }
            let modified = words.contains { $0.hasPrefix("update") || $0.hasPrefix("modif") }
            if modified {
                add("modified", value, origin: "time[datetime]", rank: MarkupRank.timeElement)
            } else if !seenHeadline, isInPageBanner(node) {
                bannerTexts.insert(Self.collapse(node.textContent))
                add("date", value, origin: "html:page-header", rank: MarkupRank.pageHeaderDate)
            } else {
                add("date", value, origin: published ? "time[pubdate]" : "time[datetime]",
                    rank: published ? MarkupRank.publishedTimeElement : MarkupRank.timeElement)
            }
        }
        if node.tag == .a, authorLinkCount < 3, let href = node.attribute("href"),
           Self.hasPathSegment(href, in: vocabulary.authorPathSegmentBytes) {
            let text = node.textBytes(upTo: 1200) > 1200 ? "" : node.spacedText
            if Self.isShortLine(text), !isInSkippedRegion(node) {
                authorLinkCount += 1
                add("author", text, origin: "html:author-link", rank: MarkupRank.authorLink)
            }
        }
        if seenHeadline, bylineCount < 60, let first = node.firstChild, first.isText {
            // "Posted by Konstantin", "von Andreas Kürten": the stage keeps lines that start with a byline label.
            var starts = false
            first.withContent { bytes in
                let head = bytes.prefix(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
                starts = bytes.count - head.count >= 2 && bytes.count < 200
            }
            if starts {
                let text = node.textBytes(upTo: 1200) > 1200 ? "" : node.spacedText
                if Self.isShortLine(text), !isInSkippedRegion(node) {
                    bylineCount += 1
                    add("byline", text, origin: "html:byline-text", rank: MarkupRank.bylineText)
                }
            }
        }
        guard node.tag != .time, node.tag != .html, node.tag != .body else { return }
        let flags = classFlags(node)
        guard flags.author || flags.date else { return }
        if authorClassCount < 6, flags.author {
            let text = node.textBytes(upTo: 1200) > 1200 ? "" : node.spacedText
            if Self.isShortLine(text), !isInSkippedRegion(node) {
                authorClassCount += 1
                let count = candidates.count
                add("author", text, origin: "html:author-class", rank: MarkupRank.authorClassElement)
                // An author element inside the previous one ("Von <span class=author>X</span>, 18. Oktober")
                // is the tighter value: offer it first.
                if candidates.count > count, let outer = lastAuthorElement, node.isDescendant(of: outer.node) {
                    candidates.insert(candidates.removeLast(), at: outer.index)
                } else if candidates.count > count {
                    lastAuthorElement = (node, count)
                }
            }
        }
        if dateClassCount < 6, flags.date {
            let text = node.attribute("datetime") ?? node.attribute("content")
                ?? node.attribute("title").flatMap { $0.contains(where: \.isNumber) ? $0 : nil }
                ?? (node.textBytes(upTo: 800) > 800 ? "" : node.textContent)
            if Self.collapse(text).count <= 80, text.contains(where: \.isNumber), !isInSkippedRegion(node) {
                dateClassCount += 1
                if !seenHeadline, isInPageBanner(node) {
                    bannerTexts.insert(Self.collapse(node.textContent))
                    add("date", text, origin: "html:page-header", rank: MarkupRank.pageHeaderDate)
                } else {
                    add("date", text, origin: "html:date-class", rank: MarkupRank.dateClassElement)
                }
            }
        }
    }

    private mutating func readItemprop(_ itemprop: String, _ node: HTMLNode) {
        func value() -> String { node.attribute("content") ?? node.attribute("datetime") ?? node.textContent }
        for property in itemprop.split(separator: " ") {
            switch property {
            case "datepublished":
                add("date", value(), origin: "itemprop=datePublished", rank: MarkupRank.microdata)
            case "datecreated":
                add("date", value(), origin: "itemprop=dateCreated", rank: MarkupRank.pageJSONLD)
            case "datemodified":
                add("modified", value(), origin: "itemprop=dateModified", rank: MarkupRank.microdata)
            case "author", "creator":
                guard !isInSkippedRegion(node) else { continue }
                var name: String?
                node.forEachDescendant { child in
                    guard name == nil else { return false }
                    if child.isElement, child.attribute("itemprop")?.lowercased() == "name" {
                        name = child.attribute("content") ?? child.textContent
                    }
                    return true
                }
                let text = name ?? node.attribute("content") ?? node.textContent
                if Self.isShortLine(text) { add("author", text, origin: "itemprop=author", rank: MarkupRank.itempropAuthor) }
            case "headline":
                add("title", value(), origin: "itemprop=headline", rank: MarkupRank.microdata + 8)
            default:
                break
            }
        }
    }

    /// Lowercased words of the class and id: `post-meta__date` → post, meta, date.
    /// Byte-level: it runs for every element of every page.
    private func classWords(_ node: HTMLNode) -> [String] {
        var words: [String] = []
        node.forEachAttribute { name, value in
            if Self.isClassOrID(name) { words += Self.words(value) }
            return true
        }
        return words
    }

    /// Whether an attribute name is `class` or `id`, compared on bytes.
    static func isClassOrID(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.elementsEqual("class".utf8) || name.elementsEqual("id".utf8)
    }

    /// What an element's class and id words say (author, date, skipped region), worked out once
    /// per distinct class/id value: pages repeat the same few hundred class lists thousands of times.
    private func classFlags(_ node: HTMLNode) -> ClassFlags {
        // The class and the id are looked up apart: class lists repeat across a page and hit the
        // cache, ids are mostly unique but short. Keys are FNV-1a hashes of the bytes, no Strings.
        var flags = ClassFlags()
        node.forEachAttribute { name, content in
            guard Self.isClassOrID(name) else { return true }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in content {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            let value: ClassFlags
            if let known = skipMemo.classFlags[hash] {
                value = known
            } else {
                let words = Self.words(content)
                value = ClassFlags(author: words.contains(where: { vocabulary.authorClassWords.contains($0) }),
                                   date: words.contains(where: { vocabulary.dateClassWords.contains($0) }),
                                   skip: words.contains(where: { vocabulary.skipClassWords.contains($0) }))
                skipMemo.classFlags[hash] = value
            }
            flags.author = flags.author || value.author
            flags.date = flags.date || value.date
            flags.skip = flags.skip || value.skip
            return true
        }
        return flags
    }

    /// Lowercased words of one class or id value, split on spaces, '-' and '_'.
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in bytes {
            if byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            } else {
                word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Inside comments, sidebars, footers, teasers: dates and names there belong to other texts.
    /// Class names only count on the nearest ancestors: some pages wrap everything in a "nav-header".
    /// Each element's own verdict is remembered: text nodes ask about the same ancestors over and over.
    private func isInSkippedRegion(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        var depth = 0
        while let element = current {
            switch element.tag {
            case .footer, .aside, .nav: return true
            default: break
            }
            if depth < 6, element.isElement, skipsByClass(element) { return true }
            current = element.parent
            depth += 1
        }
        return false
    }

    /// Inside a `<header>` that no `<article>` or `<main>` holds: the site's banner, not the article's head.
    /// Asked only of the few dated elements of a page.
    private func isInPageBanner(_ node: HTMLNode) -> Bool {
        var current = node.parent
        var inHeader = false
        while let element = current {
            switch element.tag {
            case .article, .main: return false
            case .header: inHeader = true
            default: break
            }
            current = element.parent
        }
        return inHeader
    }

    private func skipsByClass(_ element: HTMLNode) -> Bool {
        let key = Int(element.index)
        if let known = skipMemo.verdicts[key] { return known }
        let verdict = classFlags(element).skip
        skipMemo.verdicts[key] = verdict
        return verdict
    }

    /// Whether a URL path has a segment from the set (`/author/jane`), without splitting the URL.
    static func hasPathSegment(_ href: String, in wanted: [[UInt8]]) -> Bool {
        // Compared as lowercased bytes, segment by segment, with no String made per segment:
        // this runs for every link of every page.
        var segmentStart = 0
        var index = 0
        let bytes = Array(href.utf8)
        func matches(_ end: Int) -> Bool {
            let length = end - segmentStart
            guard length > 0, length <= 16 else { return false }
            return wanted.contains { candidate in
                guard candidate.count == length else { return false }
                for offset in 0..<length {
                    var byte = bytes[segmentStart + offset]
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    if byte != candidate[offset] { return false }
                }
                return true
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                if matches(index) { return true }
                if byte != UInt8(ascii: "/") { return false }
                segmentStart = index + 1
            }
            index += 1
        }
        return matches(bytes.count)
    }

    static func isShortLine(_ text: String) -> Bool {
        guard text.utf8.count <= 1200 else { return false }
        let collapsed = collapse(text)
        return !collapsed.isEmpty && collapsed.count <= 100 && collapsed.split(separator: " ").count <= 12
    }

    /// Whitespace runs to one space, ends trimmed. ASCII text (most of what markup holds)
    /// takes a byte loop; other text the Character path, which knows Unicode spaces.
    static func collapse(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension HTMLNode {
    /// Text below this node with a space at every text-node boundary: `<span>By</span><a>Jane</a>` → "By Jane".
    var spacedText: String {
        var parts: [String] = []
        forEachDescendant { node in
            if node.isText { parts.append(node.content) }
            return true
        }
        return MarkupScan.collapse(parts.joined(separator: " "))
    }

    /// The text's byte length, counted only up to `limit` (a byline or date element is short;
    /// a wrapper that happens to carry such a class is not, and is not read whole).
    func textBytes(upTo limit: Int) -> Int {
        var total = 0
        forEachDescendant { node in
            guard total <= limit else { return false }
            if node.isText { node.withContent { total += $0.count } }
            return true
        }
        return total
    }
}

extension HTMLNode {
    /// True when `ancestor` is this node's parent, grandparent, ….
    func isDescendant(of ancestor: HTMLNode) -> Bool {
        var current = parent
        while let node = current {
            if node == ancestor { return true }
            current = node.parent
        }
        return false
    }
}
