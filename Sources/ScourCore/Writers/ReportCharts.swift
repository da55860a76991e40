import Foundation

/// One bar of a report chart: what it counts and how many. `grouped` is the number of
/// labels an "other" bar stands for (0 for a bar of its own).
struct ChartBar: Equatable {
    var label: String
    var count: Int
    var grouped = 0
}

/// A horizontal bar chart drawn as inline SVG: a label, a bar scaled to the largest count,
/// and the figure. Each bar is a `<g class=bar>` whose data attributes hold the label and the
/// count, so a test or a script reads the figures without parsing the drawing.
struct BarChart {
    var id: String
    var caption: String
    var bars: [ChartBar]
    /// Extra attributes on the figure (e.g. `data-stage`), already escaped.
    var attributes = ""

    private static let labelWidth = 210, barWidth = 250, figureWidth = 60, rowHeight = 20, labelLimit = 32

    var svg: String {
        var html = "<figure class=chart id=\"\(RunReport.escape(id))\" data-bars=\(bars.count)\(attributes)>"
        html += "<figcaption>\(RunReport.escape(caption))</figcaption>"
        guard !bars.isEmpty else { return html + "<p class=none>none</p></figure>" }
        let width = Self.labelWidth + Self.barWidth + Self.figureWidth, height = bars.count * Self.rowHeight
        let largest = max(1, bars.map(\.count).max() ?? 1)
        html += "<svg width=\(width) height=\(height) viewBox=\"0 0 \(width) \(height)\" role=img aria-label=\"\(RunReport.escape(caption))\">"
        for (index, bar) in bars.enumerated() {
            let top = index * Self.rowHeight
            let length = bar.count == 0 ? 0 : max(1, Int((Double(bar.count) / Double(largest) * Double(Self.barWidth)).rounded()))
            let label = RunReport.escape(bar.label)
            let shown = bar.label.count > Self.labelLimit ? String(bar.label.prefix(Self.labelLimit - 1)) + "…" : bar.label
            html += "<g class=\"bar\(bar.grouped > 0 ? " other" : "")\" data-label=\"\(label)\" data-count=\(bar.count)"
            if bar.grouped > 0 { html += " data-grouped=\(bar.grouped)" }
            html += "><title>\(label): \(bar.count)</title>"
            html += "<text x=\(Self.labelWidth - 6) y=\(top + 14) text-anchor=end>\(RunReport.escape(shown))</text>"
            html += "<rect x=\(Self.labelWidth) y=\(top + 3) width=\(length) height=14></rect>"
            html += "<text x=\(Self.labelWidth + length + 4) y=\(top + 14)>\(bar.count)</text></g>"
        }
        return html + "</svg></figure>"
    }
}

/// How a run's figures become bars: the largest few of a long list, the rest summed into one
/// "other" bar, so a chart stays readable when a stage removes under a hundred rules.
enum ReportBars {
    /// Rules shown per stage before the rest are grouped.
    static let rulesShown = 10
    /// Reject reasons shown before the rest are grouped.
    static let reasonsShown = 10

    /// The `shown` largest counts, ties by name; the rest as one bar when more than one is left.
    static func top(_ counts: [String: Int], shown: Int, otherNoun: String) -> [ChartBar] {
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
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
        reason.hasPrefix("duplicate of ") ? "duplicate of an earlier document" : reason
    }

    /// The stage's removal rules, largest first, for its chart.
    static func rules(_ stats: StageStats) -> [ChartBar] {
        top(stats.blocksRemoved, shown: rulesShown, otherNoun: "rules")
    }
}
