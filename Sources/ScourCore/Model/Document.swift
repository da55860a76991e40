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
    /// The bot-check vendor whose signature a small page carries (`ChallengePages`): named in the
    /// reject when the page turns out to hold no text.
    public var challengeVendor: String?
    /// The target of a small page's meta refresh (`RedirectStub`): named in the reject when the
    /// page turns out to hold no text.
    public var redirectTarget: String?
    /// Byte sequences the read stage replaced with U+FFFD while decoding (counted in the run's manifest).
    public var replacedSequences = 0
    /// Structured metadata found in the markup before the blocks, used by the metadata stage.
    public var markupHints: [MarkupHint] = []
    /// What the feed or sitemap that listed the page says of it (origin `.feed`): kept apart
    /// from `markupHints` so no markup rule weighs it; the metadata stage's last resort.
    public var feedHints: [MarkupHint] = []
    /// Size, modification time and hash of the input file, when the run keeps state.
    public var fingerprint: InputFingerprint?

    public init(source: String, raw: [UInt8]?, format: InputFormat, declaredCharset: String? = nil) {
        self.source = source
        self.raw = raw
        self.format = format
        self.declaredCharset = declaredCharset
    }

    public var keptBlocks: [Block] { blocks.filter(\.isKept) }

    /// The body as written: kept blocks joined by a blank line.
    /// Built in one String of the right size, without an array of the kept blocks.
    public var bodyText: String {
        var size = 0
        for block in blocks where block.isKept { size += block.text.utf8.count + 2 }
        var text = ""
        text.reserveCapacity(size)
        var first = true
        for block in blocks where block.isKept {
            if !first { text += "\n\n" }
            text += block.text
            first = false
        }
        return text
    }
}

/// Identifies one version of an input file, so a later run can tell it has not changed.
public struct InputFingerprint: Sendable, Equatable {
    public var size: Int64
    /// Seconds since 1970 (whole seconds: what every file system keeps).
    public var modified: Int64
    /// SHA-256 of the bytes; empty until computed.
    public var contentHash: String

    public init(size: Int64, modified: Int64, contentHash: String = "") {
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
    }

    /// Size and time of a file, without reading it.
    /// `source` is a file's source name (see `SourceName`), so escaped names work too.
    public static func stat(_ source: String) -> InputFingerprint? {
        guard let info = FileBytes.status(SourceName.bytes(of: source)) else { return nil }
        return InputFingerprint(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec))
    }
}
