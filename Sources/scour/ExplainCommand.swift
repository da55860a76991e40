import ArgumentParser
import ScourCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show each block of one input, kept or removed, with the stage and rule."
    )

    @Argument(help: "The input file.")
    var file: String

    @Option(name: .long, help: "Pipeline config file.")
    var config: String?

    @Option(name: .long, help: "Characters of each block to show (0 for all).")
    var width: Int = 100

    func run() throws {
        let (pipelineConfig, _) = try loadConfig(path: config ?? "pipeline.json", explicit: config != nil)
        let pipeline = Pipeline(config: pipelineConfig)
        let item = InputCollector.collect([file]).first ?? InputItem(source: file, format: nil, problem: "no input")
        switch InputCollector.load(item, maxBytes: pipeline.maxInputBytes) {
        case let .failure(rejection):
            print("REJECT  \(rejection.stage): \(rejection.reason)")
            throw ExitCode(1)
        case let .success(document):
            var stats: [StageStats] = []
            let result = pipeline.explain(document, stats: &stats)
            for block in result.document.blocks {
                let text = width > 0 && block.text.count > width ? String(block.text.prefix(width)) + "…" : block.text
                let where_ = block.line > 0 ? "L\(block.line)" : ""
                if let removal = block.removal {
                    print("- \(where_) [\(removal.stage):\(removal.rule)] \(text)")
                } else {
                    print("+ \(where_) [\(block.kind.rawValue)] \(text)")
                }
            }
            let meta = result.document.metadata
            print("")
            for field in Metadata.fieldNames {
                let value: String? = switch field {
                case "title": meta.title
                case "description": meta.description
                case "authors": meta.authors.isEmpty ? nil : meta.authors.joined(separator: "; ")
                case "date": meta.date
                case "outlet": meta.outlet
                case "url": meta.url
                case "language": meta.language
                case "tags": meta.tags.isEmpty ? nil : meta.tags.joined(separator: "; ")
                default: nil
                }
                guard let value else { continue }
                let evidence = meta.evidence[field].map { " (\($0.rule)\($0.line.map { ", line \($0)" } ?? ""))" } ?? ""
                print("\(field): \(value)\(evidence)")
            }
            if let rejection = result.rejection {
                print("\nREJECT  \(rejection.stage): \(rejection.reason)")
            }
        }
    }
}
