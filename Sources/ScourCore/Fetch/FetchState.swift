/// The fetch side of the run state: each URL's ETag and Last-Modified, for conditional
/// requests on later runs. Its own table in the run's SQLite file.
public struct FetchState {
    /// What a URL's validators vouch for. Kept apart: a page `scour fetch` archived but no
    /// run cleaned must still be fetched in full by `scour run`, and the other way round.
    public enum Table: String, Sendable {
        /// Pages whose documents a committed `scour run` wrote or rejected.
        case cleaned = "fetched_urls"
        /// Pages a finished `scour fetch` archived.
        case archived = "archived_urls"
    }

    let database: SQLiteDatabase
    let table: Table

    public init(_ state: RunState, table: Table = .cleaned) throws(StateError) {
        database = state.database
        self.table = table
        try database.execute("""
        CREATE TABLE IF NOT EXISTS \(table.rawValue) (
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched TEXT NOT NULL);
        """)
    }

    public func validators(for url: String) throws(StateError) -> FetchValidators? {
        guard let row = try database.query("SELECT etag, last_modified FROM \(table.rawValue) WHERE url = ?", [.text(url)]).first else {
            return nil
        }
        let found = FetchValidators(etag: row[0].text, lastModified: row[1].text)
        return found.isEmpty ? nil : found
    }

    /// Stores what this run learned, in one transaction; called only after the run's output (or the
    /// fetch's archive) is committed, so a URL is never "not modified" unless that output holds it.
    public func remember(_ learned: [String: FetchValidators], at date: String) throws(StateError) {
        guard !learned.isEmpty else { return }
        try database.transaction { () throws(StateError) in
            for (url, validators) in learned.sorted(by: { $0.key < $1.key }) {
                try database.query("INSERT OR REPLACE INTO \(table.rawValue) (url, etag, last_modified, fetched) VALUES (?, ?, ?, ?)",
                                   [.text(url), validators.etag.map(SQLValue.text) ?? .null,
                                    validators.lastModified.map(SQLValue.text) ?? .null, .text(date)])
            }
        }
    }
}
