import Foundation

/// Turns input bytes into UTF-8 text the way a browser reads them (see `EncodingChoice` for
/// which encoding, `WebDecoder` for the decoding): nothing after a bad byte is ever dropped,
/// each bad sequence becomes U+FFFD and is counted, and bytes that are not text at all are
/// refused.
public enum TextDecoder {
    public enum Outcome: Sendable, Equatable {
        case text(String, notes: [String], replacements: Int)
        case notText(reason: String)
    }

    /// A page's bytes read in the chosen encoding.
    public struct Reading: Sendable, Equatable {
        public var utf8: [UInt8]
        public var choice: EncodingChoice
        /// U+FFFD put in for byte sequences the encoding could not map.
        public var replacements: Int
        /// What the user should hear about: a declaration set aside, replacements made.
        public var notes: [String]
    }

    /// Plain text and markdown: no `<meta>` to consult, so a byte-order mark, the declared charset, or the bytes.
    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> Outcome {
        if bytes.isEmpty { return .notText(reason: "empty file") }
        let choice = EncodingChoice.choose(bytes, declared: declaredCharset)
        if !choice.skipsBinarySniff, looksBinary(bytes) { return .notText(reason: "binary content, not text") }
        let reading = read(bytes, as: choice)
        return .text(String(decoding: reading.utf8, as: UTF8.self), notes: reading.notes, replacements: reading.replacements)
    }

    /// The bytes (a byte-order mark dropped) as UTF-8, with NUL bytes read as spaces: a NUL is
    /// never text, and libxml2 would end the document at one.
    public static func read(_ bytes: [UInt8], as choice: EncodingChoice) -> Reading {
        var body = bytes
        if choice.source == .byteOrderMark { body.removeFirst(choice.encoding == .utf8 ? 3 : 2) }
        var decoded = WebDecoder.decode(body, as: choice.encoding)
        // memchr: the C library's vectorised scan, this runs over every page's bytes.
        let hasNUL = decoded.utf8.withUnsafeBytes { raw in raw.count > 0 && memchr(raw.baseAddress!, 0, raw.count) != nil }
        if hasNUL {
            for index in decoded.utf8.indices where decoded.utf8[index] == 0 { decoded.utf8[index] = 0x20 }
        }
        var notes: [String] = []
        if let note = choice.note { notes.append(note) }
        if decoded.replacements > 0 {
            let plural = decoded.replacements == 1 ? "sequence" : "sequences"
            notes.append("\(decoded.replacements) invalid byte \(plural) in \(choice.encoding.rawValue) replaced by U+FFFD")
        }
        return Reading(utf8: decoded.utf8, choice: choice, replacements: decoded.replacements, notes: notes)
    }

    /// Control bytes over a share of the first 8 KiB, or a known binary signature (see `BinarySniffer`).
    static func looksBinary(_ bytes: [UInt8]) -> Bool { BinarySniffer.looksBinary(bytes) }

    /// Windows-1252 as the Encoding Standard reads it: every byte maps (0x81 → U+0081 and so on).
    public static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        String(decoding: WebDecoder.decode(bytes, as: .windows1252).utf8, as: UTF8.self)
    }
}
