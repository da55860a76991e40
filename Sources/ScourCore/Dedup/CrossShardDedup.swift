/// The second pass for sharded runs: each shard deduplicates within itself and keeps
/// its documents' signatures in its own state; this pass reads the states in order and
/// names every document that repeats one written earlier by another shard (or run).
public struct CrossShardDedup {
    public struct Finding: Sendable, Equatable {
        public var id: String
        public var duplicateOf: String
        public var source: String
        public var outputFile: String
    }

    public var config: DuplicatesConfig

    public init(config: DuplicatesConfig) {
        self.config = config
    }

    /// States are read in the order given; within one, documents in the order they were written.
    public func findings(statePaths: [String]) throws(StateError) -> [Finding] {
        let detector = DuplicateDetector(config: config, state: nil)
        var found: [Finding] = []
        for path in statePaths {
            let state = try RunState(path: path)
            let rows = try state.database.query("""
            SELECT d.id, d.content_hash, d.signature, d.shingles, d.source, d.output_file
            FROM documents d LEFT JOIN runs r ON r.run_id = d.run_id ORDER BY r.started, d.rowid
            """)
            for row in rows {
                guard let id = row[0].text, let hash = row[1].text, let blob = row[2].blob, let shingles = row[3].int else { continue }
                let fingerprint = DuplicateDetector.Fingerprint(normalizedHash: hash, signature: MinHash.decode(blob),
                                                                shingleCount: Int(shingles))
                if let original = try detector.original(of: id, fingerprint) {
                    found.append(Finding(id: id, duplicateOf: original, source: row[4].text ?? "", outputFile: row[5].text ?? ""))
                } else {
                    detector.remember(id, fingerprint)
                }
            }
        }
        return found
    }
}
