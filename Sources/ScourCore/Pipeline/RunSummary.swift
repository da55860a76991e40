import Foundation

/// What a run did, for the summary line, the manifest and `--log-format json`.
public struct RunSummary: Sendable {
    public var runID: String?
    public var inputs = 0
    public var unchanged = 0
    public var written = 0
    public var duplicates = 0
    /// Of `duplicates`, those with the same normalized text as an earlier document (the rest are near ones).
    public var exactDuplicates = 0
    public var rejected = 0
    public var stages: [StageStats] = []
    public var rejectReasons: [String: Int] = [:]
    /// Written documents whose decoding replaced byte sequences with U+FFFD, and how many sequences.
    public var documentsWithReplacements = 0
    public var replacedSequences = 0
    public var started = Date()
    public var seconds: Double = 0
    /// VmHWM at the end of the run: the most resident memory the process had.
    public var peakRSSBytes: Int?
    /// Body word counts of the written documents per host (`runs` layout only), busiest hosts first.
    public var hostWords: [HostWordStats] = []
    /// Set when SIGINT/SIGTERM stopped the run early; what was done is written.
    public var interruptedBy: String?
    public var outputFile: String?
    public var rejectsFile: String?

    public var line: String {
        var text = "scour: \(inputs) inputs, \(written) written, \(rejected) rejected"
        if unchanged > 0 { text += ", \(unchanged) unchanged" }
        if duplicates > 0 { text += ", \(duplicates) duplicates" }
        text += " in \(String(format: "%.2f", seconds))s"
        if let interruptedBy { text += " (stopped by \(interruptedBy))" }
        return text
    }

    /// One line per stage: documents in, kept, rejected, and blocks removed per rule.
    public var stageLines: [String] {
        stages.map { stats in
            let rules = stats.blocksRemoved.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return "  \(stats.stage): in \(stats.documentsIn), kept \(stats.documentsKept), rejected \(stats.documentsRejected)"
                + (rules.isEmpty ? "" : "; removed \(rules)")
        }
    }

    /// The run as JSON: the run manifest and the `--log-format json` summary.
    public func json(configHash: String?) -> JSONValue {
        let stageValues = stages.map { stats in
            JSONValue.object([
                ("stage", .string(stats.stage)), ("in", .int(stats.documentsIn)), ("kept", .int(stats.documentsKept)),
                ("rejected", .int(stats.documentsRejected)),
                ("removed", .object(stats.blocksRemoved.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ])
        }
        return .object([
            ("run_id", .optional(runID)),
            ("scour_version", .string(ScourVersion.current)),
            ("config_hash", .optional(configHash)),
            ("started", .string(Self.iso(started))),
            ("ended", .string(Self.iso(started.addingTimeInterval(seconds)))),
            ("status", .string(interruptedBy == nil ? "complete" : "interrupted")),
            ("inputs", .int(inputs)), ("unchanged", .int(unchanged)), ("written", .int(written)),
            ("duplicates", .int(duplicates)), ("rejected", .int(rejected)),
            ("reject_reasons", .object(rejectReasons.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("decoding", .object([("documents_with_replacements", .int(documentsWithReplacements)),
                                  ("replaced_sequences", .int(replacedSequences))])),
            ("output", .optional(outputFile)), ("rejects", .optional(rejectsFile)),
            ("stages", .array(stageValues)),
            // Added for the index over runs (`scour report`); older manifest lines lack them.
            ("duration_ms", .int(Int((seconds * 1000).rounded()))),
            ("duplicates_exact", .int(exactDuplicates)),
            ("peak_rss_bytes", peakRSSBytes.map(JSONValue.int) ?? .null),
            ("hosts", .array(hostWords.map(\.json))),
        ])
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
