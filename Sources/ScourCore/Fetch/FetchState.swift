/// The fetch side of the run state: each URL's ETag and Last-Modified, for conditional
/// requests on later runs. Its own table in the run's SQLite file.
public struct FetchState {
    let database: SQLiteDatabase

    public init(_ state: RunState) throws(StateError) {
        database = state.database
        try database.execute("""
        CREATE TABLE IF NOT EXISTS fetched_urls (
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched TEXT NOT NULL);
        """)
    }

    public func validators(for url: String) throws(StateError) -> FetchValidators? {
        guard let row = try database.query("SELECT etag, last_modified FROM fetched_urls WHERE url = ?", [.text(url)]).first else {
            return nil
        }
        let found = FetchValidators(etag: row[0].text, lastModified: row[1].text)
        return found.isEmpty ? nil : found
    }

    /// Stores what this run learned, in one transaction; called only after the run's output is committed,
    /// so a URL is never "not modified" unless its document was written (or rejected) by a committed run.
    public func remember(_ learned: [String: FetchValidators], at date: String) throws(StateError) {
        guard !learned.isEmpty else { return }
        try database.transaction { () throws(StateError) in
            for (url, validators) in learned.sorted(by: { $0.key < $1.key }) {
                try database.query("INSERT OR REPLACE INTO fetched_urls (url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)",
                                   [.text(url), validators.etag.map(SQLValue.text) ?? .null,
                                    validators.lastModified.map(SQLValue.text) ?? .null, .text(date)])
            }
        }
    }
}
