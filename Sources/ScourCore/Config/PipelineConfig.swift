import Foundation

/// Where output goes and what it carries: the `output` section of `pipeline.json`.
public struct OutputConfig: Sendable, Equatable {
    public var path: String = "out/articles.jsonl"
    public var rejects: String = "out/rejects.jsonl"
    /// Write each metadata field's evidence (rule and line) into the records.
    public var evidence: Bool = false

    public init() {}
}

/// A parsed and validated `pipeline.json`.
public struct PipelineConfig: Sendable {
    public static let currentVersion = 1

    public var inputs: [String]
    public var output: OutputConfig
    public var stages: [any Stage]
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
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(path: path, reason: (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)")
        }
        guard let root = object as? [String: Any] else {
            throw .notJSON(path: path, reason: "the top level must be an object")
        }
        let diagnostics = ConfigDiagnostics(text: String(decoding: data, as: UTF8.self))
        let top = ConfigSection(path: "", values: root, diagnostics: diagnostics, startLine: 1)

        let version = top.int("version", default: currentVersion, range: 1...currentVersion)
        _ = version
        let inputs = top.strings("inputs", default: ["seeds/"])
        let output = parseOutput(top: top, root: root, diagnostics: diagnostics)
        let stages = parseStages(root: root, diagnostics: diagnostics, resources: resources)
        top.markKnown("output")
        top.markKnown("stages")
        top.reportUnknownKeys()

        if !diagnostics.problems.isEmpty {
            throw .invalid(path: path, problems: diagnostics.problems)
        }
        return PipelineConfig(inputs: inputs, output: output, stages: stages, path: path)
    }

    /// The default pipeline: every stage with its default options.
    public static func defaults(resources: Resources) -> PipelineConfig {
        let text = #"{"stages": [\#(StageRegistry.names.map { "{\"stage\": \"\($0)\"}" }.joined(separator: ","))]}"#
        // The default config is built from code we control; failing here is a programming error.
        return try! parse(data: Data(text.utf8), path: "<defaults>", resources: resources)
    }

    private static func parseOutput(top: ConfigSection, root: [String: Any], diagnostics: ConfigDiagnostics) -> OutputConfig {
        var output = OutputConfig()
        guard let value = root["output"] else { return output }
        guard let object = value as? [String: Any] else {
            diagnostics.report(ConfigProblem(key: "output", line: diagnostics.line(ofKey: "output"),
                                             message: "expected an object with path, rejects, evidence"))
            return output
        }
        let section = ConfigSection(path: "output", values: object, diagnostics: diagnostics,
                                    startLine: diagnostics.line(ofKey: "output") ?? 1)
        output.path = section.string("path", default: output.path) ?? output.path
        output.rejects = section.string("rejects", default: output.rejects) ?? output.rejects
        output.evidence = section.bool("evidence", default: output.evidence)
        section.reportUnknownKeys()
        return output
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

