import Foundation

/// The header between title and body: byline, date line, tag line, name line and standfirst,
/// each removed once read.
extension MetadataContext {
    mutating func tagHeader() {
        let titleIndex = document.blocks.firstIndex(where: { $0.removal?.rule == "title" })
        let start = titleIndex.map { $0 + 1 } ?? 0
        if let titleIndex { tagKickerLine(above: titleIndex) }
        let end = min(document.blocks.count, max(firstProse ?? 0, start) + 1, start + stage.headerBlocks + 1)
        var index = start
        while index < end {
            let block = document.blocks[index]
            guard block.isKept, index != firstProse else { index += 1; continue }
            let text = block.text
            if let title = meta.title, TextKey.letters(title) == TextKey.letters(text) { index += 1; continue }
            if let found = names.byline(cutAtGlue(text)) {
                // A labelled byline naming people outranks a bare name line above it (a kicker such as
                // "White House"); "By Harbour News Staff" does not.
                let people = !found.isEmpty && found.allSatisfy(isPersonName)
                if meta.authors.isEmpty || (meta.evidence["authors"]?.rule == "name-line" && people) {
                    meta.authors = found; set("authors", rule: "byline", block: index)
                }
                if meta.date == nil, let date = shownDate(in: text) { meta.date = date.iso; set("date", rule: "byline-date", block: index) }
                consume(index, rule: "byline")
            } else if tagDateLine(index) {
                consume(index, rule: "dateline")
            } else if meta.authors.isEmpty, features(index).words <= 10, let name = authorCardName(text, roleLines: true) {
                // "Tom Krisher, AP Auto Writer" reads as a short list too: the role makes it a byline.
                meta.authors = [name]
                set("authors", rule: "author-card", block: index)
                consume(index, rule: "byline")
            } else if let tags = tagList(text), meta.tags.isEmpty {
                meta.tags = tags
                set("tags", rule: "tag-line", block: index)
                consume(index, rule: "tag-line")
            } else if meta.authors.isEmpty, block.kind != .heading || block.level >= 4 && isBesideDateLine(index),
                      let named = nameLine(text), !opensWithDateLabel(text), stage.phrases.match(text, wordCount: 4) == nil,
                      isNameLinePlace(index, titleIndex: titleIndex) {
                meta.authors = named
                set("authors", rule: "name-line", block: index)
                consume(index, rule: "byline")
                if let label = labelAlone(before: index) { consume(label, rule: "byline") }
            } else if meta.description == nil, isDek(index) {
                meta.description = text
                set("description", rule: "standfirst", block: index)
                consume(index, rule: "description")
            }
            index += 1
        }
        if let titleIndex { consumeHeaderCaptions(after: titleIndex) }
    }

    /// A text dump's short lines between two of its header's lines (a date line above, the byline
    /// below) are the lead picture's caption and credit ("The Doobie Brothers perform at the
    /// Beacon."): header, not story. A standfirst right under the headline stays. Only in text: HTML
    /// marks a figure as one.
    mutating func consumeHeaderCaptions(after titleIndex: Int) {
        guard document.format != .html else { return }
        let header = ((titleIndex + 1)..<min(document.blocks.count, titleIndex + 1 + stage.headerBlocks)).filter { index in
            ["byline", "dateline"].contains(document.blocks[index].removal?.rule)
                || document.blocks[index].isKept && isHeaderDateLine(index)
        }
        guard let first = header.first, let last = header.last, last > first + 1 else { return }
        for index in (first + 1)..<last where document.blocks[index].isKept && index != firstProse
            && features(index).words <= Self.captionWords {
            consume(index, rule: "caption")
        }
    }

    /// Words a caption inside the header may have: more is a paragraph.
    static let captionWords = 20

    /// The people a line without a label names: one name ("Jane Doe"), or a list of names
    /// ("Trine Juncher Jørgensen og Tôrtia Reimer-Johansen", "Adam Vidler and AP": the agency after a
    /// person is the source). Nil for anything else, the site's or a company's name among them.
    func nameLine(_ text: String) -> [String]? {
        if names.looksLikeName(text) {
            return names.isOrganization(text, siteKeys: siteKeys) ? nil : [text.trimmingCharacters(in: .init(charactersIn: " .,|"))]
        }
        guard names.isNameList(text) else { return nil }
        let people = names.nameListParts(text).filter { !names.isOrganization($0, siteKeys: siteKeys) }
        return people.isEmpty ? nil : people
    }

    /// A bare name ("Jane Doe", no label) names the author only where a header puts it: the first
    /// line under the headline, or beside a date line. Elsewhere two capitalised words are as often
    /// a menu item ("Fox Nation", "Legal Notices").
    func isNameLinePlace(_ index: Int, titleIndex: Int?) -> Bool {
        if let titleIndex, document.blocks[(titleIndex + 1)..<index].allSatisfy({ !$0.isKept }) { return true }
        if labelAlone(before: index) != nil { return true }
        let before = document.blocks[..<index].lastIndex(where: \.isKept)
        let after = document.blocks[(index + 1)...].firstIndex(where: \.isKept)
        return [before, after].contains { neighbour in
            guard let neighbour else { return false }
            return isHeaderDateLine(neighbour)
        }
    }

    /// A small heading (`<h4>`–`<h6>`) holding a name is a styled byline when a date line sits right
    /// beside it, read or still kept: "22.11.2022" then "<h5>Christian Mihatsch</h5>" over the headline.
    func isBesideDateLine(_ index: Int) -> Bool {
        [index - 1, index + 1].contains { neighbour in
            guard document.blocks.indices.contains(neighbour) else { return false }
            let block = document.blocks[neighbour]
            return block.removal?.rule == "dateline" || block.isKept && isShortDateLine(neighbour)
        }
    }

    /// Words a date line may have: more is a sentence that mentions a date.
    static let dateLineWords = 12

    /// A short line that shows a date: a header's date line, not a sentence that mentions one.
    func isShortDateLine(_ index: Int) -> Bool {
        features(index).words <= Self.dateLineWords && shownDate(in: document.blocks[index].text) != nil
    }

    /// A short date line with its year or without ("Updated Nov 19, 6:55 AM", "mandag 5. august kl.
    /// 14:47"), or a date label before a clock time ("Publiziert heute um 12:19 Uhr"): the shape of
    /// a header's date, whether or not its day can be known.
    func isHeaderDateLine(_ index: Int) -> Bool {
        let text = document.blocks[index].text
        // Every form needs a digit (a day or a clock): a line of ASCII letters alone is none.
        guard features(index).words <= Self.dateLineWords, text.utf8.contains(where: { $0 >= 0x80 || $0 &- 0x30 < 10 }) else { return false }
        return shownDate(in: text) != nil || shownDay(in: text) != nil || opensWithDateLabel(text) && DateParser.showsTime(text)
    }

    /// The kept block right before `index` when it is a byline label alone ("By", "Von:"): text dumps
    /// put the label and the name on lines of their own.
    func labelAlone(before index: Int) -> Int? {
        guard let before = document.blocks[..<index].lastIndex(where: \.isKept) else { return nil }
        let label = document.blocks[before].text.lowercased().trimmingCharacters(in: PersonNames.labelEdges)
        return names.bylinePrefixes.contains(label) ? before : nil
    }

    /// "04.02.2022 | 13:10 Uhr | Uta Helkenberg" printed right above the headline: the date line
    /// of a layout that puts it first. Only the nearest kept block, and only when it reads as a date line.
    mutating func tagKickerLine(above titleIndex: Int) {
        // Only a title above the body has a header above it: one found further down is a repeat.
        guard firstProse.map({ titleIndex < $0 }) ?? true,
              let index = document.blocks[..<titleIndex].lastIndex(where: \.isKept), index != firstProse,
              document.blocks[index].kind != .heading, features(index).words <= Self.dateLineWords else { return }
        if tagDateLine(index) { consume(index, rule: "dateline") }
    }

    /// A date line: a short block with a date, or a labelled one ("Update Time : …", "2021/05/19 | tags").
    mutating func tagDateLine(_ index: Int) -> Bool {
        let text = document.blocks[index].text
        guard let found = shownDate(in: text) else { return false }
        let feature = features(index)
        let lower = text.lowercased()
        let labelled = (stage.words.dateLabels + stage.words.modifiedLabels).contains { lower.hasPrefix($0) }
        guard labelled || feature.words <= Self.dateLineWords || found.offset == 0 else { return false }
        // "Über dieses Thema berichtet: BR24 im Radio am 26.08.2024 um 06:00 Uhr.", "02:57 Min.. Verfügbar
        // bis 06.05.2024.", a caption ending "…, April 14, 2024.": a sentence that mentions a day after
        // words of its own. It is header, but its day is not the article's.
        let mentions = !labelled && text.hasSuffix(".") && text.prefix(found.offset).split(separator: " ").count >= 3
        if meta.date == nil, !mentions {
            meta.date = found.iso
            set("date", rule: labelled ? "labelled-date" : "date-line", block: index)
        }
        // "2020-10-04 15:05聯合報 記者林宸誼／即時報導": a reporter beside the date.
        if meta.authors.isEmpty, let name = nameSegment(of: text) ?? names.reporters.name(in: text) ?? nameBeside(found.offset, in: text) {
            meta.authors = [name]
            set("authors", rule: "date-line-name", block: index)
            return true
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

    /// "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "Accueil | Par Loïc Le Clerc | 30 septembre 2018":
    /// the one segment of a date line, split at bars and dots, that is a byline or a person's name
    /// and nothing else (no digits, no phrase, not the site).
    func nameSegment(of text: String) -> String? {
        let segments = Self.headerSegments(text)
        guard segments.count >= 2 else { return nil }
        // Segments with digits are the date and the time; of the others, a labelled one names the
        // author, an unlabelled one only when it is the line's one text ("World | Middle East" is a section path).
        let texts = segments.filter { !$0.contains(where: \.isNumber) && !$0.isEmpty }
        let labelled = texts.compactMap(soleBylineName).filter(isPersonName)
        if labelled.count == 1 { return labelled[0] }
        return texts.count == 1 && isPersonName(texts[0]) ? texts[0] : nil
    }

    /// The name of a byline that names one person ("Par Loïc Le Clerc"), else nil.
    func soleBylineName(_ text: String) -> String? {
        guard let found = names.byline(text), found.count == 1 else { return nil }
        return found[0]
    }

    /// A person's name and nothing else: not the site, no organisation word, no phrase of the lexicon.
    func isPersonName(_ text: String) -> Bool {
        names.looksLikeName(text) && !names.isOrganization(text, siteKeys: siteKeys)
            && stage.phrases.match(text, wordCount: text.split(separator: " ").count) == nil
    }

    /// "Ashok Pradhan | TNN": the name before the parts that only name the source (an agency, or
    /// a code in capitals such as "TNN", "PTI"); any other part leaves the text as it was.
    func withoutSourceCodes(_ text: String) -> String {
        let parts = text.components(separatedBy: " | ")
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ part in
            names.newsAgencies.contains(part.lowercased()) || (2...6).contains(part.count) && part.allSatisfy({ $0.isUppercase })
        }) else { return text }
        return parts[0]
    }

    /// "Sara Zinnecker Stand:" before "05. Februar 2020": the name without the date's own label.
    /// "Von Moritz Bachmann publiziert am": after a byline label, a label the list does not know still
    /// ends in lowercase words, which no name does (particles such as "von" or "de" stand inside a name).
    func withoutTrailingDateLabel(_ text: String) -> String {
        let words = text.split(separator: " ")
        for count in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            let tail = words.suffix(count).joined(separator: " ").lowercased().trimmingCharacters(in: PersonNames.separatorEdges)
            if isDateLabel(tail) {
                return words.dropLast(count).joined(separator: " ").trimmingCharacters(in: PersonNames.separatorEdges)
            }
        }
        // Only after a byline label: "Middle East news" is a section, not "Middle East" and a label.
        let lowercaseTail = words.reversed().prefix { $0.first?.isLowercase == true }.count
        guard lowercaseTail > 0, words.count - lowercaseTail >= 2 else { return text }
        let head = words.dropLast(lowercaseTail).joined(separator: " ").trimmingCharacters(in: PersonNames.separatorEdges)
        return names.byline(head) != nil ? head : text
    }

    /// "Chris Davies - Nov 19, 2019", "11/19/2019 by Lars Brandle": the name right before a date
    /// line's date, or a labelled one right after it (only the date and its time in between).
    func nameBeside(_ dateOffset: Int, in text: String) -> String? {
        let before = withoutTrailingDateLabel(String(text.prefix(dateOffset)).trimmingCharacters(in: PersonNames.separatorEdges))
        // "Published Monday, November 18, 2019": a date label and a weekday, no name.
        if !before.isEmpty, !before.contains(where: \.isNumber), !startsWithDateLabel(before), !isModifiedLine(before) {
            let name = soleBylineName(before) ?? withoutSourceCodes(before)
            if isPersonName(name) { return name }
        }
        let after = text.dropFirst(dateOffset)
        guard let label = after.range(of: " by ", options: .caseInsensitive) else { return nil }
        // "Nov 19, 2019 | Photo by John Smith" credits a photo: between the date and the label only
        // numbers and short time words ("at 9:24 pm ET").
        let between = after[..<label.lowerBound].split(separator: " ")
        guard between.count <= 6, between.allSatisfy({ $0.contains(where: \.isNumber) || $0.count <= 3 }) else { return nil }
        let found = (names.byline(String(after[label.lowerBound...]).trimmingCharacters(in: .whitespaces)) ?? []).filter(isPersonName)
        return found.count == 1 ? found[0] : nil
    }

    /// The blocks near the first paragraph where a text dump keeps its header: up to 20 above it,
    /// nearest first, then the short lines below it down to the next paragraph (at most 10), never
    /// past the last paragraph (after it a name signs the text or belongs to a teaser). Empty without prose.
    func nearbyIndices(_ anchor: Int? = nil) -> [Int] {
        guard let first = anchor ?? firstProse, let last = lastProse else { return [] }
        let above = stride(from: first - 1, through: max(0, first - 20), by: -1)
        // Below it, the short lines up to the next paragraph: a standfirst read as the first
        // paragraph has the byline and the date line under it (at most 10 blocks).
        var below: [Int] = []
        var index = first + 1
        while index < last, below.count < 10, !isProse(index) {
            below.append(index)
            index += 1
        }
        return Array(above) + below
    }

    /// A labelled byline ("By Laura Mowat") near the first paragraph, when the header rules found no
    /// author: a text dump's header is often cut from its title by menus, captions or a teaser.
    mutating func tagNearbyByline() {
        for first in proseAnchors() where meta.authors.isEmpty { tagNearbyByline(around: first) }
    }

    /// Where a text dump's article may start: where prose runs on, then its first prose block alone
    /// (a story with few long paragraphs starts there; its header is near it, not near the run).
    func proseAnchors() -> [Int] {
        guard let first = firstProse else { return [] }
        guard let alone = firstProseAlone, alone != first else { return [first] }
        return [first, alone]
    }

    private mutating func tagNearbyByline(around first: Int) {
        // Below the first paragraph only a short line, never a sentence ("By Friday, Maria Lopez …").
        for index in nearbyIndices(first) where document.blocks[index].isKept {
            let text = cutAtGlue(document.blocks[index].text)
            let words = features(index).words
            guard words <= (index < first ? 24 : 10), !(index > first && text.hasSuffix(".")),
                  let found = names.byline(text) ?? (words <= 10 ? authorCardName(text, roleLines: index < first).map { [$0] } : nil)
            else { continue }
            let people = found.filter { !names.isOrganization($0, siteKeys: siteKeys) }
            guard !people.isEmpty else { continue }
            meta.authors = people
            set("authors", rule: "nearby-byline", block: index)
            if meta.date == nil, let date = shownDate(in: text) { meta.date = date.iso; set("date", rule: "byline-date", block: index) }
            consume(index, rule: "byline")
            return
        }
    }

    /// A date line near the first paragraph ("Nov 18, 2019 at 9:24 pm ET"), when nothing gave a date:
    /// the nearest one above the first paragraph, else the first one just below it. Read, not removed.
    mutating func tagNearbyDateLine() {
        for first in proseAnchors() where meta.date == nil { tagNearbyDateLine(around: first) }
    }

    private mutating func tagNearbyDateLine(around first: Int) {
        for index in nearbyIndices(first) where document.blocks[index].isKept && features(index).words <= Self.dateLineWords {
            // The line stays for the boilerplate stage: taking it out here would join the run above
            // it (a caption, a teaser) to the article's. So near the article's start it is its header
            // line, and a name beside its date names the author ("Associated Press November 19, 2019");
            // tags are not read this far from the title.
            let text = document.blocks[index].text
            guard let found = shownDate(in: text) else { continue }
            meta.date = found.iso
            set("date", rule: "nearby-date-line", block: index)
            if meta.authors.isEmpty, let name = nameSegment(of: text) ?? nameBeside(found.offset, in: text) {
                meta.authors = [name]
                set("authors", rule: "nearby-date-line-name", block: index)
            }
            return
        }
    }

    /// A text dump whose header gave no date, and no date line near its first paragraph either: the
    /// first line in the story's opening that is a date and nothing else but a clock ("30. Juni 2025,"
    /// under a summary box and the writer's name). Only lines of their own, never a sentence's date.
    mutating func tagBareDateLine() {
        guard meta.date == nil, document.format != .html, let first = firstProse else { return }
        var seen = 0
        var previous: Int?
        for index in first..<document.blocks.count where document.blocks[index].isKept {
            defer { previous = index }
            seen += 1
            if seen > Self.bareDateReach { return }
            let text = document.blocks[index].text
            guard features(index).words <= Self.dateLineWords, isBareDate(text), let found = shownDate(in: text) else { continue }
            meta.date = found.iso
            set("date", rule: "bare-date-line", block: index)
            // "André Schmidt" right above it: the writer's name over the date, as a header prints them.
            if meta.authors.isEmpty, let previous, let named = nameLine(document.blocks[previous].text), named.allSatisfy(isPersonName) {
                meta.authors = named
                set("authors", rule: "bare-date-line-name", block: previous)
            }
            return
        }
    }

    /// Kept blocks from the first paragraph on that the bare date line search reads.
    static let bareDateReach = 30

    /// The markup's tags: the hints of the first origin that gives any make the list.
    mutating func tagMarkupTags() {
        // The tags so far, as a set: one keywords meta may list thousands.
        var known = Set(meta.tags)
        for (hint, value) in markupValues([.tag]) {
            if meta.evidence["tags"] == nil || meta.evidence["tags"]?.rule == hint.origin.description {
                if known.insert(value).inserted { meta.tags.append(value) }
                set("tags", rule: hint.origin.description)
            }
        }
    }

    /// "Tags: a, b", or an unlabelled list of 2–8 short capitalised items: "Russia, Israel".
    func tagList(_ text: String, requireList: Bool = true) -> [String]? {
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
        // Nor a picture's credit, as the phrase lists know one ("Jupiterimages, Getty Images/Creatas RF").
        if !labelled, let rule = stage.phrases.match(text, wordCount: text.split(separator: " ").count)?.rule,
           rule == "photo_credit" || rule == "caption" { return nil }
        if !labelled && requireList {
            // At least one item has a capital in every word or is a single word: "Russia, Israel".
            guard items.allSatisfy({ $0.split(separator: " ").count <= 3 }) else { return nil }
        }
        return items
    }

    /// A standfirst: one sentence-ish line between title and body, not ending like a paragraph.
    func isDek(_ index: Int) -> Bool {
        guard let first = firstProse, index < first, index <= (meta.evidence["title"]?.line ?? 0) + 4 || index < 4 else { return false }
        let feature = features(index)
        let block = document.blocks[index]
        return block.kind != .heading && (8...45).contains(feature.words) && feature.linkDensity < 0.3
            && !block.text.hasSuffix(".") && stage.phrases.match(block.text, wordCount: feature.words) == nil
            && meta.title != nil
    }
}
