import Foundation

/// A WARC record's header: its version line and named fields.
public struct WARCHeader: Sendable {
    public var version: String
    public var fields: [(String, String)]

    /// The first value of a field, case-insensitively.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.0.lowercased() == lower }?.1
    }
}

public struct WARCRecord: Sendable {
    public var header: WARCHeader
    /// The block, or nil when the caller chose to skip it (it was read past, never kept).
    public var block: [UInt8]?
    /// 1-based position in the archive, for messages.
    public var number: Int
}

/// Reads WARC records one at a time from a `.warc` or `.warc.gz` stream; a skipped
/// block is read past in chunks, so memory holds at most one kept record.
public final class WARCReader {
    private let stream: ByteChunkStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false
    private var count = 0
    public var name: String { stream.name }

    public init(handle: FileHandle, name: String) {
        stream = ByteChunkStream(handle: handle, name: name)
    }

    public convenience init(path: String) throws(ArchiveError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        self.init(handle: handle, name: path)
    }

    /// The next record; `keep` sees the header and says whether to keep the block.
    /// Blocks longer than `maxBlock` are never kept.
    public func next(maxBlock: Int = 64 << 20, keep: (WARCHeader) -> Bool = { _ in true }) throws(ArchiveError) -> WARCRecord? {
        // Records are separated by blank lines; tolerate extra ones.
        var versionLine: String?
        while versionLine == nil {
            guard let line = try readLine() else { return nil }
            if !line.isEmpty { versionLine = line }
        }
        count += 1
        guard let version = versionLine, version.hasPrefix("WARC/") else {
            throw .corrupt(path: name, detail: "record \(count) does not start with WARC/ (found \"\(versionLine!.prefix(40))\")")
        }
        var fields: [(String, String)] = []
        while true {
            guard let line = try readLine() else {
                throw .corrupt(path: name, detail: "record \(count) ends inside its header")
            }
            if line.isEmpty { break }
            if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                               String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            } else if line.first == " " || line.first == "\t", let last = fields.popLast() {
                fields.append((last.0, last.1 + " " + line.trimmingCharacters(in: .whitespaces)))
            }
        }
        let header = WARCHeader(version: version, fields: fields)
        guard let lengthText = header["Content-Length"], let length = Int(lengthText), length >= 0 else {
            throw .corrupt(path: name, detail: "record \(count) has no valid Content-Length")
        }
        let wanted = length <= maxBlock && keep(header)
        let block = try readBlock(length, keep: wanted)
        return WARCRecord(header: header, block: wanted ? block : nil, number: count)
    }

    private func fill() throws(ArchiveError) -> Bool {
        guard !ended else { return false }
        let chunk = try stream.next()
        if chunk.isEmpty {
            ended = true
            return false
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer += chunk
        return true
    }

    /// A header line without its line end; nil at the end of the stream.
    private func readLine() throws(ArchiveError) -> String? {
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                return line
            }
            guard buffer.count - position < 1 << 20 else {
                throw .corrupt(path: name, detail: "record \(count): header line over 1 MB")
            }
            searchFrom = buffer.count
            let consumed = position
            guard try fill() else {
                if position < buffer.count {
                    defer { position = buffer.count }
                    return String(decoding: buffer[position...], as: UTF8.self)
                }
                return nil
            }
            searchFrom -= consumed
        }
    }

    private func readBlock(_ length: Int, keep: Bool) throws(ArchiveError) -> [UInt8] {
        var block: [UInt8] = []
        if keep { block.reserveCapacity(length) }
        var remaining = length
        while remaining > 0 {
            if position >= buffer.count {
                buffer.removeAll(keepingCapacity: true)
                position = 0
                guard try fill() else { throw .corrupt(path: name, detail: "record \(count) is cut short") }
            }
            let take = min(remaining, buffer.count - position)
            if keep { block += buffer[position..<(position + take)] }
            position += take
            remaining -= take
        }
        return block
    }
}
