import Foundation

/// Repairs what a killed run left in the `runs` layout, at the start of the next run.
extension RunFolder {
    /// A run the state never committed loses its folder (its inputs are processed again).
    /// A committed run missing from `manifest.jsonl` is finished: its temporary files are
    /// removed, its report and manifest written if the crash came before them (counts
    /// taken from its output and rejects files), and it is listed, so downstream jobs
    /// still see its documents exactly once. Returns what was removed or repaired.
    public static func recover(root: String, state: RunState) throws(StateError) -> [String] {
        var repaired: [String] = []
        let listed = listedRuns(root: root)
        for (runID, _) in try state.completeRuns() where !listed.contains(runID) && !runID.hasPrefix("file-") {
            let folder = RunFolder(root: root, runID: runID)
            repaired += folder.removeTemporaryFiles()
            let details = try state.runDetails(id: runID)
            do throws(OutputError) {
                try folder.finishListing(details: details)
                repaired.append("\(folder.manifestPath) (listed again)")
            } catch {
                throw .query(path: folder.manifestListPath, sql: "recover manifest", reason: error.description)
            }
        }
        for runID in try state.unfinishedRuns() {
            let folder = root + "/" + runID
            if FileManager.default.fileExists(atPath: folder) {
                try? FileManager.default.removeItem(atPath: folder)
                repaired.append(folder)
            }
            try state.forgetRun(id: runID)
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: root) {
            for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
                try? FileManager.default.removeItem(atPath: root + "/" + name)
                repaired.append(root + "/" + name)
            }
        }
        return repaired
    }

    /// Temporary files of a killed writer (`.part-00000.jsonl.tmp-PID`, `report.html.body.tmp-PID`).
    func removeTemporaryFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.contains(".tmp-") }.sorted().map { name in
            let path = folder + "/" + name
            unlink(path)
            return path
        }
    }

    /// Lists a committed run, writing its manifest and report first when they are missing.
    private func finishListing(details: (started: String, ended: String?, configHash: String)?) throws(OutputError) {
        if let data = FileManager.default.contents(atPath: manifestPath),
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .newlines),
           (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] {
            try list(manifestText: text)
            return
        }
        let summary = recount(details: details)
        // A folder moved away entirely is listed as before, without a report to rebuild.
        if FileManager.default.fileExists(atPath: folder), !FileManager.default.fileExists(atPath: reportPath) {
            let report = try RunReport(path: reportPath, documentLimit: 0)
            try report.finish(summary: summary)
        }
        guard case var .object(fields) = summary.json(configHash: details?.configHash) else { return }
        fields.insert(("recovered", .bool(true)), at: 1)
        try publish(manifest: .object(fields))
    }

    /// The run's counts, read back from its output and rejects files. Unchanged inputs leave
    /// no line, so `inputs` counts the written and rejected ones.
    private func recount(details: (started: String, ended: String?, configHash: String)?) -> RunSummary {
        var summary = RunSummary()
        summary.runID = runID
        let formatter = ISO8601DateFormatter()
        if let started = details.flatMap({ formatter.date(from: $0.started) }) {
            summary.started = started
            if let ended = details?.ended.flatMap(formatter.date(from:)) { summary.seconds = ended.timeIntervalSince(started) }
        }
        summary.outputFile = partPath
        summary.rejectsFile = rejectsPath
        Self.forEachLine(partPath) { object in
            summary.written += 1
            if object["duplicate_of"] is String { summary.duplicates += 1 }
        }
        Self.forEachLine(rejectsPath) { object in
            summary.rejected += 1
            if let reason = object["reason"] as? String { summary.rejectReasons[reason, default: 0] += 1 }
        }
        summary.inputs = summary.written + summary.rejected
        return summary
    }

    /// Each JSON object line of a file, read in chunks (an output file may be large).
    private static func forEachLine(_ path: String, _ body: ([String: Any]) -> Void) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var carry = Data()
        func emit(_ line: Data) {
            if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { body(object) }
        }
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            carry.append(chunk)
            var start = carry.startIndex
            while let newline = carry[start...].firstIndex(of: 0x0A) {
                emit(carry[start..<newline])
                start = newline + 1
            }
            carry = Data(carry[start...])
        }
        if !carry.isEmpty { emit(carry) }
    }
}
