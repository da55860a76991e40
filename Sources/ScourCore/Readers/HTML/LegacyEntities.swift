/// The named character references a browser decodes without their ';' ("&copy 2012", "Fish &amp chips"):
/// the legacy names of the HTML standard's table (those listed there also without the semicolon).
/// libxml2 2.9 leaves them as text, so a page showing "© 2012" would read "&copy 2012".
/// (The standard's capitalised AMP, COPY, GT, LT, QUOT and REG are left out: libxml2 2.9 knows
/// only HTML 4's names, so a ';' after them would stay in the text.)
enum LegacyEntities {
    static let names: Set<[UInt8]> = Set([
        "AElig", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "Ccedil", "ETH",
        "Eacute", "Ecirc", "Egrave", "Euml", "Iacute", "Icirc", "Igrave", "Iuml", "Ntilde",
        "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "THORN", "Uacute", "Ucirc",
        "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde",
        "auml", "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc",
        "egrave", "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc", "iexcl", "igrave",
        "iquest", "iuml", "laquo", "lt", "macr", "micro", "middot", "nbsp", "not", "ntilde", "oacute",
        "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot",
        "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc",
        "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ].map { Array($0.utf8) })
    static let longest = 6

    /// Where a ';' belongs after the reference starting with the '&' at `ampersand`: the end of a
    /// legacy name followed by neither ';' nor a letter, digit or '=' (there a browser reads the
    /// bytes as they are in an attribute, and so they are left everywhere: "?a=1&copy=2", "&ampx").
    static func missingSemicolon(_ base: UnsafePointer<UInt8>, ampersand: Int, end: Int) -> Int? {
        var index = ampersand + 1
        while index < end, index - ampersand <= longest + 1, isAlphanumeric(base[index]) { index += 1 }
        let length = index - ampersand - 1
        guard length >= 2, length <= longest else { return nil }
        // The reference's end: a ';' (the usual case, decided before any lookup), '=', or the run's end.
        if index < end, base[index] == UInt8(ascii: ";") || base[index] == UInt8(ascii: "=") { return nil }
        guard names.contains(Array(UnsafeBufferPointer(start: base + ampersand + 1, count: length))) else { return nil }
        return index
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
    }
}
