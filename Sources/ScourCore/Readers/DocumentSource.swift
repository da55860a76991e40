/// What a source hands the runner: a document to clean, or an input it could not read.
public enum SourceItem: Sendable {
    case document(Document)
    case rejected(source: String, Rejection)
    /// The state says this input has not changed since it was last processed.
    case unchanged(source: String)
}

/// A stream of documents from the run's inputs. Sources pull lazily, so a large
/// folder, archive or URL list is never held in memory at once.
public protocol DocumentSource {
    mutating func next() -> SourceItem?
}

/// Files and folders on disk: one document per file.
public struct FileSource: DocumentSource {
    private var items: IndexingIterator<[InputItem]>
    /// When set, files get fingerprints, and those it calls unchanged are not read again.
    private let previous: ((String) -> InputFingerprint?)?
    /// The WARC archive being read, record by record, before the next file.
    private var archive: WARCSource?
    /// Larger files are rejected from their size, before reading (the read stage's `max_bytes`).
    private let maxBytes: Int

    /// `previous` returns what the state remembers of a path (nil: never seen).
    public init(paths: [String], maxBytes: Int = 64 << 20, previous: ((String) -> InputFingerprint?)? = nil) {
        items = InputCollector.collect(paths).makeIterator()
        self.maxBytes = maxBytes
        self.previous = previous
    }

    public mutating func next() -> SourceItem? {
        if archive != nil {
            if let record = archive!.next() { return record }
            archive = nil
        }
        guard let item = items.next() else { return nil }
        if item.isArchive {
            archive = WARCSource(path: item.source, maxBytes: maxBytes)
            return next()
        }
        var known: InputFingerprint?
        var current: InputFingerprint?
        if let previous, item.problem == nil {
            known = previous(item.source)
            current = InputFingerprint.stat(item.source)
            // Same size and time: unchanged without reading a byte.
            if let known, let current, known.size == current.size, known.modified == current.modified {
                return .unchanged(source: item.source)
            }
        }
        switch InputCollector.load(item, maxBytes: maxBytes) {
        case var .success(document):
            if var fingerprint = current {
                fingerprint.contentHash = SHA256.hex(bytes: document.raw ?? [])
                // Touched but not changed: same bytes as last time.
                if let known, known.contentHash == fingerprint.contentHash { return .unchanged(source: item.source) }
                document.fingerprint = fingerprint
            }
            return .document(document)
        case let .failure(rejection):
            return .rejected(source: item.source, rejection)
        }
    }
}
