import Foundation

/// An exclusive lock on a file (flock), held for the life of the value, so two runs
/// on the same state never interleave. The kernel drops it if the process dies.
public final class RunLock {
    public let path: String
    private let descriptor: Int32

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case held(path: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(path): return "\(path): another scour run holds this lock; try again when it has finished"
            case let .cannotOpen(path, reason): return "\(path): cannot open lock file: \(reason)"
            }
        }
    }

    public init(path: String) throws(Failure) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .held(path: path)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
