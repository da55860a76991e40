import Foundation
import XCTest

/// `--output`, `--rejects` and the state naming something that is not a regular file:
/// devices and FIFOs are written to directly, folders and sockets refused with exit 2,
/// and none of them is ever replaced.
final class OutputTargetTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func fileType(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    func testRejectsToDevNullLeaveItACharacterDevice() throws {
        let inputs = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repoRoot.appendingPathComponent("seeds/000_c6cf82f3579e74d0.txt"),
                                         to: inputs.appendingPathComponent("page.txt"))
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        let output = work.appendingPathComponent("o.jsonl")
        let result = try CLIRunner.run(["run", "--input", inputs.path, "--output", output.path, "--rejects", "/dev/null"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("2 inputs, 1 written, 1 rejected"), result.stderr)
        XCTAssertEqual(try fileType("/dev/null"), .typeCharacterSpecial)
        XCTAssertEqual(try CLIRunner.jsonLines(output).count, 1)
        // Nothing was created in /dev beside it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testAFIFOOutputGetsTheLinesAndStaysAFIFO() throws {
        let fifo = work.appendingPathComponent("lines.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // The reader runs on a thread of its own; its open returns once scour opens the FIFO.
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { box.data = handle.readDataToEndOfFile() }
            done.signal()
        }.start()
        let result = try CLIRunner.run(["run", "--input", "seeds/", "--output", fifo, "--rejects", "/dev/null"], timeout: 60)
        if done.wait(timeout: .now() + 30) == .timedOut {
            // Unblock the reader so the thread ends, then fail.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            _ = done.wait(timeout: .now() + 5)
            return XCTFail("the FIFO was never written and closed")
        }
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = String(decoding: box.data, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("{\"id\":") })
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.path), ["lines.fifo"])
    }

    func testOutputToDevStdoutReachesStdout() throws {
        // stdout is a file here: the file /dev/stdout leads to gets the lines.
        let result = try CLIRunner.run(["run", "--input", "seeds/", "--output", "/dev/stdout", "--rejects", "/dev/null"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 5)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout"), "/proc/self/fd/1")
    }

    func testAFolderAsOutputIsRefusedWithExit2AndLeftAlone() throws {
        let folder = work.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("inside.txt"))
        let result = try CLIRunner.run(["run", "--input", "seeds/", "--output", folder.path,
                                        "--rejects", work.appendingPathComponent("r.jsonl").path])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(folder.path): is a folder, not a file"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["inside.txt"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("r.jsonl").path))
    }

    func testAStateThatIsNotARegularFileIsRefused() throws {
        let fifo = work.appendingPathComponent("state.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let config = work.appendingPathComponent("p.json")
        try Data(#"{"state": {"enabled": true, "path": "\#(fifo)"}}"#.utf8).write(to: config)
        let result = try CLIRunner.run(["run", "--config", config.path, "--input", "seeds/",
                                        "--output", work.appendingPathComponent("o.jsonl").path, "--rejects", "/dev/null"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(fifo): is a device or FIFO, not a file: the state must be a regular file"), result.stderr)
        var info = stat()
        XCTAssertEqual(stat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("o.jsonl").path))
    }
}
