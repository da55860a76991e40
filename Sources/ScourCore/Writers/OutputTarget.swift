import Foundation

/// What an output path names, decided before anything is written: a regular file (or
/// nothing yet) is replaced through a temporary file and a rename; a character device or
/// a FIFO (`/dev/null`, `/dev/stdout` on a terminal or pipe, a named pipe) is written to
/// directly, as a shell's `>` would; anything else is refused, so a folder, socket or
/// disk is never replaced or overwritten.
enum OutputTarget: Equatable {
    /// A regular file or no file: write `<file>.tmp-<pid>` beside `file`, then rename.
    /// `file` is the path with symlinks resolved, so a link keeps pointing at the new file.
    case replace(file: String)
    /// Open the path and write to it; nothing is renamed or removed.
    case stream
    case refuse(kind: String)

    static func of(_ path: String) -> OutputTarget {
        var info = stat()
        guard stat(path, &info) == 0 else { return .replace(file: path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // A symlink to a file (also /dev/stdout redirected to a file): replace what it points at.
            guard let resolved = realpath(path, nil) else { return .replace(file: path) }
            defer { free(resolved) }
            return .replace(file: String(cString: resolved))
        case S_IFCHR, S_IFIFO: return .stream
        case S_IFDIR: return .refuse(kind: "a folder")
        case S_IFSOCK: return .refuse(kind: "a socket")
        case S_IFBLK: return .refuse(kind: "a block device")
        default: return .refuse(kind: "not a regular file")
        }
    }
}
