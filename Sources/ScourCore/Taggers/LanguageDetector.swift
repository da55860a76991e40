import Foundation

/// Guesses a text's language (ISO 639-1) from the share of each language's stopwords.
/// Words are read as lowercased UTF-8 bytes and looked up in a byte-keyed table: building a
/// String per word and hashing it was most of the metadata stage's cost.
public struct LanguageDetector: Sendable {
    /// Language codes, sorted: ties between equal counts go to the first.
    let languages: [String]
    /// Word → bit set of the languages (indices into `languages`) it is a stopword of.
    let table: ByteTable<UInt64>
    /// The same as a String dictionary, for words whose bytes may not be their canonical form
    /// (combining marks): String lookup compares canonically equivalent words as equal.
    let masksByWord: [String: UInt64]

    public init(stopwords: [String: Set<String>]) {
        languages = stopwords.keys.sorted()
        var masks: [String: UInt64] = [:]
        for (index, language) in languages.enumerated() where index < 64 {
            for word in stopwords[language] ?? [] { masks[word, default: 0] |= 1 << UInt64(index) }
        }
        masksByWord = masks
        // Looked-up words with plain scalars are in composed form (NFC): so are the keys here.
        var composed = masks
        for (word, mask) in masks where !word.utf8.allSatisfy({ $0 < 0x80 }) { composed[word.precomposedStringWithCanonicalMapping, default: 0] |= mask }
        table = ByteTable(composed.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }, merge: |)
    }

    /// For each scalar below U+0800: 0 when it is not alphabetic, else its lowercase mapping when
    /// that is one scalar, else `multiScalar`. Looking the properties up per letter was most of the
    /// cost of non-ASCII pages.
    static let twoByteLetters: [UInt32] = (0..<0x800).map { value in
        guard value >= 0x80, let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.isAlphabetic else { return 0 }
        let mapping = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        return mapping.count == 1 && mapping[0].value != 0 ? mapping[0].value : multiScalar
    }
    static let multiScalar = UInt32.max

    /// nil when too few words, or no language's stopwords stand out.
    public func detect(_ text: String, maxWords: Int = 2000) -> String? {
        detect(texts: CollectionOfOne(text), maxWords: maxWords)
    }

    /// The texts read as if joined by spaces (a document's blocks), without joining them.
    public func detect<Texts: Sequence>(texts: Texts, maxWords: Int = 2000) -> String? where Texts.Element == String {
        detect(tally(texts: texts, maxWords: maxWords))
    }

    /// Words read, and per language (in `languages` order) how many were its stopwords.
    public struct Tally: Sendable {
        public let total: Int
        public let counts: [Int]
    }

    public func tally<Texts: Sequence>(texts: Texts, maxWords: Int = 2000) -> Tally where Texts.Element == String {
        var scan = Scan(detector: self, maxWords: maxWords)
        var first = true
        for text in texts {
            // The space that joined the texts ends a word.
            if !first { if scan.total >= maxWords { break }; scan.flush() }
            first = false
            if !scan.read(text) { break }
        }
        scan.flush()
        return Tally(total: scan.total, counts: scan.counts)
    }

    /// The stopwords counted for `language`, 0 for one this detector does not know.
    public func count(of language: String, in tally: Tally) -> Int {
        languages.firstIndex(of: language).map { tally.counts[$0] } ?? 0
    }

    public func detect(_ tally: Tally) -> String? {
        let total = tally.total, counts = tally.counts
        guard total >= 8 else { return nil }
        let ranked = counts.indices.filter { counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        guard let best = ranked.first, Double(counts[best]) / Double(total) >= 0.12 else { return nil }
        if ranked.count > 1, Double(counts[ranked[1]]) > Double(counts[best]) * 0.9 { return nil }
        return languages[best]
    }

    /// The running word and counts; a struct with mutating methods, so the hot loop has no
    /// closure captures (each access to a captured variable was checked at run time).
    private struct Scan {
        let detector: LanguageDetector
        let maxWords: Int
        var counts: [Int]
        var total = 0
        var word: [UInt8] = []
        /// The word holds a scalar that may combine or decompose: look it up as a String.
        var complex = false

        init(detector: LanguageDetector, maxWords: Int) {
            self.detector = detector
            self.maxWords = maxWords
            counts = Array(repeating: 0, count: detector.languages.count)
            word.reserveCapacity(64)
        }

        mutating func flush() {
            guard !word.isEmpty else { return }
            total += 1
            var mask = complex ? detector.masksByWord[String(decoding: word, as: UTF8.self)] ?? 0
                : word.withUnsafeBufferPointer { detector.table.value(for: $0) ?? 0 }
            complex = false
            while mask != 0 {
                counts[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
            word.removeAll(keepingCapacity: true)
        }

        /// Reads one text; false once `maxWords` words were read.
        mutating func read(_ text: String) -> Bool {
            // ASCII bytes are read directly; from the first other byte on, the text is read by scalars.
            var stop = 0
            let done: Bool? = text.utf8.withContiguousStorageIfAvailable { buffer in
                readASCII(buffer, stop: &stop) || readScalars(buffer, from: stop)
            }
            if let done { return done }
            for scalar in text.unicodeScalars {
                if !add(scalar) { return false }
            }
            return true
        }

        /// The rest of a text from `start` on, decoding its (valid) UTF-8 by hand: the String's
        /// scalar view checked every index. False once `maxWords` words were read.
        mutating func readScalars(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
            var offset = start
            while offset < buffer.count {
                let lead = buffer[offset]
                if word.isEmpty, Self.isASCIILetter(lead) {
                    // An ASCII word followed by an ASCII non-letter is looked up where it lies.
                    if total >= maxWords { return false }
                    var end = offset + 1
                    while end < buffer.count, Self.isASCIILetter(buffer[end]) { end += 1 }
                    if end < buffer.count, buffer[end] < 0x80 {
                        count(detector.table.value(folding: UnsafeBufferPointer(rebasing: buffer[offset..<end])) ?? 0)
                        // The non-letter after it only ends the word.
                        offset = end + 1
                        continue
                    }
                    for index in offset..<end { word.append(ASCIIText.fold(buffer[index])) }
                    offset = end
                    continue
                }
                var value = UInt32(lead)
                var length = 1
                if lead >= 0xF0 {
                    value = UInt32(lead & 0x07); length = 4
                } else if lead >= 0xE0 {
                    value = UInt32(lead & 0x0F); length = 3
                } else if lead >= 0xC0 {
                    value = UInt32(lead & 0x1F); length = 2
                }
                for index in 1..<length where offset + index < buffer.count {
                    value = value << 6 | UInt32(buffer[offset + index] & 0x3F)
                }
                offset += length
                if !add(Unicode.Scalar(value) ?? "\u{FFFD}") { return false }
            }
            return true
        }

        /// What `add` appends to a word among ASCII bytes: letters and the apostrophe.
        @inline(__always)
        static func isASCIILetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x27
        }

        /// One scalar of the text; false (and nothing read) once `maxWords` words were read.
        @inline(__always)
        mutating func add(_ scalar: Unicode.Scalar) -> Bool {
            if total >= maxWords { return false }
            let value = scalar.value
            if value >= 0x41 && value <= 0x5A {
                word.append(UInt8(value + 0x20))
            } else if (value >= 0x61 && value <= 0x7A) || value == 0x27 {
                word.append(UInt8(value))
            } else if value == 0x2019 {
                word.append(0x27)
            } else if value >= 0x80 && value < 0x800, case let entry = LanguageDetector.twoByteLetters[Int(value)], entry != LanguageDetector.multiScalar {
                // The table holds what the branch below reads from the scalar's properties.
                guard entry != 0 else { flush(); return true }
                if entry >= 0x300 && !(entry >= 0x400 && entry <= 0x482) { complex = true }
                UTF8.encode(Unicode.Scalar(entry)!) { word.append($0) }
            } else if value >= 0x80 && scalar.properties.isAlphabetic {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    // Below U+0300 and basic Cyrillic every scalar is its own composed form.
                    let code = lowered.value
                    if code >= 0x300 && !(code >= 0x400 && code <= 0x482) { complex = true }
                    UTF8.encode(lowered) { word.append($0) }
                }
            } else {
                flush()
            }
            return true
        }

        /// The ASCII run at the start of the text; true when that was the whole text. A word
        /// made of ASCII bytes only is looked up where it lies, folding case on the way.
        mutating func readASCII(_ buffer: UnsafeBufferPointer<UInt8>, stop: inout Int) -> Bool {
            // Start of the word in progress; the text starts after a flush, so `word` is empty.
            var start = -1
            for offset in 0..<buffer.count {
                let byte = buffer[offset]
                if byte >= 0x80 || total >= maxWords {
                    if start >= 0 { for index in start..<offset { word.append(ASCIIText.fold(buffer[index])) } }
                    stop = offset
                    return false
                }
                if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x27 {
                    if start < 0 { start = offset }
                } else if start >= 0 {
                    count(detector.table.value(folding: UnsafeBufferPointer(rebasing: buffer[start..<offset])) ?? 0)
                    start = -1
                }
            }
            if start >= 0 { for index in start..<buffer.count { word.append(ASCIIText.fold(buffer[index])) } }
            return true
        }

        /// One word read, with the languages it is a stopword of.
        @inline(__always)
        mutating func count(_ mask: UInt64) {
            total += 1
            var mask = mask
            while mask != 0 {
                counts[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
    }
}
