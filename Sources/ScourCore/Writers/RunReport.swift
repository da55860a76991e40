import Foundation

/// `report.html`: one self-contained page per run for tuning rules. Totals on top, then
/// per document the kept text beside the removed blocks (struck through, in red, each
/// with the stage and rule that removed it) and the metadata with its evidence.
/// Sections are streamed to a temporary file during the run, so memory stays flat.
final class RunReport {
    let path: String
    private let bodyPath: String
    private let body: FileHandle
    private let limit: Int
    private(set) var documents = 0

    init(path: String, documentLimit: Int) throws(OutputError) {
        self.path = path
        self.limit = documentLimit
        bodyPath = path + ".body.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: bodyPath, contents: nil), let handle = FileHandle(forWritingAtPath: bodyPath) else {
            throw .cannotCreate(path: path, reason: "cannot write \(bodyPath)")
        }
        body = handle
    }

    func add(_ document: Document, id: String, duplicateOf: String?) {
        guard documents < limit else { return }
        documents += 1
        var html = "<section><h2>\(Self.escape(document.metadata.title ?? document.source))</h2>"
        html += "<p class=src>\(Self.escape(document.source)) · id \(id)"
        if let duplicateOf { html += " · duplicate of \(duplicateOf)" }
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
            html += "<tr><th>\(field)</th><td>\(Self.escape(value))</td><td class=ev>\(Self.escape(evidence))</td></tr>"
        }
        html += "</table><div class=blocks>"
        for block in document.blocks {
            if let removal = block.removal {
                html += "<p class=cut><span class=rule>\(Self.escape(removal.stage)):\(Self.escape(removal.rule))</span> \(Self.escape(block.text))</p>"
            } else {
                let tag = block.kind == .heading ? "h3" : "p"
                html += "<\(tag)>\(Self.escape(block.text))</\(tag)>"
            }
        }
        html += "</div></section>\n"
        body.write(Data(html.utf8))
    }

    /// Puts totals above the streamed sections and moves the page into place.
    func finish(summary: RunSummary) throws(OutputError) {
        try? body.close()
        defer { unlink(bodyPath) }
        var head = """
        <!doctype html><html lang=en><head><meta charset=utf-8><title>Scour run \(Self.escape(summary.runID ?? ""))</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#222}
        table{border-collapse:collapse}th,td{padding:.1em .6em;text-align:left;vertical-align:top}
        .cut{color:#b00;text-decoration:line-through;opacity:.8}.rule{text-decoration:none;display:inline-block;
        font:12px monospace;background:#fee;color:#700;padding:0 .3em;margin-right:.4em}.ev{color:#777;font-size:12px}
        section{border-top:1px solid #ccc;margin-top:2em}.src{color:#777;font-size:13px}</style></head><body>
        <h1>Scour run \(Self.escape(summary.runID ?? ""))</h1>
        <p>\(summary.inputs) inputs · \(summary.written) written · \(summary.duplicates) duplicates · \(summary.rejected) rejected · \(summary.unchanged) unchanged · \(String(format: "%.2f", summary.seconds)) s</p>
        <table><tr><th>stage</th><th>in</th><th>kept</th><th>rejected</th><th>removed per rule</th></tr>
        """
        for stats in summary.stages {
            let rules = stats.blocksRemoved.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            head += "<tr><td>\(stats.stage)</td><td>\(stats.documentsIn)</td><td>\(stats.documentsKept)</td><td>\(stats.documentsRejected)</td><td>\(Self.escape(rules))</td></tr>"
        }
        head += "</table>"
        if documents >= limit { head += "<p>Showing the first \(limit) documents.</p>" }
        let writer = try AtomicFileWriter(path: path)
        try writer.writeLine(head)
        let sections = FileManager.default.contents(atPath: bodyPath) ?? Data()
        try writer.writeLine(String(decoding: sections, as: UTF8.self) + "</body></html>")
        try writer.commit()
    }

    func abandon() {
        try? body.close()
        unlink(bodyPath)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(char)
            }
        }
        return out
    }
}
