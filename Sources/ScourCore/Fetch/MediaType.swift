import Foundation

/// A `Content-Type` header split into the media type and its charset, and what
/// Scour makes of it: HTML, plain text, markdown, or nothing it can clean.
public struct MediaType: Sendable, Equatable {
    /// Lower-cased `type/subtype`, without parameters.
    public var essence: String
    /// The `charset` parameter, lower-cased, without quotes.
    public var charset: String?

    public init?(header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let essence = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard !essence.isEmpty else { return nil }
        self.essence = essence
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !value.isEmpty { charset = value.lowercased() }
        }
    }

    /// The pipeline format for this type; nil for types Scour does not clean (images, PDF, JSON…).
    public var inputFormat: InputFormat? {
        switch essence {
        case "text/html", "application/xhtml+xml": return .html
        case "text/plain": return .text
        case "text/markdown", "text/x-markdown": return .markdown
        default: return nil
        }
    }
}
