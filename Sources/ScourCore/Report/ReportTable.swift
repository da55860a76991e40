import Foundation

/// One written document as a row of the report's table: a few short fields, never its text,
/// so the table for 10,000 documents stays a few megabytes. Rows travel as JSON in the page
/// and the script builds the table's rows a page at a time: 10,000 rows in the DOM cost
/// Chromium more than a second to load, 10,000 entries of JSON a few milliseconds.
struct DocumentRow {
    /// 1-based position among the run's written documents; the anchor of its section.
    var number: Int
    var title: String
    var source: String
    var outlet: String?
    var language: String?
    var date: String?
    /// Words kept (the record's `word_count`) and words in removed blocks.
    var words: Int
    var removedWords: Int
    var duplicateOf: String?
    /// True when the document also has its own section below the table.
    var detailed: Bool

    static let titleLimit = 120

    init(_ document: Document, number: Int, duplicateOf: String?, detailed: Bool) {
        self.number = number
        let meta = document.metadata
        title = meta.title ?? document.source
        source = document.source
        outlet = meta.outlet
        language = meta.language
        date = meta.date.map { String($0.prefix(10)) }
        var kept = 0, removed = 0
        for block in document.blocks {
            let count = OutputRecord.wordCount(block.text)
            if block.removal == nil { kept += count } else { removed += count }
        }
        words = kept
        removedWords = removed
        self.duplicateOf = duplicateOf
        self.detailed = detailed
    }

    /// Share of the document's words in removed blocks, 0 for a page without words.
    var removedShare: Double {
        words + removedWords == 0 ? 0 : Double(removedWords) / Double(words + removedWords)
    }

    /// The row as a JSON array for the page's script: `[number, title, source, outlet, language,
    /// date, words, removed share, duplicate of, detailed]`, with `<`, `>` and `&` escaped so
    /// page text can never end the script element it sits in.
    var json: String {
        let title = self.title.count > Self.titleLimit ? String(self.title.prefix(Self.titleLimit - 1)) + "…" : self.title
        let strings = [title, source].map(ScriptJSON.string) + [outlet, language, date].map { $0.map(ScriptJSON.string) ?? "null" }
        return "[\(number),\(strings.joined(separator: ",")),\(words),\(String(format: "%.3f", removedShare)),"
            + "\(duplicateOf.map(ScriptJSON.string) ?? "null"),\(detailed ? 1 : 0)]"
    }
}

/// JSON strings safe inside an HTML `<script>` element.
enum ScriptJSON {
    static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// What the table's filters offer: the outlets and languages of the rows, with their counts.
struct DocumentTable {
    /// Rows past this many are left out of the table (the page says so); sections are
    /// bounded separately by `output.report_documents`.
    static let rowLimit = 100_000
    /// Rows shown per page of the table; the script pages through the rest.
    static let pageSize = 100
    /// The filter value for documents without an outlet or language.
    static let none = "(none)"

    private(set) var rows = 0
    private(set) var outlets: [String: Int] = [:]
    private(set) var languages: [String: Int] = [:]

    mutating func count(_ row: DocumentRow) {
        rows += 1
        outlets[row.outlet ?? Self.none, default: 0] += 1
        languages[row.language ?? Self.none, default: 0] += 1
    }

    /// The heading, the filter form and the table up to its first row.
    func opening(written: Int) -> String {
        var html = "<h2 id=documents>Documents</h2>"
        if rows < written {
            html += rows == 0 ? "<p class=note>No document table: this report was rebuilt from the run's counts.</p>"
                : "<p class=note>The table lists the first \(rows) of \(written) written documents.</p>"
        }
        html += "<form id=filters>"
        html += "<label>outlet " + Self.select("outlet", label: "all outlets", counts: outlets) + "</label>"
        html += "<label>language " + Self.select("lang", label: "all languages", counts: languages) + "</label>"
        html += "<label>words <input name=wmin type=number min=0 size=6> – <input name=wmax type=number min=0 size=6></label>"
        html += "<label>removed % <input name=rmin type=number min=0 max=100 size=4> – <input name=rmax type=number min=0 max=100 size=4></label>"
        html += "<button type=reset>clear</button> <output id=shown data-shown=\(rows) data-total=\(rows)>\(rows) documents</output></form>"
        html += "<noscript><p class=note>The table is drawn by the page's script; the sections below need none.</p></noscript>"
        html += "<table id=docs data-rows=\(rows) data-page=\(Self.pageSize)><thead><tr>"
        let columns = [("n", "#"), ("title", "title"), ("outlet", "outlet"), ("lang", "language"), ("date", "date"),
                       ("words", "words"), ("removed", "removed"), ("dup", "duplicate")]
        for (key, name) in columns { html += "<th data-key=\(key)><button type=button>\(name)</button></th>" }
        return html + "</tr></thead><tbody>"
    }

    static let closing = "</tbody></table><p id=pager><button type=button data-step=-1>previous</button> <span></span> <button type=button data-step=1>next</button></p>"

    /// Around the rows' JSON, one entry per line.
    static let dataOpening = "<script type=application/json id=rows>[", dataClosing = "]</script>"

    /// A select with an "all" choice, then the values, most frequent first.
    private static func select(_ name: String, label: String, counts: [String: Int]) -> String {
        var html = "<select name=\(name)><option value=\"\">\(label)</option>"
        for (value, count) in counts.largestFirst {
            let escaped = HTMLText.escape(value)
            html += "<option value=\"\(escaped)\">\(escaped) (\(count))</option>"
        }
        return html + "</select>"
    }
}
