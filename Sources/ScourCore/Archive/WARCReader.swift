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
/// block is read past in chunks, so memory holds at most one record.
///
/// A damaged record (a Content-Length that runs past its record or stops short of it, a
/// header that never ends, a gzip member cut short) is thrown as `.damagedRecord`; the
/// reader has then resynchronised at the next record (the next gzip member, or the next
/// line starting `WARC/1.`) and `next` goes on from there. Other errors end the archive.
public final class WARCReader {
    private let stream: ByteChunkStream
    /// Bytes from stream offset `base` on; `position` indexes into it.
    private var buffer: [UInt8] = []
    private var base = 0
    private var position = 0
    /// While set, bytes from this stream offset on stay in the buffer (a record's block,
    /// to look for the next record inside it if its Content-Length proves wrong).
    private var pinned: Int?
    private var ended = false
    private var count = 0
    /// Stream offsets where a gzip member starts, and where a damaged member was cut off.
    private var memberStarts: [Int] = []
    private var breaks: [(offset: Int, detail: String)] = []
    private var recordAtMemberStart = false
    /// The first gzip damage seen, for an archive in which no record could be read.
    public private(set) var firstDamage: String?
    public var name: String { stream.name }
    /// Records read or rejected so far.
    public var records: Int { count }

    public init(handle: FileHandle, name: String, stop: StopRequest? = nil) {
        stream = ByteChunkStream(handle: handle, name: name, stop: stop)
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
        guard try skipNewlines() else { return nil }
        let start = base + position
        count += 1
        memberStarts.removeAll { $0 < start }
        breaks.removeAll { $0.offset < start }
        recordAtMemberStart = memberStarts.first == start
        do throws(ArchiveError) {
            let header = try readHeader(start: start)
            guard let lengthText = header["Content-Length"], let length = Int(lengthText), length >= 0 else {
                throw damage(start, "has no valid Content-Length", header: header)
            }
            let wanted = length <= maxBlock && keep(header)
            if length <= maxBlock { pinned = base + position }
            let block = try readBlock(length, keep: wanted, start: start, header: header)
            try checkEnd(start: start, header: header, length: length)
            pinned = nil
            return WARCRecord(header: header, block: wanted ? block : nil, number: count)
        } catch let .damagedRecord(path, record, detail, target) {
            try resync(after: start)
            throw .damagedRecord(path: path, record: record, detail: detail, target: target)
        }
    }

    private func damage(_ start: Int, _ detail: String, header: WARCHeader? = nil) -> ArchiveError {
        var detail = detail
        if let cut = breaks.first(where: { $0.offset > start }) { detail += " (\(cut.detail))" }
        let target = header?["WARC-Target-URI"].map(WARCHeader.unwrapURI)
        return .damagedRecord(path: name, record: count, detail: detail, target: target)
    }

    private func readHeader(start: Int) throws(ArchiveError) -> WARCHeader {
        guard let version = try readLine(start: start), version.hasPrefix("WARC/") else {
            let found = String(decoding: buffer[max(0, start - base)..<min(buffer.count, max(0, start - base) + 40)], as: UTF8.self)
            throw damage(start, "does not start with WARC/ (found \"\(found.prefix { !$0.isNewline })\")")
        }
        var fields: [(String, String)] = []
        while true {
            guard let line = try readLine(start: start) else { throw damage(start, "ends inside its header") }
            if line.isEmpty { break }
            if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                               String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            } else if line.first == " " || line.first == "\t", let last = fields.popLast() {
                fields.append((last.0, last.1 + " " + line.trimmingCharacters(in: .whitespaces)))
            }
        }
        return WARCHeader(version: version, fields: fields)
    }

    /// The stream offset a record starting at `start` must not cross: where a damaged member
    /// was cut off, or, for a record that starts a gzip member, where the next member starts.
    private func limit(for start: Int) -> Int? {
        let cut = breaks.first { $0.offset > start }?.offset
        guard recordAtMemberStart, let next = memberStarts.first(where: { $0 > start }) else { return cut }
        return min(next, cut ?? next)
    }

    /// Takes in the next piece of the stream; false at its end.
    private func fill() throws(ArchiveError) -> Bool {
        guard !ended else { return false }
        guard let piece = try stream.next() else {
            ended = true
            return false
        }
        let keepFrom = min(position, pinned.map { $0 - base } ?? position)
        if keepFrom > 0 {
            buffer.removeFirst(keepFrom)
            base += keepFrom
            position -= keepFrom
            memberStarts.removeAll { $0 < base }
            breaks.removeAll { $0.offset < base }
        }
        switch piece {
        case let .bytes(bytes): buffer += bytes
        case .memberStart: memberStarts.append(base + buffer.count)
        case let .broken(detail):
            breaks.append((base + buffer.count, detail))
            if firstDamage == nil { firstDamage = detail }
        }
        return true
    }

    /// Skips line ends before a record; false at the end of the stream.
    private func skipNewlines() throws(ArchiveError) -> Bool {
        while true {
            while position < buffer.count, buffer[position] == 0x0A || buffer[position] == 0x0D { position += 1 }
            if position < buffer.count { return true }
            guard try fill() else { return false }
        }
    }

    /// A header line without its line end; nil at the end of the stream or of the record's member.
    private func readLine(start: Int) throws(ArchiveError) -> String? {
        var searchFrom = position
        while true {
            let end = limit(for: start).map { min(buffer.count, $0 - base) } ?? buffer.count
            if searchFrom < end, let newline = buffer[searchFrom..<end].firstIndex(of: 0x0A) {
                var lineEnd = newline
                if lineEnd > position, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = String(decoding: buffer[position..<lineEnd], as: UTF8.self)
                position = newline + 1
                return line
            }
            if end < buffer.count { throw damage(start, "ends inside its header") }
            guard buffer.count - position < 1 << 20 else { throw damage(start, "has a header line over 1 MB") }
            searchFrom = max(position, end)
            let consumedBefore = base
            guard try fill() else {
                if position < buffer.count {
                    defer { position = buffer.count }
                    return String(decoding: buffer[position...], as: UTF8.self)
                }
                return nil
            }
            searchFrom -= base - consumedBefore
        }
    }

    private func readBlock(_ length: Int, keep: Bool, start: Int, header: WARCHeader) throws(ArchiveError) -> [UInt8] {
        var block: [UInt8] = []
        if keep { block.reserveCapacity(length) }
        var remaining = length
        while remaining > 0 {
            let end = limit(for: start).map { min(buffer.count, $0 - base) } ?? buffer.count
            if position >= end {
                let cutShort = damage(start, "is cut short: Content-Length \(length) runs past the end of the record", header: header)
                if end < buffer.count { throw cutShort }
                guard try fill() else { throw cutShort }
                continue
            }
            let take = min(remaining, end - position)
            if keep { block += buffer[position..<(position + take)] }
            position += take
            remaining -= take
        }
        return block
    }

    /// After a block come line ends (then the next record), the next gzip member or the end.
    /// Anything else means the Content-Length stopped short of the record's end. (Garbage
    /// after the line ends is not this record's fault: the next `next` rejects it.)
    private func checkEnd(start: Int, header: WARCHeader, length: Int) throws(ArchiveError) {
        let marker: [UInt8] = Array("WARC/".utf8)
        while true {
            let end = limit(for: start).map { min(buffer.count, $0 - base) } ?? buffer.count
            if position < end, buffer[position] == 0x0A || buffer[position] == 0x0D { return }
            if position >= end, end < buffer.count { return }
            if position + marker.count <= end {
                guard buffer[position..<(position + marker.count)].elementsEqual(marker) else {
                    throw damage(start, "does not end where its Content-Length \(length) says", header: header)
                }
                return
            }
            guard try fill() else {
                guard position >= buffer.count else {
                    throw damage(start, "does not end where its Content-Length \(length) says", header: header)
                }
                return
            }
        }
    }

    /// Moves to the next record after a damaged one that started at `start`: the first gzip
    /// member start (or damaged member's end) after it, or the first line starting `WARC/1.`
    /// after its header (inside its block too, when the block is still held), whichever is first.
    private func resync(after start: Int) throws(ArchiveError) {
        let marker: [UInt8] = Array("WARC/1.".utf8)
        var from = max(base + position, start + 1)
        if let pinned, pinned > start, pinned >= base { from = pinned }
        pinned = nil
        while true {
            let stop = (memberStarts + breaks.map(\.offset)).filter { $0 > start && $0 >= from }.min()
            let end = stop.map { min(buffer.count, $0 - base) } ?? buffer.count
            var index = from - base
            var needMore = false
            while index < end {
                let lineStart = index > 0 ? buffer[index - 1] == 0x0A : base == 0
                if lineStart, buffer[index] == marker[0] {
                    if index + marker.count > buffer.count { needMore = true; break }
                    if buffer[index..<(index + marker.count)].elementsEqual(marker) {
                        position = index
                        return
                    }
                }
                index += 1
            }
            if !needMore, let stop, stop - base <= buffer.count {
                position = stop - base
                return
            }
            // Keep the byte before `from`: it tells whether `from` starts a line.
            from = base + index
            position = max(0, index - 1)
            guard try fill() else {
                position = buffer.count
                return
            }
        }
    }
}

extension WARCHeader {
    /// WARC 1.0's grammar writes a target URI in angle brackets (wget does): the URI inside.
    static func unwrapURI(_ value: String) -> String {
        guard value.hasPrefix("<"), value.hasSuffix(">") else { return value }
        return String(value.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}
