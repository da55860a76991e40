import Foundation

/// The encodings of the WHATWG Encoding Standard, named as the standard names them.
/// A label a page or server gives (`latin1`, `x-sjis`, `ks_c_5601-1987`…) maps to one of
/// these through the standard's label table (Resources/encoding/labels.tsv); a label
/// outside it (`utf-32`, `IBM037`) maps to none and the page is sniffed, as browsers do.
public enum WebEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16BE = "UTF-16BE", utf16LE = "UTF-16LE"
    case shiftJIS = "Shift_JIS", eucJP = "EUC-JP", iso2022JP = "ISO-2022-JP"
    case eucKR = "EUC-KR", big5 = "Big5", gbk = "GBK", gb18030 = "gb18030"
    case replacement, xUserDefined = "x-user-defined"
    case ibm866 = "IBM866", koi8R = "KOI8-R", koi8U = "KOI8-U", macintosh, xMacCyrillic = "x-mac-cyrillic"
    case iso8859_2 = "ISO-8859-2", iso8859_3 = "ISO-8859-3", iso8859_4 = "ISO-8859-4", iso8859_5 = "ISO-8859-5"
    case iso8859_6 = "ISO-8859-6", iso8859_7 = "ISO-8859-7", iso8859_8 = "ISO-8859-8", iso8859_8I = "ISO-8859-8-I"
    case iso8859_10 = "ISO-8859-10", iso8859_13 = "ISO-8859-13", iso8859_14 = "ISO-8859-14"
    case iso8859_15 = "ISO-8859-15", iso8859_16 = "ISO-8859-16"
    case windows874 = "windows-874", windows1250 = "windows-1250", windows1251 = "windows-1251"
    case windows1252 = "windows-1252", windows1253 = "windows-1253", windows1254 = "windows-1254"
    case windows1255 = "windows-1255", windows1256 = "windows-1256", windows1257 = "windows-1257"
    case windows1258 = "windows-1258"

    /// The encoding a label names, per the standard: ASCII whitespace trimmed, case ignored.
    public init?(label: String) {
        let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}\"'")).lowercased()
        guard let encoding = EncodingTables.labels[trimmed] else { return nil }
        self = encoding
    }

    /// Encodings whose bytes 0x80–0xFF each map through one 128-entry table.
    public var isSingleByte: Bool {
        switch self {
        case .utf8, .utf16BE, .utf16LE, .shiftJIS, .eucJP, .iso2022JP, .eucKR, .big5, .gbk, .gb18030,
             .replacement, .xUserDefined: return false
        default: return true
        }
    }

    /// The East Asian encodings that pair or group bytes.
    public var isLegacyMultibyte: Bool {
        switch self {
        case .shiftJIS, .eucJP, .iso2022JP, .eucKR, .big5, .gbk, .gb18030: return true
        default: return false
        }
    }

    public var isUTF16: Bool { self == .utf16BE || self == .utf16LE }
}
