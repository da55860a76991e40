import Foundation

/// Boilerplate phrases for one language, read from `Resources/lexicon/<lang>.json`.
/// Each rule names a kind of boilerplate and how its phrases match a block.
public struct Lexicon: Sendable {
    public struct Rule: Sendable, Decodable {
        /// The whole block equals one of these (case and trailing punctuation ignored).
        public var exact: [String] = []
        /// The block starts with one of these.
        public var prefix: [String] = []
        /// The block ends with one of these ("joe says:").
        public var suffix: [String] = []
        /// The block contains one of these; only checked on blocks up to `max_words`.
        public var contains: [String] = []
        public var maxWords: Int = 40
        /// A hit after the article's main run marks the end of the article.
        public var endsArticle: Bool = false
        /// A hit opens a comment section: prose after it is readers', not the article's.
        public var startsComments: Bool = false

        enum CodingKeys: String, CodingKey {
            case exact, prefix, suffix, contains
            case maxWords = "max_words"
            case endsArticle = "ends_article"
            case startsComments = "starts_comments"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            exact = try container.decodeIfPresent([String].self, forKey: .exact) ?? []
            prefix = try container.decodeIfPresent([String].self, forKey: .prefix) ?? []
            contains = try container.decodeIfPresent([String].self, forKey: .contains) ?? []
            suffix = try container.decodeIfPresent([String].self, forKey: .suffix) ?? []
            maxWords = try container.decodeIfPresent(Int.self, forKey: .maxWords) ?? 40
            endsArticle = try container.decodeIfPresent(Bool.self, forKey: .endsArticle) ?? false
            startsComments = try container.decodeIfPresent(Bool.self, forKey: .startsComments) ?? false
        }
    }

    public let language: String
    public let rules: [String: Rule]

    private struct File: Decodable {
        var language: String
        var rules: [String: Rule]
    }

    public init(data: Data, path: String) throws {
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            language = file.language
            rules = file.rules.mapValues { rule in
                var rule = rule
                rule.exact = rule.exact.map(TextKey.phrase)
                rule.prefix = rule.prefix.map { Lexicon.folded($0) }
                rule.suffix = rule.suffix.map { Lexicon.folded($0) }
                rule.contains = rule.contains.map { $0.lowercased() }
                return rule
            }
        } catch let error as DecodingError {
            throw ResourceError.malformed(path: path, reason: "\(error)")
        }
    }

    /// Lowercased with every run of digits written `#`, so "34 comments" matches "# comments".
    static func folded(_ text: String) -> String {
        String(decoding: TextFold.fold(text).folded, as: UTF8.self)
    }
}

/// All selected lexicons merged, answering "which boilerplate rule does this block hit?".
/// Phrases are UTF-8 bytes bucketed by first byte (prefixes), last byte (suffixes) and first
/// two bytes (contained phrases), so one block costs one fold and a scan, not a search per phrase.
/// Priority is unchanged: the longest phrase of a kind wins, then lexicon order.
public struct PhraseMatcher: Sendable {
    public struct Hit: Sendable, Equatable {
        public var rule: String
        public var endsArticle: Bool
        public var startsComments: Bool = false
        /// Words of the block before a contained phrase (0 for a phrase that starts, ends or is the block).
        public var wordsBefore = 0
    }

    private struct Entry: Sendable {
        var rule: String
        var endsArticle: Bool
        var startsComments: Bool
        var maxWords: Int

        var hit: Hit { Hit(rule: rule, endsArticle: endsArticle, startsComments: startsComments) }
    }

    private struct Phrase: Sendable {
        var bytes: [UInt8]
        var entry: Entry
    }

    private var exact: [[UInt8]: Entry] = [:]
    private var longestExact = 0
    /// Phrases in priority order, and per leading (or trailing) byte the indices that can match.
    private var prefixes: [Phrase] = []
    private var prefixBuckets: [[Int]] = Array(repeating: [], count: 256)
    private var suffixes: [Phrase] = []
    private var suffixBuckets: [[Int]] = Array(repeating: [], count: 256)
    private var contains: [Phrase] = []
    /// Slot of the first two bytes (`b0 << 8 | b1`; one-byte phrases at `0x10000 | b0`) to a bucket of phrase indices.
    private var containsTable: [Int32] = Array(repeating: -1, count: 0x10100)
    private var containsBuckets: [[Int]] = []
    private var containsMaxWords = 0
    private var hasOneBytePhrases = false
    private var prefixMaxWords = 0
    private var suffixMaxWords = 0
    /// The largest `maxWords` of any prefix, suffix or contained phrase.
    private var mostWords = 0

    public init(lexicons: [Lexicon]) {
        var prefixList: [(String, Entry)] = []
        var suffixList: [(String, Entry)] = []
        var containsList: [(String, Entry)] = []
        var exactKeys: [String: Entry] = [:]
        for lexicon in lexicons {
            for (name, rule) in lexicon.rules.sorted(by: { $0.key < $1.key }) {
                let entry = Entry(rule: name, endsArticle: rule.endsArticle, startsComments: rule.startsComments,
                                  maxWords: rule.maxWords)
                for phrase in rule.exact where exactKeys[phrase] == nil { exactKeys[phrase] = entry }
                prefixList += rule.prefix.map { ($0, entry) }
                suffixList += rule.suffix.map { ($0, entry) }
                containsList += rule.contains.map { ($0, entry) }
            }
        }
        // Longer phrases first, so the most specific rule names the removal. Each phrase's length
        // (in Characters) is counted once: counted in the comparison, it was most of the start-up's sort.
        func longestFirst(_ list: [(String, Entry)]) -> [(String, Entry)] {
            list.map { (length: $0.0.count, item: $0) }.sorted { $0.length > $1.length }.map(\.item)
        }
        prefixList = longestFirst(prefixList)
        suffixList = longestFirst(suffixList)
        containsList = longestFirst(containsList)
        for (phrase, entry) in exactKeys {
            let bytes = Array(phrase.canonicalComposed.utf8)
            exact[bytes] = entry
            longestExact = max(longestExact, bytes.count)
        }
        let bytes = { (text: String) in Array(text.canonicalComposed.utf8) }
        prefixes = prefixList.map { Phrase(bytes: bytes($0.0), entry: $0.1) }.filter { !$0.bytes.isEmpty }
        suffixes = suffixList.map { Phrase(bytes: bytes($0.0), entry: $0.1) }.filter { !$0.bytes.isEmpty }
        contains = containsList.map { Phrase(bytes: bytes($0.0), entry: $0.1) }.filter { !$0.bytes.isEmpty }
        for (index, phrase) in prefixes.enumerated() {
            prefixBuckets[Int(phrase.bytes[0])].append(index)
            prefixMaxWords = max(prefixMaxWords, phrase.entry.maxWords)
        }
        for (index, phrase) in suffixes.enumerated() {
            suffixBuckets[Int(phrase.bytes[phrase.bytes.count - 1])].append(index)
            suffixMaxWords = max(suffixMaxWords, phrase.entry.maxWords)
        }
        for (index, phrase) in contains.enumerated() {
            let slot = phrase.bytes.count > 1 ? Int(phrase.bytes[0]) << 8 | Int(phrase.bytes[1]) : 0x10000 | Int(phrase.bytes[0])
            hasOneBytePhrases = hasOneBytePhrases || phrase.bytes.count == 1
            if containsTable[slot] < 0 {
                containsTable[slot] = Int32(containsBuckets.count)
                containsBuckets.append([])
            }
            containsBuckets[Int(containsTable[slot])].append(index)
            containsMaxWords = max(containsMaxWords, phrase.entry.maxWords)
        }
        mostWords = max(prefixMaxWords, suffixMaxWords, containsMaxWords)
    }

    /// `letters`: the block's letter count (`BlockFeatures.letters`), when known. Every letter stays in
    /// the folded text and is never trimmed from its ends, so a block with more words than any
    /// phrase rule allows and more letters than the longest exact phrase has bytes matches nothing:
    /// most prose, which then skips the fold.
    public func match(_ text: String, wordCount: Int, letters: Int = 0) -> Hit? {
        if wordCount > mostWords && letters > longestExact { return nil }
        let (lower, folded) = TextFold.fold(text)
        let trimmed = TextKey.trimmedRange(folded)
        if trimmed.count <= longestExact, let entry = exact[Array(folded[trimmed])] {
            return entry.hit
        }
        return folded.withUnsafeBufferPointer { buffer -> Hit? in
            if wordCount <= prefixMaxWords, let first = buffer.first {
                for index in prefixBuckets[Int(first)] {
                    let phrase = prefixes[index]
                    if wordCount <= phrase.entry.maxWords && TextFold.matches(buffer, at: 0, phrase.bytes) {
                        return phrase.entry.hit
                    }
                }
            }
            if wordCount <= suffixMaxWords, let last = buffer.last {
                for index in suffixBuckets[Int(last)] {
                    let phrase = suffixes[index]
                    if wordCount <= phrase.entry.maxWords
                        && TextFold.matches(buffer, at: buffer.count - phrase.bytes.count, phrase.bytes) {
                        return phrase.entry.hit
                    }
                }
            }
            return nil
        } ?? containsHit(lower, wordCount: wordCount)
    }

    /// The highest-priority contained phrase: one pass over the text, checking only the
    /// phrases that start with the two bytes at each position.
    private func containsHit(_ lower: [UInt8], wordCount: Int) -> Hit? {
        guard wordCount <= containsMaxWords, !contains.isEmpty else { return nil }
        var best = Int.max
        var bestOffset = 0
        lower.withUnsafeBufferPointer { buffer in
            func scan(_ slot: Int, at offset: Int) {
                let bucket = containsTable[slot]
                guard bucket >= 0 else { return }
                for index in containsBuckets[Int(bucket)] where index < best {
                    let phrase = contains[index]
                    if wordCount <= phrase.entry.maxWords && TextFold.matches(buffer, at: offset, phrase.bytes) {
                        best = index
                        bestOffset = offset
                        return
                    }
                }
            }
            for offset in 0..<buffer.count {
                let byte = Int(buffer[offset])
                if offset + 1 < buffer.count { scan(byte << 8 | Int(buffer[offset + 1]), at: offset) }
                if hasOneBytePhrases { scan(0x10000 | byte, at: offset) }
            }
        }
        guard best != Int.max else { return nil }
        var hit = contains[best].entry.hit
        // Words end where a space starts one: count the starts before the phrase.
        var words = 0
        for offset in 0..<bestOffset where lower[offset] != 0x20 && (offset == 0 || lower[offset - 1] == 0x20) { words += 1 }
        hit.wordsBefore = words
        return hit
    }
}
