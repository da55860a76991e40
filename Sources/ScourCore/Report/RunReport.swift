import Foundation

/// `report.html`: one self-contained page per run. On top the run's figures as bar charts
/// (documents by outcome, rejects by reason, removal rules per stage), then a table of the
/// written documents to sort and filter (`ReportTable.swift`, `ReportPage.swift`), then per
/// document (the first `documentLimit`) the kept text beside the removed blocks (struck
/// through, in red, each with the stage and rule that removed it) and the metadata with its
/// evidence. Rows and sections are streamed to temporary files during the run, so memory
/// stays flat; the table holds a few short fields per document, never its text.
final class RunReport {
    let path: String
    private let sections: ScratchFile
    private let rows: ScratchFile
    private let limit: Int
    private var table = DocumentTable()
    private(set) var documents = 0
    private var written = 0

    init(path: String, documentLimit: Int) throws(OutputError) {
        self.path = path
        self.limit = documentLimit
        let pid = ProcessInfo.processInfo.processIdentifier
        sections = try ScratchFile(path: path + ".body.tmp-\(pid)", for: path)
        do throws(OutputError) {
            rows = try ScratchFile(path: path + ".rows.tmp-\(pid)", for: path)
        } catch {
            sections.remove()
            throw error
        }
    }

    func add(_ document: Document, id: String, duplicateOf: String?) {
        written += 1
        let detailed = documents < limit
        if table.rows < DocumentTable.rowLimit {
            let row = DocumentRow(document, number: written, duplicateOf: duplicateOf, detailed: detailed)
            rows.write((table.rows == 0 ? "" : ",\n") + row.json)
            table.count(row)
        }
        guard detailed else { return }
        documents += 1
        sections.write(section(document, id: id, duplicateOf: duplicateOf))
    }

    /// The document's own section: source, metadata with evidence, kept and removed blocks.
    private func section(_ document: Document, id: String, duplicateOf: String?) -> String {
        var html = "<section id=doc-\(written)><h2>\(HTMLText.escape(document.metadata.title ?? document.source))</h2>"
        html += "<p class=src>\(HTMLText.escape(document.source)) · id \(id)"
        if let duplicateOf { html += " · duplicate of \(HTMLText.escape(duplicateOf))" }
        html += "</p><table class=meta>"
        let meta = document.metadata
        let values: [(String, String?)] = [
            ("title", meta.title), ("authors", meta.authors.isEmpty ? nil : meta.authors.joined(separator: "; ")),
            ("date", meta.date), ("outlet", meta.outlet), ("url", meta.url), ("language", meta.language),
            ("tags", meta.tags.isEmpty ? nil : meta.tags.joined(separator: "; ")), ("description", meta.description),
        ]
        for (field, value) in values {
            guard let value else { continue }
            let evidence = meta.evidence[field].map { "\($0.rule)\($0.line.map { ", line \($0)" } ?? "")" } ?? ""
            html += "<tr><th>\(field)</th><td>\(HTMLText.escape(value))</td><td class=ev>\(HTMLText.escape(evidence))</td></tr>"
        }
        html += "</table><div class=blocks>"
        for block in document.blocks {
            if let removal = block.removal {
                html += "<p class=cut><span class=rule>\(HTMLText.escape(removal.stage)):\(HTMLText.escape(removal.rule))</span> \(HTMLText.escape(block.text))</p>"
            } else {
                let tag = block.kind == .heading ? "h3" : "p"
                html += "<\(tag)>\(HTMLText.escape(block.text))</\(tag)>"
            }
        }
        return html + "</div></section>\n"
    }

    /// Puts the figures and the table above the streamed sections and moves the page into place.
    func finish(summary: RunSummary) throws(OutputError) {
        sections.close()
        rows.close()
        defer { abandon() }
        let title = "Scour run " + HTMLText.escape(summary.runID ?? "")
        try AtomicFileWriter.write(path: path) { writer throws(OutputError) in
            try writer.writeLine("<!doctype html><html lang=en><head><meta charset=utf-8><title>\(title)</title>")
            try writer.writeLine(ReportPage.style + "</head><body>\n<h1>\(title)</h1>")
            try writer.writeLine(Self.figures(summary))
            try writer.writeLine(table.opening(written: max(written, summary.written)))
            try writer.writeLine(DocumentTable.closing)
            try writer.write(Data(DocumentTable.dataOpening.utf8))
            try rows.copy(into: writer)
            try writer.writeLine(DocumentTable.dataClosing)
            if documents > 0 {
                var heading = "<h2 id=details>Documents in detail</h2>"
                if documents < written { heading += "<p class=note>The first \(documents) of \(written) documents.</p>" }
                try writer.writeLine(heading)
            }
            try sections.copy(into: writer)
            try writer.writeLine("<p id=timing></p>" + ReportPage.script + "</body></html>")
        }
    }

    /// Totals, the charts, and per stage the counts and every rule (folded away).
    static func figures(_ summary: RunSummary) -> String {
        var html = "<p class=totals>\(summary.inputs) inputs · \(summary.written) written · \(summary.duplicates) duplicates"
        html += " · \(summary.rejected) rejected · \(summary.unchanged) unchanged · \(String(format: "%.2f", summary.seconds)) s</p>"
        html += "<div class=charts>"
        html += SVGChart.labelledBars(id: "chart-outcomes", caption: "Documents by outcome", bars: ReportBars.outcomes(summary))
        html += SVGChart.labelledBars(id: "chart-rejects", caption: "Rejects by reason", bars: ReportBars.rejects(summary.rejectReasons))
        html += "</div><h2 id=rules>Blocks removed, by stage and rule</h2><div class=charts>"
        for stats in summary.stages where !stats.blocksRemoved.isEmpty {
            let total = stats.blocksRemoved.values.reduce(0, +)
            html += SVGChart.labelledBars(id: "chart-rules-" + stats.stage,
                                          caption: "\(stats.stage): \(total) blocks, \(stats.blocksRemoved.count) rule\(stats.blocksRemoved.count == 1 ? "" : "s")",
                                          bars: ReportBars.rules(stats), attributes: " data-stage=\"\(HTMLText.escape(stats.stage))\"")
        }
        html += "</div><table class=stages><tr><th>stage</th><th>in</th><th>kept</th><th>rejected</th><th>blocks removed</th></tr>"
        for stats in summary.stages {
            html += "<tr><td>\(HTMLText.escape(stats.stage))</td><td>\(stats.documentsIn)</td><td>\(stats.documentsKept)</td>"
            html += "<td>\(stats.documentsRejected)</td><td>\(stats.blocksRemoved.values.reduce(0, +))</td></tr>"
        }
        html += "</table>"
        for stats in summary.stages where stats.blocksRemoved.count > ReportBars.rulesShown + 1 {
            let rules = stats.blocksRemoved.largestFirst
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            html += "<details><summary>\(HTMLText.escape(stats.stage)): all \(stats.blocksRemoved.count) rules</summary><p>\(HTMLText.escape(rules))</p></details>"
        }
        return html
    }

    func abandon() {
        sections.remove()
        rows.remove()
    }
}

/// A temporary file next to the report, written during the run and copied into the page at
/// the end in chunks (it may hold megabytes).
private final class ScratchFile {
    let path: String
    private let handle: FileHandle
    private var closed = false

    init(path: String, for report: String) throws(OutputError) {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotCreate(path: report, reason: "cannot write \(path)")
        }
        self.handle = handle
    }

    func write(_ text: String) { handle.write(Data(text.utf8)) }

    func close() {
        guard !closed else { return }
        closed = true
        try? handle.close()
    }

    func copy(into writer: AtomicFileWriter) throws(OutputError) {
        guard let reader = FileHandle(forReadingAtPath: path) else { return }
        defer { try? reader.close() }
        while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            try writer.write(chunk)
        }
    }

    func remove() {
        close()
        unlink(path)
    }
}
