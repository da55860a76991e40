import Dispatch

/// An ordered list of stages built from a config; runs one document at a time.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    /// The read stage's `html_time_budget_ms`: an HTML document's wall-clock budget over every
    /// stage, not only its parse and walk (0: none). The clock is read between stages, so a
    /// document is stopped after the stage that took it over; every stage is linear in the page.
    public let htmlBudgetMilliseconds: Int
    /// The read stage's `text_time_budget_ms`, the same for a text or markdown document (0: none).
    public let textBudgetMilliseconds: Int

    /// A document after the stages, with the rejection that stopped it, if any.
    public struct Explanation: Sendable {
        public var document: Document
        public var rejection: Rejection?
    }

    public init(stages: [any Stage]) {
        self.stages = stages
        htmlBudgetMilliseconds = stages.lazy.compactMap { ($0 as? ReadStage)?.html.options.timeBudgetMilliseconds }.first ?? 0
        textBudgetMilliseconds = stages.lazy.compactMap { ($0 as? ReadStage)?.textBudgetMilliseconds }.first ?? 0
    }

    public init(config: PipelineConfig) {
        self.init(stages: config.stages)
    }

    /// The read stage's `max_bytes`: sources reject larger files from their size, unread.
    public var maxInputBytes: Int {
        (stages.first { $0 is ReadStage } as? ReadStage)?.maxBytes ?? 64 << 20
    }

    /// Runs every stage over the document, updating `stats` (one entry per stage, same order).
    public func process(_ input: Document, stats: inout [StageStats]) -> Result<Document, Rejection> {
        let result = explain(input, stats: &stats)
        if let rejection = result.rejection { return .failure(rejection) }
        return .success(result.document)
    }

    /// Runs without collecting stats (tests, library use).
    public func process(_ input: Document) -> Result<Document, Rejection> {
        var stats: [StageStats] = []
        return process(input, stats: &stats)
    }

    /// Like `process`, but hands back the document even when it is rejected, for `scour explain`.
    public func explain(_ input: Document, stats: inout [StageStats]) -> Explanation {
        if stats.count != stages.count {
            stats = stages.map { StageStats(stage: $0.name) }
        }
        var document = input
        let started = DispatchTime.now().uptimeNanoseconds
        let html = input.format == .html
        let milliseconds = html ? htmlBudgetMilliseconds : textBudgetMilliseconds
        let budget = UInt64(milliseconds) * 1_000_000
        for (index, stage) in stages.enumerated() {
            stats[index].documentsIn += 1
            do throws(Rejection) {
                try stage.process(&document)
                if budget > 0, DispatchTime.now().uptimeNanoseconds - started > budget {
                    throw Rejection(stage: stage.name, reason: "\(html ? "page took over html_time_budget_ms" : "document took over text_time_budget_ms") (\(milliseconds) ms) by the end of the \(stage.name) stage")
                }
            } catch {
                stats[index].documentsRejected += 1
                return Explanation(document: document, rejection: error)
            }
            stats[index].documentsKept += 1
            stats[index].record(document)
        }
        if !document.blocks.contains(where: \.isKept) {
            return Explanation(document: document,
                               rejection: Rejection(stage: "pipeline",
                                                    reason: ChallengePages.reason(for: document, otherwise: "no body text left after cleaning"),
                                                    metadata: document.metadata))
        }
        return Explanation(document: document, rejection: nil)
    }
}
