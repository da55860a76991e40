/// Stage 1: decodes the input's bytes and splits them into blocks.
/// Text and markdown go through `TextSegmenter`; HTML through `HTMLSegmenter`.
public struct ReadStage: Stage {
    public static let name = "read"

    /// Inputs larger than this are rejected before decoding.
    public var maxBytes: Int
    /// How lines inside one blank-line chunk of a `.txt` file are grouped.
    public var textLines: TextLines
    public var html: HTMLSegmenter
    /// `text_time_budget_ms`: a text or markdown document's wall-clock budget over every stage,
    /// read between stages (`Pipeline`), as `html_time_budget_ms` is for a page.
    public var textBudgetMilliseconds: Int
    /// Month names, lowercased, so that a text line's day ("28. April 2023") is not read as a list number.
    public var monthNames: Set<String>

    /// `text_lines`: `auto` (lines of one chunk stay separate blocks unless they look wrapped) or `paragraph`.
    public enum TextLines: String, Sendable, CaseIterable {
        case auto, paragraph
    }

    public init(section: ConfigSection, resources: Resources) throws {
        maxBytes = section.int("max_bytes", default: 64 << 20, range: 1...(1 << 34))
        textLines = section.choice("text_lines", default: TextLines.auto)
        textBudgetMilliseconds = section.int("text_time_budget_ms", default: 10_000, range: 1...600_000)
        html = HTMLSegmenter(options: HTMLSegmenter.Options(section: section), tokens: resources.markupTokens)
        monthNames = Set(resources.dateWords.months.keys.map { $0.lowercased() })
    }

    public func process(_ document: inout Document) throws(Rejection) {
        guard var raw = document.raw else { return }
        document.raw = nil
        if raw.count > maxBytes {
            throw Rejection(stage: Self.name, reason: "input is \(raw.count) bytes, over max_bytes \(maxBytes)")
        }
        // Records, archives and fetched pages may carry compressed bodies too (files were inflated when loaded).
        switch CompressedContent.inflate(raw, maxBytes: maxBytes) {
        case .plain: break
        case let .inflated(inflated, note): raw = inflated; document.notes.append(note)
        case let .rejected(rejection): throw rejection
        }
        if let reason = CompressedContent.unsupported(raw) { throw Rejection(stage: Self.name, reason: reason) }
        switch document.format {
        case .html:
            document.challengeVendor = ChallengePages.vendor(in: raw, vendors: html.tokens.challengeVendors)
            document.redirectTarget = RedirectStub.target(in: raw)
            try html.segment(raw, into: &document)
        case .text, .markdown:
            switch TextDecoder.decode(raw, declaredCharset: document.declaredCharset) {
            case let .notText(reason):
                throw Rejection(stage: Self.name, reason: reason)
            case let .text(text, notes, replacements):
                document.notes.append(contentsOf: notes)
                document.replacedSequences += replacements
                let joinLines = document.format == .markdown || textLines == .paragraph
                document.blocks = TextSegmenter(joinParagraphLines: joinLines, monthNames: monthNames).segment(text)
            }
        }
        if document.blocks.isEmpty {
            throw Rejection(stage: Self.name, reason: ChallengePages.reason(for: document, otherwise: "no text in input"))
        }
    }
}
