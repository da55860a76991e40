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
        // A `Review`, `Comment` or `Answer` item after the headline is a reader's text (MarkupScan.ElementMarks).
        "itemtype",
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

    /// Whether `base[start..<start + length]` is a read name, in any ASCII case.
    static func contains(_ base: UnsafePointer<UInt8>, _ start: Int, length: Int) -> Bool {
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
