import Foundation

/// A minimal HTTP/1.1 server on 127.0.0.1 (keep-alive, one thread per connection) that
/// answers every GET with the same HTML page: what `scour bench-fetch` fetches, so the
/// figures measure Scour's fetching rather than a slow test server.
public final class BenchHTTPServer: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let response: [UInt8]

    public init(pageBytes: Int) throws(FetchSetupError) {
        let paragraph = "<p>Scour bench page: a paragraph of ordinary prose, long enough to look like an article body.</p>\n"
        var html = "<!doctype html><html><head><title>Bench</title></head><body>\n"
        while html.utf8.count < pageBytes { html += paragraph }
        html += "</body></html>\n"
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(html.utf8.count)\r\n\r\n"
        response = Array(head.utf8) + Array(html.utf8)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 256) == 0 else { throw .serverUnavailable(String(cString: strerror(errno))) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { return }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    /// Answers each request (ended by a blank line) on the connection until the client closes it.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            pending += chunk[0..<count]
            while let end = Self.endOfHeaders(pending) {
                pending.removeFirst(end)
                var sent = 0
                while sent < response.count {
                    let written = response[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if written <= 0 { return }
                    sent += written
                }
            }
        }
    }

    private static func endOfHeaders(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

/// Fetch throughput: `urls` pages from a local server at a given concurrency.
public enum FetchBench {
    public struct Figure: Sendable {
        public var concurrency: Int
        public var pages: Int
        public var failed: Int
        public var seconds: Double
        public var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
    }

    /// Fetches `count` distinct URLs from `base` through the full fetch path (scheduler, limits, ordered output).
    public static func run(base: String, count: Int, concurrency: Int, warcDirectory: String?) throws(RunError) -> Figure {
        var config = FetchConfig()
        config.concurrency = concurrency
        config.perHost = concurrency
        config.delayMilliseconds = 0
        config.robots = false
        config.retries = 0
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("scour-bench-\(UUID().uuidString).urls").path
        let text = (0..<count).map { "\(base)/page/\($0)" }.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: list, contents: Data(text.utf8)) else {
            throw .output(.cannotCreate(path: list, reason: "cannot write the URL list"))
        }
        defer { try? FileManager.default.removeItem(atPath: list) }
        let started = Date()
        let summary = try ArchiveFetch(config: config, warcDirectory: warcDirectory, rejectsPath: nil).run(lists: [list]) { _ in }
        if let archive = summary.archive { try? FileManager.default.removeItem(atPath: archive) }
        return Figure(concurrency: concurrency, pages: summary.fetched, failed: summary.rejected,
                      seconds: Date().timeIntervalSince(started))
    }
}
