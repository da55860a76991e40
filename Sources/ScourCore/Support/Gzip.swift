import CZlib
import Foundation

public enum GzipError: Error, Sendable, CustomStringConvertible, Equatable {
    case corrupt(String)
    case tooLarge(limit: Int)
    case unreadable(String)

    public var description: String {
        switch self {
        case let .corrupt(detail): return "gzip data is corrupt: \(detail)"
        case let .tooLarge(limit): return "gzip data expands past \(limit) bytes"
        case let .unreadable(reason): return "cannot read gzip data: \(reason)"
        }
    }
}

/// gzip (and zlib) decompression through the system zlib. Output stops as soon as it
/// passes `limit`, so a gzip bomb costs at most `limit` bytes of memory, never its full size.
public enum Gzip {
    public static func decompress(_ input: [UInt8], limit: Int = 1 << 31) -> Result<[UInt8], GzipError> {
        let inflater = GzipInflater()
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4) + 1)
        let status = input.withUnsafeBufferPointer { inflater.feed($0, into: &output, limit: limit) }
        return inflater.finish(status, output: output, limit: limit)
    }

    /// Inflates a file read in chunks: the compressed bytes are never held whole either.
    public static func decompress(fileDescriptor fd: Int32, limit: Int) -> Result<[UInt8], GzipError> {
        let inflater = GzipInflater()
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var status = GzipInflater.Status.needInput
        while status == .needInput {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            status = chunk.withUnsafeBufferPointer { inflater.feed(UnsafeBufferPointer(rebasing: $0.prefix(count)), into: &output, limit: limit) }
        }
        return inflater.finish(status, output: output, limit: limit)
    }
}

/// One zlib inflate state fed chunk by chunk; concatenated gzip members are read as one stream.
final class GzipInflater {
    enum Status: Equatable {
        /// Everything fed so far is inflated; more input may follow.
        case needInput
        /// The last member ended exactly at the end of the input fed.
        case ended
        case overLimit
        case failed(String)
    }

    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let ready: Bool
    private var memberEnded = false
    private var producedAny = false

    init() {
        stream.initialize(to: z_stream())
        // 15 + 32: accept both gzip and zlib headers.
        ready = scour_inflateInit2(stream, 15 + 32) == Z_OK
    }

    deinit {
        if ready { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func feed(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], limit: Int) -> Status {
        guard ready else { return .failed("cannot initialise zlib") }
        guard let base = input.baseAddress, !input.isEmpty else { return memberEnded ? .ended : .needInput }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        stream.pointee.avail_in = uInt(input.count)
        var out = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if memberEnded {
                // Concatenated gzip members: start the next one.
                inflateReset(stream)
                memberEnded = false
            }
            var status: Int32 = Z_OK
            var produced = 0
            out.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = uInt(outBuffer.count)
                status = inflate(stream, Z_NO_FLUSH)
                produced = outBuffer.count - Int(stream.pointee.avail_out)
            }
            if produced > 0 {
                producedAny = true
                // Never keep more than one byte past the limit: that byte proves the overflow.
                output.append(contentsOf: out.prefix(min(produced, limit + 1 - output.count)))
                if output.count > limit { return .overLimit }
            }
            switch status {
            case Z_STREAM_END:
                memberEnded = true
                if stream.pointee.avail_in == 0 { return .ended }
            case Z_OK:
                if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return .needInput }
            case Z_BUF_ERROR:
                return .needInput
            default:
                return .failed(stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)")
            }
        }
    }

    /// The result once the input is all fed: a stream cut short still yields what it had;
    /// one that yields nothing is not gzip.
    func finish(_ status: Status, output: [UInt8], limit: Int) -> Result<[UInt8], GzipError> {
        switch status {
        case .overLimit: return .failure(.tooLarge(limit: limit))
        case let .failed(message): return .failure(.corrupt(message))
        case .ended: return .success(output)
        case .needInput:
            return producedAny ? .success(output) : .failure(.corrupt(memberEnded ? "no data" : "unexpected end of file"))
        }
    }
}
