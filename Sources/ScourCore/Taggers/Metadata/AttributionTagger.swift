import Foundation

/// Authors: the markup's author values and labelled bylines, then names signing the text
/// ("… – Analyst of international affairs", a lone name after the last paragraph); a value that
/// names the site is used only when no person is found.
extension MetadataContext {
    /// Letter keys of the site's names and host: an author value equal to one is no person (but is kept
    /// as a last resort). An outlet value the markup also gives as author names a person (a one-author
    /// site's `dc.publisher`): it does not make that author the site.
    mutating func findSiteKeys() {
        let authorValues = Set(document.markupHints.filter { $0.field == .author }.map { TextKey.letterCharacters($0.value) })
        let outlets = document.markupHints.filter { $0.field == .outlet }
        var sites = outlets.enumerated().filter { index, hint in
            index == 0 || !(names.looksLikeName(hint.value) && authorValues.contains(TextKey.letterCharacters(hint.value)))
        }.map(\.element.value)
        for url in [meta.url] + document.markupHints.filter({ $0.field == .url }).map(\.value) {
            if let url, let host = URL(string: url)?.host { sites.append(hostName(host)); sites.append(host) }
        }
        siteKeys = sites.map(TextKey.letterCharacters).filter { $0.count >= 3 }
    }

    /// The markup's authors and visible bylines, in rank order (one pass: which comes first decides).
    mutating func tagMarkupAuthors() {
        var previousByline: PersonNames.BylineLine?
        // The authors so far, lowercased: a page may carry thousands of `citation_author` values.
        var known = Set(meta.authors.map { $0.lowercased() })
        var initialsLookups: InitialsLookups?
        for (hint, value) in markupValues([.author, .byline]) {
            switch hint.field {
            case .author:
                // Several hints of one origin make a list (citation_author, JSON-LD arrays); a visible
                // element counts alone: the next one with that class is often another text's byline.
                let current = meta.evidence["authors"]?.rule
                guard current == nil || (current == hint.origin.description && hint.origin.visibleText == nil) else {
                    if mayWiden(value) {
                        widenAuthors(to: names.markupAuthors(value).filter { !names.isOrganization($0, siteKeys: siteKeys) },
                                     origin: hint.origin.description)
                        known = Set(meta.authors.map { $0.lowercased() })
                    }
                    continue
                }
                // What a visible element shows must read as a name or a login: an author box also
                // holds buttons ("Nachricht abschicken"), credits ("© Jupiterimages") and links ("Zum Profil von …").
                let visible = hint.origin.visibleText != nil
                if visible, names.endsWithBylineLabel(value) { continue }
                let found = names.markupAuthors(Self.onceIfRepeated(visible ? withoutTrailingAside(value) : value))
                    .compactMap { resolveInitials(withoutOutletTail(withoutShortCode($0)), lookups: &initialsLookups) }
                    .filter { !visible || readsAsShownAuthor($0) }
                var people = found.filter { !names.isOrganization($0, siteKeys: siteKeys) }
                if people.count < found.count {
                    if siteAuthor == nil, let first = found.first { siteAuthor = (first, hint.origin.description) }
                    // "hessenschau.de, Frankfurt, Germany": beside the site's or a company's name, one-word
                    // parts of a cased script are its address or desk, not people.
                    people.removeAll { !$0.contains(" ") && $0.contains(where: \.isUppercase) }
                }
                for name in people where known.insert(name.lowercased()).inserted {
                    meta.authors.append(name)
                }
                if !people.isEmpty { set("authors", rule: hint.origin.description) }
            case .byline where meta.evidence["authors"] != nil:
                if mayWiden(value) {
                    widenAuthors(to: names.labelledAuthors(names.bylineLine(value)), origin: hint.origin.description)
                    known = Set(meta.authors.map { $0.lowercased() })
                }
            case .byline:
                // A visible line counts only when it starts with a label: "Posted by …", "von …",
                // or follows a label standing alone ("By" and the name in sibling elements).
                let line = names.bylineLine(value)
                let afterLabel = previousByline.map { names.namesAfterLabel($0, value) } ?? []
                previousByline = line
                let found = (afterLabel.isEmpty ? names.labelledAuthors(line) : afterLabel)
                    .filter { !names.isOrganization($0, siteKeys: siteKeys) && readsAsShownAuthor($0) }
                if !found.isEmpty {
                    meta.authors = found
                    known = Set(found.map { $0.lowercased() })
                    set("authors", rule: hint.origin.description + (afterLabel.isEmpty ? "" : ":after-label"))
                }
            default:
                break
            }
        }
        // Hints of one origin are one list: a login after a full name is no second author (once, at
        // the end: a page may carry thousands of `citation_author` values).
        if meta.authors.count > 1 { meta.authors = names.withoutTrailers(meta.authors) }
    }

    /// A name shown on the page is at most five words, holds no copyright sign or quotation marks and
    /// is no date label: a credit ("© Jupiterimages/iStockphoto"), a quoted phrase, a sentence or
    /// "Actualizado" is no author.
    /// (Lowercase names and logins stay: "der Michel", "Mobasir hassan", "det/dpa".)
    func readsAsShownAuthor(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard !name.contains(where: { Self.notInNames.contains($0) }), words.count <= 5 else { return false }
        // "View Author Archive", a profile link's button: a label's noun inside a name is no name's word.
        if words.count > 1, words.contains(where: { names.nounLabels.contains($0.lowercased()) }) { return false }
        // "Actualizado el 08/05/2022" in an "author-date" element leaves its label: a date's label is no name.
        return !isDateLabel(name.lowercased())
    }

    /// ("*": a gendered label, "Autor*in", "Redakteur*innen", is no name either.)
    static let notInNames: Set<Character> = ["©", "„", "“", "”", "«", "»", "\"", "*"]

    /// "Martin Gramnæs Martin Gramnæs": one element showing a name twice (a copy for screen readers
    /// beside the first and last name in spans of their own) names one person.
    static func onceIfRepeated(_ value: String) -> String {
        let words = value.split(separator: " ")
        guard words.count >= 2, words.count % 2 == 0 else { return value }
        let half = words.count / 2
        return words[..<half].elementsEqual(words[half...]) ? words[..<half].joined(separator: " ") : value
    }

    /// "Brit Weirich (Medizinredakteurin. M.A. Mehrsprachige Kommunikation)": what a shown name
    /// adds in closing brackets is its role or source, when what comes before reads as a name
    /// (and `accepting` takes the aside, the text between the brackets).
    func withoutTrailingAside(_ value: String, accepting: (Substring) -> Bool = { _ in true }) -> String {
        guard value.last == ")", let open = value.lastIndex(of: "("),
              accepting(value[value.index(after: open)..<value.index(before: value.endIndex)]) else { return value }
        let head = value[..<open].trimmingCharacters(in: .whitespaces)
        return names.looksLikeName(head) ? head : value
    }

    /// "Elena Oberholzer (obe)", "Corina Gall (cog.)": a name's short code in brackets (the writer's
    /// sign, up to five letters) is no part of it. A longer aside may be the site ("(www.dw.com)").
    func withoutShortCode(_ name: String) -> String {
        withoutTrailingAside(name) { code in
            let letters = code.last == "." ? code.dropLast() : code
            return (1...5).contains(letters.count) && letters.allSatisfy(\.isLetter)
        }
    }

    /// "Finian Cunningham. Sputnik International": a name and, after a full stop, the publication.
    func withoutOutletTail(_ name: String) -> String {
        guard name.utf8.contains(0x2E), let stop = name.range(of: ". ", options: .backwards) else { return name }
        let head = String(name[..<stop.lowerBound]), tail = String(name[stop.upperBound...])
        return names.looksLikeName(head) && names.isOrganization(tail, siteKeys: siteKeys) ? head : name
    }

    /// Whether a later value may be a fuller list: it spells every author found so far, and more.
    /// Checked on the text before any name is parsed (most pages have many such values).
    func mayWiden(_ value: String) -> Bool {
        guard !meta.authors.isEmpty, value.utf8.count > meta.authors.reduce(0, { $0 + $1.utf8.count }) + 4 else { return false }
        let hay = Array(value.utf8)
        return meta.authors.allSatisfy { ByteSearch.firstOffset(of: Array($0.utf8), in: hay) != nil }
    }

    /// A later source that lists every author already found and more ("Elsa Provenzano et Mickaël
    /// Bosredon" where the JSON-LD gives the first alone) is the fuller list: it replaces the first.
    mutating func widenAuthors(to people: [String], origin: String) {
        guard !meta.authors.isEmpty, people.count > meta.authors.count else { return }
        let keys = Set(people.map(TextKey.letterCharacters))
        guard meta.authors.allSatisfy({ keys.contains(TextKey.letterCharacters($0)) }) else { return }
        // Every name it adds must read as a person's: "IGN Staff", "CNN Business", "Google" are not.
        let known = Set(meta.authors.map(TextKey.letterCharacters))
        let added = people.filter { !known.contains(TextKey.letterCharacters($0)) }
        guard added.allSatisfy({ name in
                  names.looksLikeName(name) && !names.isOrganization(name, siteKeys: siteKeys)
                      && !name.split(separator: " ").contains { word in
                          let lower = word.lowercased()
                          return names.notNames.contains(lower) && !names.particles.contains(lower)
                      }
              }) else { return }
        meta.authors = people
        set("authors", rule: origin + ":fuller")
    }

    /// "… play a mediating role. Mahmoud Fazeli – Analyst of international affairs" at a paragraph's end.
    mutating func tagInlineAttributions() {
        guard let first = firstProse, let last = lastProse else { return }
        for index in first...last where document.blocks[index].isKept {
            let text = document.blocks[index].text
            let bytes = Array(text.utf8)
            // Each dash's last place, found in one pass back over the bytes.
            let offsets = Self.lastOffsets(of: Self.attributionDashBytes, in: bytes)
            for ((dash, dashBytes), lastOffset) in zip(Self.attributionDashes, offsets) {
                // On bytes first: most blocks have no dash, or an ASCII rest that starts with no role.
                guard let offset = lastOffset else { continue }
                let tail = bytes[(offset + dashBytes.count)...]
                if tail.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                    if !stage.attributionRoleBytes.contains(where: { ASCIIText.hasLoweredPrefix(tail, $0) }) { continue }
                } else if !ASCIIText.mayFoldToASCII(String(decoding: tail, as: UTF8.self)),
                          !stage.attributionRoleLeads.contains(where: { $0.isEmpty || ASCIIText.hasLoweredPrefix(tail, $0) }) {
                    // A role's leading ASCII must start the rest's own bytes (case aside).
                    continue
                }
                // The role and a few words end the text: an ASCII rest of more than eight words (its
                // spaces are its Characters') is none, and is not lowercased whole to find that out.
                if Self.wordCount(tail, over: 8), tail.allSatisfy({ $0 < 0x80 }) || PlainScalar.isPlainText(String(decoding: tail, as: UTF8.self)) {
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

    /// Whether `bytes` split at spaces (empty pieces left out) make more than `limit` pieces.
    static func wordCount(_ bytes: ArraySlice<UInt8>, over limit: Int) -> Bool {
        var pieces = 0
        var inPiece = false
        for byte in bytes {
            if byte == 0x20 {
                inPiece = false
            } else if !inPiece {
                inPiece = true
                pieces += 1
                if pieces > limit { return true }
            }
        }
        return false
    }

    /// `ASCIIText.lastOffset(of:in:)` for each needle, in one pass from the end: every needle starts
    /// with a space, so only the spaces are looked at.
    static func lastOffsets(of needles: [[UInt8]], in bytes: [UInt8]) -> [Int?] {
        var found = [Int?](repeating: nil, count: needles.count)
        var missing = needles.count
        var index = bytes.count - 1
        while index >= 0, missing > 0 {
            if bytes[index] == 0x20 {
                for (slot, needle) in needles.enumerated() where found[slot] == nil && index + needle.count <= bytes.count {
                    if bytes[index..<(index + needle.count)].elementsEqual(needle) { found[slot] = index; missing -= 1 }
                }
            }
            index -= 1
        }
        return found
    }

    static let attributionDashBytes = attributionDashes.map(\.1)
    static let attributionDashes = [" – ", " — ", " - "].map { ($0, Array($0.utf8)) }

    /// A lone name line right after the last paragraph signs the article.
    mutating func tagClosingName() {
        guard let last = lastProse else { return }
        var index = last + 1
        var looked = 0
        var previousAllLink = false
        while index < document.blocks.count, looked < 3 {
            let block = document.blocks[index]
            index += 1
            // Past the page's footer, menu or a list of other stories the markup marks, what follows
            // is the page's chrome ("View CBS News In", "Chrome Safari Continue"), no signature.
            if let rule = block.removal?.rule, stage.regionsAfterStoryRules.contains(rule) { return }
            guard block.isKept else { continue }
            looked += 1
            // A line that is all link beside another such line is a list of topics or stories
            // ("War in Ukraine", "Mark Rutte", "Volodymyr Zelensky"): nothing after the story signs it then.
            let allLink = Self.isAllLink(block)
            if allLink, previousAllLink || document.blocks[index...].first(where: \.isKept).map(Self.isAllLink) == true { return }
            previousAllLink = allLink
            let feature = BlockFeatures(block, stopwords: stopwordSet)
            guard stage.phrases.match(block.text, wordCount: feature.words) == nil, feature.words <= 12 else { return }
            // A heading after the article opens the next section ("Ähnliche Nachrichten", "Externe Links"):
            // its words are a title, never a signature, and nothing after it signs the article.
            guard block.kind != .heading else { return }
            // "Jane Doe" alone (one link at most: "Impressum Kontakt" in two is a menu), or labelled: "Von: Götz Warnke".
            // A label a fact box prints before the name ("Autor Roman Goncharenko") is no part of it.
            // (A photo credit's label, "Photos by", names no writer: that line is left as it is.)
            let unlabelled = names.droppingLabel(block.text)
            let label = block.text.prefix(block.text.count - unlabelled.count).lowercased()
            let text = label.contains("photo") || label.contains("foto") ? block.text : unlabelled
            let alone = block.links.count <= 1 && names.looksLikeName(text)
                && !names.isOrganization(text, siteKeys: siteKeys)
            let found = alone ? [text.trimmingCharacters(in: .init(charactersIn: " .,|"))]
                : (names.byline(block.text) ?? []).filter { !names.isOrganization($0, siteKeys: siteKeys) }
            guard !found.isEmpty else { continue }
            if meta.authors.isEmpty {
                meta.authors = found
                set("authors", rule: "closing-name", block: index - 1)
            }
            if found.allSatisfy({ name in meta.authors.contains(where: { TextKey.letters($0) == TextKey.letters(name) }) }) {
                consume(index - 1, rule: "byline")
            }
            return
        }
    }

    /// Whether a block's text is its links' text and nothing else.
    static func isAllLink(_ block: Block) -> Bool {
        guard !block.links.isEmpty else { return false }
        let key = TextKey.letters(block.text)
        return !key.isEmpty && TextKey.letters(block.links.map(\.text).joined()) == key
    }

    /// "Klänge des Verschweigens / Ein detektivischer Musikfilm / von Klaus Stanjek": a block that is
    /// only a byline label and names, right under a heading inside the article, when nothing else
    /// named an author (the header rule reads only the lines between the title and the first paragraph).
    mutating func tagHeadedByline() {
        guard meta.authors.isEmpty, let first = firstProse, let last = lastProse, first < last else { return }
        var previous: Block?
        for index in first...last where document.blocks[index].isKept {
            let block = document.blocks[index]
            defer { previous = block }
            guard previous?.kind == .heading, block.kind != .heading, block.text.utf8.count <= 80,
                  block.text.split(separator: " ").count <= 8, let found = names.byline(block.text) else { continue }
            meta.authors = found
            set("authors", rule: "headed-byline", block: index)
            consume(index, rule: "byline")
            return
        }
    }

    /// Initials stand for a name the page gives in full ("JF" for "Junge Freiheit", "BK" for
    /// "Boris Kaiser"): the full name when another author value of the markup spells it out, none
    /// when it is the site's name; other initials are kept (a name in the text may be anyone's).
    /// `lookups`: the values searched (`InitialsLookups`), made once per page.
    func resolveInitials(_ name: String, lookups: inout InitialsLookups?) -> String? {
        guard let initials = PersonNames.initials(name) else { return name }
        if lookups == nil { lookups = InitialsLookups(self) }
        for text in lookups!.outlets where names.fullName(matching: initials, in: text) != nil { return nil }
        for text in lookups!.authors {
            guard let full = names.fullName(matching: initials, in: text) else { continue }
            if names.isOrganization(full, siteKeys: siteKeys) { return nil }
            if names.looksLikeName(full, allowCaps: true) { return PersonNames.tidyCase(full) }
        }
        return name
    }

    /// The outlet and author values initials are looked up in: only the first `limit` of each
    /// (a paper's thousands of `citation_author` initials, each looked up in every value, cost their square).
    struct InitialsLookups {
        static let limit = 64
        let outlets: [String]
        let authors: [String]

        init(_ context: MetadataContext) {
            outlets = context.markupValues([.outlet]).prefix(Self.limit).map(\.value)
            authors = context.markupValues([.author, .byline]).prefix(Self.limit).map(\.value)
        }
    }

    /// The last resort: an author value that named the site or an organisation.
    mutating func tagSiteAuthor() {
        if meta.authors.isEmpty, let (name, origin) = siteAuthor {
            meta.authors = [name]
            set("authors", rule: origin)
        }
    }
}
