import Foundation

/// Rules for telling a person's name from other short lines, and for reading bylines.
struct PersonNames: Sendable {
    let bylinePrefixes: [String]
    let notNames: Set<String>
    let stopwords: Set<String>
    let authorSeparators: [String]
    let nameSuffixes: Set<String>
    /// Author labels and byline prefixes, longest first.
    let allLabels: [String]
    /// `allLabels` as bytes, nil for the non-ASCII ones.
    let allLabelBytes: [[UInt8]?]
    /// `allLabels` as UTF-8 for the byte check of non-ASCII lines, when every label is plain scalars
    /// (`PlainScalar`); the longest label's scalars.
    let plainLabelBytes: [[UInt8]]?
    let longestLabel: Int
    /// Each label's length in scalars.
    let labelScalars: [Int]
    /// Per byte, the indices of the labels whose UTF-8 starts with it, longest label first.
    let labelsByFirstByte: [[Int]]
    /// Labels that can only introduce authors ("Autor", "Auteur"), unlike "by" or "di".
    let authorWords: Set<String>
    /// `noun_labels`: labels that are ordinary words when no colon follows ("Text Size").
    let nounLabels: Set<String>
    let organizationWords: Set<String>
    /// Words of every language that are never part of a name: labels, captions, photo agencies.
    let notAuthorWords: Set<String>
    /// Where the names in an author value end: a separator, or a date label.
    let cutMarkers: [String]
    /// `cutMarkers` lowercased as bytes for ASCII values; nil for one that can never match those.
    let cutMarkerBytes: [[UInt8]?]
    /// Some marker might match an ASCII value case-insensitively though it is not ASCII.
    let cutMarkersNeedFallback: Bool
    /// The markers' leading ASCII bytes, lowercased: needed in any value a marker matches.
    let cutMarkerLeads: [[UInt8]]
    /// `authorSeparators` as bytes for ASCII values, nil as above (case-sensitive here).
    let separatorBytes: [[UInt8]?]
    let separatorsNeedFallback: Bool
    /// Month and weekday names of every language (dates.json): "March" alone is no author.
    let calendarWords: Set<String>
    /// `attribution_roles`: "AP Auto Writer" after a name is the name's role, not a second author.
    let roleWords: Set<String>

    /// Trimmed from the ends of names, parts, labels and author values (made once: building a
    /// character set per call was a hot spot).
    static let nameEdges = CharacterSet(charactersIn: " .,;:|")
    static let partEdges = CharacterSet(charactersIn: " .,;:")
    static let labelEdges = CharacterSet(charactersIn: " :")
    static let separatorEdges = CharacterSet(charactersIn: " ,;:|/-–—")
    /// What a template prints before a byline's label ("| BY:", "• Von").
    static let leadingMarks = CharacterSet(charactersIn: " |•·/")

    /// Lowercase words inside a name ("van", "de"): `name_particles` in metadata.json.
    let particles: Set<String>
    /// `name_list_joiners`, `name_list_cuts` and `inline_byline_labels` in metadata.json.
    let listJoiners: [String]
    /// The joiners that are words ("und", "and", "et"), lowercased.
    let joinerWords: Set<String>
    let listCuts: [String]
    let inlineLabels: [String]
    /// East Asian bylines: the name beside a reporter role word ("記者林宸誼／即時報導").
    let reporters: ReporterByline
    /// `news_agencies`, lowercased.
    let newsAgencies: Set<String>
    /// `date_labels`, lowercased: a byline line may start with one ("Posted on … by Jane Doe").
    let dateLabels: [String]
    /// Their leading ASCII bytes, lowercased (`ASCIIText.lead`).
    let inlineLabelLeads: [[UInt8]]

    init(words: MetadataWords, stopwords: Set<String>, calendarWords: Set<String> = []) {
        self.calendarWords = calendarWords
        roleWords = Set(words.attributionRoles)
        // Longest first, so "written by" wins over "by".
        bylinePrefixes = words.bylinePrefixes.sorted { $0.count > $1.count }
        notNames = Set(words.notNames)
        self.stopwords = stopwords
        authorSeparators = words.authorSeparators
        nameSuffixes = Set(words.nameSuffixes)
        allLabels = (words.authorLabels + words.bylinePrefixes).sorted { $0.count > $1.count }
        authorWords = Set(words.authorLabels)
        nounLabels = Set(words.nounLabels ?? [])
        allLabelBytes = allLabels.map { $0.utf8.allSatisfy { $0 < 0x80 } ? Array($0.utf8) : nil }
        let plain = LeadingLabels(allLabels)
        plainLabelBytes = plain.usable ? plain.labels : nil
        longestLabel = plain.longest
        labelScalars = allLabels.map { $0.unicodeScalars.count }
        var byFirstByte = Array(repeating: [Int](), count: 256)
        for (index, label) in allLabels.enumerated() { if let byte = label.utf8.first { byFirstByte[Int(byte)].append(index) } }
        labelsByFirstByte = byFirstByte
        organizationWords = Set(words.organizationWords)
        newsAgencies = Set(words.newsAgencies)
        // One set for all languages: a caption word of any language is no name in another.
        notAuthorWords = Set(words.notAuthorWords.values.joined())
        particles = Set(words.nameParticles)
        listJoiners = words.nameListJoiners
        joinerWords = Set(words.nameListJoiners.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0.allSatisfy(\.isLetter) })
        listCuts = words.nameListCuts
        inlineLabels = words.inlineBylineLabels
        reporters = ReporterByline(words.reporterRoles)
        dateLabels = words.dateLabels.map { $0.lowercased() }.sorted { $0.count > $1.count }
        inlineLabelLeads = inlineLabels.map(ASCIIText.lead)
        cutMarkers = words.nameCutMarkers
            + (words.dateLabels + words.modifiedLabels).map { " " + $0 }
        let asBytes = { (word: String) -> [UInt8]? in
            word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.map(ASCIIText.fold) : nil
        }
        cutMarkerBytes = cutMarkers.map(asBytes)
        cutMarkerLeads = cutMarkers.map (ASCIIText.lead)
        cutMarkersNeedFallback = cutMarkers.contains { asBytes($0) == nil && !ASCIIText.neverMatchesASCII($0) }
        separatorBytes = authorSeparators.map { $0.utf8.allSatisfy { $0 < 0x80 } ? Array($0.utf8) : nil }
        separatorsNeedFallback = authorSeparators.contains { !$0.utf8.allSatisfy { $0 < 0x80 } && !ASCIIText.neverMatchesASCII($0) }
    }

    /// "Marianna Belenkaya", "Jean-Luc de la Tour", "J. R. Smith": 2–5 capitalised words, no digits.
    func looksLikeName(_ text: String, allowCaps: Bool = false) -> Bool {
        let trimmed = NameBytes.trimmed(text, edges: NameBytes.nameEdges) ?? text.trimmingCharacters(in: Self.nameEdges)
        guard !trimmed.isEmpty, !notNames.contains(trimmed.lowercased()) else { return false }
        // "Unterstütze das Projekt:" introduces something; a name does not end in a colon.
        guard ASCIIText.trimmingWhitespaces(text).last != ":" else { return false }
        let words = trimmed.split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        var capitalised = 0
        for word in words {
            let lower = word.lowercased()
            if particles.contains(lower) { continue }
            guard word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }),
                  let first = word.first, first.isUppercase else { return false }
            if !allowCaps, word.count > 3, word.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return false }
            if stopwords.contains(lower) || notAuthorWords.contains(lower) { return false }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// "Autorenseite von", "Alle Artikel von", "Posted by": a text that ends with a byline label's
    /// lowercase last word is a label whose name stands elsewhere, not a name.
    func endsWithBylineLabel(_ text: String) -> Bool {
        guard let last = text.split(whereSeparator: \.isWhitespace).last,
              last.first.map({ !$0.isUppercase }) ?? false else { return false }
        let word = last.lowercased()
        return bylinePrefixes.contains { prefix in
            prefix.hasSuffix(word) && (prefix.count == word.count || prefix.dropLast(word.count).last == " ")
        }
    }

    /// The names in a byline such as "By Jane Doe and John Roe | Reuters", or nil if it is not a byline.
    func byline(_ text: String) -> [String]? {
        let lower = text.lowercased()
        for prefix in bylinePrefixes {
            guard lower.hasPrefix(prefix) else { continue }
            var rest = text.dropFirst(prefix.count)
            guard let next = rest.first, next == " " || next == ":" else { continue }
            rest = rest.drop { $0 == " " || $0 == ":" }
            let names = splitNames(String(rest))
            return names.isEmpty ? nil : names
        }
        return nil
    }

    /// Splits "A, B and C" into names, cutting off dates, roles and outlets after the names.
    func splitNames(_ text: String) -> [String] {
        var body = text
        for cut in listCuts {
            if let range = body.range(of: cut, options: .caseInsensitive) { body = String(body[..<range.lowerBound]) }
        }
        return withoutTrailers(listParts(body, separators: listJoiners).filter { looksLikeName($0, allowCaps: true) }.map(Self.tidyCase))
    }

    /// "Adam Vidler and AP", "Mathatisi Sebusi/Mohalenyane Phakela", "Julia Vergin | Clare Roth": two or more parts, each a
    /// person's name or a news agency, and at least one a name: a byline without its label.
    func isNameList(_ text: String) -> Bool {
        // A few names are a short line of capitalised words and joiners: a sentence is not split at
        // every joiner to find out.
        guard text.utf8.count <= Self.nameListBytes else { return false }
        for word in text.split(separator: " ") {
            guard let first = word.first else { continue }
            if first.isUppercase || word.contains("/") || word.contains("|") || word == "&" { continue }
            let lower = word.lowercased().trimmingCharacters(in: Self.partEdges)
            guard joinerWords.contains(lower) || particles.contains(lower) else { return false }
        }
        let names = listParts(text, separators: listJoiners + Self.unspacedListJoiners)
        guard names.count >= 2, names.contains(where: { looksLikeName($0) }) else { return false }
        return names.allSatisfy { looksLikeName($0) || newsAgencies.contains($0.lowercased()) }
    }

    /// The longest line, in UTF-8 bytes, that `isNameList` reads as a list of names.
    static let nameListBytes = 160

    /// The people of a list `isNameList` accepts, without the agency after a person ("Adam Vidler").
    func nameListParts(_ text: String) -> [String] {
        withoutTrailers(listParts(text, separators: listJoiners + Self.unspacedListJoiners)
            .filter { looksLikeName($0) || newsAgencies.contains($0.lowercased()) }.map(Self.tidyCase))
    }

    /// What parts names in a line without a label besides the list joiners: "A/B", "A | B".
    static let unspacedListJoiners = ["/", "|"]

    /// The text cut at each separator in turn, each part trimmed and without a leading joiner.
    private func listParts(_ text: String, separators: [String]) -> [String] {
        var parts = [text]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { withoutLeadingJoiner($0.trimmingCharacters(in: Self.partEdges)) }.filter { !$0.isEmpty }
    }

    /// "and Tom Watkins" → "Tom Watkins": the serial comma ("A, B, and C") leaves the joiner on
    /// the last part once the list is cut at its commas.
    /// Only a joiner written in lower case: "E Jean Carroll" opens with an initial, not Italian "e".
    func withoutLeadingJoiner(_ part: String) -> String {
        guard let space = part.firstIndex(of: " ") else { return part }
        let word = String(part[..<space])
        guard word == word.lowercased(), joinerWords.contains(word) else { return part }
        let rest = part[part.index(after: space)...].drop { $0 == " " }
        return rest.isEmpty ? part : String(rest)
    }

    /// "JANE DOE" → "Jane Doe"; mixed case is left alone.
    static func tidyCase(_ name: String) -> String {
        guard name.count > 3, name.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return name }
        return name.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }

    /// Names from a markup value (meta author, JSON-LD, a byline element). Lenient about the
    /// form (one-word names and handles are real authors) and strict about what is no person:
    /// URLs, e-mail addresses, "Staff", labels before and dates after the names.
    /// "A, B und C" is split; "Jane Doe, PhD" is not.
    func markupAuthors(_ value: String) -> [String] {
        if let reporter = reporters.name(in: value) { return [reporter] }
        var body = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // "| BY: Beachbody": a separator the template prints before the label hides the label.
        if let first = body.unicodeScalars.first, Self.leadingMarks.contains(first) {
            body = body.trimmingCharacters(in: Self.leadingMarks)
        }
        for _ in 0..<2 { body = droppingLabel(body) }
        // The value's whitespace is single spaces now, so ASCII means one byte per Character.
        let ascii = body.utf8.allSatisfy { $0 < 0x80 }
        // "Disko Von Ernst Lohoff": a capitalised label inside the value ends what precedes the names.
        // "Posted on May 3, 2020 by Jane Doe": a lowercase "by" is never part of a name (unlike "von", "de").
        for (label, lead) in zip(inlineLabels, inlineLabelLeads) {
            // Other text needs the label's leading ASCII in its bytes, but for a scalar canonically ASCII.
            if !ascii, !lead.isEmpty, !ASCIIText.mayTurnASCII(body),
               !body.utf8.withContiguousStorageIfAvailable({ ASCIIText.foldedOffset(of: lead, in: $0) != nil })! { continue }
            let range = ascii ? body.byteRange(of: label) : body.range(of: label)
            if let range { body = String(body[range.upperBound...]) }
        }
        if ascii && !cutMarkersNeedFallback {
            for cut in cutMarkerBytes {
                guard let cut, let offset = body.utf8.withContiguousStorageIfAvailable({ ASCIIText.foldedOffset(of: cut, in: $0) }) ?? nil
                else { continue }
                let end = offset + cut.count
                let after: UInt8? = end < body.utf8.count ? body.utf8[body.utf8.index(body.utf8.startIndex, offsetBy: end)] : nil
                if after == nil || after == 0x20 || after == 0x3A || cut.last == 0x20 {
                    body = String(decoding: body.utf8.prefix(offset), as: UTF8.self)
                }
            }
        } else {
            // A match needs the marker's leading ASCII in the bytes (case aside), unless some
            // letter of the value folds to ASCII ("ß", the Kelvin sign).
            let prefilter = !ASCIIText.mayFoldToASCII(body)
            for (cut, lead) in zip(cutMarkers, cutMarkerLeads) {
                if prefilter, !lead.isEmpty,
                   body.utf8.withContiguousStorageIfAvailable({ ASCIIText.foldedOffset(of: lead, in: $0) }) ?? nil == nil { continue }
                if let range = body.range(of: cut, options: .caseInsensitive) {
                    let after = body[range.upperBound...].first
                    if after == nil || after == " " || after == ":" || cut.hasSuffix(" ") { body = String(body[..<range.lowerBound]) }
                }
            }
        }
        // A date after the names: "Jane Doe 12.03.2020" (a space and an ASCII digit, as bytes in any text).
        if let offset = Self.spaceDigitOffset(body) {
            body = withoutTrailingMonth(String(decoding: body.utf8.prefix(offset), as: UTF8.self))
        }
        body = trimmedEnds(body)
        var parts: [String] = [body]
        if body.utf8.allSatisfy({ $0 < 0x80 }) && !separatorsNeedFallback {
            for separator in separatorBytes {
                guard let separator else { continue }
                parts = parts.flatMap { Self.components($0, separatedBy: separator) }
            }
        } else {
            for separator in authorSeparators {
                parts = parts.flatMap { $0.components(separatedBy: separator) }
            }
        }
        var names: [String] = []
        for part in parts {
            var name = withoutLeadingJoiner(trimmedEnds(part))
            if nameSuffixes.contains(name.lowercased()), let last = names.popLast() {
                names.append(last + ", " + name)
                continue
            }
            name = Self.handleAsName(name)
            guard isPlausibleAuthor(name) else { continue }
            names.append(Self.tidyCase(name))
        }
        return withoutTrailers(names)
    }

    /// What a value lists after a person that is no second person: a role ("AP Auto Writer"),
    /// a credential ("MS", "RDN"), a login ("gqlshare" after "Leonardo Castañeda"), a news agency
    /// ("Jane Doe, Reuters": the source, named alone it is the author); and a month or weekday
    /// standing alone ("March", "Wednesday").
    func withoutTrailers(_ names: [String]) -> [String] {
        var kept: [String] = []
        // Whether the list opens with a full name: asked once (a list may hold thousands of names).
        var afterFullName: Bool?
        for name in names {
            let words = name.split(separator: " ")
            // Short forms ("Jan", "Mar") are first names too.
            if words.count == 1, name.count > 3, calendarWords.contains(name.lowercased().trimmingCharacters(in: Self.partEdges)) { continue }
            if let first = kept.first, afterFullName ?? { afterFullName = looksLikeName(first, allowCaps: true); return afterFullName! }() {
                if words.contains(where: { roleWords.contains($0.lowercased()) }) || newsAgencies.contains(name.lowercased()) { continue }
                let letters = name.filter(\.isLetter)
                if words.count == 1, (2...4).contains(letters.count), letters.allSatisfy(\.isUppercase) { continue }
                // A login is all lower case; a name in a script without case ("林宸誼") is no login.
                if name.contains(where: \.isLowercase), !name.contains(where: \.isUppercase) { continue }
            }
            kept.append(name)
        }
        return kept
    }

    /// "Jane Doe / TOI / Sep" once the date's day is cut: the month before the day is the date's too.
    func withoutTrailingMonth(_ text: String) -> String {
        guard let space = text.lastIndex(of: " ") else { return text }
        let word = text[text.index(after: space)...].lowercased().trimmingCharacters(in: Self.partEdges)
        return calendarWords.contains(word) ? String(text[..<space]) : text
    }

    /// Byte offset of the first space followed by an ASCII digit (the regex `" [0-9]"`).
    static func spaceDigitOffset(_ text: String) -> Int? {
        var previousIsSpace = false
        for (offset, byte) in text.utf8.enumerated() {
            if previousIsSpace && byte >= 0x30 && byte <= 0x39 { return offset - 1 }
            previousIsSpace = byte == 0x20
        }
        return nil
    }

    /// `components(separatedBy:)` for ASCII text and separator: empty pieces kept.
    static func components(_ text: String, separatedBy separator: [UInt8]) -> [String] {
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        var searchFrom = 0
        while let found = ByteSearch.firstOffset(of: separator, in: bytes[searchFrom...]) {
            let offset = searchFrom + found
            pieces.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset + separator.count
            searchFrom = start
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// A visible line as the byline rules read it: trimmed, and what is left once a leading label
    /// is dropped. Made once per line: each line is asked as a byline and as the label before the next.
    struct BylineLine {
        let trimmed: String
        let unlabelled: String
    }

    func bylineLine(_ line: String) -> BylineLine {
        let trimmed = ASCIIText.trimmingWhitespaces(line)
        return BylineLine(trimmed: trimmed, unlabelled: droppingLabel(trimmed))
    }

    /// The names of a line that starts with a byline label ("Posted by Konstantin"), else none.
    func labelledAuthors(_ line: String) -> [String] {
        labelledAuthors(bylineLine(line))
    }

    func labelledAuthors(_ line: BylineLine) -> [String] {
        if line.unlabelled != line.trimmed {
            let found = markupAuthors(line.trimmed)
            // A text-size button's "Text Size" is no credit: after a bare noun label a name of one word
            // is that button's or heading's word ("Author Mobasir hassan" still names someone).
            return opensWithBareNounLabel(line.trimmed) ? found.filter { $0.contains(" ") } : found
        }
        return datedByline(line.trimmed) ? markupAuthors(line.trimmed) : []
    }

    /// Whether the line's first word, followed by a space rather than a colon, is a noun label ("Text Size").
    func opensWithBareNounLabel(_ line: String) -> Bool {
        guard !nounLabels.isEmpty, let space = line.firstIndex(of: " ") else { return false }
        return nounLabels.contains(line[..<space].lowercased())
    }

    /// "Posted on September 21, 2020 by Adi Tzlil", "Published 3 May 2021 By Jane Doe": a date label
    /// opens the line and a byline label inside it ends the date (`markupAuthors` keeps what follows).
    func datedByline(_ line: String) -> Bool {
        guard line.utf8.count < 200, line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let lower = line.lowercased()
        guard let label = dateLabels.first(where: { lower.hasPrefix($0) }),
              lower.dropFirst(label.count).first.map({ !$0.isLetter }) ?? false else { return false }
        return inlineLabels.contains { line.contains($0) }
    }

    /// The names after a byline label that stands alone ("By" and "J.R. Stone" in sibling elements):
    /// after an author word ("Autor") any author value, after a short prefix ("by", "di") only a name.
    func namesAfterLabel(_ label: String, _ value: String) -> [String] {
        namesAfterLabel(bylineLine(label), value)
    }

    func namesAfterLabel(_ label: BylineLine, _ value: String) -> [String] {
        let trimmed = label.trimmed
        guard !trimmed.isEmpty, label.unlabelled.isEmpty else { return [] }
        let word = trimmed.lowercased().trimmingCharacters(in: Self.labelEdges)
        guard authorWords.contains(word) || looksLikeName(value, allowCaps: true) else { return [] }
        return markupAuthors(value)
    }

    /// "Erstellt von Jane Doe" → "Jane Doe"; "Autor:" → "".
    func droppingLabel(_ text: String) -> String {
        // ASCII text is matched on bytes; labels with other letters cannot start it.
        let ascii = ASCIIText.isPlain(text)
        // Other text is matched on its lowered lead's plain scalars, for each label they decide
        // (`PlainScalar.plainLead`); the String rule answers for the others, lowercasing once.
        let lead = ascii || plainLabelBytes == nil ? nil : PlainScalar.plainLead(text, scalars: longestLabel + 1)
        var lower: String?
        func starts(_ index: Int) -> Bool {
            if ascii { return allLabelBytes[index].map { ASCIIText.hasLoweredPrefix(text.utf8, $0) } ?? false }
            if let lead, lead.complete || lead.scalars > labelScalars[index] { return lead.bytes.starts(with: plainLabelBytes![index]) }
            if lower == nil { lower = text.lowercased() }
            return lower!.hasPrefix(allLabels[index])
        }
        // Where the text's first Character is decided (ASCII, or a plain scalar followed by another
        // or by the end), only the labels starting with its lowered first byte can match.
        let first = ascii ? text.utf8.first.map(ASCIIText.fold)
            : lead.flatMap { $0.scalars >= 2 || ($0.complete && $0.scalars == 1) ? $0.bytes.first : nil }
        let candidates = first.map { labelsByFirstByte[Int($0)] } ?? Array(allLabels.indices)
        for index in candidates where starts(index) {
            let label = allLabels[index]
            let rest = text.dropFirst(label.count)
            guard let next = rest.first else { return "" }
            guard next == " " || next == ":" || next == "-" || next == "–" || next == "—" else { continue }
            let after = rest.drop { " :-–—".contains($0) }
            // "Autorin und Netzphilosophin Leena Simon": a second role joined to the label.
            let words = after.split(separator: " ", maxSplits: 2)
            if words.count == 3, words[0].first?.isLowercase ?? false, joinerWords.contains(String(words[0])), words[1].first?.isUppercase ?? false,
               !words[1].contains(",") {
                return String(words[2])
            }
            return String(after)
        }
        return text
    }

    /// Trims separators and a trailing connector ("Jane Doe am", "Jane Doe -").
    func trimmedEnds(_ text: String) -> String {
        if let trimmed = NameBytes.trimmedEnds(text) { return trimmed }
        var words = text.trimmingCharacters(in: Self.separatorEdges).split(separator: " ")
        while words.count > 1, let last = words.last, last.count <= 3, last.allSatisfy({ $0.isLowercase }) { words.removeLast() }
        return words.joined(separator: " ").trimmingCharacters(in: Self.separatorEdges)
    }

    /// "robert.stitz" → "robert stitz" (then cased): a login made of a first and last name.
    static func handleAsName(_ name: String) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count >= 3 && $0.allSatisfy { $0.isLetter && $0.isLowercase } }) else { return name }
        return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private func isPlausibleAuthor(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !name.isEmpty, name.count <= 60, name.contains(where: \.isLetter),
              !lower.contains("://"), !lower.hasPrefix("www."), !lower.contains("@"), !lower.contains("[at]"),
              !notNames.contains(lower) else { return false }
        // Questions, calls and sentences are no names: "Wer schreibt für uns?", "Projektleiterin der HSS in Tunesien."
        guard !name.contains("?"), !name.contains("!") else { return false }
        let words = name.split(separator: " ")
        guard !hasLabelWord(words) else { return false }
        // "25. Oktober" (a date's rest), "Nr. 12": a word of digits alone is in no name ("anaya60" is a handle).
        // Most values hold no ASCII digit and no other script: nothing to check then.
        let mayHoldDigits = name.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 >= 0x80 }
        guard !mayHoldDigits || !words.contains(where: { word in word.contains(where: \.isNumber) && word.allSatisfy { $0.isNumber || $0.isPunctuation } })
        else { return false }
        return words.count <= 6 && !(name.hasSuffix(".") && words.count > 3)
    }

    /// "Image title", "Getty Images", "Beliebteste Artikel": a word no name has.
    func hasLabelWord<Words: Sequence>(_ words: Words) -> Bool where Words.Element == Substring {
        words.contains { notAuthorWords.contains(NameBytes.loweredPart($0) ?? $0.lowercased().trimmingCharacters(in: Self.partEdges)) }
    }

    /// "JF", "J.D.", "J. D.": two to four initials, with or without dots, and nothing else.
    static func initials(_ name: String) -> [Character]? {
        let letters = name.filter { $0 != "." && $0 != " " }
        guard (2...4).contains(letters.count), letters.allSatisfy(\.isLetter),
              letters.allSatisfy(\.isUppercase) || (name.contains(".") && letters.count <= 3) else { return nil }
        // "J.D." and "JD" are initials; "Jo." is an abbreviation of one name.
        if name.contains("."), name.split(separator: ".").contains(where: { $0.trimmingCharacters(in: .whitespaces).count > 1 }) { return nil }
        return letters.uppercased().map { $0 }
    }

    /// The first run of capitalised words in `text` whose first letters are `initials`, in order:
    /// "Boris Kaiser" for "BK", "Junge Freiheit" for "JF". Particles between the words are skipped.
    func fullName(matching initials: [Character], in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" || $0 == "(" || $0 == ")" || $0 == "/" })
        guard words.count >= initials.count else { return nil }
        var start = 0
        while start + initials.count <= words.count {
            var index = start
            var matched = 0
            var taken: [Substring] = []
            while index < words.count, matched < initials.count {
                let word = words[index]
                if matched > 0, particles.contains(word.lowercased()) { taken.append(word); index += 1; continue }
                guard let first = word.first, first.isUppercase, word.count > 1,
                      Character(first.uppercased()) == initials[matched],
                      word.dropFirst().contains(where: \.isLowercase) || word.count > 2 || word.last == "." else { break }
                taken.append(word)
                matched += 1
                index += 1
                // A middle initial ("Boris T. Kaiser") is part of the name but not of the initials.
                while index < words.count, words[index].count == 2, words[index].last == ".", words[index].first?.isUppercase == true,
                      matched < initials.count, Character(words[index].first!.uppercased()) != initials[matched] {
                    taken.append(words[index]); index += 1
                }
            }
            if matched == initials.count { return taken.joined(separator: " ").trimmingCharacters(in: Self.partEdges) }
            start += 1
        }
        return nil
    }

    /// A company, a site or its publisher rather than a person: "Web Commerce GmbH", "jungefreiheit.de",
    /// or a name equal to the site's (`siteKeys`: letters and digits of the site names and host).
    func isOrganization(_ name: String, siteKeys: [String]) -> Bool {
        let lower = name.lowercased()
        // Both tests need a dot; the regex is costly.
        if name.utf8.contains(0x2E), lower.byteOffset(of: "www.") != nil && lower.contains("www.") || Self.hasDomain(lower) {
            return true
        }
        // Each stretch between commas and brackets on its own: "Prensa S.A., Madrid" ends its name at "S.A.".
        for stretch in lower.split(whereSeparator: { $0 == "(" || $0 == ")" || $0 == "," }) {
            let words = stretch.split(separator: " ")
            if words.indices.contains(where: { position in
                organizationWords.contains(String(words[position])) && !Self.isMiddleInitials(words, at: position)
            }) { return true }
        }
        return namesSite(name, siteKeys: siteKeys)
    }

    /// Single letters with dots ("s.a.", "e.v.") between two words of a name are a person's
    /// initials, not a company form: "James S.A. Corey". "Inc." or a form at either end is not.
    static func isMiddleInitials(_ words: [Substring], at position: Int) -> Bool {
        guard position > 0, position < words.count - 1 else { return false }
        let word = words[position]
        guard word.count >= 4, word.count % 2 == 0 else { return false }
        return word.enumerated().allSatisfy { offset, character in offset % 2 == 0 ? character.isLetter : character == "." }
    }

    /// The site's own name ("Business Insider" on businessinsider.com): its letters and digits
    /// equal one of `siteKeys`, or one starts the other.
    func namesSite(_ name: String, siteKeys: [String]) -> Bool {
        let key = TextKey.letterCharacters(name)
        guard key.count >= 3 else { return false }
        return siteKeys.contains { site in site == key || (site.count >= 4 && (key.hasPrefix(site) || site.hasPrefix(key))) }
    }

    /// Top-level domains `isOrganization` looks for, as bytes.
    static let domains: [[UInt8]] = ["de", "com", "net", "org", "at", "ch", "fr", "es", "it", "cl", "br", "info", "eu", "uk", "co", "io"].map { Array($0.utf8) }

    /// Whether the regex `[a-z0-9]\.(de|com|…)\b` matches, on bytes: the word boundary is decided
    /// here when the domain ends the text or an ASCII byte follows; else the regex is asked.
    static func hasDomain(_ lower: String) -> Bool {
        let bytes = Array(lower.utf8)
        guard bytes.count >= 4 else { return false }
        var undecided = false
        for index in 0..<(bytes.count - 3) where bytes[index + 1] == 0x2E {
            let byte = bytes[index]
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { continue }
            let rest = bytes[(index + 2)...]
            for domain in domains where rest.starts(with: domain) {
                let after = index + 2 + domain.count
                guard after < bytes.count else { return true }
                let next = bytes[after]
                if next >= 0x80 { undecided = true; continue }
                let isWord = (next >= 0x61 && next <= 0x7A) || (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39) || next == 0x5F
                if !isWord { return true }
            }
        }
        return undecided && lower.range(of: "[a-z0-9]\\.(de|com|net|org|at|ch|fr|es|it|cl|br|info|eu|uk|co|io)\\b", options: .regularExpression) != nil
    }
}
