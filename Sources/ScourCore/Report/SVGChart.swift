import Foundation

/// The SVG charts of both pages about runs. An instance is the frame of a chart over `slots`
/// evenly spaced columns (one per run, `index.html`): scales, grid lines with their labels, and
/// numbers written short so a chart of 365 runs stays small. Values are drawn from 0 at the
/// bottom to `maximum` at the top. `labelledBars` draws the horizontal bars of `report.html`.
struct SVGChart {
    var width = 960.0
    var height = 180.0
    var left = 56.0
    var right = 8.0
    var top = 10.0
    var bottom = 22.0
    let slots: Int
    let maximum: Double

    init(slots: Int, maximum: Double, width: Double = 960, height: Double = 180) {
        self.slots = max(1, slots)
        self.maximum = maximum > 0 ? maximum : 1
        self.width = width
        self.height = height
    }

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var slotWidth: Double { plotWidth / Double(slots) }
    /// Bars leave a gap between them while there is room for one.
    var barWidth: Double { slotWidth >= 4 ? slotWidth * 0.8 : slotWidth }

    /// The left edge of column `index`'s bar.
    func x(_ index: Int) -> Double { left + Double(index) * slotWidth + (slotWidth - barWidth) / 2 }
    /// The middle of column `index`.
    func center(_ index: Int) -> Double { left + (Double(index) + 0.5) * slotWidth }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, maximum) / maximum) }
    /// The height a value takes from the base line.
    func barHeight(_ value: Double) -> Double { plotHeight * min(value, maximum) / maximum }

    /// `<svg …>` with the chart's name (for checks) and a label (for screen readers).
    func open(name: String, label: String) -> String {
        "<svg class=chart data-chart=\(name) viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=img aria-label=\"\(HTMLText.escape(label))\">"
    }

    /// Grid lines at 0, half and the top, labelled by `format`; column labels under the chart.
    func grid(format: (Double) -> String, columnLabels: [(index: Int, text: String)]) -> String {
        var out = ""
        for share in [0.0, 0.5, 1.0] {
            let value = maximum * share
            let lineY = Self.number(y(value))
            out += "<line class=grid x1=\(Self.number(left)) x2=\(Self.number(width - right)) y1=\(lineY) y2=\(lineY) />"
            out += "<text class=axis x=\(Self.number(left - 4)) y=\(Self.number(y(value) + 4)) text-anchor=end>\(HTMLText.escape(format(value)))</text>"
        }
        for (index, text) in columnLabels {
            let anchor = index == 0 && slots > 1 ? "start" : (index == slots - 1 && slots > 1 ? "end" : "middle")
            let labelX = anchor == "start" ? x(index) : (anchor == "end" ? x(index) + barWidth : center(index))
            out += "<text class=axis x=\(Self.number(labelX)) y=\(Self.number(height - 6)) text-anchor=\(anchor)>\(HTMLText.escape(text))</text>"
        }
        return out
    }

    /// A rectangle from `base` up by `value` in column `index`, coloured by a CSS class (shorter
    /// than a fill on each of hundreds of bars), with optional attributes.
    func bar(_ index: Int, base: Double, value: Double, colorClass: String, attributes: String = "") -> String {
        let rectY = y(base + value)
        let rectHeight = barHeight(base + value) - barHeight(base)
        return "<rect x=\(Self.number(x(index))) y=\(Self.number(rectY)) width=\(Self.number(barWidth)) height=\(Self.number(max(rectHeight, 0.5))) class=\(colorClass)\(attributes) />"
    }

    /// Numbers with at most one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String { fixed(value, decimals: 1, trimmed: true) }

    /// `value` with `decimals` digits after the point (`trimmed`: no `.0`), without
    /// String(format:), which is slow on Linux and runs thousands of times per page.
    static func fixed(_ value: Double, decimals: Int, trimmed: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let units = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && units > 0 ? "-" : ""
        let whole = units / scale, fraction = units % scale
        if decimals == 0 || (trimmed && fraction == 0) { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// A count or size for an axis: 1234 → 1.2k, 2500000 → 2.5M.
    static func short(_ value: Double) -> String {
        switch abs(value) {
        case 1_000_000...: return String(format: "%.1fM", value / 1_000_000)
        case 10_000...: return String(format: "%.0fk", value / 1000)
        case 1000...: return String(format: "%.1fk", value / 1000)
        default: return value == value.rounded() ? String(Int(value)) : String(format: "%.3g", value)
        }
    }

    /// A top for the scale a little above `value`: 1, 2 or 5 times a power of ten.
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }
}

/// One bar of a horizontal chart: what it counts and how many. `grouped` is the number of
/// labels an "other" bar stands for (0 for a bar of its own).
struct ChartBar: Equatable {
    var label: String
    var count: Int
    var grouped = 0
}

extension SVGChart {
    private static let labelWidth = 210, labelledBarWidth = 250, figureWidth = 60, rowHeight = 20, labelLimit = 32

    /// A figure with a horizontal bar chart: per bar a label, a bar scaled to the largest count,
    /// and the figure. Each bar is a `<g class=bar>` whose data attributes hold the label and the
    /// count, so a test or a script reads the figures without parsing the drawing. `attributes`
    /// go on the figure (e.g. `data-stage`), already escaped.
    static func labelledBars(id: String, caption: String, bars: [ChartBar], attributes: String = "") -> String {
        var html = "<figure class=chart id=\"\(HTMLText.escape(id))\" data-bars=\(bars.count)\(attributes)>"
        html += "<figcaption>\(HTMLText.escape(caption))</figcaption>"
        guard !bars.isEmpty else { return html + "<p class=none>none</p></figure>" }
        let width = labelWidth + labelledBarWidth + figureWidth, height = bars.count * rowHeight
        let largest = max(1, bars.map(\.count).max() ?? 1)
        html += "<svg width=\(width) height=\(height) viewBox=\"0 0 \(width) \(height)\" role=img aria-label=\"\(HTMLText.escape(caption))\">"
        for (index, bar) in bars.enumerated() {
            let top = index * rowHeight
            // Whole pixels, and at least one for a count above 0, so a small count still shows.
            let length = bar.count == 0 ? 0 : max(1, Int((Double(bar.count) / Double(largest) * Double(labelledBarWidth)).rounded()))
            let label = HTMLText.escape(bar.label)
            let shown = bar.label.count > labelLimit ? String(bar.label.prefix(labelLimit - 1)) + "…" : bar.label
            html += "<g class=\"bar\(bar.grouped > 0 ? " other" : "")\" data-label=\"\(label)\" data-count=\(bar.count)"
            if bar.grouped > 0 { html += " data-grouped=\(bar.grouped)" }
            html += "><title>\(label): \(bar.count)</title>"
            html += "<text x=\(labelWidth - 6) y=\(top + 14) text-anchor=end>\(HTMLText.escape(shown))</text>"
            html += "<rect x=\(labelWidth) y=\(top + 3) width=\(length) height=14></rect>"
            html += "<text x=\(labelWidth + length + 4) y=\(top + 14)>\(bar.count)</text></g>"
        }
        return html + "</svg></figure>"
    }
}
