import ArgumentParser
import Foundation
import ScourCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Score extraction against benchmark sets' ground truth and print accuracy and speed.",
        discussion: "Each SET is a folder with truth.jsonl (see shared/bench/README.md). Build with -c release for speed figures."
    )

    @Argument(help: "Benchmark set folders (default: every set under ../shared/bench).")
    var sets: [String] = []

    @Option(name: .long, help: "Pipeline config file.")
    var config: String?

    @Option(name: .long, help: "Write per-page scores and misses to this file (for tuning).")
    var details: String?

    @Option(name: .long, help: "Speed only: time the pipeline over the pages in this folder (repeatable).")
    var input: [String] = []

    @Option(name: .long, help: "Speed only: workers (default 1).")
    var jobs: Int = 1

    @Option(name: .long, help: "Speed only: process the pages this many times over (to reach large page counts), the pipeline and libxml2's parse alone taking turns, one pass each.")
    var `repeat`: Int = 1

    @Option(name: .long, help: ArgumentHelp(
        "Speed only, with --jobs above 1: also time one worker against --jobs workers in this many alternating rounds (one pass over the pages each) and print the speed-up.",
        discussion: "On a shared machine separate runs differ by more than the speed-up measured; alternating rounds put both sides in the same conditions."))
    var scalingRounds: Int = 0

    @Flag(name: .long, help: "Messy input: run each SET clean and with common byte faults (stray bytes, wrong charset, a NUL…) and print the share of the clean run's body words each fault keeps.")
    var messy = false

    @Flag(name: .long, help: ArgumentHelp(
        "Accuracy probe: replace every word of every class and id value in the HTML pages by a meaningless token (the same word, the same token) before reading.",
        discussion: "The pages keep their structure and lose their class vocabulary, as a page from a site no word list knows; the drop in the figures is how much extraction leans on class words."))
    var hideClasses = false

    @Flag(name: .long, help: ArgumentHelp(
        "Accuracy probe: take out the HTML pages' JSON-LD and their date and author <meta> tags before reading.",
        discussion: "What is left is what the page shows (bylines, datelines, <time>, microdata, the address), as on the many pages that carry no such markup; the drop in the figures is how much authors and dates lean on it."))
    var hideMetadata = false

    @Flag(name: .long, help: ArgumentHelp(
        "Growth table: time deep nesting, attribute floods, one-line pages, author floods, similar documents (with and without duplicate detection) and long stdin records at sizes ×10 apart, with the ratio between sizes.",
        discussion: "Inputs are generated in memory. A row is linear when ×10 size costs at most ×12 time."))
    var growth = false

    @Option(name: .long, parsing: .upToNextOption, help: "With --growth: the sizes (default 1000 10000 100000).")
    var growthSizes: [Int] = [1_000, 10_000, 100_000]

    @Option(name: .long, parsing: .upToNextOption, help: "With --growth: only these cases (deep, flood, oneline, authors, records, broken, tails, keywords, initials, brackets, closings, lists, forms, threads, boxes, script, similar, dedup, stdin).")
    var growthCases: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Sitemap reading: parse generated sitemaps of a quarter, half and all of this many URLs (plain and gzipped) and print CPU time, entries/s and peak RSS.",
        discussion: "The sitemap protocol allows 50,000 URLs a file: `scour bench --sitemap 50000`."))
    var sitemap: Int?

    func run() throws {
        if let sitemap {
            runSitemap(top: sitemap)
            return
        }
        if growth {
            try runGrowth()
            return
        }
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        if !input.isEmpty {
            try runSpeed(pipelineConfig)
        } else {
            try runSets(pipelineConfig)
        }
    }

    /// Speed only (`--input`): the pipeline beside the libxml2 floor and the run path, then scaling.
    private func runSpeed(_ pipelineConfig: PipelineConfig) throws {
        let documents = SpeedBench.load(input)
        guard !documents.isEmpty else {
            printError("scour: no readable pages under \(input.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let bench = SpeedBench(pipeline: Pipeline(config: pipelineConfig), jobs: jobs)
        let runPath = RunPathBench(config: pipelineConfig, inputs: input, jobs: jobs)
        // One untimed pass over a few pages first: lazily built tables, the allocator's
        // first growth and page faults belong to start-up, not to per-page cost.
        let warmUp = Array(documents.prefix(16))
        _ = bench.parseFloor(warmUp, repeat: 1)
        _ = bench.run(warmUp, repeat: 1)
        let (result, floor, whole) = bench.runBesideFloor(documents, rounds: `repeat`, runPath: runPath)
        print(String(format: "pipeline: %d pages (%.1f MB) in %.2fs on %d job(s): %.1f pages/s, %.2f MB/s, %d rejected; %.1f pages per CPU-second",
                     result.pages, Double(result.bytes) / 1_000_000, result.seconds, jobs, result.pagesPerSecond,
                     result.megabytesPerSecond, result.rejected, result.pagesPerCPUSecond))
        if floor.pages > 0 {
            print(String(format: "libxml2 parse only: %d HTML pages in %.2fs: %.1f pages/s, %.2f MB/s; %.1f pages per CPU-second",
                         floor.pages, floor.seconds, floor.pagesPerSecond, floor.megabytesPerSecond, floor.pagesPerCPUSecond))
            let htmlShare = Double(floor.pages) / Double(max(result.pages, 1))
            print(String(format: "pipeline / parse floor: %.0f%% (wall), %.0f%% (CPU)",
                         100 * result.pagesPerSecond * htmlShare / max(floor.pagesPerSecond, 1e-9),
                         100 * result.pagesPerCPUSecond * htmlShare / max(floor.pagesPerCPUSecond, 1e-9)))
        }
        if let whole, whole.pages > 0 {
            print(String(format: "run path (scour run: files read, pipeline, ids, JSON, fingerprints, duplicates; output discarded): %d pages in %.2fs: %.1f pages/s; %.1f pages per CPU-second",
                         whole.pages, whole.seconds, whole.pagesPerSecond, whole.pagesPerCPUSecond))
            print(String(format: "run path / pipeline: %.2f (wall), %.2f (CPU)",
                         whole.pagesPerSecond / max(result.pagesPerSecond, 1e-9),
                         whole.pagesPerCPUSecond / max(result.pagesPerCPUSecond, 1e-9)))
        }
        print("peak RSS: \(result.peakRSSKiB.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown")")
        if scalingRounds > 0 && jobs > 1 {
            let scaling = bench.scaling(documents, rounds: scalingRounds)
            func describe(_ ratio: SpeedBench.Scaling.Ratio) -> String {
                String(format: "%.2f× in total, %.2f× best round to best round (rounds %.2f–%.2f)", ratio.speedUp,
                       ratio.bestSpeedUp, ratio.perRound.min() ?? 0, ratio.perRound.max() ?? 0)
            }
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let busy = jobs > cores ? " (this machine runs \(cores) at once)" : ""
            print("speed-up from 1 to \(jobs) workers\(busy) over \(scaling.rounds) alternating rounds: pipeline \(describe(scaling.pipeline)); "
                  + "libxml2 parse only \(describe(scaling.parseFloor))")
        }
    }

    /// Accuracy over benchmark sets (or `--messy` over them): each set whole and in its two halves.
    private func runSets(_ pipelineConfig: PipelineConfig) throws {
        var runner = BenchRunner(pipeline: Pipeline(config: pipelineConfig))
        switch (hideClasses, hideMetadata) {
        case (true, true): runner.rewriteHTML = { MetadataStripper.strip(ClassScrambler.scramble($0)) }
        case (true, false): runner.rewriteHTML = ClassScrambler.scramble
        case (false, true): runner.rewriteHTML = MetadataStripper.strip
        case (false, false): break
        }
        var folders = sets
        if folders.isEmpty {
            // The shared sets, then the sets labelled in this repository (`bench/`: labels only, no pages to fault).
            for root in messy ? [BenchRunner.sharedRoot] : [BenchRunner.sharedRoot, "bench"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
                folders += names.sorted().map { root + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0 + "/truth.jsonl") }
            }
        }
        if messy {
            if hideClasses || hideMetadata {
                printError("scour: --hide-classes or --hide-metadata and --messy measure different things; run them one at a time")
                throw ExitCode(2)
            }
            runMessy(folders, pipeline: Pipeline(config: pipelineConfig))
            return
        }
        var detailLines: [String] = []
        var outletLines: [String] = []
        print("set            pages  rejected      P      R     F1   meta  pages/s   MB/s")
        for folder in folders {
            let report: BenchRunner.Report
            do {
                report = try runner.run(setDirectory: folder)
            } catch {
                printError("scour: \(error)")
                throw ExitCode(2)
            }
            for note in report.skippedTruth { printError("scour: \(note)") }
            let meta = report.metadataAccuracy.map { String(format: "%.3f", $0) } ?? "    -"
            let scores = report.kind == .dates || report.kind == .authors ? "     -      -      -" :
                String(format: "%6.3f %6.3f %6.3f", report.precision, report.recall, report.f1)
            let megabytes = Double(report.bytes) / 1_000_000
            print(String(format: "%@ %6d %9d %@  %@ %8.1f %6.2f",
                         report.name.padding(toLength: 14, withPad: " ", startingAt: 0), report.pages, report.rejected,
                         scores, meta, report.pagesPerSecond, report.seconds > 0 ? megabytes / report.seconds : 0))
            for (index, half) in report.halves.enumerated() {
                let halfMeta = half.metadataAccuracy.map { String(format: "%.3f", $0) } ?? "    -"
                let halfScores = report.kind == .dates || report.kind == .authors ? "     -      -      -" :
                    String(format: "%6.3f %6.3f %6.3f", half.precision, half.recall, half.f1)
                let label = ("  half " + (index == 0 ? "A" : "B")).padding(toLength: 14, withPad: " ", startingAt: 0)
                // The rejected column is left blank: rejects are counted for the whole set.
                print(String(format: "%@ %6d           %@  %@", label, half.pages, halfScores, halfMeta))
            }
            outletLines.append("\(report.name) \(report.outletsNamed) named, \(report.outletProblems.count) not a publication name")
            for problem in report.outletProblems {
                detailLines.append("\(report.name)\t\(problem.id)\toutlet \(problem.outlet) (\(problem.problems.joined(separator: ", ")))")
            }
            for page in report.pageResults {
                let p = page.precision.map { String(format: "%.3f", $0) } ?? "-"
                let r = page.recall.map { String(format: "%.3f", $0) } ?? "-"
                detailLines.append("\(report.name)\t\(page.id)\tP=\(p)\tR=\(r)\t\(page.detail)")
            }
        }
        print("meta: dates sets = share of dates right to the day; traf-dev = share of author lists right (pages that name one); "
              + "authors-html, authors-text = share of author lists right; the sets labelled in bench/ count pages that name no author or date")
        print("halves: two fixed halves of each set, split by a hash of the page id (FNV-1a, mod 2)")
        // Outlets have no truth in these sets; what can be checked is that each reads as a publication name.
        print("outlets: " + outletLines.joined(separator: "; ") + " (copyright, year, company suffix, address or bare host; --details lists them)")
        if let details, !FileManager.default.createFile(atPath: details, contents: Data((detailLines.joined(separator: "\n") + "\n").utf8)) {
            printError("scour: \(details): cannot write the per-page details")
            throw ExitCode(74)
        }
    }

    private func runMessy(_ folders: [String], pipeline: Pipeline) {
        let bench = MessyBench(pipeline: pipeline)
        print("set            fault                      pages    kept   half A   half B")
        for folder in folders {
            let pages = ["html", "text"].map { folder + "/" + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
            let shares = bench.run(SpeedBench.load(pages.isEmpty ? [folder] : pages))
            let name = (folder as NSString).lastPathComponent.padding(toLength: 14, withPad: " ", startingAt: 0)
            for fault in MessyBench.Fault.allCases {
                guard let share = shares[fault] else { continue }
                print(String(format: "%@ %@ %5d %6.2f%% %6.2f%% %6.2f%%", name,
                             fault.rawValue.padding(toLength: 25, withPad: " ", startingAt: 0), share.pages,
                             100 * share.total, 100 * share.half(0), 100 * share.half(1)))
            }
        }
        print("kept: share of the clean run's body words the faulty run keeps; halves split by a hash of the page's name")
    }

    private func runGrowth() throws {
        let short = ["deep": "deep nesting", "flood": "attribute flood", "oneline": "one-line page", "authors": "author flood",
                     "records": "record lists", "broken": "broken lines", "tails": "title tails", "keywords": "keyword list",
                     "initials": "citation initials", "brackets": "open brackets", "closings": "closing lines", "lists": "nested list items",
                     "forms": "nested reply forms", "threads": "dated threads", "boxes": "boxed stretches", "script": "script story", "slugs": "slug ids", "similar": "similar documents",
                     "dedup": "similar documents + dedup", "stdin": "stdin record"]
        var cases = GrowthBench.caseNames
        if !growthCases.isEmpty {
            cases = try growthCases.map { name in
                guard let full = short[name] else {
                    printError("scour: unknown growth case \(name); choose from deep, flood, oneline, authors, records, broken, tails, keywords, initials, brackets, closings, lists, forms, threads, boxes, script, similar, dedup, stdin")
                    throw ExitCode(2)
                }
                return full
            }
        }
        let bench = try GrowthBench(sizes: growthSizes, resources: try Resources.load())
        print("case                        size   CPU s   ×prev  outcome")
        var worst = 0.0
        bench.run(cases: cases) { row in
            let ratio = row.ratio.map { String(format: "%6.2f", $0) } ?? "     -"
            if let value = row.ratio { worst = max(worst, value) }
            print(String(format: "%@ %7d %7.3f  %@  %@", row.name.padding(toLength: 25, withPad: " ", startingAt: 0),
                         row.size, row.seconds, ratio, row.outcome))
        }
        print(String(format: "largest ratio between sizes ×10 apart: %.2f (linear: at most 12); stdin record bytes = size × %d",
                      worst, GrowthBench.stdinBytesPerUnit))
    }

    private func runSitemap(top: Int) {
        print("urls    form     input MB  entries   CPU s   ×prev   entries/s  peak RSS MB")
        var perRow = true
        SitemapBench(sizes: SitemapBench.sizes(upTo: top)).run { row in
            perRow = perRow && row.peakIsPerRow
            let ratio = row.ratio.map { String(format: "%6.2f", $0) } ?? "     -"
            let peak = row.peakRSSKiB.map { String(format: "%.1f", Double($0) / 1024) } ?? "?"
            print(String(format: "%6d  %@  %8.2f  %7d  %6.3f  %@  %10.0f  %@", row.urls, row.form.padding(toLength: 7, withPad: " ", startingAt: 0),
                         Double(row.bytes) / 1_000_000, row.entries, row.seconds, ratio, row.entriesPerSecond, peak))
        }
        print(perRow ? "peak RSS: the high-water mark reset before each row (input, inflated bytes and entries included)"
                     : "peak RSS: the process's high-water mark so far (it could not be reset per row)")
    }
}
