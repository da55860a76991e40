import Foundation

/// `index.html` over the runs of a `runs` folder: one self-contained page (inline SVG and CSS,
/// no script, nothing fetched) with the runs' documents by outcome, time, rejects by reason,
/// the shares of the top removal rules, body words per host for the last runs, and the flags
/// (`RunFlags`), each linking to its run's `report.html`. Bounded: at most `runs` runs are
/// drawn, each as a few short elements (365 runs make a page of a few hundred kilobytes).
public struct RunIndexPage: Sendable {
    public static let defaultRuns = 365
    /// The charts of body words show this many of the last runs…
    public static let wordRuns = 10
    /// …for this many hosts (the busiest over those runs).
    public static let wordHosts = 8
    /// Removal rules whose share is followed: the largest over the drawn runs.
    public static let followedRules = 6
    /// Reject reasons drawn by name; the rest are "other".
    public static let drawnReasons = 6
    public static let recentRows = 20
    /// Flags listed (the newest); the charts mark every flagged run.
    public static let listedFlags = 100
    /// Flags shown open; the older listed ones are folded in a <details>.
    public static let openFlags = 10

    /// The drawn runs, oldest first.
    public let runs: [RunFigures]
    public let flags: [RunFlag]
    public let rules: [String]
    public let title: String
    /// Runs whose `report.html` exists (links go only there).
    let reports: Set<String>

    /// `history` may hold up to `RunFlags.window` runs more than `count`: the first of the drawn
    /// runs are compared with them.
    public init(history: RunHistory, count: Int = defaultRuns, title: String, reports: Set<String>? = nil) {
        let all = history.runs
        let first = max(0, all.count - max(1, count))
        runs = Array(all[first...])
        rules = Self.topRules(runs)
        flags = RunFlags.find(in: all, from: first, rules: rules)
        self.title = title
        self.reports = reports ?? Set(runs.map(\.runID))
    }

    /// Reads the end of `root/manifest.jsonl` and writes `root/index.html` atomically.
    public static func refresh(root: String, runs: Int = defaultRuns) throws(RunIndexError) {
        let history = try RunHistory.read(root: root, count: runs + RunFlags.window)
        let reports = Set(history.runs.suffix(runs).map(\.runID).filter {
            FileManager.default.fileExists(atPath: root + "/" + $0 + "/report.html")
        })
        let page = RunIndexPage(history: history, count: runs, title: root, reports: reports)
        do throws(OutputError) {
            try AtomicFileWriter.write(path: root + "/index.html") { writer throws(OutputError) in try writer.writeLine(page.html) }
        } catch {
            throw .output(error)
        }
    }

    /// The `stage/rule` keys with the most removals over `runs`.
    static func topRules(_ runs: [RunFigures]) -> [String] {
        var totals: [String: Int] = [:]
        for run in runs { for (rule, count) in run.removedByRule { totals[rule, default: 0] += count } }
        return totals.largestFirst.prefix(followedRules).map(\.key)
    }

    public var html: String {
        let flagged = Set(flags.map(\.runID))
        var out = """
        <!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width">
        <title>Scour runs · \(HTMLText.escape(title))</title><style>\(Self.style)</style></head><body>
        <h1>Scour runs <small>\(HTMLText.escape(title))</small></h1>
        """
        out += summary
        out += flagSection
        let charts = RunIndexCharts(runs: runs, flagged: flagged, reports: reports)
        out += section("documents", "Documents per run", charts.documents)
        out += section("time", "Time per run", charts.time)
        out += section("rejects", "Rejects by reason", charts.rejects(reasons: drawnReasons))
        out += section("rules", "Top removal rules: share of the blocks removed", charts.rules(rules) + ruleTable)
        out += section("words", "Body words per host, last \(min(Self.wordRuns, runs.count)) runs (box: middle half, line: median, whiskers: shortest and longest)",
                       charts.words(runs: Self.wordRuns, hosts: Self.wordHosts))
        out += section("recent", "Recent runs", recentTable(flagged: flagged))
        out += "<footer>Made by scour \(HTMLText.escape(ScourVersion.current)) from manifest.jsonl (the last \(runs.count) runs). A figure is flagged when it lies more than \(Int(RunFlags.threshold)) median absolute deviations (scaled by 1.4826, so one MAD is one standard deviation for normally spread figures) from its median over the previous \(RunFlags.window) runs (at least \(RunFlags.minimumHistory) of them), the deviation being at least 1 document or 5% for counts, 0.5 s or 10% for time, 0.02 or 10% for shares, 10 words or 10% for median words.</footer></body></html>"
        return out
    }

    var drawnReasons: [String] {
        var totals: [String: Int] = [:]
        for run in runs { for (name, count) in run.rejectClasses { totals[name, default: 0] += count } }
        return RejectReasonClasses.bounded(totals, limit: Self.drawnReasons).map(\.name)
    }

    func section(_ id: String, _ heading: String, _ body: String) -> String {
        "<section id=\(id)><h2>\(HTMLText.escape(heading))</h2>\(body)</section>\n"
    }

    func link(_ runID: String, _ text: String? = nil) -> String {
        let label = HTMLText.escape(text ?? runID)
        guard reports.contains(runID) else { return label }
        return "<a href=\"\(HTMLText.escape(runID))/report.html\">\(label)</a>"
    }

    var summary: String {
        guard let last = runs.last else { return "<p>No run is listed in manifest.jsonl yet.</p>" }
        let first = runs[0]
        return "<p class=lead>\(runs.count) runs from \(HTMLText.escape(String(first.started.prefix(10)))) to \(HTMLText.escape(String(last.started.prefix(10)))). "
            + "Last run \(link(last.runID)): \(last.inputs) inputs, \(last.written) written, \(last.duplicates) duplicates, "
            + "\(last.rejected) rejected, \(last.unchanged) unchanged in \(String(format: "%.1f", last.seconds)) s.</p>\n"
    }

    var flagSection: String {
        guard !flags.isEmpty else {
            return section("flags", "Flags", "<p class=ok>No figure of the drawn runs lies outside its usual range.</p>")
        }
        let header = "<table class=flags><tr><th>run</th><th>figure</th><th>value</th><th>usual (median ± MAD)</th><th>MADs</th></tr>"
        var rows = header
        // The newest flags stay in view; older ones fold away so the charts are not pushed down.
        for (position, flag) in flags.suffix(Self.listedFlags).reversed().enumerated() {
            if position == Self.openFlags {
                rows += "</table><details><summary>\(min(flags.count, Self.listedFlags) - Self.openFlags) older flags</summary>" + header
            }
            rows += "<tr class=flag data-run=\"\(HTMLText.escape(flag.runID))\" data-figure=\"\(HTMLText.escape(flag.figure))\">"
                + "<td>\(link(flag.runID))</td><td>\(HTMLText.escape(flag.figure))</td><td>\(Self.figure(flag.value))</td>"
                + "<td>\(Self.figure(flag.median)) ± \(Self.figure(flag.mad))</td><td>\(String(format: "%+.1f", flag.deviations))</td></tr>"
        }
        if flags.count > Self.openFlags { rows += "</table></details>" } else { rows += "</table>" }
        let more = flags.count > Self.listedFlags ? "<p>The newest \(Self.listedFlags) of \(flags.count) flags.</p>" : ""
        return section("flags", "Flags (\(flags.count))", rows + more)
    }

    var ruleTable: String {
        guard let last = runs.last, !rules.isEmpty else { return "<p>No block was removed in the drawn runs.</p>" }
        var rows = "<table><tr><th></th><th>rule</th><th>removed, last run</th><th>share, last run</th><th>median share</th></tr>"
        for (index, rule) in rules.enumerated() {
            let shares = runs.filter { $0.removedTotal > 0 }.map { Double($0.removedByRule[rule] ?? 0) / Double($0.removedTotal) }
            let lastShare = last.removedTotal > 0 ? Double(last.removedByRule[rule] ?? 0) / Double(last.removedTotal) : 0
            rows += "<tr><td><i style=\"background:\(RunIndexCharts.palette[index % RunIndexCharts.palette.count])\"></i></td>"
                + "<td>\(HTMLText.escape(rule))</td><td>\(last.removedByRule[rule] ?? 0)</td>"
                + "<td>\(Self.percent(lastShare))</td><td>\(shares.isEmpty ? "–" : Self.percent(RunFlags.median(shares)))</td></tr>"
        }
        return rows + "</table>"
    }

    func recentTable(flagged: Set<String>) -> String {
        var rows = "<table class=recent><tr><th>run</th><th>started</th><th>status</th><th>inputs</th><th>written</th><th>duplicates</th><th>rejected</th><th>unchanged</th><th>seconds</th></tr>"
        for run in runs.suffix(Self.recentRows).reversed() {
            rows += "<tr\(flagged.contains(run.runID) ? " class=flagged" : "")><td>\(link(run.runID))</td><td>\(HTMLText.escape(run.started.replacingOccurrences(of: "T", with: " ")))</td>"
                + "<td>\(HTMLText.escape(run.status))</td><td>\(run.inputs)</td><td>\(run.written)</td><td>\(run.duplicates)</td>"
                + "<td>\(run.rejected)</td><td>\(run.unchanged)</td><td>\(String(format: "%.2f", run.seconds))</td></tr>"
        }
        return rows + "</table>"
    }

    static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.3g", value)
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    static let style = """
    body{font:14px/1.45 system-ui,sans-serif;max-width:64em;margin:1.5em auto;padding:0 1em;color:#222}
    h1 small{font-weight:normal;color:#777;font-size:60%}h2{font-size:1.1em;margin:1.6em 0 .4em}
    svg.chart{width:100%;height:auto;display:block}.grid{stroke:#e4e4e4}.axis{font-size:11px;fill:#666}
    table{border-collapse:collapse;font-size:13px}th,td{padding:.15em .6em;text-align:left}tr+tr td{border-top:1px solid #eee}
    .flags td:first-child a,.flagged td:first-child a{color:#b00;font-weight:600}.ok{color:#3a7d44}
    .legend span{margin-right:1.2em;font-size:12px}i{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-1px}
    .hosts{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.6em}.hosts h3{font-size:12px;margin:0;font-weight:600}
    .flagmark{fill:#b00}.bar{fill:#4c72b0}\(RunIndexCharts.colorClasses)footer{margin-top:2em;color:#777;font-size:12px}
    """
}
