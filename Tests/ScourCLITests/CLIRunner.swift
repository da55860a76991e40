import Foundation
import XCTest

/// Runs the built `scour` binary as a child process with a time limit; the child
/// is killed when the limit passes, so a hung run can never hold up the suite.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `scour` executable next to the test bundle (`swift build` puts both in one folder).
    static var binary: URL {
        get throws {
            var folder = Bundle(for: Marker.self).bundleURL
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("scour")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            throw CLIError("scour binary not found next to the tests; run `swift build` before `swift test` (scripts/test.sh does)")
        }
    }

    private final class Marker {}

    static func run(_ arguments: [String], in directory: URL = repoRoot, timeout: TimeInterval = 60, stdin: Data? = nil) throws -> Result {
        try runProcess(try binary, arguments, in: directory, timeout: timeout, stdin: stdin, name: "scour")
    }

    /// Runs any program to its end, bounded in time (killed past `timeout`), with stdin from
    /// `stdin` (else empty) and output in files; `directory` nil runs it in its scratch folder.
    static func runProcess(_ executable: URL, _ arguments: [String], in directory: URL?, timeout: TimeInterval,
                           stdin: Data? = nil, name: String) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Output goes to files, not pipes: a chatty child can never block on a full pipe.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        process.currentDirectoryURL = directory ?? scratch
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = scratch.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = finished.wait(timeout: .now() + 5)
            throw CLIError("\(name) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout))s and was killed")
        }
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts scour without waiting, output to files in `logs` (stdout to `standardOutput` when
    /// given; stdin from `standardInput`, else empty); the caller must stop it (`stop`).
    static func start(_ arguments: [String], in directory: URL = repoRoot, logs: URL,
                      standardOutput: FileHandle? = nil, standardInput: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        FileManager.default.createFile(atPath: logs.path + ".out", contents: nil)
        FileManager.default.createFile(atPath: logs.path + ".err", contents: nil)
        process.standardOutput = try standardOutput ?? FileHandle(forWritingTo: URL(fileURLWithPath: logs.path + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logs.path + ".err"))
        if let standardInput { process.standardInput = standardInput } else { process.standardInput = FileHandle.nullDevice }
        try process.run()
        return process
    }

    /// Waits up to `timeout` for the process to end; kills it with SIGKILL if it has not. Returns its status.
    @discardableResult
    static func stop(_ process: Process, signal: Int32? = nil, timeout: TimeInterval = 30) -> Int32 {
        if let signal, process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scour-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CLIError("not a JSON object: \(line)")
            }
            return object
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
