import Foundation
import ScourCore
import XCTest

/// Scour's archives as other tools need them: a 304 on a later fetch is a revisit record
/// naming the earlier capture (WARC-Refers-To, -Date, -Target-URI), so pywb can replay it.
final class WARCRevisitTests: XCTestCase {
    private var server: TestHTTPServer!
    private var work: URL!

    override func setUpWithError() throws {
        server = TestHTTPServer()
        try server.start()
        work = try CLIRunner.temporaryDirectory()
    }

    override func tearDown() {
        server?.stop()
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    private func records(in folder: String) throws -> [WARCRecord] {
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent(folder).path)
            .first { $0.hasSuffix(".warc.gz") })
        let reader = try WARCReader(path: work.appendingPathComponent("\(folder)/\(name)").path)
        var found: [WARCRecord] = []
        while let record = try reader.next(), found.count < 100 { found.append(record) }
        return found
    }

    func testRevisitRecordRefersToTheEarlierCapture() throws {
        let config = work.appendingPathComponent("pipeline.json").path
        try #"{"fetch": {"delay_ms": 0, "timeout_s": 2, "retries": 0}, "output": {"layout": "runs", "dir": "out"}, "state": {"enabled": true, "path": "out/state.sqlite"}}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let list = work.appendingPathComponent("list.urls").path
        try "\(server.base)/etag\n".write(toFile: list, atomically: true, encoding: .utf8)
        for folder in ["raw1", "raw2"] {
            let result = try CLIRunner.run(["fetch", list, "--warc", folder, "--config", config], in: work, timeout: 60)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let target = server.base + "/etag"
        let original = try XCTUnwrap(try records(in: "raw1").first { $0.header["WARC-Type"] == "response" && $0.header["WARC-Target-URI"] == target })
        let revisit = try XCTUnwrap(try records(in: "raw2").first { $0.header["WARC-Type"] == "revisit" })
        XCTAssertEqual(revisit.header["WARC-Refers-To-Target-URI"], target)
        XCTAssertEqual(revisit.header["WARC-Refers-To-Date"], original.header["WARC-Date"])
        XCTAssertEqual(revisit.header["WARC-Refers-To"], original.header["WARC-Record-ID"])
    }
}
