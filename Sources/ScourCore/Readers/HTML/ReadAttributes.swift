/// The attribute names some part of Scour reads from the HTML tree; `RawTextElider` drops
/// every other attribute before libxml2 parses the page (libxml2 2.9 decodes attribute values
/// character by character, and most of a page's attribute bytes are names nobody here asks for).
///
/// Adding a lookup of a new attribute anywhere (`HTMLNode.attribute`, `forEachAttribute`)
/// means adding its name here, or the tree will never hold it:
/// `RawTextEliderTests.testEveryNameTheReadersAskForIsKept` finds the readers' look-ups in their source.
enum ReadAttributes {
    /// Lowercase, as libxml2 names attributes in its tree; matched ignoring ASCII case.
    static let names: [StaticString] = [
        // Class and id words, roles and microdata: block kinds, boilerplate and content scores,
        // metadata fields (HTMLBlockWalker.ElementAttributes, MarkupScan.ElementMarks, classWords).
        "class", "id", "role", "itemprop",
        // Hidden elements are left out of the text (ElementAttributes).
        "hidden", "aria-hidden", "style",
        // Links (link density, author profiles, rel=author, <link rel=canonical>) and
        // `type` (JSON-LD script blocks, which the elider keeps by it too).
        "href", "rel", "type",
        // <meta> fields: title, description, authors, dates, outlet, tags.
        "content", "name", "property", "http-equiv",
        // Dates in <time> and date-classed elements, a date in a title attribute.
        "datetime", "pubdate", "title",
        // The page's declared language (<html lang>).
        "lang", "xml:lang",
        // Not read by Scour, but libxml2 itself reads a <meta charset> (htmlCheckMeta) when
        // it parses through a converter: kept so its parse never changes.
        "charset",
    ]

    /// The names by length, so a lookup compares only names of the attribute's own length.
    static let byLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: longest + 1)
        for name in names {
            let bytes = Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            table[bytes.count].append(bytes)
        }
        return table
    }()

    static let longest = names.map(\.utf8CodeUnitCount).max() ?? 0

    /// Whether `base[start..<start + length]` is a read name, in any ASCII case. The name's bytes,
    /// capitals lowered, are packed into two words and found in a small open-addressing table:
    /// the elider asks this of every attribute of every page.
    static func contains(_ base: UnsafePointer<UInt8>, _ start: Int, length: Int) -> Bool {
        guard length <= longest else { return false }
        guard length <= 16 else { return containsByScan(base, start, length: length) }
        var low: UInt64 = 0, high: UInt64 = 0
        for offset in 0..<length {
            let byte = UInt64(ASCIIText.fold(base[start + offset]))
            if offset < 8 { low |= byte << UInt64(8 * offset) } else { high |= byte << UInt64(8 * (offset - 8)) }
        }
        return table.holds(low, high, length)
    }

    /// The names packed as `contains` packs a page's bytes (every name is at most 16 bytes).
    private static let table = PackedNames(names.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) })

    struct PackedNames {
        private var lows = [UInt64](repeating: 0, count: 64)
        private var highs = [UInt64](repeating: 0, count: 64)
        /// 0: an empty slot (no name is empty).
        private var lengths = [Int](repeating: 0, count: 64)

        init(_ names: [[UInt8]]) {
            for name in names where !name.isEmpty && name.count <= 16 {
                var low: UInt64 = 0, high: UInt64 = 0
                for (offset, byte) in name.enumerated() {
                    if offset < 8 { low |= UInt64(byte) << UInt64(8 * offset) } else { high |= UInt64(byte) << UInt64(8 * (offset - 8)) }
                }
                var slot = Self.slot(low, high, name.count)
                while lengths[slot] != 0 { slot = (slot + 1) & 63 }
                (lows[slot], highs[slot], lengths[slot]) = (low, high, name.count)
            }
        }

        @inline(__always)
        private static func slot(_ low: UInt64, _ high: UInt64, _ length: Int) -> Int {
            Int(truncatingIfNeeded: ((low ^ high &* 31 ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        }

        func holds(_ low: UInt64, _ high: UInt64, _ length: Int) -> Bool {
            var slot = Self.slot(low, high, length)
            while lengths[slot] != 0 {
                if lengths[slot] == length && lows[slot] == low && highs[slot] == high { return true }
                slot = (slot + 1) & 63
            }
            return false
        }
    }

    /// The look-up `contains` stands in for: each name of the page's length compared byte by byte.
    static func containsByScan(_ base: UnsafePointer<UInt8>, _ start: Int, length: Int) -> Bool {
        guard length <= longest else { return false }
        for name in byLength[length] where matches(name, base + start) { return true }
        return false
    }

    /// `name` is lowercase letters and '-', ':'; an uppercase letter in the page matches its lowercase.
    private static func matches(_ name: [UInt8], _ bytes: UnsafePointer<UInt8>) -> Bool {
        for offset in 0..<name.count {
            let byte = bytes[offset]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != name[offset] { return false }
        }
        return true
    }
}
