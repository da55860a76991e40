import Foundation

/// Everything one run writes, open from the first line to the commit: the output and rejects
/// sinks, the run folder and its report (`runs` layout), the duplicate detector, and the input
/// and document records the state stores at the end. `write` takes groups of outcomes in input
/// order; `commit` delivers the output and then the state; `abandon` leaves earlier output and
/// the state as they were.
final class OutputSession {
    private(set) var summary = RunSummary()
    private let settings: Runner
    private let state: RunState?
    private let folder: RunFolder?
    private let writer: any LineSink
    private let rejects: any LineSink
    private let detector: DuplicateDetector?
    private let report: RunReport?
    private var inputRecords: [InputRecord] = []
    private var documentRecords: [DocumentRecord] = []
    /// Body words per host, for the manifest (`runs` layout only: the index over runs reads them).
    private var hostWords: HostWordCounts?

    /// Opens the run: recovers what a killed run left (`runs` layout), begins the run in the
    /// state and creates the output, rejects and report files.
    init(settings: Runner, state: RunState?, warn: (String) -> Void) throws(RunError) {
        self.settings = settings
        self.state = state
        let output = settings.output
        var folder: RunFolder?
        if output.layout == .runs, let state {
            do throws(StateError) {
                for leftover in try RunFolder.recover(root: output.directory, state: state) {
                    warn("\(leftover): removed, left by an interrupted run")
                }
                let runFolder = RunFolder(root: output.directory, runID: RunFolder.newRunID(at: summary.started))
                try state.beginRun(id: runFolder.runID, started: RunSummary.iso(summary.started),
                                   configHash: settings.configHash ?? "")
                folder = runFolder
            } catch {
                throw .state(error)
            }
        }
        self.folder = folder
        if folder != nil { hostWords = HostWordCounts() }
        summary.runID = folder?.runID
        summary.outputFile = folder?.partPath ?? output.path
        summary.rejectsFile = folder?.rejectsPath ?? output.rejects
        let writer: any LineSink, rejects: any LineSink
        do throws(OutputError) {
            if let sink = settings.outputSink { writer = sink } else { writer = try AtomicFileWriter(path: summary.outputFile!) }
            do throws(OutputError) {
                if let sink = settings.rejectsSink { rejects = sink } else { rejects = try AtomicFileWriter(path: summary.rejectsFile!) }
            } catch {
                writer.abandon()
                throw error
            }
        } catch {
            throw .output(error)
        }
        self.writer = writer
        self.rejects = rejects
        if settings.outputSink != nil { summary.outputFile = nil }
        detector = settings.duplicates.enabled ? DuplicateDetector(config: settings.duplicates, state: state) : nil
        var report: RunReport?
        if let folder, settings.reportDocuments > 0 {
            do throws(OutputError) {
                report = try RunReport(path: folder.reportPath, documentLimit: settings.reportDocuments)
            } catch {
                writer.abandon()
                rejects.abandon()
                throw .output(error)
            }
        }
        self.report = report
    }

    deinit { report?.abandon() }

    /// Writes a group of outcomes in input order: duplicate checks, output and reject lines;
    /// `warn` gets each reject and decoding note.
    func write(_ outcomes: [WindowCleaner.Outcome], warn: (String) -> Void) throws(RunError) {
        guard !outcomes.isEmpty else { return }
        for outcome in outcomes {
            summary.inputs += 1
            switch outcome.result {
            case .none:
                summary.unchanged += 1
            case let .failure(rejection)?:
                try reject(outcome.source, rejection, fingerprint: outcome.fingerprint, warn: warn)
            case let .success(cleaned)?:
                try write(cleaned, of: outcome, warn: warn)
            }
        }
        do throws(OutputError) {
            try writer.flushBatch()
            try rejects.flushBatch()
        } catch {
            throw .output(error)
        }
        settings.progress?(summary.inputs)
    }

    /// One cleaned document: marked or dropped when it duplicates an earlier one, else remembered.
    private func write(_ cleaned: WindowCleaner.Outcome.Cleaned, of outcome: WindowCleaner.Outcome,
                       warn: (String) -> Void) throws(RunError) {
        var line = cleaned.line
        var outcomeName = "written"
        var duplicateOf: String?
        if let detector {
            let fingerprint = cleaned.contentPrint ?? detector.fingerprint(of: cleaned.document.bodyText)
            let original: String?
            do throws(StateError) { original = try detector.original(of: cleaned.id, fingerprint) } catch { throw .state(error) }
            if let original {
                summary.duplicates += 1
                if settings.duplicates.action == .drop {
                    try reject(outcome.source, Rejection(stage: "duplicates", reason: "duplicate of \(original)"),
                               fingerprint: outcome.fingerprint, warn: warn)
                    return
                }
                line = OutputRecord.json(for: cleaned.document, includeEvidence: settings.output.evidence,
                                         duplicateOf: original, id: cleaned.id).serialized()
                duplicateOf = original
                outcomeName = "duplicate"
            } else {
                detector.remember(cleaned.id, fingerprint)
                documentRecords.append(DocumentRecord(id: cleaned.id, contentHash: fingerprint.normalizedHash,
                                                      signature: fingerprint.signature, shingles: fingerprint.shingleCount,
                                                      source: outcome.source, outputFile: summary.outputFile ?? ""))
            }
        }
        if duplicateOf == nil { hostWords?.add(cleaned.document) }
        for note in cleaned.document.notes { warn("\(outcome.source): \(note)") }
        if cleaned.document.replacedSequences > 0 {
            summary.documentsWithReplacements += 1
            summary.replacedSequences += cleaned.document.replacedSequences
        }
        report?.add(cleaned.document, id: cleaned.id, duplicateOf: duplicateOf)
        do throws(OutputError) { try writer.writeLine(line) } catch { throw .output(error) }
        summary.written += 1
        if let fingerprint = outcome.fingerprint {
            inputRecords.append(InputRecord(source: outcome.source, size: fingerprint.size,
                                            modified: fingerprint.modified, contentHash: fingerprint.contentHash,
                                            outcome: outcomeName, documentID: cleaned.id))
        }
    }

    private func reject(_ source: String, _ rejection: Rejection, fingerprint: InputFingerprint?,
                        warn: (String) -> Void) throws(RunError) {
        warn("\(source): rejected at \(rejection.stage): \(rejection.reason)")
        do throws(OutputError) {
            try rejects.writeLine(Runner.rejectRecord(source: source, rejection).serialized())
        } catch {
            throw .output(error)
        }
        summary.rejected += 1
        summary.rejectReasons[rejection.reason, default: 0] += 1
        if let fingerprint {
            inputRecords.append(InputRecord(source: source, size: fingerprint.size, modified: fingerprint.modified,
                                            contentHash: fingerprint.contentHash, outcome: "rejected", documentID: nil))
        }
    }

    /// Delivers the run: output first (synced, renamed into place), then the state, then the
    /// report and the manifest line. A crash in between leaves a run the state never committed,
    /// which the next run removes and redoes.
    func commit(stats: [StageStats], interruptedBy: String?) throws(RunError) -> RunSummary {
        summary.interruptedBy = interruptedBy
        do throws(OutputError) {
            try writer.commit()
            try rejects.commit()
        } catch {
            throw .output(error)
        }
        summary.stages = stats
        summary.seconds = Date().timeIntervalSince(summary.started)
        summary.exactDuplicates = detector?.exactMatches ?? 0
        summary.peakRSSBytes = SpeedBench.peakRSSKiB().map { $0 * 1024 }
        summary.hostWords = hostWords?.stats() ?? []
        // The folder is completed before the state commits, so a crash after the commit
        // leaves only the listing in manifest.jsonl for the next run to do.
        if let folder {
            do throws(OutputError) {
                try report?.finish(summary: summary)
                try folder.writeManifest(summary.json(configHash: settings.configHash))
            } catch {
                throw .output(error)
            }
        }
        if let state, let id = folder?.runID ?? Optional("file-\(RunFolder.newRunID(at: summary.started))") {
            do throws(StateError) {
                if folder == nil {
                    try state.beginRun(id: id, started: RunSummary.iso(summary.started), configHash: settings.configHash ?? "")
                }
                try state.commitRun(id: id, ended: RunSummary.iso(Date()), outputFile: summary.outputFile,
                                    inputs: inputRecords, documents: documentRecords,
                                    bands: MinHash(shingleSize: settings.duplicates.shingleSize))
            } catch {
                throw .state(error)
            }
        }
        if let folder {
            do throws(OutputError) {
                try folder.list(manifestText: summary.json(configHash: settings.configHash).serialized())
            } catch {
                throw .output(error)
            }
        }
        return summary
    }

    /// Rewrites `index.html` over the runs (`runs` layout). The run is listed by then, so a
    /// failure here is a warning, not a failed run.
    func refreshIndex(warn: (String) -> Void) {
        guard let folder else { return }
        do throws(RunIndexError) {
            try RunIndexPage.refresh(root: folder.root)
        } catch {
            warn("\(error)")
        }
    }

    /// Removes what this run wrote to temporary files; earlier output stays as it was.
    func abandon() {
        writer.abandon()
        rejects.abandon()
    }
}
