import Dispatch
import Foundation

/// How cost grows with input size, for the inputs that used to blow up: deep nesting,
/// attribute floods, pages written on one line, author floods, many record lists in a page,
/// many paragraphs each breaking off mid-sentence, a title of many section tails, one
/// keywords list, many citation initials, a text line of many '[', a dump of many "Read more" lines,
/// nested list items, nested reply forms,
/// many dated threads in a text dump, many similar documents (with and without duplicate
/// detection) and long stdin records. Each case is timed at sizes ×10 apart on inputs generated in memory; a row
/// is linear when ×10 size costs at most ×12 time. Times are process CPU seconds (steadier
/// than wall time on a shared machine), the best of three tries for cases under a second.
public struct GrowthBench {
    public struct Row: Sendable {
        public var name: String
        public var size: Int
        public var seconds: Double
        /// Time over the previous size's time (nil for the first size).
        public var ratio: Double?
        /// What happened to the input (written, rejected and why, candidates compared…).
        public var outcome: String
    }

    public var sizes: [Int]
    /// Pages are run with this budget, far above what any case needs, so the rows time the work, not the budget.
    let pipeline: Pipeline

    public init(sizes: [Int] = [1_000, 10_000, 100_000], resources: Resources) throws {
        self.sizes = sizes
        let config = #"{"version":1,"stages":[{"stage":"read","html_time_budget_ms":600000,"text_time_budget_ms":600000},{"stage":"normalize"},{"stage":"metadata"},{"stage":"boilerplate"},{"stage":"dedupe"}]}"#
        pipeline = Pipeline(config: try PipelineConfig.parse(data: Data(config.utf8), path: "growth bench", resources: resources))
    }

    /// The cases by name, in the order they are printed.
    public static let caseNames = ["deep nesting", "attribute flood", "one-line page", "author flood", "record lists", "broken lines",
                                   "title tails", "keyword list", "citation initials", "open brackets", "closing lines",
                                   "nested list items", "nested reply forms", "dated threads", "boxed stretches", "script story",
                                   "slug ids", "similar documents", "similar documents + dedup", "stdin record"]

    /// Runs every case (or the named ones), calling `report` with each row as it is measured.
    public func run(cases: [String] = GrowthBench.caseNames, report: (Row) -> Void) {
        for name in cases {
            var previous: Double?
            for size in sizes {
                var (seconds, outcome) = measure(name, size: size)
                // Cases that run in well under a second: the best of three keeps one scheduler hiccup out of the ratio,
                // and each try repeats the case over at least 0.2 s, since the CPU clock ticks too coarsely for one run.
                if seconds < 1 {
                    seconds = (0..<3).map { _ in averaged(name, size: size) }.min() ?? seconds
                }
                report(Row(name: name, size: size, seconds: seconds, ratio: previous.map { seconds / max($0, 1e-6) },
                           outcome: outcome))
                previous = seconds
            }
        }
    }

    /// Seconds per run, over as many runs as fill 0.2 s.
    private func averaged(_ name: String, size: Int) -> Double {
        var total = 0.0, runs = 0
        while total < 0.2 || runs == 0 {
            total += measure(name, size: size).seconds
            runs += 1
        }
        return total / Double(runs)
    }

    private func measure(_ name: String, size: Int) -> (seconds: Double, outcome: String) {
        switch name {
        case "deep nesting": return page(Self.deepPage(levels: size))
        case "attribute flood": return page(Self.floodPage(attributes: size))
        case "one-line page": return page(Self.oneLinePage(elements: size))
        case "author flood": return page(Self.authorFloodPage(authors: size))
        case "record lists": return page(Self.recordListsPage(records: size))
        case "broken lines": return page(Self.brokenLinesPage(paragraphs: size))
        case "title tails": return page(Self.titleTailsPage(tails: size))
        case "keyword list": return page(Self.keywordListPage(keywords: size))
        case "citation initials": return page(Self.citationInitialsPage(authors: size))
        case "open brackets": return page(Self.openBracketsDump(brackets: size), format: .text)
        case "closing lines": return page(Self.closingLinesDump(lines: size), format: .text)
        case "nested list items": return page(Self.storyPage(title: "Lists", after: "<ul><li><p>w</p>", times: size))
        case "nested reply forms": return page(Self.storyPage(title: "Forms", after: "<div><form><textarea>w</textarea>", times: size))
        case "dated threads": return page(Self.datedThreadsDump(entries: size), format: .text)
        case "boxed stretches": return page(Self.boxedStretchesDump(stretches: size), format: .text)
        case "script story": return page(Self.scriptStoryPage(paragraphs: size))
        // Nested elements whose ids each spell their text: every one is checked against a bounded prefix of it.
        case "slug ids": return page(Self.storyPage(title: "Slugs", after: "<div class=\"slide\" id=\"she-wore-a-plum-suit-in-london-7\"><p>She wore a plum suit in London</p>", times: size))
        case "similar documents": return similar(count: size, detecting: false)
        case "similar documents + dedup": return similar(count: size, detecting: true)
        default: return stdinRecord(bytes: size * Self.stdinBytesPerUnit)
        }
    }

    /// `levels` unclosed `<div>`s around a short story.
    public static func deepPage(levels: Int) -> [UInt8] {
        storyPage(title: "Deep", after: "<div>", times: levels)
    }

    /// One element with `attributes` distinct attributes, holding the story.
    public static func floodPage(attributes: Int) -> [UInt8] {
        numberedPage(opening: "<html><head><title>Flood</title></head><body><div", count: attributes,
                     piece: { " data-a\($0)=\"v\($0)\"" }, beforeStory: ">", closing: "</div></body></html>")
    }

    /// `opening`, then `count` numbered pieces, then `beforeStory`, the story and `closing`.
    static func numberedPage(opening: String, count: Int, piece: (Int) -> String, beforeStory: String, closing: String) -> [UInt8] {
        var html = Array(opening.utf8)
        for index in 0..<count { html.append(contentsOf: piece(index).utf8) }
        html.append(contentsOf: (beforeStory + story + closing).utf8)
        return html
    }

    /// `elements` paragraphs on one line, as minified pages come, each with an attribute the
    /// pre-parse pass drops: every drop used to look for line breaks on to the page's end.
    public static func oneLinePage(elements: Int) -> [UInt8] {
        storyPage(title: "One line", after: "<p class=x data-k=1>w</p>", times: elements)
    }

    /// A page whose markup shows nothing and whose script carries `paragraphs` paragraphs as HTML in
    /// a JSON string, beside as many short strings: every string is decoded once (`ScriptStory`).
    public static func scriptStoryPage(paragraphs: Int) -> [UInt8] {
        numberedPage(opening: "<html><head><title>Script</title></head><body><div id=\"root\"></div><script>window.q={\"contentHtml\":\"", count: paragraphs,
                     piece: { "\\u003cp\\u003eParagraph \($0) of the story the page builds, with words enough to read as prose.\\u003c/p\\u003e" },
                     beforeStory: "\",\"k\":[" + String(repeating: "\"a\",", count: paragraphs) + "\"b\"]}</script><!--",
                     closing: "--></body></html>")
    }

    /// `authors` distinct `citation_author` values in the head (papers list hundreds): each one is
    /// checked against the names found so far, which used to cost the square of their number.
    public static func authorFloodPage(authors: Int) -> [UInt8] {
        numberedPage(opening: "<html><head><title>Authors</title>", count: authors,
                     piece: { "<meta name=\"citation_author\" content=\"Author\($0) Name\($0)\">" },
                     beforeStory: "</head><body>", closing: "</body></html>")
    }

    /// The story, then `records` dated records in lists of three after it: each list asks how much
    /// story comes before and after it (`RecordList`), which once summed the page again per list.
    public static func recordListsPage(records: Int) -> [UInt8] {
        let record = "<div><time datetime=\"2019-11-19T06:34:00Z\">Nov 19</time><p>A reader wrote that the water came up to the door of the house on Monday night.</p></div>"
        let list = "<div>" + String(repeating: record, count: 3) + "</div>"
        var html = Array("<html><head><title>Records</title></head><body><div>".utf8)
        html.append(contentsOf: (story + story + story).utf8)
        for _ in 0..<max(1, records / 3) { html.append(contentsOf: list.utf8) }
        html.append(contentsOf: "</div></body></html>".utf8)
        return html
    }

    /// `paragraphs` paragraphs that each break off mid-sentence, the next going on in lowercase:
    /// the normalizer joins them all into one, and once counted the growing paragraph's
    /// characters at every join (the square of their number).
    public static func brokenLinesPage(paragraphs: Int) -> [UInt8] {
        storyPage(title: "Broken lines", after: "<p>the water came up to the door of the house on monday</p>", times: paragraphs)
    }

    /// A `<title>` of a headline and `tails` short " | Section N" tails: each cut searched, copied and
    /// measured the whole title again.
    public static func titleTailsPage(tails: Int) -> [UInt8] {
        var title = "Sea wall holds after the storm"
        for index in 0..<tails { title += " | Sec \(index)" }
        return storyPage(title: title, after: "", times: 0)
    }

    /// One `<meta name="keywords">` of `keywords` distinct words: each was checked against the list so far.
    public static func keywordListPage(keywords: Int) -> [UInt8] {
        let list = (0..<keywords).map { "kw\($0)" }.joined(separator: ", ")
        var html = Array("<html><head><title>Keywords</title><meta name=\"keywords\" content=\"\(list)\"></head><body>".utf8)
        html.append(contentsOf: (story + "</body></html>").utf8)
        return html
    }

    /// `authors` `citation_author` values that are initials ("ABC"): each was looked up in every other value.
    public static func citationInitialsPage(authors: Int) -> [UInt8] {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return numberedPage(opening: "<html><head><title>Initials</title>", count: authors,
                            piece: { "<meta name=\"citation_author\" content=\"\(letters[$0 % 26])\(letters[($0 / 26) % 26])\(letters[($0 / 676) % 26])\">" },
                            beforeStory: "</head><body>", closing: "</body></html>")
    }

    /// A text dump: the story, then one line of `brackets` "[w " that never close: each '[' looked for its ']' to the line's end.
    public static func openBracketsDump(brackets: Int) -> [UInt8] {
        Array((storyText + String(repeating: "[w ", count: brackets) + "\n").utf8)
    }

    /// A text dump: `lines` "Read more" lines, then the story: each end-of-article line scored the runs before and after it.
    public static func closingLinesDump(lines: Int) -> [UInt8] {
        Array((String(repeating: "Read more\n\n", count: lines) + storyText).utf8)
    }

    /// A text dump: the story, then `entries` dated comment entries in threads of three, each thread
    /// apart from the next: each thread's opening asked for the best run before it, once a pass over the dump.
    public static func datedThreadsDump(entries: Int) -> [UInt8] {
        var text = String(repeating: "The council voted on Tuesday to build a new sea wall along the harbour, after the storms of last winter flooded the lower town twice in one month.\n\n", count: 4)
        let entry = "reader says:\n\nNovember 19, 2019 at 6:34 am\n\nI have lived here for forty years and never saw the water this high.\n\n"
        let apart = String(repeating: "Share\n\n", count: 7)
        for _ in 0..<max(1, entries / 3) { text += String(repeating: entry, count: 3) + apart }
        return Array(text.utf8)
    }

    /// A text dump: a headline with its byline and date, then `stretches` times three paragraphs and a
    /// "Most Read" box, then the story's longest part: each stretch is bridged back toward the header,
    /// nearest first, one bridge each.
    public static func boxedStretchesDump(stretches: Int) -> [UInt8] {
        var text = "Sea wall plans approved after winter floods\n\nBy Jane Doe\n\nNovember 19, 2019 at 6:34 am\n\n"
        // Numbered: a text printed three times or more is no paragraph of the story.
        func paragraph(_ number: Int) -> String {
            "In part \(number) the council voted on Tuesday to build a new sea wall along the harbour, after the storms of last winter flooded the lower town twice in one month.\n\n"
        }
        for stretch in 0..<max(1, stretches) {
            text += paragraph(3 * stretch) + paragraph(3 * stretch + 1) + paragraph(3 * stretch + 2)
                + "Most Read \(stretch)\n\nHow the harbour was built, part \(stretch)\n\nJohn Roe\n\nThe storm of the century, part \(stretch)\n\n"
        }
        for number in 0..<20 { text += paragraph(3 * max(1, stretches) + number) }
        return Array(text.utf8)
    }

    /// A page whose body is `piece` `times` over, then the story.
    static func storyPage(title: String, after piece: String, times: Int) -> [UInt8] {
        var html = Array("<html><head><title>\(title)</title></head><body>".utf8)
        html.reserveCapacity(times * piece.utf8.count + 1_000)
        for _ in 0..<times { html.append(contentsOf: piece.utf8) }
        html.append(contentsOf: story.utf8)
        html.append(contentsOf: "</body></html>".utf8)
        return html
    }

    /// Short documents from one template, each with a few words of its own: similar enough to
    /// share LSH buckets, and about one in three is a near duplicate of an earlier one.
    public static func similarText(_ index: Int) -> String {
        let words = ["harbour", "council", "budget", "river", "school", "station", "market", "bridge", "library", "park"]
        let a = words[index % 10], b = words[(index / 10) % 10], c = words[(index / 100) % 10]
        return """
        The \(a) committee met on Tuesday to discuss the plans for the \(b) and the \(c), officials said.
        Residents asked questions about the cost of the works, the timetable and the disruption it would bring.
        The committee will publish its report next month, after a further meeting with the \(a) trust, number \(index / 3).
        """
    }

    /// Bytes of stdin record per unit of size: 1k, 10k, 100k are records of 80 KB, 800 KB and 8 MB.
    public static let stdinBytesPerUnit = 80

    /// One JSONL record holding about `bytes` bytes of HTML, as `scour run --stdin` reads it.
    public static func stdinRecord(bytes: Int) -> [UInt8] {
        var html = "<html><body><article>"
        while html.utf8.count < bytes { html += story }
        html += "</article></body></html>"
        let record = ["url": "https://example.com/long", "html": html]
        var bytes = Array((try? JSONSerialization.data(withJSONObject: record)) ?? Data())
        bytes.append(0x0A)
        return bytes
    }

    static let story = """
    <h1>The council approves the new harbour wall</h1><p>The council voted on Tuesday to build a new sea wall along \
    the harbour, after the storms of last winter flooded the lower town twice in one month.</p><p>Work will start \
    in the spring and take two years, the council's engineer said, and the road along the front will stay open.</p>
    """

    /// The story as a text dump has it.
    static let storyText = """
    The council approves the new harbour wall

    The council voted on Tuesday to build a new sea wall along the harbour, after the storms of last winter flooded the lower town twice in one month.

    Work will start in the spring and take two years, the council's engineer said, and the road along the front will stay open.


    """

    private func page(_ html: [UInt8], format: InputFormat = .html) -> (seconds: Double, outcome: String) {
        let document = Document(source: format == .html ? "growth.html" : "growth.txt", raw: html, format: format)
        var result: Result<Document, Rejection>?
        let seconds = Self.cpuTime { result = pipeline.process(document) }
        switch result {
        case let .failure(rejection)?: return (seconds, "rejected: \(rejection.reason)")
        case let .success(cleaned)?: return (seconds, "written, \(cleaned.bodyText.utf8.count) bytes of text")
        case nil: return (seconds, "")
        }
    }

    private func similar(count: Int, detecting: Bool) -> (seconds: Double, outcome: String) {
        let documents = (0..<count).map { Document(source: "similar-\($0).txt", raw: Array(Self.similarText($0).utf8), format: .text) }
        let detector = DuplicateDetector(config: DuplicatesConfig(), state: nil)
        var duplicates = 0
        let seconds = Self.cpuTime {
            for document in documents {
                guard case let .success(cleaned) = pipeline.process(document) else { continue }
                guard detecting else { continue }
                let fingerprint = detector.fingerprint(of: cleaned.bodyText)
                if (try? detector.original(of: cleaned.source, fingerprint)) ?? nil != nil {
                    duplicates += 1
                } else {
                    detector.remember(cleaned.source, fingerprint)
                }
            }
        }
        guard detecting else { return (seconds, "\(count) cleaned") }
        return (seconds, "\(duplicates) duplicates; at most \(detector.mostCandidatesInOneLookup) candidates compared per document")
    }

    /// The record is written into a pipe by another thread while the source reads it, in the
    /// pieces a pipe hands over (64 KiB at most), as it arrives from an engine.
    private func stdinRecord(bytes count: Int) -> (seconds: Double, outcome: String) {
        let bytes = Self.stdinRecord(bytes: count)
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let writing = DispatchGroup()
        DispatchQueue.global().async(group: writing) {
            bytes.withUnsafeBytes { writer.write(Data($0)) }
            try? writer.close()
        }
        var source = JSONLRecordSource(handle: pipe.fileHandleForReading)
        var read = 0
        let seconds = Self.cpuTime {
            while let item = source.next() {
                if case let .document(document) = item { read += document.raw?.count ?? 0 }
            }
        }
        writing.wait()
        return (seconds, "\(bytes.count) bytes on the pipe, \(read) bytes of HTML read")
    }

    /// Process CPU seconds spent in `work`.
    static func cpuTime(_ work: () -> Void) -> Double {
        let started = SpeedBench.cpuSeconds()
        work()
        return SpeedBench.cpuSeconds() - started
    }
}
