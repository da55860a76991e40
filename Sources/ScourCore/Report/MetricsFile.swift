import Foundation

/// The last run's figures in the Prometheus text exposition format (0.0.4), for
/// node_exporter's textfile collector: every family a gauge (the figures describe one run and
/// start again with the next), names in base units (seconds, bytes).
///
/// `scour_last_success_timestamp_seconds` moves only when a run completes: a failed or
/// interrupted run writes `scour_last_run_success 0` and carries the previous success time over
/// from the file it replaces, so an alert on "no success for a day" keeps working.
public struct MetricsFile: Sendable {
    public enum Outcome: Sendable {
        /// The run finished (complete, or stopped by a signal: `summary.interruptedBy`).
        case finished(RunSummary)
        /// The run ended with an error; nothing it did was kept.
        case failed
    }

    public var outcome: Outcome
    /// When the run ended.
    public var ended: Date
    /// The success time of the file being replaced, if any.
    public var previousSuccess: Double?

    public init(outcome: Outcome, ended: Date = Date(), previousSuccess: Double? = nil) {
        self.outcome = outcome
        self.ended = ended
        self.previousSuccess = previousSuccess
    }

    /// Writes the file atomically (a temporary file beside it, then a rename); a folder, socket
    /// or block device is refused, a FIFO or character device written to as it is.
    public static func write(_ outcome: Outcome, to path: String, ended: Date = Date()) throws(OutputError) {
        let file = MetricsFile(outcome: outcome, ended: ended, previousSuccess: previousSuccess(at: path))
        try AtomicFileWriter.write(path: path) { writer throws(OutputError) in try writer.writeLine(file.text) }
    }

    /// The last success time in an earlier metrics file; nil unless `path` is a regular file holding one.
    public static func previousSuccess(at path: String) -> Double? {
        guard case .replace = OutputTarget.of(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        let prefix = "scour_last_success_timestamp_seconds "
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix(prefix) {
            return Double(line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    public var text: String {
        var families: [MetricFamily] = []
        let endedSeconds = ended.timeIntervalSince1970
        var success = false
        if case let .finished(summary) = outcome { success = summary.interruptedBy == nil }
        families.append(.gauge("scour_last_run_success", "1 when the last run completed, 0 when it failed or was interrupted.",
                               success ? 1 : 0))
        families.append(.gauge("scour_last_run_timestamp_seconds", "When the last run ended, successful or not (Unix time).",
                               endedSeconds))
        if let last = success ? endedSeconds : previousSuccess {
            families.append(.gauge("scour_last_success_timestamp_seconds", "When the last completed run ended (Unix time).", last))
        }
        families.append(MetricFamily(name: "scour_build_info", help: "The Scour version that wrote this file.",
                                     samples: [(["version": ScourVersion.current], 1)]))
        if case let .finished(summary) = outcome { families += Self.runFamilies(summary) }
        return families.map(\.text).joined()
    }

    static func runFamilies(_ summary: RunSummary) -> [MetricFamily] {
        let dropped = RejectReasonClasses.droppedDuplicates(summary.rejectReasons)
        let marked = summary.duplicates - dropped
        let outcomes: [(String, Int)] = [("written", summary.written - marked), ("duplicate", summary.duplicates),
                                         ("rejected", summary.rejected - dropped), ("unchanged", summary.unchanged)]
        let reasons = RejectReasonClasses.bounded(RejectReasonClasses.counts(summary.rejectReasons))
        let processed = summary.inputs - summary.unchanged
        var families: [MetricFamily] = [
            .gauge("scour_run_inputs", "Inputs the last run met (files, records, URLs), unchanged ones included.", Double(summary.inputs)),
            MetricFamily(name: "scour_run_documents", help: "Inputs of the last run by outcome; the outcomes add up to scour_run_inputs.",
                         samples: outcomes.map { (["outcome": $0.0], Double($0.1)) }),
            MetricFamily(name: "scour_run_rejects", help: "Rejected inputs of the last run by reason (numbers in reasons read N; the \(RejectReasonClasses.namedClasses) commonest reasons, the rest as \"other\").",
                         samples: reasons.map { (["reason": $0.name], Double($0.count)) }),
            MetricFamily(name: "scour_run_duplicates", help: "Duplicates found in the last run: same normalized text (exact) or similar (near).",
                         samples: [(["kind": "exact"], Double(summary.exactDuplicates)),
                                   (["kind": "near"], Double(summary.duplicates - summary.exactDuplicates))]),
            MetricFamily(name: "scour_run_blocks_removed", help: "Text blocks removed in the last run, by pipeline stage.",
                         samples: summary.stages.map { (["stage": $0.stage], Double($0.blocksRemoved.values.reduce(0, +))) }),
            .gauge("scour_run_duration_seconds", "Wall time of the last run.", summary.seconds),
            .gauge("scour_run_pages_per_second", "Inputs read and cleaned per second in the last run (unchanged inputs not counted).",
                   summary.seconds > 0 ? Double(processed) / summary.seconds : 0),
            .gauge("scour_run_decoding_replacement_documents", "Written documents of the last run whose decoding replaced bad bytes with U+FFFD.",
                   Double(summary.documentsWithReplacements)),
            .gauge("scour_run_decoding_replaced_sequences", "Byte sequences the last run's decoders replaced with U+FFFD.",
                   Double(summary.replacedSequences)),
        ]
        if let peak = summary.peakRSSBytes {
            families.append(.gauge("scour_run_peak_resident_memory_bytes", "The most resident memory the last run's process had (VmHWM).",
                                   Double(peak)))
        }
        return families
    }
}

/// One metric family of the text format: HELP, TYPE, then one line per series.
struct MetricFamily: Sendable {
    var name: String
    var help: String
    var type = "gauge"
    var samples: [(labels: [String: String], value: Double)]

    init(name: String, help: String, samples: [(labels: [String: String], value: Double)]) {
        self.name = name
        self.help = help
        self.samples = samples
    }

    static func gauge(_ name: String, _ help: String, _ value: Double) -> MetricFamily {
        MetricFamily(name: name, help: help, samples: [([:], value)])
    }

    var text: String {
        var out = "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(type)\n"
        for (labels, value) in samples {
            out += name
            if !labels.isEmpty {
                out += "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escapeLabel($0.value))\"" }
                    .joined(separator: ",") + "}"
            }
            out += " " + Self.format(value) + "\n"
        }
        return out
    }

    /// Whole numbers without a fraction; others as Swift prints them (Go's ParseFloat reads both).
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Label values: backslash, double quote and line feed escaped.
    static func escapeLabel(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// HELP text: backslash and line feed escaped.
    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
