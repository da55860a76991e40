import Foundation

/// The input format, decided from the file name and, failing that, the bytes.
public enum InputFormat: String, Sendable {
    case text
    case markdown
    case html
}

/// A document as it flows through the stages.
public struct Document: Sendable {
    /// The path or URL the input came from, as given.
    public var source: String
    /// Undecoded input; the read stage turns it into blocks and clears it.
    public var raw: [UInt8]?
    public var format: InputFormat
    /// A charset announced outside the bytes (HTTP header, JSONL record), if any.
    public var declaredCharset: String?
    public var blocks: [Block] = []
    public var metadata = Metadata()
    /// Things the run should tell the user about this document (e.g. decoding fallbacks).
    public var notes: [String] = []
    /// Structured metadata found in the markup before the blocks, used by the metadata stage.
    public var markupHints: [MarkupHint] = []

    public init(source: String, raw: [UInt8]?, format: InputFormat, declaredCharset: String? = nil) {
        self.source = source
        self.raw = raw
        self.format = format
        self.declaredCharset = declaredCharset
    }

    public var keptBlocks: [Block] { blocks.filter(\.isKept) }

    /// The body as written: kept blocks joined by a blank line.
    public var bodyText: String {
        keptBlocks.map(\.text).joined(separator: "\n\n")
    }
}

/// A metadata candidate taken from markup (JSON-LD, meta tags, …), with its origin.
public struct MarkupHint: Sendable, Equatable {
    public var field: String
    public var value: String
    /// e.g. `json-ld`, `meta:og:title`, `time[datetime]`.
    public var origin: String

    public init(field: String, value: String, origin: String) {
        self.field = field
        self.value = value
        self.origin = origin
    }
}
