import Foundation

/// Why the index over runs could not be made.
public enum RunIndexError: Error, Sendable, CustomStringConvertible {
    case noManifest(path: String)
    case unreadable(path: String, reason: String)
    case output(OutputError)

    public var description: String {
        switch self {
        case let .noManifest(path):
            return "\(path): no such file: the index is made from the runs listed there; run `scour run` with output.layout \"runs\" first"
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .output(error): return "index: \(error.description)"
        }
    }
}

/// The newest runs listed in `manifest.jsonl`, oldest first. Only the end of the file is read
/// (backwards, in chunks, until enough lines are in hand), so making the index costs the same
/// after ten runs or ten thousand.
public struct RunHistory: Sendable {
    public var runs: [RunFigures]
    /// Lines that were not a manifest entry (skipped).
    public var unreadableLines = 0

    public init(runs: [RunFigures], unreadableLines: Int = 0) {
        self.runs = runs
        self.unreadableLines = unreadableLines
    }

    /// The last `count` runs of `root/manifest.jsonl`. A run listed twice keeps its last line.
    public static func read(root: String, count: Int) throws(RunIndexError) -> RunHistory {
        let path = root + "/manifest.jsonl"
        var info = stat()
        guard stat(path, &info) == 0 else { throw .noManifest(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: path, reason: "not a regular file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let lines: [Data]
        do {
            lines = try tailLines(handle, size: UInt64(info.st_size), count: count)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        var history = RunHistory(runs: [])
        var seen = Set<String>()
        // Newest first, so a run listed again keeps its last line.
        for line in lines.reversed() {
            guard let run = RunFigures(manifestLine: line) else {
                history.unreadableLines += 1
                continue
            }
            if seen.insert(run.runID).inserted { history.runs.append(run) }
        }
        history.runs.reverse()
        return history
    }

    /// The last `count` non-empty lines, read from the end in 256 KiB chunks.
    static func tailLines(_ handle: FileHandle, size: UInt64, count: Int) throws -> [Data] {
        let chunkSize: UInt64 = 256 * 1024
        var end = size
        var chunks: [Data] = []
        var newlines = 0
        // One more line than asked: the first line in the buffer may be cut.
        while end > 0, newlines <= count {
            let start = end > chunkSize ? end - chunkSize : 0
            try handle.seek(toOffset: start)
            let chunk = try handle.read(upToCount: Int(end - start)) ?? Data()
            newlines += chunk.withUnsafeBytes { bytes in bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            chunks.append(chunk)
            end = start
        }
        var buffer = Data()
        for chunk in chunks.reversed() { buffer.append(chunk) }
        // Lines from the end backwards, on the raw bytes (Data's own iteration is slow).
        var lines: [Data] = []
        buffer.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var lineEnd = bytes.count
            var index = bytes.count
            while index > 0, lines.count < count {
                index -= 1
                guard bytes[index] == 0x0A || index == 0 else { continue }
                // Unless the file was read from its start, the first piece may be the tail of a longer line.
                if index == 0, end > 0, bytes[0] != 0x0A { break }
                let lineStart = bytes[index] == 0x0A ? index + 1 : index
                if lineStart < lineEnd { lines.append(Data(bytes[lineStart..<lineEnd])) }
                lineEnd = index
            }
        }
        return lines.reversed()
    }
}
