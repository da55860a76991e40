import Foundation

public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "\(path): cannot create output: \(reason)"
        case let .writeFailed(path, reason): return "\(path): cannot write output: \(reason)"
        }
    }
}

/// Writes lines to `<path>.tmp-<pid>` and renames it over `path` on `commit()`,
/// so readers never see a half-written file.
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var pending = Data()

    public init(path: String) throws(OutputError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: path, reason: Self.reason(error))
        }
        temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw .cannotCreate(path: path, reason: "folder \(directory) is not writable")
        }
        self.handle = handle
    }

    public func writeLine(_ line: String) throws(OutputError) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        if pending.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(OutputError) {
        guard !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw .writeFailed(path: path, reason: Self.reason(error))
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and moves the file into place.
    public func commit() throws(OutputError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .writeFailed(path: path, reason: Self.reason(error))
        }
        if rename(temporaryPath, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .writeFailed(path: path, reason: message)
        }
    }

    /// Drops the temporary file; the previous output, if any, stays as it was.
    public func abandon() {
        try? handle.close()
        unlink(temporaryPath)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
