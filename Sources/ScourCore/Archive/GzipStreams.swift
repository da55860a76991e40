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

    init(level: Int32 = 6) {
        stream.initialize(to: z_stream())
        ready = scour_deflateInit2(stream, level, 15 + 16) == Z_OK
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

/// Bytes from a file or pipe, read in chunks; gzip (any number of members) is
/// inflated on the fly when the stream starts with the gzip magic bytes.
final class ByteChunkStream {
    private let handle: FileHandle
    private var inflater: UnsafeMutablePointer<z_stream>?
    private var raw: [UInt8] = []
    private var rawOffset = 0
    private var started = false
    private var rawFinished = false
    private var inMember = false
    let name: String

    init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deinitialize(count: 1)
            inflater.deallocate()
        }
    }

    private func readRaw() -> Bool {
        guard !rawFinished else { return false }
        let data = handle.readData(ofLength: 256 * 1024)
        if data.isEmpty {
            rawFinished = true
            return false
        }
        raw = [UInt8](data)
        rawOffset = 0
        return true
    }

    /// The next chunk of (decompressed) bytes; empty at the end.
    func next() throws(ArchiveError) -> [UInt8] {
        if !started {
            started = true
            guard readRaw() else { return [] }
            // Gzip magic: decompress from here on (a short first read is refilled below).
            if raw.count >= 2, raw[0] == 0x1F, raw[1] == 0x8B {
                let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
                stream.initialize(to: z_stream())
                guard scour_inflateInit2(stream, 15 + 16) == Z_OK else {
                    stream.deallocate()
                    throw .corrupt(path: name, detail: "cannot initialise zlib")
                }
                inflater = stream
            }
        }
        guard let inflater else {
            if rawOffset >= raw.count { guard readRaw() else { return [] } }
            defer { raw = []; rawOffset = 0 }
            return Array(raw[rawOffset...])
        }
        var output = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            if rawOffset >= raw.count {
                guard readRaw() else {
                    if inMember { throw .corrupt(path: name, detail: "gzip stream ends in the middle of a record") }
                    return []
                }
            }
            var produced = 0
            var status: Int32 = Z_OK
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
            inMember = true
            if status == Z_STREAM_END {
                // One member done; the next one (the next WARC record) starts with a fresh header.
                inflateReset(inflater)
                inMember = false
            } else if status != Z_OK && status != Z_BUF_ERROR {
                let detail = inflater.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw .corrupt(path: name, detail: "gzip: \(detail)")
            }
            if produced > 0 {
                output.removeLast(output.count - produced)
                return output
            }
        }
    }
}
