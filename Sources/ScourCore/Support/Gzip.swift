import CZlib

public enum GzipError: Error, Sendable, CustomStringConvertible {
    case corrupt(String)
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case let .corrupt(detail): return "gzip data is corrupt: \(detail)"
        case let .tooLarge(limit): return "gzip data expands past \(limit) bytes"
        }
    }
}

/// gzip (and zlib) decompression through the system zlib.
public enum Gzip {
    public static func decompress(_ input: [UInt8], limit: Int = 1 << 31) -> Result<[UInt8], GzipError> {
        var stream = z_stream()
        // 15 + 32: accept both gzip and zlib headers.
        guard scour_inflateInit2(&stream, 15 + 32) == Z_OK else { return .failure(.corrupt("cannot initialise zlib")) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
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
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = outBuffer.count - Int(stream.avail_out)
                    output.append(contentsOf: outBuffer.prefix(produced))
                }
                if status == Z_STREAM_END, stream.avail_in > 0 {
                    // Concatenated gzip members: start the next one.
                    inflateReset(&stream)
                    status = Z_OK
                }
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { return .failure(.tooLarge(limit: limit)) }
        // A stream cut short still yields what it had; one that yields nothing is not gzip.
        guard status == Z_STREAM_END || (status == Z_OK && stream.avail_in == 0 && !output.isEmpty) else {
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            return .failure(.corrupt(message))
        }
        return .success(output)
    }
}
