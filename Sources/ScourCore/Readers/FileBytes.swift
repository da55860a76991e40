import Foundation

/// Why a file's bytes could not be read, worded for the rejects file.
enum FileReadProblem: Error, Equatable {
    case missing
    case notRegular(kind: String)
    case permissionDenied
    case overLimit(size: Int, limit: Int)
    case gunzipOverLimit(limit: Int)
    case gzip(GzipError)
    case failed(String)

    var rejection: Rejection {
        switch self {
        case .missing: return Rejection(stage: "input", reason: "no such file or folder")
        case let .notRegular(kind): return Rejection(stage: "input", reason: "not a regular file (\(kind))")
        case .permissionDenied: return Rejection(stage: "input", reason: "permission denied")
        case let .overLimit(size, limit): return Rejection(stage: "read", reason: "input is \(size) bytes, over max_bytes \(limit)")
        case let .gunzipOverLimit(limit): return Rejection(stage: "read", reason: "gunzipped input is over max_bytes \(limit)")
        case let .gzip(error): return Rejection(stage: "input", reason: error.description)
        case let .failed(reason): return Rejection(stage: "input", reason: "cannot read file: \(reason)")
        }
    }
}

/// Reads one input file by its path bytes, with memory bounded by `maxBytes`: the size
/// comes from the file's metadata before anything is read, and gzip stops inflating
/// at the limit. Only regular files are read (a FIFO or device could block or never end).
enum FileBytes {
    static func read(_ path: [UInt8], maxBytes: Int, gunzip: Bool) -> Result<[UInt8], FileReadProblem> {
        var info = stat()
        guard SourceName.withCPath(path, { stat($0, &info) }) == 0 else { return .failure(problem(errno)) }
        if let kind = kind(of: info.st_mode) { return .failure(.notRegular(kind: kind)) }
        let fd = SourceName.withCPath(path) { open($0, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK) }
        guard fd >= 0 else { return .failure(problem(errno)) }
        defer { close(fd) }
        // Checked again on the open file: the path may have been swapped since the stat.
        guard fstat(fd, &info) == 0 else { return .failure(problem(errno)) }
        if let kind = kind(of: info.st_mode) { return .failure(.notRegular(kind: kind)) }
        let size = Int(info.st_size)
        if size > maxBytes { return .failure(.overLimit(size: size, limit: maxBytes)) }
        if gunzip {
            switch Gzip.decompress(fileDescriptor: fd, limit: maxBytes) {
            case let .success(bytes): return .success(bytes)
            case .failure(.tooLarge): return .failure(.gunzipOverLimit(limit: maxBytes))
            case let .failure(error): return .failure(.gzip(error))
            }
        }
        return readAll(fd, expected: size, limit: maxBytes)
    }

    /// Reads to the end; a file that grew since the stat is still cut at the limit.
    private static func readAll(_ fd: Int32, expected: Int, limit: Int) -> Result<[UInt8], FileReadProblem> {
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                if bytes.count > limit { return .failure(.overLimit(size: filled, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(problem(errno))
            }
            if count == 0 { break }
            filled += count
        }
        if filled > limit { return .failure(.overLimit(size: filled, limit: limit)) }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }

    /// The file's metadata (following symlinks), or nil with errno set.
    static func status(_ path: [UInt8]) -> stat? {
        var info = stat()
        return SourceName.withCPath(path, { stat($0, &info) }) == 0 ? info : nil
    }

    /// What a non-regular file is, or nil for a regular file.
    private static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    private static func problem(_ code: Int32) -> FileReadProblem {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case EACCES, EPERM: return .permissionDenied
        default: return .failed(String(cString: strerror(code)))
        }
    }
}
