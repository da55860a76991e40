/// What a source hands the runner: a document to clean, or an input it could not read.
public enum SourceItem: Sendable {
    case document(Document)
    case rejected(source: String, Rejection)
}

/// A stream of documents from the run's inputs. Sources pull lazily, so a large
/// folder, archive or URL list is never held in memory at once.
public protocol DocumentSource {
    mutating func next() -> SourceItem?
}

/// Files and folders on disk: one document per file.
public struct FileSource: DocumentSource {
    private var items: IndexingIterator<[InputItem]>

    public init(paths: [String]) {
        items = InputCollector.collect(paths).makeIterator()
    }

    public mutating func next() -> SourceItem? {
        guard let item = items.next() else { return nil }
        switch InputCollector.load(item) {
        case let .success(document): return .document(document)
        case let .failure(rejection): return .rejected(source: item.source, rejection)
        }
    }
}
