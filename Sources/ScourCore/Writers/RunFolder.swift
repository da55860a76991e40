import Foundation

/// The `runs` output layout: `<dir>/<run-id>/part-00000.jsonl`, `rejects.jsonl` and
/// `manifest.json` per run, `<dir>/manifest.jsonl` listing finished runs (one line
/// each, appended), and `<dir>/latest` pointing at the newest finished run.
public struct RunFolder: Sendable {
    public let root: String
    public let runID: String

    public var folder: String { root + "/" + runID }
    public var partPath: String { folder + "/part-00000.jsonl" }
    public var rejectsPath: String { folder + "/rejects.jsonl" }
    public var manifestPath: String { folder + "/manifest.json" }
    public var reportPath: String { folder + "/report.html" }
    public var manifestListPath: String { root + "/manifest.jsonl" }
    public var latestPath: String { root + "/latest" }

    public init(root: String, runID: String) {
        self.root = root
        self.runID = runID
    }

    /// Sortable, unique enough for runs a second apart or started together.
    public static func newRunID(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date) + "-" + String(format: "%04x", UInt16.random(in: 0...UInt16.max))
    }

    /// Run ids already listed in `manifest.jsonl`.
    static func listedRuns(root: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: root + "/manifest.jsonl") else { return [] }
        var ids = Set<String>()
        for line in data.split(separator: 0x0A) {
            if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let id = object["run_id"] as? String {
                ids.insert(id)
            }
        }
        return ids
    }

    /// Writes the run's manifest, lists it in `manifest.jsonl` and points `latest` at it.
    public func publish(manifest: JSONValue) throws(OutputError) {
        try writeManifest(manifest)
        try list(manifestText: manifest.serialized())
    }

    /// Writes `manifest.json` in the run's folder. The runner does this (and the report)
    /// before the state commits the run, so a committed run's folder is always complete.
    public func writeManifest(_ manifest: JSONValue) throws(OutputError) {
        let writer = try AtomicFileWriter(path: manifestPath)
        try writer.writeLine(manifest.serialized())
        try writer.commit()
    }

    /// Lists the run in `manifest.jsonl` and points `latest` at it: the run is published.
    public func list(manifestText text: String) throws(OutputError) {
        try appendLine(text, to: manifestListPath)
        let temporary = root + "/.latest.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        guard symlink(runID, temporary) == 0, rename(temporary, latestPath) == 0 else {
            throw .writeFailed(path: latestPath, reason: String(cString: strerror(errno)))
        }
    }

    /// Appends one line and syncs it, so a listed run is never half a line.
    private func appendLine(_ line: String, to path: String) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
