import Foundation
import XCTest
@testable import ScourCore

/// Paths and shared objects for tests; the repo root is found from this file's location.
enum TestSupport {
    /// The main-content selection of an HTML body: the included blocks' texts and, for the rest,
    /// text → reason (every left-out block must say why, no included one may).
    static func selectContent(_ body: String, selector: MainContentSelector, descriptions: [String] = []) throws
        -> (included: [String], reasons: [String: String], story: Double) {
        let walker = try walk(htmlPage(body))
        let selection = selector.select(blocks: walker.blocks, containers: walker.containers, descriptions: descriptions)
        var included: [String] = []
        var reasons: [String: String] = [:]
        for (index, walked) in walker.blocks.enumerated() {
            if selection.included[index] {
                XCTAssertNil(selection.reasons[index], "an included block has no reason to be left out")
                included.append(walked.block.text)
            } else {
                reasons[walked.block.text] = try XCTUnwrap(selection.reasons[index], "every left-out block says why")
            }
        }
        return (included, reasons, selection.storyCharacters)
    }

    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let resources: Resources = {
        do {
            return try Resources.load()
        } catch {
            fatalError("bundled data files failed to load: \(error)")
        }
    }()

    static var defaultConfig: PipelineConfig { PipelineConfig.defaults(resources: resources) }

    /// A stage built from a JSON object, as pipeline.json would give it.
    static func stage<S: Stage>(_ type: S.Type, _ options: [String: Any] = [:]) throws -> S {
        var object = options
        object["stage"] = S.name
        let json = try JSONSerialization.data(withJSONObject: ["stages": [object]])
        // Non-read stages are configured behind a read stage, which must come first.
        let data: Data
        if S.name == ReadStage.name {
            data = json
        } else {
            data = try JSONSerialization.data(withJSONObject: ["stages": [["stage": "read"], object]])
        }
        let config = try PipelineConfig.parse(data: data, path: "test.json", resources: resources)
        guard let stage = config.stages.last as? S else { throw TestError("stage \(S.name) was not built from its config") }
        return stage
    }

    static func textDocument(_ text: String, format: InputFormat = .text, source: String = "test.txt") -> Document {
        Document(source: source, raw: Array(text.utf8), format: format)
    }

    /// Runs the default pipeline over text and returns the document or fails the test.
    static func clean(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Document? {
        let pipeline = Pipeline(config: defaultConfig)
        switch pipeline.process(textDocument(text)) {
        case let .success(document): return document
        case let .failure(rejection):
            XCTFail("rejected: \(rejection.reason)", file: file, line: line)
            return nil
        }
    }

    /// Runs read + normalize only: the blocks later stages see.
    static func blocks(_ text: String, format: InputFormat = .text) throws -> [Block] {
        var document = textDocument(text, format: format)
        try stage(ReadStage.self).process(&document)
        try stage(NormalizeStage.self).process(&document)
        return document.blocks
    }
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
