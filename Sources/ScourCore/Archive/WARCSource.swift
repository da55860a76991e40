import Foundation

/// Documents from a WARC archive, record by record: each `response` (or `resource`)
/// record holding HTML or text becomes a document whose URL is the WARC-Target-URI.
/// Request, metadata, warcinfo and revisit records, robots.txt responses and records whose
/// target is not an http(s) URL (crawler logs) are passed over; responses that are not 2xx or
/// not HTML/text are rejected with the reason. A damaged record is one reject line and the
/// reading goes on at the next record; an archive with no record at all is one reject line.
public struct WARCSource: DocumentSource {
    private let reader: WARCReader?
    private var opening: Rejection?
    private var done = false
    private let maxBytes: Int
    /// Lines handed on (documents or rejections): an archive that gave none gets one.
    private var items = 0

    public init(path: String, maxBytes: Int = 64 << 20) {
        self.maxBytes = maxBytes
        do {
            reader = try WARCReader(path: path)
        } catch {
            reader = nil
            opening = Rejection(stage: "input", reason: error.description)
        }
        source = path
    }

    public init(handle: FileHandle, name: String = "stdin", maxBytes: Int = 64 << 20, stop: StopRequest? = nil) {
        reader = WARCReader(handle: handle, name: name, stop: stop)
        self.maxBytes = maxBytes
        source = name
    }

    private let source: String

    public mutating func next() -> SourceItem? {
        if let opening {
            self.opening = nil
            done = true
            return .rejected(source: source, opening)
        }
        guard !done, let reader else { return nil }
        while true {
            let record: WARCRecord?
            do {
                record = try reader.next(maxBlock: maxBytes) { Self.wants($0) }
            } catch let .damagedRecord(path, number, detail, target) {
                // Only this record is lost: the reader has moved on to the next one.
                items += 1
                let error = ArchiveError.damagedRecord(path: path, record: number, detail: detail, target: target)
                return .rejected(source: target ?? "\(source)#record\(number)", Rejection(stage: "input", reason: error.description))
            } catch {
                // The file itself cannot be read on: report where it broke and stop.
                done = true
                return .rejected(source: source, Rejection(stage: "input", reason: error.description))
            }
            guard let record else {
                done = true
                guard items == 0 else { return nil }
                return .rejected(source: source, Rejection(stage: "input", reason: emptyReason(reader)))
            }
            if let item = Self.item(from: record, archive: source, maxBytes: maxBytes) {
                items += 1
                return item
            }
        }
    }

    private func emptyReason(_ reader: WARCReader) -> String {
        if let damage = reader.firstDamage { return ArchiveError.corrupt(path: source, detail: damage).description }
        if reader.records == 0 { return "\(source): empty archive: no WARC records" }
        return "\(source): no HTML or text page among its \(reader.records) WARC records"
    }

    /// The record's target as an http(s) URL (angle brackets of WARC 1.0 removed); nil otherwise.
    static func webTarget(_ header: WARCHeader) -> String? {
        guard let value = header["WARC-Target-URI"].map(WARCHeader.unwrapURI) else { return nil }
        let lower = value.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        return value
    }

    static func wants(_ header: WARCHeader) -> Bool {
        let type = header["WARC-Type"]?.lowercased()
        guard type == "response" || type == "resource", let target = webTarget(header) else { return false }
        let path = URLComponents(string: target)?.path ?? target
        return path != "/robots.txt"
    }

    /// The document (or rejection) for one record; nil for records that are not pages.
    static func item(from record: WARCRecord, archive: String, maxBytes: Int) -> SourceItem? {
        guard wants(record.header), let uri = webTarget(record.header) else { return nil }
        let source = uri
        guard let block = record.block else {
            return .rejected(source: source, Rejection(stage: "input", reason: "WARC record over max_bytes \(maxBytes)"))
        }
        var payload: [UInt8]
        var mediaType: MediaType?
        let recordType = record.header["Content-Type"].flatMap(MediaType.init(header:))
        if record.header["WARC-Type"]?.lowercased() == "response", recordType?.essence == "application/http" {
            switch HTTPMessage.parse(block) {
            case let .failure(problem):
                return .rejected(source: source, Rejection(stage: "input", reason: "WARC response: \(problem.reason)"))
            case let .success(message):
                // A redirect hop or a 304 is not a page: the page, if any, is in its own record.
                if (300...399).contains(message.status) { return nil }
                guard (200...299).contains(message.status) else {
                    return .rejected(source: source, Rejection(stage: "input", reason: "WARC response has HTTP status \(message.status)"))
                }
                mediaType = message.header("Content-Type").flatMap(MediaType.init(header:))
                switch message.decodedPayload(limit: maxBytes) {
                case let .success(bytes): payload = bytes
                case let .failure(problem): return .rejected(source: source, Rejection(stage: "input", reason: problem.reason))
                }
            }
        } else {
            payload = block
            mediaType = recordType
        }
        if let mediaType, mediaType.inputFormat == nil {
            return .rejected(source: source, Rejection(stage: "input", reason: "WARC record is \(mediaType.essence), not HTML or text"))
        }
        let format = mediaType?.inputFormat ?? InputCollector.sniff(payload)
        var document = Document(source: source, raw: payload, format: format, declaredCharset: mediaType?.charset)
        document.metadata.url = uri
        document.metadata.evidence["url"] = Evidence(rule: "warc-target-uri")
        if let date = record.header["WARC-Date"] {
            // The capture time, not the publication date: a separate field the metadata stage may use last.
            document.markupHints.append(MarkupHint(field: .captureDate, value: date, origin: .init(.archive)))
        }
        return .document(document)
    }
}

/// Why an archived HTTP payload cannot be used.
struct PayloadProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// An HTTP response as archived: status, headers and the payload bytes after them.
struct HTTPMessage {
    var status: Int
    var headers: [(String, String)]
    var payload: ArraySlice<UInt8>

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.last { $0.0.lowercased() == lower }?.1
    }

    static func parse(_ block: [UInt8]) -> Result<HTTPMessage, PayloadProblem> {
        let separator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        var index = 0
        while index + 4 <= block.count {
            if block[index] == 13, block[index..<(index + 4)].elementsEqual(separator) { end = index; break }
            index += 1
        }
        guard let end else { return .failure(PayloadProblem("no end of HTTP headers")) }
        let lines = String(decoding: block[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/"),
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            return .failure(PayloadProblem("no HTTP status line"))
        }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return .success(HTTPMessage(status: status, headers: headers, payload: block[(end + 4)...]))
    }

    /// The payload as a browser would see it: de-chunked and gunzipped when the archived
    /// headers say so (crawlers other than Scour often archive the raw transfer).
    func decodedPayload(limit: Int) -> Result<[UInt8], PayloadProblem> {
        var bytes = Array(payload)
        // Some writers (Internet Archive's) store the body de-chunked but keep the header:
        // a body that does not parse as chunks is taken as it is, as warcio does.
        if header("Transfer-Encoding")?.lowercased().contains("chunked") == true, let plain = Self.dechunk(bytes) {
            bytes = plain
        }
        switch header("Content-Encoding")?.lowercased() {
        case nil, "identity"?:
            return .success(bytes)
        case "gzip"?, "x-gzip"?, "deflate"?:
            switch Gzip.decompress(bytes, limit: limit) {
            case let .success(plain): return .success(plain)
            case let .failure(error):
                // "deflate" is often sent raw, without the zlib header browsers also accept.
                var error = error
                if header("Content-Encoding")?.lowercased() == "deflate" {
                    switch RawDeflate.inflate(bytes, limit: limit) {
                    case let .success(plain): return .success(plain)
                    case let .failure(rawError): if case .tooLarge = rawError { error = rawError }
                    }
                }
                return .failure(PayloadProblem("WARC response: \(error.description)"))
            }
        case let other?:
            return .failure(PayloadProblem("WARC response has Content-Encoding \(other), which Scour cannot decode"))
        }
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            // A size is never negative ("-1" parses) and is compared without adding (no overflow).
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return output }
            guard size <= bytes.count - index else { return nil }
            output += bytes[index..<(index + size)]
            index += size + 2
        }
        return output
    }
}
