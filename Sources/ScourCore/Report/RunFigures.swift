import Foundation

/// One run's figures as the index over runs uses them, read from its line in `manifest.jsonl`.
/// Lines of older versions lack some fields (duration in milliseconds, exact duplicates, hosts,
/// and recovered runs the stages): those read as absent, never as an error.
public struct RunFigures: Sendable, Equatable {
    public var runID: String
    public var started: String
    public var status: String
    public var inputs = 0
    /// Outcomes that add up to `inputs`: written (not a duplicate), duplicate (marked or dropped),
    /// rejected (for other reasons), unchanged.
    public var written = 0
    public var duplicates = 0
    public var rejected = 0
    public var unchanged = 0
    public var seconds: Double = 0
    /// Reject reason classes (`RejectReasonClasses`), dropped duplicates left out.
    public var rejectClasses: [String: Int] = [:]
    /// Blocks removed per `stage/rule`.
    public var removedByRule: [String: Int] = [:]
    public var hosts: [HostWordStats] = []

    public init(runID: String, started: String = "", status: String = "complete") {
        self.runID = runID
        self.started = started
        self.status = status
    }

    /// Blocks removed over all rules.
    public var removedTotal: Int { removedByRule.values.reduce(0, +) }

    /// Rejected over the inputs actually read (unchanged ones were not), 0 when none was read.
    public var rejectShare: Double {
        let read = inputs - unchanged
        return read > 0 ? Double(rejected) / Double(read) : 0
    }

    /// Reads one manifest line; nil when it is not a JSON object with a `run_id`.
    public init?(manifestLine line: some DataProtocol) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let runID = object["run_id"] as? String else { return nil }
        self.init(runID: runID, started: object["started"] as? String ?? "", status: object["status"] as? String ?? "complete")
        let reasons = object["reject_reasons"] as? [String: Int] ?? [:]
        let dropped = RejectReasonClasses.droppedDuplicates(reasons)
        let allDuplicates = object["duplicates"] as? Int ?? 0
        inputs = object["inputs"] as? Int ?? 0
        unchanged = object["unchanged"] as? Int ?? 0
        duplicates = allDuplicates
        // Marked duplicates are among the written, dropped ones among the rejected.
        written = max(0, (object["written"] as? Int ?? 0) - (allDuplicates - dropped))
        rejected = max(0, (object["rejected"] as? Int ?? 0) - dropped)
        rejectClasses = RejectReasonClasses.counts(reasons)
        if let milliseconds = object["duration_ms"] as? Int {
            seconds = Double(milliseconds) / 1000
        } else {
            let formatter = ISO8601DateFormatter()
            if let start = formatter.date(from: started), let end = (object["ended"] as? String).flatMap(formatter.date(from:)) {
                seconds = max(0, end.timeIntervalSince(start))
            }
        }
        for stage in object["stages"] as? [[String: Any]] ?? [] {
            guard let name = stage["stage"] as? String else { continue }
            for (rule, count) in stage["removed"] as? [String: Int] ?? [:] { removedByRule[name + "/" + rule, default: 0] += count }
        }
        hosts = (object["hosts"] as? [[String: Any]] ?? []).compactMap(HostWordStats.init(json:))
    }
}
