import XCTest
@testable import ScourCore

/// Per-host windows: which listed URLs go to the fetcher, and when.
final class HostWindowsTests: XCTestCase {
    func testEachHostHasItsOwnWindowSoAFullHostDoesNotBlockTheNext() {
        var windows = HostWindows(perHost: 2, total: 10)
        for tag in 0..<6 { windows.add("http://a/\(tag)", tag: tag, host: "a") }
        for tag in 6..<9 { windows.add("http://b/\(tag)", tag: tag, host: "b") }
        let first = windows.release(first: 0, onlyFirst: false).map(\.tag)
        XCTAssertEqual(first.sorted(), [0, 1, 6, 7], "two of a's, and b's go too though listed after all of a's")
        XCTAssertEqual(windows.release(first: 0, onlyFirst: false).map(\.tag), [], "both windows full")
        windows.finished(6)
        XCTAssertEqual(windows.release(first: 0, onlyFirst: false).map(\.tag), [8], "b moves on while a waits")
        windows.finished(0)
        XCTAssertEqual(windows.release(first: 1, onlyFirst: false).map(\.tag), [2], "a's queue stays in list order")
        XCTAssertEqual(windows.inFetcher, 4)
    }

    func testTheTotalLimitsAllHostsAndTheNextURLInListOrderAlwaysGoes() {
        var windows = HostWindows(perHost: 4, total: 2)
        windows.add("http://a/0", tag: 0, host: "a")
        windows.add("http://b/1", tag: 1, host: "b")
        windows.add("http://c/2", tag: 2, host: "c")
        XCTAssertEqual(windows.release(first: 0, onlyFirst: false).map(\.tag), [0, 1])
        XCTAssertEqual(windows.release(first: 0, onlyFirst: false).map(\.tag), [], "total reached")
        windows.finished(0)
        windows.finished(1)
        // Over the byte budget only the next URL in list order goes.
        windows.add("http://d/3", tag: 3, host: "d")
        XCTAssertEqual(windows.release(first: 2, onlyFirst: true).map(\.tag), [2])
        XCTAssertEqual(windows.release(first: 3, onlyFirst: true).map(\.tag), [3])
        XCTAssertEqual(windows.release(first: 4, onlyFirst: false).map(\.tag), [])
    }

    func testLongQueuesAreCompactedAndDrainInOrder() {
        var windows = HostWindows(perHost: 1, total: 1)
        for tag in 0..<500 { windows.add("http://a/\(tag)", tag: tag, host: "a") }
        var order: [Int] = []
        for tag in 0..<500 {
            order += windows.release(first: tag, onlyFirst: false).map(\.tag)
            windows.finished(tag)
        }
        XCTAssertEqual(order, Array(0..<500))
        XCTAssertEqual(windows.inFetcher, 0)
    }
}
