import Foundation

/// How a run's figures become bars: the largest few of a long list, the rest summed into one
/// "other" bar, so a chart stays readable when a stage removes under a hundred rules.
enum ReportBars {
    /// Rules shown per stage before the rest are grouped.
    static let rulesShown = 10
    /// Reject reasons shown before the rest are grouped.
    static let reasonsShown = 10

    /// The `shown` largest counts, ties by name; the rest as one bar when more than one is left.
    static func top(_ counts: [String: Int], shown: Int, otherNoun: String) -> [ChartBar] {
        let sorted = counts.largestFirst
        guard sorted.count > shown + 1 else { return sorted.map { ChartBar(label: $0.key, count: $0.value) } }
        let rest = sorted.dropFirst(shown)
        return sorted.prefix(shown).map { ChartBar(label: $0.key, count: $0.value) }
            + [ChartBar(label: "other (\(rest.count) \(otherNoun))", count: rest.reduce(0) { $0 + $1.value }, grouped: rest.count)]
    }

    /// Documents by outcome, with the summary's own figures. Duplicates are also counted
    /// among the written (marked) or the rejected (dropped) ones.
    static func outcomes(_ summary: RunSummary) -> [ChartBar] {
        [ChartBar(label: "written", count: summary.written), ChartBar(label: "duplicates", count: summary.duplicates),
         ChartBar(label: "rejected", count: summary.rejected), ChartBar(label: "unchanged", count: summary.unchanged)]
    }

    /// Reject reasons, with reasons that name a document ("duplicate of 3f2a…") counted as one.
    static func rejects(_ reasons: [String: Int]) -> [ChartBar] {
        var grouped: [String: Int] = [:]
        for (reason, count) in reasons { grouped[reasonGroup(reason), default: 0] += count }
        return top(grouped, shown: reasonsShown, otherNoun: "reasons")
    }

    static func reasonGroup(_ reason: String) -> String {
        reason.hasPrefix("duplicate of ") ? "duplicate of an earlier document" : RejectReasonClasses.withoutAddresses(reason)
    }

    /// The stage's removal rules, largest first, for its chart.
    static func rules(_ stats: StageStats) -> [ChartBar] {
        top(stats.blocksRemoved, shown: rulesShown, otherNoun: "rules")
    }
}
