import Foundation

/// The messy-input benchmark: each page of a bench set is run through the pipeline clean,
/// then again with one common fault put in its bytes (in memory), and the share of the
/// clean run's body words the faulty run still keeps is reported per fault class. The
/// faults are the ones real scrapes carry: a stray byte, a Latin-1 letter in a UTF-8 page,
/// a wrong declared charset, a legacy multibyte page with one bad sequence, a NUL byte, a
/// body still gzip-compressed, UTF-16 saved without its byte-order mark.
public struct MessyBench {
    public enum Fault: String, CaseIterable, Sendable {
        case strayByteAtEnd = "stray byte at end"
        case strayByteInBody = "stray byte in body"
        case latin1InUTF8 = "Latin-1 é in UTF-8"
        case declaredShiftJIS = "declared shift_jis"
        case declaredEUCKR = "declared euc-kr"
        case shiftJISBadPair = "Shift_JIS, one bad pair"
        case nulInBody = "one NUL in body"
        case declaredWindows1252 = "declared windows-1252"
        case gzipUnderPlainName = "gzip under a plain name"
        case utf16WithoutMark = "UTF-16LE, no mark"
    }

    /// Words kept over clean words for one fault, over all pages and over each half of the set.
    public struct Share: Sendable {
        public var pages = 0
        public var cleanWords = [0, 0]
        public var keptWords = [0, 0]

        public var total: Double { ratio(keptWords[0] + keptWords[1], cleanWords[0] + cleanWords[1]) }
        public func half(_ index: Int) -> Double { ratio(keptWords[index], cleanWords[index]) }
        private func ratio(_ kept: Int, _ clean: Int) -> Double { clean > 0 ? Double(kept) / Double(clean) : 1 }
    }

    public var pipeline: Pipeline

    public init(pipeline: Pipeline) {
        self.pipeline = pipeline
    }

    /// Every fault over every page of `documents` that it applies to.
    public func run(_ documents: [Document]) -> [Fault: Share] {
        var shares: [Fault: Share] = [:]
        for document in documents {
            guard let raw = document.raw, let clean = try? pipeline.process(document).get() else { continue }
            let pageWords = Self.words(clean.bodyText)
            guard !pageWords.isEmpty else { continue }
            // Halves by a hash of the page's name, so each half is a fixed, unbiased sample.
            let half = Int(Self.fnv1a(Array(document.source.utf8)) % 2)
            // The Shift_JIS fault is measured against the same page in Shift_JIS without the bad pair.
            let inShiftJIS = ShiftJISEncoder.encode(raw).map { bytes -> Document in
                var page = document
                page.raw = bytes
                page.declaredCharset = "shift_jis"
                return page
            }
            let shiftJISWords = inShiftJIS.flatMap { try? pipeline.process($0).get() }.map { Self.words($0.bodyText) }
            for fault in Fault.allCases {
                let base = fault == .shiftJISBadPair ? inShiftJIS : document
                let cleanWords = fault == .shiftJISBadPair ? shiftJISWords ?? [:] : pageWords
                guard let base, let baseRaw = base.raw, !cleanWords.isEmpty,
                      let faulty = Self.apply(fault, to: baseRaw, of: base) else { continue }
                let output = (try? pipeline.process(faulty).get())?.bodyText ?? ""
                var share = shares[fault] ?? Share()
                share.pages += 1
                share.cleanWords[half] += cleanWords.values.reduce(0, +)
                share.keptWords[half] += Self.kept(cleanWords, in: Self.words(output))
                shares[fault] = share
            }
        }
        return shares
    }

    /// The page with the fault put in, or nil when the fault does not apply to it.
    static func apply(_ fault: Fault, to raw: [UInt8], of document: Document) -> Document? {
        var faulty = document
        var bytes = raw
        let middle = middleSpace(raw, html: document.format == .html)
        switch fault {
        case .strayByteAtEnd:
            bytes += document.format == .html ? Array("<!-- \u{1} -->".utf8).map { $0 == 1 ? 0x9D : $0 } : [0x9D]
        case .strayByteInBody:
            bytes.insert(0x9D, at: middle)
        case .latin1InUTF8:
            guard UTF8Census.isValid(raw) else { return nil }
            bytes.insert(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x20], at: middle)
        case .declaredShiftJIS, .declaredEUCKR:
            guard UTF8Census.isValid(raw), raw.contains(where: { $0 >= 0x80 }) else { return nil }
            faulty.declaredCharset = fault == .declaredShiftJIS ? "shift_jis" : "euc-kr"
        case .shiftJISBadPair:
            // `raw` is already the page in Shift_JIS; 0x85 0x40 is a pair it leaves unassigned.
            bytes.insert(contentsOf: [0x85, 0x40], at: middle)
        case .nulInBody:
            bytes.insert(0x00, at: middle)
        case .declaredWindows1252:
            guard UTF8Census.isValid(raw), raw.contains(where: { $0 >= 0x80 }) else { return nil }
            faulty.declaredCharset = "windows-1252"
        case .gzipUnderPlainName:
            guard let packed = GzipMember.compress(raw) else { return nil }
            bytes = packed
        case .utf16WithoutMark:
            guard UTF8Census.isValid(raw) else { return nil }
            bytes = String(decoding: raw, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        faulty.raw = bytes
        return faulty
    }

    /// A space about halfway through the body (or the file), so the fault lands in text, not in a character.
    static func middleSpace(_ bytes: [UInt8], html: Bool) -> Int {
        var start = 0
        if html, let body = firstIndex(of: Array("<body".utf8), in: bytes) { start = body }
        var index = start + (bytes.count - start) / 2
        while index < bytes.count, bytes[index] != 0x20 { index += 1 }
        return min(index, bytes.count)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    static func words(_ text: String) -> [Substring: Int] {
        var counts: [Substring: Int] = [:]
        for word in text.split(whereSeparator: { $0.isWhitespace }) { counts[word, default: 0] += 1 }
        return counts
    }

    /// Clean words found again, each as many times as in both.
    static func kept(_ clean: [Substring: Int], in faulty: [Substring: Int]) -> Int {
        clean.reduce(0) { $0 + min($1.value, faulty[$1.key] ?? 0) }
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// Enough of a Shift_JIS encoder to turn a UTF-8 bench page into Shift_JIS: the index's first
/// pointer for each code point. Nil for bytes that are not UTF-8.
enum ShiftJISEncoder {
    static let pointers: [UInt32: Int] = {
        var table: [UInt32: Int] = [:]
        for (pointer, point) in EncodingTables.jis0208.enumerated() where point != 0 && table[point] == nil {
            table[point] = pointer
        }
        return table
    }()

    /// Characters Shift_JIS cannot write become `?` (in the clean and faulty runs alike).
    static func encode(_ utf8: [UInt8]) -> [UInt8]? {
        guard UTF8Census.isValid(utf8) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            if value < 0x80 { out.append(UInt8(value)); continue }
            guard let pointer = pointers[value] else { out.append(0x3F); continue }
            let lead = pointer / 188, trail = pointer % 188
            out.append(UInt8(lead + (lead < 0x1F ? 0x81 : 0xC1)))
            out.append(UInt8(trail + (trail < 0x3F ? 0x40 : 0x41)))
        }
        return out
    }
}
