import Foundation
import XCTest

/// The Python fixture server (Fixtures/http_server.py) as a child process on 127.0.0.1.
/// `start` waits a bounded time for its port; `stop` kills it and must run in tearDown.
final class TestHTTPServer {
    let process = Process()
    private(set) var port = 0
    var base: String { "http://127.0.0.1:\(port)" }

    static let script = CLIRunner.repoRoot.appendingPathComponent("Tests/ScourCLITests/Fixtures/http_server.py")

    private let statsFile = FileManager.default.temporaryDirectory.appendingPathComponent("scour-http-\(UUID().uuidString).json")
    /// Extra arguments for the script, e.g. `["--slow-host", "localhost:0.1"]`.
    private let arguments: [String]

    init(arguments: [String] = []) {
        self.arguments = arguments
    }

    func start(timeout: TimeInterval = 10) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, statsFile.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let found = DispatchSemaphore(value: 0)
        let reader = output.fileHandleForReading
        DispatchQueue.global().async {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                box.text += String(decoding: data, as: UTF8.self)
                if box.text.contains("\n") { break }
            }
            found.signal()
        }
        guard found.wait(timeout: .now() + timeout) == .success,
              let line = box.text.split(separator: "\n").first, line.hasPrefix("PORT "),
              let port = Int(line.dropFirst(5)) else {
            stop()
            throw CLIError("test HTTP server did not report its port within \(Int(timeout))s (is python3 installed?)")
        }
        self.port = port
    }

    func stop() {
        try? FileManager.default.removeItem(at: statsFile)
        try? FileManager.default.removeItem(atPath: statsFile.path + ".log")
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Requests per path so far (the server rewrites its stats file after every request).
    func stats() throws -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: statsFile.path) else { return [:] }
        return try JSONSerialization.jsonObject(with: data) as? [String: Int] ?? [:]
    }

    /// Every request so far, in arrival order: the Host header's name and the request target as sent.
    func accessLog() throws -> [(host: String, path: String)] {
        guard let text = try? String(contentsOfFile: statsFile.path + ".log", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

/// A test case with its own test server on 127.0.0.1 and a scratch folder, both made before
/// each test and stopped or removed after it, even when it fails.
class HTTPServerTestCase: XCTestCase {
    var server: TestHTTPServer!
    var work: URL!

    /// The server's command-line arguments (e.g. a slow host); none by default.
    class var serverArguments: [String] { [] }

    override func setUpWithError() throws {
        server = TestHTTPServer(arguments: Self.serverArguments)
        try server.start()
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDown() {
        server?.stop()
        if let work { try? FileManager.default.removeItem(at: work) }
    }
}
