import Foundation

public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// The path names a folder, socket or block device: refused, never replaced.
    case notAFile(path: String, kind: String)

    public var description: String {
        switch self {
        case let .notAFile(path, kind):
            return "\(path): is \(kind), not a file: name a file, a character device (/dev/null, /dev/stdout) or a FIFO"
        case let .cannotCreate(path, reason): return "\(path): cannot create output: \(reason)"
        case let .writeFailed(path, reason): return "\(path): cannot write output: \(reason)"
        }
    }
}

/// Writes lines to `<path>.tmp-<pid>` and renames it over `path` on `commit()`,
/// so readers never see a half-written file. A character device or FIFO is written to
/// directly instead (see `OutputTarget`): renaming over it would replace it.
public final class AtomicFileWriter {
    public let path: String
    /// nil when writing straight to a device or FIFO.
    private let temporaryPath: String?
    private let finalPath: String
    private let handle: FileHandle
    private var pending = Data()

    public init(path: String) throws(OutputError) {
        self.path = path
        switch OutputTarget.of(path) {
        case let .refuse(kind):
            throw .notAFile(path: path, kind: kind)
        case .stream:
            // Blocks until a FIFO has a reader, as a shell's `>` does.
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            self.handle = handle
            temporaryPath = nil
            finalPath = path
        case let .replace(file):
            let url = URL(fileURLWithPath: file)
            let directory = url.deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: path, reason: Self.reason(error))
            }
            let temporaryPath = directory + "/." + url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporaryPath) else {
                throw .cannotCreate(path: path, reason: "folder \(directory) is not writable")
            }
            self.handle = handle
            self.temporaryPath = temporaryPath
            finalPath = file
        }
    }

    public func writeLine(_ line: String) throws(OutputError) {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        if pending.count >= 1 << 20 { try flush() }
    }

    /// Bytes as they are (a report copies its streamed parts this way).
    public func write(_ bytes: Data) throws(OutputError) {
        pending.append(bytes)
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
        guard let temporaryPath else {
            // A device or FIFO: delivered once written; fsync does not apply to them.
            try? handle.close()
            return
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .writeFailed(path: path, reason: Self.reason(error))
        }
        if rename(temporaryPath, finalPath) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .writeFailed(path: path, reason: message)
        }
    }

    /// A whole file at once: `body` writes into a new writer at `path`, which is then committed;
    /// on any error the temporary file is removed (the previous file stays) and the error passed on.
    static func write(path: String, _ body: (AtomicFileWriter) throws(OutputError) -> Void) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path)
        do throws(OutputError) {
            try body(writer)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Drops the temporary file; the previous output, if any, stays as it was.
    public func abandon() {
        try? handle.close()
        if let temporaryPath { unlink(temporaryPath) }
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
