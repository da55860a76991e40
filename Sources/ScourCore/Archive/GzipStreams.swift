import CZlib
import Foundation

/// Compresses one gzip member: WARC files keep each record in its own member so a
/// reader can seek to any record and a damaged record spoils only itself.
enum GzipMember {
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8]? {
        GzipMemberCompressor(level: level).compress(input)
    }
}

/// `GzipMember.compress` with one deflate state reused across members (deflateReset),
/// so an archive does not allocate and clear zlib's window for every record.
final class GzipMemberCompressor {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let ready: Bool

    /// `windowBits` as zlib takes it: 15 + 16 writes gzip (the default), 15 zlib, -15 raw deflate.
    init(level: Int32 = 6, windowBits: Int32 = 15 + 16) {
        stream.initialize(to: z_stream())
        ready = scour_deflateInit2(stream, level, windowBits) == Z_OK
    }

    deinit {
        if ready { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func compress(_ input: [UInt8]) -> [UInt8]? {
        guard ready, deflateReset(stream) == Z_OK else { return nil }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))) + 64)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = uInt(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = uInt(outBuffer.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(Int(stream.pointee.avail_out))
        return output
    }
}

/// Raw deflate (no zlib or gzip header): what many servers send as `Content-Encoding: deflate`.
enum RawDeflate {
    static func inflate(_ input: [UInt8], limit: Int) -> Result<[UInt8], GzipError> {
        var stream = z_stream()
        guard scour_inflateInit2(&stream, -15) == Z_OK else { return .failure(.corrupt("cannot initialise zlib")) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var input = input
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: outBuffer.prefix(outBuffer.count - Int(stream.avail_out)))
                }
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { return .failure(.tooLarge(limit: limit)) }
        guard status == Z_STREAM_END || (status == Z_OK && stream.avail_in == 0 && !output.isEmpty) else {
            return .failure(.corrupt(stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"))
        }
        return .success(output)
    }
}

/// What `ByteChunkStream` hands on: bytes, or a mark between gzip members.
enum StreamPiece: Equatable {
    case bytes([UInt8])
    /// A gzip member starts here (WARC writers give each record its own member).
    case memberStart
    /// The member before this point is damaged (cut short, or bytes zlib cannot inflate);
    /// the stream goes on at the next gzip header found after the damaged member's start.
    case broken(String)
}

/// Bytes from a file or pipe, read in chunks; gzip (any number of members) is inflated
/// on the fly when the stream starts with the gzip magic bytes. A damaged member does not
/// end the stream: it is reported and inflating resumes at the next member.
final class ByteChunkStream {
    private let handle: FileHandle
    private var inflater: UnsafeMutablePointer<z_stream>?
    /// Raw bytes read and not yet inflated, plus the current member's start when it is
    /// still near (to look for the next gzip header inside a damaged member).
    private var raw: [UInt8] = []
    private var rawOffset = 0
    private var memberStart: Int?
    private var started = false
    private var rawFinished = false
    private var inMember = false
    private var queued: [StreamPiece] = []
    let name: String
    /// Raw bytes kept behind the read point for resynchronising; past this a damaged
    /// member's own bytes are not searched again (memory stays bounded).
    private static let keptBehind = 4 << 20
    private static let chunkSize = 256 * 1024

    /// A stop ends the stream where it is, even while it is quiet (`StreamWait`).
    private let stop: StopRequest?

    init(handle: FileHandle, name: String, stop: StopRequest? = nil) {
        self.handle = handle
        self.name = name
        self.stop = stop
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deinitialize(count: 1)
            inflater.deallocate()
        }
    }

    var isGzip: Bool { inflater != nil }

    /// Appends the next raw chunk, dropping bytes no longer needed; false at the end.
    private func readRaw() throws(ArchiveError) -> Bool {
        guard !rawFinished else { return false }
        guard StreamWait.readable(handle.fileDescriptor, stop: stop) else {
            rawFinished = true
            return false
        }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw .unreadable(path: name, reason: "read failed: \(error.localizedDescription)")
        }
        guard let data, !data.isEmpty else {
            rawFinished = true
            return false
        }
        var keepFrom = min(rawOffset, memberStart ?? rawOffset)
        if rawOffset - keepFrom > Self.keptBehind {
            keepFrom = rawOffset
            memberStart = nil
        }
        if keepFrom > 0 {
            raw.removeFirst(keepFrom)
            rawOffset -= keepFrom
            memberStart = memberStart.map { $0 - keepFrom }
        }
        raw += data
        return true
    }

    /// The next piece; nil at the end.
    func next() throws(ArchiveError) -> StreamPiece? {
        if !queued.isEmpty { return queued.removeFirst() }
        if !started {
            started = true
            guard try readRaw() else { return nil }
            // Gzip magic: decompress from here on.
            if raw.count >= 2, raw[0] == 0x1F, raw[1] == 0x8B {
                let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
                stream.initialize(to: z_stream())
                guard scour_inflateInit2(stream, 15 + 16) == Z_OK else {
                    stream.deallocate()
                    throw .corrupt(path: name, detail: "cannot initialise zlib")
                }
                inflater = stream
                memberStart = 0
                return .memberStart
            }
        }
        guard let inflater else {
            if rawOffset >= raw.count { guard try readRaw() else { return nil } }
            defer { rawOffset = raw.count }
            return .bytes(Array(raw[rawOffset...]))
        }
        return try inflateNext(inflater)
    }

    private func inflateNext(_ inflater: UnsafeMutablePointer<z_stream>) throws(ArchiveError) -> StreamPiece? {
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            if rawOffset >= raw.count {
                guard try readRaw() else {
                    guard inMember else { return nil }
                    inMember = false
                    return .broken("gzip member cut short at the end of the file")
                }
            }
            var produced = 0
            var status: Int32 = Z_OK
            let before = rawOffset
            raw.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    inflater.pointee.next_in = inBuffer.baseAddress! + rawOffset
                    inflater.pointee.avail_in = uInt(inBuffer.count - rawOffset)
                    inflater.pointee.next_out = outBuffer.baseAddress
                    inflater.pointee.avail_out = uInt(outBuffer.count)
                    status = inflate(inflater, Z_NO_FLUSH)
                    rawOffset = inBuffer.count - Int(inflater.pointee.avail_in)
                    produced = outBuffer.count - Int(inflater.pointee.avail_out)
                }
            }
            if rawOffset > before || produced > 0 { inMember = true }
            output.removeLast(output.count - produced)
            if status == Z_STREAM_END {
                // One member done; the next one (the next WARC record) starts with a fresh header.
                inflateReset(inflater)
                inMember = false
                memberStart = rawOffset
                if produced > 0 {
                    queued.append(.memberStart)
                    return .bytes(output)
                }
                return .memberStart
            }
            if status != Z_OK && status != Z_BUF_ERROR {
                let detail = inflater.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                // What this member gave before the error is part of the damaged record: handed on,
                // then the mark, so the reader rejects that record whole.
                try skipToNextMember(inflater)
                queued.append(.broken("gzip: \(detail)"))
                return produced > 0 ? .bytes(output) : queued.removeFirst()
            }
            if produced > 0 { return .bytes(output) }
        }
    }

    /// Moves to the next gzip header (1F 8B 08) after the damaged member's start, or to the end.
    private func skipToNextMember(_ inflater: UnsafeMutablePointer<z_stream>) throws(ArchiveError) {
        inflateReset(inflater)
        inMember = false
        var from = memberStart.map { $0 + 1 } ?? rawOffset
        memberStart = nil
        while true {
            var index = from
            while index + 3 <= raw.count {
                if raw[index] == 0x1F, raw[index + 1] == 0x8B, raw[index + 2] == 0x08 {
                    rawOffset = index
                    memberStart = index
                    return
                }
                index += 1
            }
            // Keep the last two bytes: a header may straddle two reads.
            rawOffset = max(from, raw.count - 2)
            guard try readRaw() else {
                rawOffset = raw.count
                return
            }
            from = rawOffset
        }
    }
}
