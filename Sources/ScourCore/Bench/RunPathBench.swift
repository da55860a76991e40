/// The run path: `scour run` itself (`Runner`) over the bench's files, doing what a run does
/// (files opened and gunzipped on the reader thread, the pipeline on `jobs` workers, ids, JSON
/// lines, near-duplicate fingerprints and look-ups in input order) with no state and the lines
/// going to a sink that drops them. Beside the pipeline pass it shows what a run costs around
/// the pipeline: the figure users get.
public struct RunPathBench {
    var runner: Runner
    var inputs: [String]

    public init(config: PipelineConfig, inputs: [String], jobs: Int) {
        var runner = Runner(config: config, jobs: jobs)
        // Nothing is written or remembered: the state would make later passes skip every file.
        runner.stateConfig = StateConfig()
        runner.reportDocuments = 0
        runner.outputSink = DiscardSink()
        runner.rejectsSink = DiscardSink()
        self.runner = runner
        self.inputs = inputs
    }

    /// One pass over the inputs; the pages are the inputs the run took in.
    public func run() -> SpeedBench.Result {
        var result = SpeedBench.Result()
        var summary: RunSummary?
        result.measure(pages: 0) {
            summary = try? runner.run(inputs: inputs, warn: { _ in })
        }
        result.pages = summary?.inputs ?? 0
        result.rejected = summary?.rejected ?? 0
        return result
    }
}

/// Lines a bench makes and never keeps.
final class DiscardSink: LineSink {
    func writeLine(_ line: String) throws(OutputError) {}
    func commit() throws(OutputError) {}
    func abandon() {}
    func flushBatch() throws(OutputError) {}
}
