import Foundation

public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case corrupt(path: String, detail: String)
    /// One record is damaged; the reader has moved on to the next record.
    case damagedRecord(path: String, record: Int, detail: String, target: String?)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "\(path): cannot create WARC file: \(reason)"
        case let .writeFailed(path, reason): return "\(path): cannot write WARC file: \(reason)"
        case let .unreadable(path, reason): return "\(path): cannot read WARC file: \(reason)"
        case let .corrupt(path, detail): return "\(path): not a readable WARC file: \(detail)"
        case let .damagedRecord(path, record, detail, _):
            return "\(path): WARC record \(record) is damaged: it \(detail); read on from the next record"
        }
    }
}

/// One request and its final response as libcurl saw them, to be archived.
struct HTTPExchange {
    var requestedURL: String
    var response: CurlResponse
    var date: Date
    /// For a 304: the earlier capture it confirms, named in the revisit record.
    var refersTo: ArchivedCapture?
}

/// Where a page's response record is: what a later revisit record refers to, so replay
/// tools (pywb) can find the payload the 304 confirmed.
public struct ArchivedCapture: Sendable, Equatable {
    public var recordID: String
    /// The record's WARC-Date.
    public var date: String
    public var targetURI: String
    /// Its WARC-Payload-Digest: repeated on the revisit, replay tools look the payload up by it.
    public var payloadDigest: String?

    public init(recordID: String, date: String, targetURI: String, payloadDigest: String? = nil) {
        self.recordID = recordID
        self.date = date
        self.targetURI = targetURI
        self.payloadDigest = payloadDigest
    }
}

/// One WARC record before serialization: named fields and a block.
struct WARCRecordDraft {
    var fields: [(String, String)]
    var block: [UInt8]

    /// `WARC/1.1`, the fields, Content-Length, a blank line, the block and two line ends.
    func serialized() -> [UInt8] {
        var head = "WARC/1.1\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + block.count + 4)
        bytes += block
        bytes += [13, 10, 13, 10]
        return bytes
    }
}

/// Writes fetched responses as WARC/1.1 (`.warc.gz`, one gzip member per record):
/// a warcinfo record first, then per exchange a request, a response and a metadata record.
/// The file is written as `NAME.warc.gz.open` and renamed when finished, so a finished
/// name always means a complete archive.
public final class WARCWriter {
    public let path: String
    private let openPath: String
    private let handle: FileHandle
    private let compressor = GzipMemberCompressor()
    private var finished = false

    /// Creates `directory` if needed and starts a new archive there, named by time and process.
    public init(directory: String, userAgent: String, robots: Bool) throws(ArchiveError) {
        let stamp = WARCDate.compact(Date())
        let name = "scour-\(stamp)-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).warc.gz"
        path = (directory as NSString).appendingPathComponent(name)
        openPath = path + ".open"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: directory, reason: "cannot create the folder")
        }
        guard FileManager.default.createFile(atPath: openPath, contents: nil), let handle = FileHandle(forWritingAtPath: openPath) else {
            throw .cannotCreate(path: openPath, reason: "permission denied or no such folder")
        }
        self.handle = handle
        let info = [
            "software: Scour/\(ScourVersion.current) (libcurl)",
            "format: WARC File Format 1.1",
            "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "http-header-user-agent: \(userAgent)",
            "robots: \(robots ? "obey" : "ignore")",
        ].joined(separator: "\r\n") + "\r\n"
        try append(WARCRecordDraft(fields: [
            ("WARC-Type", "warcinfo"), ("WARC-Record-ID", Self.newRecordID()), ("WARC-Date", WARCDate.string(Date())),
            ("WARC-Filename", name), ("Content-Type", "application/warc-fields"),
        ], block: Array(info.utf8)))
    }

    deinit {
        if !finished { try? handle.close() }
    }

    /// Archives one exchange; the response record's place when it holds a page (not a 304).
    @discardableResult
    func write(_ exchange: HTTPExchange) throws(ArchiveError) -> ArchivedCapture? {
        let response = exchange.response
        let date = WARCDate.string(exchange.date)
        let target = response.effectiveURL.isEmpty ? exchange.requestedURL : response.effectiveURL
        let responseID = Self.newRecordID()
        let payload = response.body
        // A 304 (asked conditionally) says the copy archived before is current: WARC 1.1's
        // revisit record, profile server-not-modified, holding the response's headers only.
        let notModified = response.status == 304
        var responseFields: [(String, String)] = [
            ("WARC-Type", notModified ? "revisit" : "response"), ("WARC-Record-ID", responseID), ("WARC-Date", date),
            ("WARC-Target-URI", target),
        ]
        if notModified {
            responseFields.append(("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"))
            responseFields.append(("WARC-Refers-To-Target-URI", exchange.refersTo?.targetURI ?? target))
            if let earlier = exchange.refersTo {
                responseFields += [("WARC-Refers-To-Date", earlier.date), ("WARC-Refers-To", earlier.recordID)]
            }
        }
        if let ip = response.primaryIP { responseFields.append(("WARC-IP-Address", ip)) }
        let block = Self.responseHead(response, payloadLength: payload.count, confirmed: notModified) + payload
        responseFields.append(("WARC-Block-Digest", SHA1.warcDigest(block)))
        let payloadDigest = notModified ? exchange.refersTo?.payloadDigest : SHA1.warcDigest(payload)
        if let payloadDigest { responseFields.append(("WARC-Payload-Digest", payloadDigest)) }
        responseFields.append(("Content-Type", "application/http;msgtype=response"))
        if !response.requestHeader.isEmpty {
            let request = response.requestHeader
            try append(WARCRecordDraft(fields: [
                ("WARC-Type", "request"), ("WARC-Record-ID", Self.newRecordID()), ("WARC-Date", date),
                ("WARC-Target-URI", target), ("WARC-Concurrent-To", responseID),
                ("WARC-Block-Digest", SHA1.warcDigest(request)), ("Content-Type", "application/http;msgtype=request"),
            ], block: request))
        }
        try append(WARCRecordDraft(fields: responseFields, block: block))
        var metadata = "via: \(exchange.requestedURL)\r\nredirects: \(response.redirects)\r\n"
        metadata += String(format: "fetchTimeMs: %.0f\r\n", response.seconds * 1000)
        try append(WARCRecordDraft(fields: [
            ("WARC-Type", "metadata"), ("WARC-Record-ID", Self.newRecordID()), ("WARC-Date", date), ("WARC-Target-URI", target),
            ("WARC-Refers-To", responseID), ("Content-Type", "application/warc-fields"),
        ], block: Array(metadata.utf8)))
        return notModified ? nil : ArchivedCapture(recordID: responseID, date: date, targetURI: target, payloadDigest: payloadDigest)
    }

    /// The status line and headers as received, except that libcurl hands over the body
    /// de-chunked and decoded: the original framing headers are kept under
    /// `X-Archive-Orig-*` names and Content-Length states the archived payload.
    ///
    /// A 304's revisit holds the response it `confirmed` (replay tools use the revisit's own
    /// headers with the earlier payload: pywb would otherwise replay an empty 304): status 200,
    /// the 304's headers, and its status line kept as `X-Archive-Orig-Status-Line`.
    static func responseHead(_ response: CurlResponse, payloadLength: Int, confirmed: Bool = false) -> [UInt8] {
        let statusLine = response.statusLine.isEmpty ? "HTTP/1.1 \(response.status)" : response.statusLine
        var head = confirmed ? "HTTP/1.1 200 OK\r\nX-Archive-Orig-Status-Line: \(statusLine)\r\n" : statusLine + "\r\n"
        for line in response.headerLines {
            let name = line.prefix { $0 != ":" }.lowercased()
            if name == "content-length" || name == "content-encoding" || name == "transfer-encoding" {
                head += "X-Archive-Orig-\(line)\r\n"
            } else {
                head += line + "\r\n"
            }
        }
        if !confirmed { head += "Content-Length: \(payloadLength)\r\n" }
        head += "\r\n"
        return Array(head.utf8)
    }

    private func append(_ record: WARCRecordDraft) throws(ArchiveError) {
        guard !finished else { throw .writeFailed(path: path, reason: "archive already finished") }
        guard let member = compressor.compress(record.serialized()) else {
            throw .writeFailed(path: openPath, reason: "gzip compression failed")
        }
        do {
            try handle.write(contentsOf: member)
        } catch {
            throw .writeFailed(path: openPath, reason: "\(error)")
        }
    }

    /// Syncs, closes and gives the archive its final name.
    public func finish() throws(ArchiveError) {
        guard !finished else { return }
        finished = true
        do {
            try handle.synchronize()
            try handle.close()
            try FileManager.default.moveItem(atPath: openPath, toPath: path)
        } catch {
            throw .writeFailed(path: openPath, reason: "\(error)")
        }
    }

    static func newRecordID() -> String { "<urn:uuid:\(UUID().uuidString.lowercased())>" }
}

/// WARC-Date values: UTC, ISO 8601, to the second. Formatted by hand: a Foundation
/// date formatter per record cost a fifth of the archiving time.
enum WARCDate {
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// `20240131T120000Z`, for file names.
    static func compact(_ date: Date) -> String {
        string(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
