import Foundation

/// What the state remembers of one input: enough to tell, on the next run, that it has not changed.
public struct InputRecord: Sendable, Equatable {
    public var source: String
    public var size: Int64
    public var modified: Int64
    public var contentHash: String
    /// `written`, `duplicate` or `rejected`.
    public var outcome: String
    public var documentID: String?
}

/// What the state remembers of one written document, for dedup across runs.
public struct DocumentRecord: Sendable, Equatable {
    public var id: String
    public var contentHash: String
    public var signature: [UInt64]
    public var shingles: Int
    public var source: String
    public var outputFile: String
}

/// The run's embedded state: inputs seen, documents written with their near-duplicate
/// signatures, and runs, in one SQLite file. A run's rows are committed in one
/// transaction after its output is safely on disk.
public final class RunState {
    public let database: SQLiteDatabase

    public init(path: String) throws(StateError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .open(path: path, reason: "cannot create folder \(directory)")
            }
        }
        database = try SQLiteDatabase(path: path)
        try database.execute("""
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY, started TEXT NOT NULL, ended TEXT, status TEXT NOT NULL,
            config_hash TEXT NOT NULL, output_file TEXT);
        CREATE TABLE IF NOT EXISTS inputs (
            source TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, content_hash TEXT NOT NULL,
            outcome TEXT NOT NULL, document_id TEXT, run_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, signature BLOB NOT NULL, shingles INTEGER NOT NULL, source TEXT NOT NULL,
            output_file TEXT NOT NULL, run_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS documents_by_hash ON documents(content_hash);
        CREATE TABLE IF NOT EXISTS document_bands (band INTEGER NOT NULL, bucket INTEGER NOT NULL, document_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS document_bands_lookup ON document_bands(band, bucket);
        CREATE INDEX IF NOT EXISTS document_bands_by_document ON document_bands(document_id);
        """)
    }

    public func input(_ source: String) throws(StateError) -> InputRecord? {
        let rows = try database.query(
            "SELECT size, modified, content_hash, outcome, document_id FROM inputs WHERE source = ?", [.text(source)])
        guard let row = rows.first, let size = row[0].int, let modified = row[1].int,
              let hash = row[2].text, let outcome = row[3].text else { return nil }
        return InputRecord(source: source, size: size, modified: modified, contentHash: hash, outcome: outcome,
                           documentID: row[4].text)
    }

    /// The id of an earlier document with exactly this text, if any.
    public func document(withContentHash hash: String) throws(StateError) -> String? {
        try database.query("SELECT id FROM documents WHERE content_hash = ? LIMIT 1", [.text(hash)]).first?[0].text
    }

    /// Earlier documents sharing an LSH bucket with the given bands, with their signatures: the
    /// first `perBucket` stored in each bucket (as the in-memory buckets keep), each once.
    public func candidates(bands: [Int64], perBucket: Int) throws(StateError) -> [(id: String, signature: [UInt64], shingles: Int)] {
        var ids: [String] = []
        var seen: Set<String> = []
        for (band, bucket) in bands.enumerated() {
            let rows = try database.query(
                "SELECT document_id FROM document_bands WHERE band = ? AND bucket = ? ORDER BY rowid LIMIT ?",
                [.int(Int64(band)), .int(bucket), .int(Int64(perBucket))])
            for row in rows { if let id = row[0].text, seen.insert(id).inserted { ids.append(id) } }
        }
        var found: [(id: String, signature: [UInt64], shingles: Int)] = []
        for id in ids {
            let row = try database.query("SELECT signature, shingles FROM documents WHERE id = ?", [.text(id)]).first
            if let blob = row?[0].blob, let count = row?[1].int {
                found.append((id, MinHash.decode(blob), Int(count)))
            }
        }
        return found
    }

    /// Runs that started but never committed: their output folders are leftovers of a crash.
    public func unfinishedRuns() throws(StateError) -> [String] {
        try database.query("SELECT run_id FROM runs WHERE status != 'complete' ORDER BY run_id").compactMap { $0[0].text }
    }

    /// Committed runs, oldest first, with their output files.
    public func completeRuns() throws(StateError) -> [(String, String?)] {
        try database.query("SELECT run_id, output_file FROM runs WHERE status = 'complete' ORDER BY run_id")
            .compactMap { row in row[0].text.map { ($0, row[1].text) } }
    }

    /// When a run started and ended (ISO 8601, as stored) and its config hash.
    public func runDetails(id: String) throws(StateError) -> (started: String, ended: String?, configHash: String)? {
        guard let row = try database.query("SELECT started, ended, config_hash FROM runs WHERE run_id = ?", [.text(id)]).first,
              let started = row[0].text else { return nil }
        return (started, row[1].text, row[2].text ?? "")
    }

    public func beginRun(id: String, started: String, configHash: String) throws(StateError) {
        try database.query("INSERT OR REPLACE INTO runs (run_id, started, status, config_hash) VALUES (?, ?, 'running', ?)",
                           [.text(id), .text(started), .text(configHash)])
    }

    public func forgetRun(id: String) throws(StateError) {
        try database.query("DELETE FROM runs WHERE run_id = ?", [.text(id)])
    }

    /// Records a finished run, its inputs and documents, all at once.
    public func commitRun(id: String, ended: String, outputFile: String?, inputs: [InputRecord],
                          documents: [DocumentRecord], bands: MinHash) throws(StateError) {
        try database.transaction { () throws(StateError) in
            for input in inputs {
                try database.query("""
                INSERT OR REPLACE INTO inputs (source, size, modified, content_hash, outcome, document_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.text(input.source), .int(input.size), .int(input.modified), .text(input.contentHash),
                      .text(input.outcome), input.documentID.map(SQLValue.text) ?? .null, .text(id)])
            }
            for document in documents {
                try database.query("""
                INSERT OR REPLACE INTO documents (id, content_hash, signature, shingles, source, output_file, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.text(document.id), .text(document.contentHash), .blob(MinHash.encode(document.signature)),
                      .int(Int64(document.shingles)),
                      .text(document.source), .text(document.outputFile), .text(id)])
                try database.query("DELETE FROM document_bands WHERE document_id = ?", [.text(document.id)])
                for (band, bucket) in bands.bands(of: document.signature).enumerated() {
                    try database.query("INSERT INTO document_bands (band, bucket, document_id) VALUES (?, ?, ?)",
                                       [.int(Int64(band)), .int(bucket), .text(document.id)])
                }
            }
            try database.query("UPDATE runs SET status = 'complete', ended = ?, output_file = ? WHERE run_id = ?",
                               [.text(ended), outputFile.map(SQLValue.text) ?? .null, .text(id)])
        }
    }
}
