import Foundation

/// Where output goes and what it carries: the `output` section of `pipeline.json`.
public struct OutputConfig: Sendable, Equatable {
    /// `file`: one output file, rewritten each run. `runs`: a folder per run under `dir`,
    /// with a manifest, for incremental runs from cron.
    public var layout: OutputLayout = .file
    public var path: String = "out/articles.jsonl"
    public var rejects: String = "out/rejects.jsonl"
    /// Where `runs` layout puts `<run-id>/`, `manifest.jsonl` and `latest`.
    public var directory: String = "out"
    /// Write each metadata field's evidence (rule and line) into the records.
    public var evidence: Bool = false
    /// Documents shown in each run's `report.html` (`runs` layout); 0 turns the report off.
    public var reportDocuments: Int = 200
    /// Where each run writes its figures in the Prometheus text format (`--metrics-file`); nil: none.
    public var metricsFile: String?

    public init() {}
}

/// The `layout` of the `output` section.
public enum OutputLayout: String, Sendable, CaseIterable {
    case file, runs
}

/// The `state` section: the SQLite file that makes runs incremental and dedup span runs.
public struct StateConfig: Sendable, Equatable {
    public var enabled: Bool = false
    public var path: String = "out/.scour/state.sqlite"

    public init() {}
}

/// The `duplicates` section: exact and near-duplicate documents across the batch (and runs, with state).
public struct DuplicatesConfig: Sendable, Equatable {
    public var enabled: Bool = true
    /// `mark`: write it with `duplicate_of`; `drop`: send it to rejects naming the original.
    public var action: DuplicateAction = .mark
    public var shingleSize: Int = 5
    public var threshold: Double = 0.8

    public init() {}
}

/// The duplicates section's `action`.
public enum DuplicateAction: String, Sendable, CaseIterable {
    case mark, drop
}

/// A parsed and validated `pipeline.json`.
public struct PipelineConfig: Sendable {
    public static let currentVersion = 1

    public var inputs: [String]
    /// URL list files (one URL a line, or JSONL with a `url` field): fetched, then cleaned.
    public var urls: [String] = []
    public var output: OutputConfig
    public var state: StateConfig
    public var duplicates: DuplicatesConfig
    public var stages: [any Stage]
    /// How `urls` are downloaded.
    public var fetch = FetchConfig()
    /// Feeds and sitemaps whose new articles are fetched too (`feeds` section).
    public var feeds = FeedsConfig()
    /// The file it came from, for messages.
    public var path: String

    /// Reads and validates a config file; every problem is reported at once.
    public static func load(path: String, resources: Resources) throws(ConfigError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        return try parse(data: data, path: path, resources: resources)
    }

    public static func parse(data: Data, path: String, resources: Resources) throws(ConfigError) -> PipelineConfig {
        let object: Any
        do {
            object = try StrictJSON.parse(data)
        } catch {
            throw .notJSON(path: path, reason: error.description)
        }
        guard let root = object as? [String: Any] else {
            throw .notJSON(path: path, reason: "the top level must be an object")
        }
        let diagnostics = ConfigDiagnostics(text: String(decoding: data, as: UTF8.self))
        let top = ConfigSection(path: "", values: root, diagnostics: diagnostics, startLine: 1)

        let version = top.int("version", default: currentVersion, range: 1...currentVersion)
        _ = version
        let inputs = top.strings("inputs", default: ["seeds/"])
        let urls = top.strings("urls", default: [])
        var output = OutputConfig()
        if let section = objectSection("output", root: root, diagnostics: diagnostics) {
            output.layout = section.choice("layout", default: output.layout)
            output.path = section.string("path", default: output.path) ?? output.path
            output.rejects = section.string("rejects", default: output.rejects) ?? output.rejects
            output.directory = section.string("dir", default: output.directory) ?? output.directory
            output.evidence = section.bool("evidence", default: output.evidence)
            output.reportDocuments = section.int("report_documents", default: output.reportDocuments, range: 0...1_000_000)
            output.metricsFile = section.string("metrics_file", default: nil)
            section.reportUnknownKeys()
        }
        var state = StateConfig()
        if let section = objectSection("state", root: root, diagnostics: diagnostics) {
            state.enabled = section.bool("enabled", default: state.enabled)
            state.path = section.string("path", default: state.path) ?? state.path
            section.reportUnknownKeys()
        }
        var duplicates = DuplicatesConfig()
        if let section = objectSection("duplicates", root: root, diagnostics: diagnostics) {
            duplicates.enabled = section.bool("enabled", default: duplicates.enabled)
            duplicates.action = section.choice("action", default: duplicates.action)
            duplicates.shingleSize = section.int("shingle_size", default: duplicates.shingleSize, range: 1...50)
            duplicates.threshold = section.double("threshold", default: duplicates.threshold, range: 0.1...1)
            section.reportUnknownKeys()
        }
        var fetch = FetchConfig()
        if let section = objectSection("fetch", root: root, diagnostics: diagnostics) {
            fetch = FetchConfig.parse(section)
            section.reportUnknownKeys()
        }
        var feeds = FeedsConfig()
        if let section = objectSection("feeds", root: root, diagnostics: diagnostics) {
            feeds = FeedsConfig.parse(section)
            section.reportUnknownKeys()
        }
        let stages = parseStages(root: root, diagnostics: diagnostics, resources: resources)
        top.markKnown("feeds")
        top.markKnown("fetch")
        top.markKnown("output")
        top.markKnown("state")
        top.markKnown("duplicates")
        top.markKnown("stages")
        top.reportUnknownKeys()
        if output.layout == .runs && !state.enabled {
            diagnostics.report(ConfigProblem(key: "output.layout", line: diagnostics.line(ofKey: "layout"),
                                             message: "\"runs\" needs the state: set state.enabled to true"))
        }

        if !diagnostics.problems.isEmpty {
            throw .invalid(path: path, problems: diagnostics.problems)
        }
        return PipelineConfig(inputs: inputs, urls: urls, output: output, state: state, duplicates: duplicates, stages: stages,
                              fetch: fetch, feeds: feeds, path: path)
    }

    /// The default pipeline: every stage with its default options.
    public static func defaults(resources: Resources) -> PipelineConfig {
        let text = #"{"stages": [\#(StageRegistry.names.map { "{\"stage\": \"\($0)\"}" }.joined(separator: ","))]}"#
        // The default config is built from code we control; failing here is a programming error.
        return try! parse(data: Data(text.utf8), path: "<defaults>", resources: resources)
    }

    /// A top-level object such as `output`; nil when absent or (reported) not an object.
    private static func objectSection(_ key: String, root: [String: Any], diagnostics: ConfigDiagnostics) -> ConfigSection? {
        guard let value = root[key] else { return nil }
        let line = diagnostics.line(ofKey: key)
        guard let object = value as? [String: Any] else {
            diagnostics.report(ConfigProblem(key: key, line: line, message: "expected an object"))
            return nil
        }
        return ConfigSection(path: key, values: object, diagnostics: diagnostics, startLine: line ?? 1)
    }

    private static func parseStages(root: [String: Any], diagnostics: ConfigDiagnostics, resources: Resources) -> [any Stage] {
        guard let value = root["stages"] else {
            return StageRegistry.all.compactMap { type in
                try? type.init(section: ConfigSection(path: type.name, values: [:], diagnostics: diagnostics, startLine: 1),
                               resources: resources)
            }
        }
        guard let list = value as? [Any] else {
            diagnostics.report(ConfigProblem(key: "stages", line: diagnostics.line(ofKey: "stages"),
                                             message: "expected a list of stage objects", allowed: StageRegistry.names))
            return []
        }
        if list.isEmpty {
            diagnostics.report(ConfigProblem(key: "stages", line: diagnostics.line(ofKey: "stages"),
                                             message: "the list is empty, so every input would be rejected: list the stages to run, "
                                                 + "starting with {\"stage\": \"read\"}, or leave stages out to run them all",
                                             allowed: StageRegistry.names))
            return []
        }
        var stages: [any Stage] = []
        var searchLine = diagnostics.line(ofKey: "stages") ?? 1
        for (index, item) in list.enumerated() {
            let key = "stages[\(index)]"
            guard let object = item as? [String: Any] else {
                diagnostics.report(ConfigProblem(key: key, line: nil, message: "expected an object like {\"stage\": \"read\"}"))
                continue
            }
            let stageLine = diagnostics.line(ofKey: "stage", from: searchLine) ?? searchLine
            searchLine = stageLine + 1
            guard let name = object["stage"] as? String else {
                diagnostics.report(ConfigProblem(key: "\(key).stage", line: stageLine,
                                                 message: "missing stage name", allowed: StageRegistry.names))
                continue
            }
            guard let type = StageRegistry.type(named: name) else {
                diagnostics.report(ConfigProblem(key: "\(key).stage", line: stageLine,
                                                 message: "unknown stage \"\(name)\"", allowed: StageRegistry.names))
                continue
            }
            if index == 0, name != ReadStage.name {
                diagnostics.report(ConfigProblem(key: "\(key).stage", line: stageLine,
                                                 message: "the first stage must be \"read\"", allowed: [ReadStage.name]))
            }
            if stages.contains(where: { $0.name == name }) {
                diagnostics.report(ConfigProblem(key: "\(key).stage", line: stageLine,
                                                 message: "stage \"\(name)\" is listed twice"))
                continue
            }
            let section = ConfigSection(path: "\(key) (\(name))", values: object, diagnostics: diagnostics, startLine: stageLine)
            section.markKnown("stage")
            let enabled = section.bool("enabled", default: true)
            do {
                let stage = try type.init(section: section, resources: resources)
                section.reportUnknownKeys()
                if enabled { stages.append(stage) }
            } catch {
                diagnostics.report(ConfigProblem(key: key, line: stageLine, message: "\(error)"))
            }
        }
        if !stages.isEmpty, stages.first?.name != ReadStage.name, !list.isEmpty {
            // Reported above when the first entry is not read; a disabled read lands here.
            diagnostics.report(ConfigProblem(key: "stages", line: nil, message: "the read stage cannot be disabled"))
        }
        return stages
    }
}

