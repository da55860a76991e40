import Foundation

/// The charts of `index.html`, one column per run, oldest on the left. Each run's group or bar
/// carries its figures as `data-` attributes (what the checks read) and a `<title>` (what a
/// reader sees on hover); a flagged run gets a red mark above its column, linking to its report.
struct RunIndexCharts {
    let runs: [RunFigures]
    let flagged: Set<String>
    let reports: Set<String>

    static let outcomeColors = [("written", "#3a7d44"), ("duplicates", "#e0a030"), ("rejected", "#c0392b"), ("unchanged", "#b8c4cc")]
    static let palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c"]
    /// CSS for the bars: `o0`–`o3` the outcomes, `p0`… the palette.
    static var colorClasses: String {
        outcomeColors.enumerated().map { ".o\($0.offset){fill:\($0.element.1)}" }.joined()
            + palette.enumerated().map { ".p\($0.offset){fill:\($0.element)}" }.joined()
    }

    /// Run dates under the first, middle and last columns (times when the runs span one day).
    var columnLabels: [(index: Int, text: String)] {
        guard let first = runs.first, let last = runs.last else { return [] }
        let picks = runs.count == 1 ? [0] : (runs.count == 2 ? [0, 1] : [0, runs.count / 2, runs.count - 1])
        let oneDay = first.started.prefix(10) == last.started.prefix(10)
        return picks.map { index in
            let started = runs[index].started
            return (index, oneDay ? String(started.dropFirst(11).prefix(8)) : String(started.prefix(10)))
        }
    }

    func legend(_ entries: [(String, String)]) -> String {
        "<p class=legend>" + entries.map { "<span><i style=\"background:\($0.1)\"></i>\(HTMLText.escape($0.0))</span>" }.joined() + "</p>"
    }

    func attribute(_ text: String) -> String { "\"" + HTMLText.escape(text) + "\"" }

    /// A red mark above column `index` when the run is flagged, linking to its report.
    func flagMark(_ chart: SVGChart, _ index: Int) -> String {
        let run = runs[index]
        guard flagged.contains(run.runID) else { return "" }
        let middle = chart.center(index), markY = chart.top - 2
        let mark = "<path class=flagmark d=\"M\(SVGChart.number(middle - 4)) \(SVGChart.number(markY - 8))h8l-4 8z\"><title>flagged: \(HTMLText.escape(run.runID))</title></path>"
        guard reports.contains(run.runID) else { return "<g class=flag data-run=\(attribute(run.runID))>\(mark)</g>" }
        return "<a class=flag data-run=\(attribute(run.runID)) href=\(attribute(run.runID + "/report.html"))>\(mark)</a>"
    }

    /// Stacked bars: written, duplicates, rejected, unchanged; the column's height is the inputs.
    var documents: String {
        var chart = SVGChart(slots: runs.count, maximum: SVGChart.niceMaximum(Double(runs.map(\.inputs).max() ?? 0)))
        chart.top = 14
        var out = legend(Self.outcomeColors) + chart.open(name: "documents", label: "documents per run by outcome")
        out += chart.grid(format: { SVGChart.short($0) }, columnLabels: columnLabels)
        for (index, run) in runs.enumerated() {
            let parts = [run.written, run.duplicates, run.rejected, run.unchanged]
            out += "<g class=run data-run=\(attribute(run.runID)) data-inputs=\(run.inputs) data-written=\(run.written) data-duplicates=\(run.duplicates) data-rejected=\(run.rejected) data-unchanged=\(run.unchanged)>"
            out += "<title>\(HTMLText.escape(run.runID)): \(run.inputs) in, \(run.written) written, \(run.duplicates) duplicates, \(run.rejected) rejected, \(run.unchanged) unchanged</title>"
            var base = 0.0
            for (position, part) in parts.enumerated() where part > 0 {
                out += chart.bar(index, base: base, value: Double(part), colorClass: "o\(position)")
                base += Double(part)
            }
            out += "</g>" + flagMark(chart, index)
        }
        return out + "</svg>"
    }

    var time: String {
        var chart = SVGChart(slots: runs.count, maximum: SVGChart.niceMaximum(runs.map(\.seconds).max() ?? 0), height: 140)
        chart.top = 14
        var out = chart.open(name: "time", label: "seconds per run") + chart.grid(format: { SVGChart.short($0) + " s" }, columnLabels: columnLabels)
        for (index, run) in runs.enumerated() {
            let seconds = SVGChart.fixed(run.seconds, decimals: 3)
            out += chart.bar(index, base: 0, value: run.seconds, colorClass: "bar",
                             attributes: " data-run=\(attribute(run.runID)) data-seconds=\(seconds)")
                .replacingOccurrences(of: "/>", with: "><title>\(HTMLText.escape(run.runID)): \(seconds) s</title></rect>")
            out += flagMark(chart, index)
        }
        return out + "</svg>"
    }

    /// Stacked bars of reject reason classes (`reasons` by name, the rest as "other").
    func rejects(reasons: [String]) -> String {
        let named = Set(reasons)
        var chart = SVGChart(slots: runs.count, maximum: SVGChart.niceMaximum(Double(runs.map(\.rejected).max() ?? 0)), height: 140)
        chart.top = 14
        let colors = reasons.enumerated().map { ($0.element, Self.palette[$0.offset % Self.palette.count]) }
        var out = (reasons.isEmpty ? "<p>No input was rejected in the drawn runs.</p>" : legend(colors))
        out += chart.open(name: "rejects", label: "rejects per run by reason") + chart.grid(format: { SVGChart.short($0) }, columnLabels: columnLabels)
        for (index, run) in runs.enumerated() {
            var counts: [String: Int] = [:]
            for (name, count) in run.rejectClasses { counts[named.contains(name) ? name : RejectReasonClasses.otherName, default: 0] += count }
            out += "<g class=run data-run=\(attribute(run.runID)) data-rejected=\(run.rejected)><title>\(HTMLText.escape(run.runID)): \(run.rejected) rejected</title>"
            var base = 0.0
            for (position, name) in reasons.enumerated() {
                guard let count = counts[name], count > 0 else { continue }
                out += chart.bar(index, base: base, value: Double(count), colorClass: "p\(position)")
                base += Double(count)
            }
            out += "</g>" + flagMark(chart, index)
        }
        return out + "</svg>"
    }

    /// One line per followed rule: its share of the run's removed blocks. Runs that removed
    /// nothing (all inputs unchanged) leave a gap: `-` in `data-values`.
    func rules(_ rules: [String]) -> String {
        guard !rules.isEmpty else { return "" }
        var peak = 0.0
        let shares: [[Double?]] = rules.map { rule in
            runs.map { run in
                guard run.removedTotal > 0 else { return nil }
                let share = Double(run.removedByRule[rule] ?? 0) / Double(run.removedTotal)
                peak = max(peak, share)
                return share
            }
        }
        let chart = SVGChart(slots: runs.count, maximum: min(1, SVGChart.niceMaximum(peak)), height: 160)
        var out = chart.open(name: "rules", label: "share of removals per rule")
            + chart.grid(format: { String(format: "%.0f%%", $0 * 100) }, columnLabels: columnLabels)
        for (position, rule) in rules.enumerated() {
            let values = shares[position].map { $0.map { SVGChart.fixed($0, decimals: 4) } ?? "-" }.joined(separator: ",")
            var path = ""
            var pen = "M"
            for (index, share) in shares[position].enumerated() {
                guard let share else {
                    pen = "M"
                    continue
                }
                path += "\(pen)\(SVGChart.number(chart.center(index))) \(SVGChart.number(chart.y(share)))"
                pen = "L"
            }
            // A single run still shows: a round cap makes its one point a dot.
            out += "<path class=series data-rule=\(attribute(rule)) data-values=\"\(values)\" d=\"\(path)\" fill=none stroke=\"\(Self.palette[position % Self.palette.count])\" stroke-width=2 stroke-linecap=round stroke-linejoin=round><title>\(HTMLText.escape(rule))</title></path>"
        }
        return out + "</svg>"
    }

    /// Small multiples: per host, the last `runCount` runs' word counts as boxes.
    func words(runs runCount: Int, hosts hostCount: Int) -> String {
        let recent = Array(runs.suffix(runCount))
        var documents: [String: Int] = [:]
        for run in recent { for host in run.hosts { documents[host.host, default: 0] += host.documents } }
        let hosts = documents.largestFirst.prefix(hostCount).map(\.key)
        guard !hosts.isEmpty else { return "<p>No run lists body words per host yet (runs made before this version do not).</p>" }
        var out = "<div class=hosts>"
        for host in hosts {
            let stats = recent.map { run in run.hosts.first { $0.host == host } }
            var chart = SVGChart(slots: recent.count, maximum: SVGChart.niceMaximum(Double(stats.compactMap { $0?.max }.max() ?? 0)),
                                 width: 300, height: 120)
            chart.left = 40
            out += "<div><h3>\(HTMLText.escape(host))</h3>" + chart.open(name: "words", label: "body words at \(host)")
            out += chart.grid(format: { SVGChart.short($0) }, columnLabels: [])
            for (index, entry) in stats.enumerated() {
                guard let entry else { continue }
                out += box(chart, index, entry, runID: recent[index].runID)
            }
            out += "</svg></div>"
        }
        return out + "</div>"
    }

    private func box(_ chart: SVGChart, _ index: Int, _ entry: HostWordStats, runID: String) -> String {
        let middle = SVGChart.number(chart.center(index))
        let left = SVGChart.number(chart.x(index)), right = SVGChart.number(chart.x(index) + chart.barWidth)
        let boxTop = chart.y(Double(entry.p75))
        return "<g class=box data-run=\(attribute(runID)) data-host=\(attribute(entry.host)) data-documents=\(entry.documents) data-median=\(entry.median) data-p25=\(entry.p25) data-p75=\(entry.p75)>"
            + "<title>\(HTMLText.escape(runID)): \(entry.documents) documents, median \(entry.median) words (\(entry.p25)–\(entry.p75), \(entry.min)–\(entry.max))</title>"
            + "<line x1=\(middle) x2=\(middle) y1=\(SVGChart.number(chart.y(Double(entry.min)))) y2=\(SVGChart.number(chart.y(Double(entry.max)))) stroke=\"#999\"/>"
            + "<rect x=\(left) y=\(SVGChart.number(boxTop)) width=\(SVGChart.number(chart.barWidth)) height=\(SVGChart.number(max(1, chart.y(Double(entry.p25)) - boxTop))) fill=\"#c9d6ea\" stroke=\"#4c72b0\"/>"
            + "<line x1=\(left) x2=\(right) y1=\(SVGChart.number(chart.y(Double(entry.median)))) y2=\(SVGChart.number(chart.y(Double(entry.median)))) stroke=\"#223\" stroke-width=2 />"
            + "</g>"
    }
}
