import Foundation
import ScourCore

/// A reader under fuzzing: each takes arbitrary bytes the way the CLI would meet them.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bytes as an `.html` file through the default pipeline (read: charset, libxml2, walker, selector; then every stage).
    case html
    /// Bytes as a `.txt` and as a `.md` file through the default pipeline.
    case text
    /// The first byte picks a declared charset; the rest goes through the text decoder and the HTML read stage.
    case decode
    /// Bytes as a `.warc` (or `.warc.gz`) archive, every page in it through the pipeline.
    case warc
    /// Bytes as JSONL records on stdin, every record through the pipeline.
    case jsonl
    /// Bytes as `pipeline.json`; a config that loads then cleans a small page.
    case config
    /// Bytes as a fetched feed or sitemap (FeedParser), once as served and once labelled HTML.
    case feed

    /// The folder under `Fuzz/corpus` and `Fuzz/regressions` that holds this target's inputs.
    public var folder: String { rawValue }
}

/// What one input became: documents cleaned or rejected, each rejection with its reason.
public struct FuzzOutcome: Sendable, Equatable {
    public var written = 0
    public var rejected: [String] = []

    public init() {}

    /// Every input ends somewhere: in output or in rejects.
    public var accounted: Int { written + rejected.count }
}

/// An input that broke one of the rules every reader keeps; the driver turns it into a crash.
public enum FuzzViolation: Error, Sendable, CustomStringConvertible {
    case emptyReason(target: FuzzTarget)
    case writtenWithoutText(target: FuzzTarget)
    case recordNotOneLine(target: FuzzTarget)
    case unaccounted(target: FuzzTarget, expected: Int, got: Int)
    case decodedWrongly(detail: String)
    case harnessSetup(String)
    case feedRule(String)

    public var description: String {
        switch self {
        case let .emptyReason(target): return "\(target): a rejection without a reason"
        case let .writtenWithoutText(target): return "\(target): a document written with no kept block"
        case let .recordNotOneLine(target): return "\(target): an output record that is not one JSONL line"
        case let .unaccounted(target, expected, got):
            return "\(target): \(expected) inputs but \(got) ended in output or rejects"
        case let .decodedWrongly(detail): return "decode: \(detail)"
        case let .harnessSetup(detail): return "harness: \(detail)"
        case let .feedRule(detail): return "feed: \(detail)"
        }
    }
}
