import Foundation

/// Scalars that make Unicode's text rules trivial: each is a Character of its own, is in NFC
/// and joins nothing before or after it, and its lowercase mapping is one such scalar. On a
/// stretch of them, `lowercased()` maps scalar by scalar, canonical equivalence is byte
/// equality, and a Character offset is a scalar offset, so label checks can run on bytes.
/// Covered: ASCII but CR, then U+0080–U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic letters)
/// and the general punctuation and currency signs, without marks, format controls
/// (Arabic prepended signs among them) and the few scalars NFC replaces.
enum PlainScalar {
    /// The lowercase mapping of each scalar below U+2100, or 0 where the scalar is not plain.
    static let lowered: [UInt32] = (0..<0x2100).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), isPlain(scalar) else { return 0 }
        let mapping = Array(scalar.properties.lowercaseMapping.unicodeScalars)
        guard mapping.count == 1, isPlain(mapping[0]) else { return 0 }
        return mapping[0].value
    }

    /// NFC changes these (singletons and one composition exclusion below U+0800).
    static let unstable: Set<UInt32> = [0x340, 0x341, 0x343, 0x344, 0x374, 0x37E, 0x387]

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value != 0x0D }
        guard value < 0x800 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
                || (0x20A0...0x20BF).contains(value) else { return false }
        guard scalar.properties.canonicalCombiningClass == .notReordered, !unstable.contains(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .unassigned, .surrogate, .privateUse: return false
        default: return true
        }
    }

    /// Whether every scalar of the text is plain: the text is in NFC, and so is its letter key
    /// (`TextKey.letters`), made of the scalars' lowercase mappings, plain too.
    static func isPlainText(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 { if value == 0x0D { return false }; continue }
            guard value < 0x2100, lowered[Int(value)] != 0 else { return false }
        }
        return true
    }

    /// The lowercased UTF-8 of the text's leading plain scalars, at most `limit` of them; how many
    /// those are, and whether they are the whole text. A label of k scalars is decided on these
    /// bytes when they hold k + 1 scalars (none can join the label's last) or the whole text.
    static func plainLead(_ text: String, scalars limit: Int) -> (bytes: [UInt8], scalars: Int, complete: Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, 128))
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { return (bytes, count, false) }
            let value = scalar.value
            if value < 0x80 {
                guard value != 0x0D else { return (bytes, count, false) }
                bytes.append(ASCIIText.fold(UInt8(value)))
            } else {
                guard value < 0x2100, case let low = lowered[Int(value)], low != 0 else { return (bytes, count, false) }
                UTF8.encode(Unicode.Scalar(low)!) { bytes.append($0) }
            }
            count += 1
        }
        return (bytes, count, true)
    }

    /// The lowercased UTF-8 of the text's first `limit` scalars (all of it when shorter), or nil
    /// when one of them is not plain. `mark` receives the lowered byte offset of scalar `markAt`
    /// (the lowered length when the text is shorter).
    static func loweredLead(_ text: String, scalars limit: Int, markAt: Int = -1, mark: inout Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, 128))
        var count = 0
        var ok = true
        mark = -1
        for scalar in text.unicodeScalars {
            if count == limit { break }
            if count == markAt { mark = bytes.count }
            let value = scalar.value
            if value < 0x80 {
                guard value != 0x0D else { ok = false; break }
                bytes.append(ASCIIText.fold(UInt8(value)))
            } else {
                guard value < 0x2100, case let low = lowered[Int(value)], low != 0 else { ok = false; break }
                UTF8.encode(Unicode.Scalar(low)!) { bytes.append($0) }
            }
            count += 1
        }
        if mark < 0 { mark = bytes.count }
        return ok ? bytes : nil
    }
}

/// Labels looked for near a text's start ("Last updated:" within its first 20 Characters), on
/// bytes: the String rule lowercases the whole text and searches it once per label.
struct LeadingLabels: Sendable {
    let labels: [[UInt8]]
    /// Every label is plain scalars, so the byte answer is the String rule's.
    let usable: Bool
    /// Each label's length in scalars, and the longest.
    let counts: [Int]
    let longest: Int

    init(_ list: [String]) {
        labels = list.map { Array($0.utf8) }
        var mark = 0
        usable = list.allSatisfy { label in
            !label.isEmpty && PlainScalar.loweredLead(label, scalars: .max, mark: &mark) == Array(label.utf8)
        }
        counts = list.map { $0.unicodeScalars.count }
        longest = counts.max() ?? 0
    }

    /// String rule: some label's first occurrence in `text.lowercased()` starts less than `within`
    /// Characters in. Nil when the text's lead holds a scalar that is not plain: the window read is
    /// the scalars a match could cover plus the one after it, which must not join the match's last.
    func startsWithin(_ text: String, characters within: Int) -> Bool? {
        guard usable else { return nil }
        var end = 0
        guard let lead = PlainScalar.loweredLead(text, scalars: within + longest + 1, markAt: within, mark: &end) else { return nil }
        // A label starting before `end` lies within its first `end - 1 + count` bytes.
        return labels.contains { label in
            ByteSearch.firstOffset(of: label, in: lead[..<min(lead.count, end - 1 + label.count)]) != nil
        }
    }

    /// String rule: `text.prefix(characters).lowercased()` has some label as its prefix. Nil when
    /// the text's plain lead is too short to tell: it must hold one scalar past the window (so the
    /// window's Characters are its scalars) or the whole text.
    func startsPrefix(_ text: String, characters: Int) -> Bool? {
        guard usable else { return nil }
        let lead = PlainScalar.plainLead(text, scalars: characters + 1)
        guard lead.complete || lead.scalars > characters else { return nil }
        return zip(labels, counts).contains { label, count in count <= characters && lead.bytes.starts(with: label) }
    }
}
