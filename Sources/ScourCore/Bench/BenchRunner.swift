import Foundation

/// Runs the pipeline over a benchmark set and scores it against the set's ground truth.
public struct BenchRunner {
    /// The kinds of set in `shared/bench`, told apart by their truth records.
    public enum SetKind: String, Sendable {
        case articleBody = "body"     // aeb-dev, aeb-text-dev: {"id","url","text"}
        case snippets                 // traf-dev: {"id","url","with","without","authors"?}
        case dates                    // dates-dev: {"id","url","date"}
        case authors                  // labelled here: {"id","set","authors","sure"}, pages from another set
                                      // (a dates label: {"id","set","date","sure"}, also pages from another set)
    }

    public struct PageResult: Sendable {
        public var id: String
        public var precision: Double?
        public var recall: Double?
        public var detail: String
    }

    public struct Report: Sendable {
        public var name: String
        public var kind: SetKind
        public var pages = 0
        public var bytes = 0
        public var seconds: Double = 0
        public var rejected = 0
        public var precision: Double = 0
        public var recall: Double = 0
        public var f1: Double = 0
        /// dates: share right to the day; snippets: share of author lists right.
        public var metadataAccuracy: Double?
        public var metadataPages = 0
        public var pageResults: [PageResult] = []
        /// Truth lines that could not be read, with where they are.
        public var skippedTruth: [String] = []
        /// The same figures for the two fixed halves of the set (`SetScore.half(of:)`).
        public var halves: [SetScore] = [SetScore(), SetScore()]
        /// Pages whose output names an outlet, and those outlets that read as no publication name
        /// (`OutletCheck`: a copyright line, a year, a company suffix, a web address, a bare host).
        public var outletsNamed = 0
        public var outletProblems: [OutletProblem] = []

        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
    }

    /// An outlet that reads as no publication name, on one page.
    public struct OutletProblem: Sendable {
        public var id: String
        public var outlet: String
        public var problems: [String]
    }

    public var pipeline: Pipeline
    /// Rewrites each HTML page's bytes before the pipeline reads them (`--hide-classes`), or nil.
    public var rewriteHTML: (@Sendable ([UInt8]) -> [UInt8])?
    /// Where an `authors` set's pages are: the folder holding the sets its records name.
    public var pagesRoot: String
    /// The shared benchmark sets, seen from the repository's root.
    public static let sharedRoot = "../shared/bench"

    public init(pipeline: Pipeline, pagesRoot: String = BenchRunner.sharedRoot) {
        self.pipeline = pipeline
        self.pagesRoot = pagesRoot
    }

    public enum BenchError: Error, CustomStringConvertible {
        case noTruth(String)
        case badTruth(String, line: Int)

        public var description: String {
            switch self {
            case let .noTruth(dir): return "\(dir): no truth.jsonl (not a benchmark set)"
            case let .badTruth(path, line): return "\(path):\(line): not a JSON object"
            }
        }
    }

    /// Scores one set: reads the truth, runs the pipeline over its pages and sums the figures, whole and
    /// per half (81 lines, kept whole: one page loop that feeds both sums).
    public func run(setDirectory: String) throws -> Report {
        let truthPath = setDirectory + "/truth.jsonl"
        guard let data = FileManager.default.contents(atPath: truthPath) else { throw BenchError.noTruth(setDirectory) }
        var records: [[String: Any]] = []
        var skippedTruth: [String] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                // One bad line (dates-dev has a `NaN` date) costs that page, not the set.
                skippedTruth.append("\(truthPath):\(number + 1): not a JSON object; page skipped")
                continue
            }
            records.append(object)
        }
        let kind = Self.kind(of: records.first ?? [:])
        var report = Report(name: (setDirectory as NSString).lastPathComponent, kind: kind)
        report.skippedTruth = skippedTruth

        var whole = SetScore()
        for record in records {
            // A label its labeller was unsure of scores nothing; a label may name the set whose page it labels.
            if record["sure"] as? Bool == false { continue }
            let pages = (record["set"] as? String).map { pagesRoot + "/" + $0 } ?? setDirectory
            guard let id = record["id"] as? String, let path = pageFile(setDirectory: pages, id: id) else { continue }
            let item = InputCollector.item(forFile: path)
            guard case var .success(document) = InputCollector.load(item) else { continue }
            report.pages += 1
            let half = SetScore.half(of: id)
            report.halves[half].pages += 1
            report.bytes += document.raw?.count ?? 0
            if let url = record["url"] as? String { document.metadata.url = url }
            if let rewriteHTML, document.format == .html, let raw = document.raw { document.raw = rewriteHTML(raw) }
            let started = DispatchTime.now().uptimeNanoseconds
            let result = pipeline.process(document)
            report.seconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let output: Document? = try? result.get()
            if output == nil { report.rejected += 1 }
            let text = output?.bodyText ?? ""
            if let outlet = output?.metadata.outlet {
                report.outletsNamed += 1
                let problems = OutletCheck.problems(outlet)
                if !problems.isEmpty { report.outletProblems.append(OutletProblem(id: id, outlet: outlet, problems: problems)) }
            }
            switch kind {
            case .articleBody:
                let truth = record["text"] as? String ?? ""
                let page = BenchMetrics.shinglePage(output: text, truth: truth)
                whole.addBody(precision: page.precision, recall: page.recall)
                report.halves[half].addBody(precision: page.precision, recall: page.recall)
                report.pageResults.append(PageResult(id: id, precision: page.precision, recall: page.recall, detail: ""))
            case .snippets:
                let folded = BenchMetrics.foldSpaces(text)
                var missing: [String] = [], leaked: [String] = []
                var found = 0
                for snippet in record["with"] as? [String] ?? [] {
                    if folded.contains(BenchMetrics.foldSpaces(snippet)) { found += 1 } else { missing.append(snippet) }
                }
                for snippet in record["without"] as? [String] ?? [] where folded.contains(BenchMetrics.foldSpaces(snippet)) {
                    leaked.append(snippet)
                }
                whole.addSnippets(found: found, missed: missing.count, leaked: leaked.count)
                report.halves[half].addSnippets(found: found, missed: missing.count, leaked: leaked.count)
                var detail = ""
                if let authors = record["authors"] as? [String] {
                    let foundAuthors = output?.metadata.authors ?? []
                    let right = BenchMetrics.sameAuthors(foundAuthors, authors)
                    whole.addMetadata(right: right)
                    report.halves[half].addMetadata(right: right)
                    if !right { detail += "authors \(foundAuthors) want \(authors); " }
                }
                if !missing.isEmpty { detail += "missing \(missing); " }
                if !leaked.isEmpty { detail += "leaked \(leaked)" }
                report.pageResults.append(PageResult(id: id, precision: nil, recall: nil, detail: detail))
            case .dates:
                // A labelled page with no date (`null`) is right only when no date is found.
                let truth = record["date"] as? String
                let found = output?.metadata.date.map { String($0.prefix(10)) }
                whole.addMetadata(right: found == truth)
                report.halves[half].addMetadata(right: found == truth)
                report.pageResults.append(PageResult(id: id, precision: nil, recall: nil,
                                                     detail: found == truth ? "" : "date \(found ?? "none") want \(truth ?? "none")"))
            case .authors:
                // Every labelled page counts, those that name nobody too: an author made up is wrong.
                let truth = record["authors"] as? [String] ?? []
                let found = output?.metadata.authors ?? []
                let right = BenchMetrics.sameAuthors(found, truth)
                whole.addMetadata(right: right)
                report.halves[half].addMetadata(right: right)
                report.pageResults.append(PageResult(id: id, precision: nil, recall: nil,
                                                     detail: right ? "" : "authors \(found) want \(truth)"))
            }
        }
        whole.finish(kind: kind)
        for index in report.halves.indices { report.halves[index].finish(kind: kind) }
        report.precision = whole.precision
        report.recall = whole.recall
        report.f1 = whole.f1
        report.metadataAccuracy = whole.metadataAccuracy
        report.metadataPages = whole.metadataPages
        return report
    }

    /// A set's kind, by the fields of its first truth record.
    static func kind(of record: [String: Any]) -> SetKind {
        if record["with"] != nil { return .snippets }
        if record["date"] != nil { return .dates }
        if record["authors"] != nil, record["set"] != nil { return .authors }
        return .articleBody
    }

    /// The page file for a truth id: `html/<id>.html.gz`, `html/<id>.gz` or `text/<id>.txt`.
    func pageFile(setDirectory: String, id: String) -> String? {
        let candidates = ["html/\(id).html.gz", "html/\(id).gz", "text/\(id).txt", "html/\(id)"]
        return candidates.map { setDirectory + "/" + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }
}
