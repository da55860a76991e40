/// The fetch side of the run state: each URL's ETag and Last-Modified, for conditional
/// requests on later runs, and where its response was archived (for a later 304's revisit
/// record). Its own table in the run's SQLite file.
public struct FetchState {
    /// What a URL's validators vouch for. Kept apart: a page `scour fetch` archived but no
    /// run cleaned must still be fetched in full by `scour run`, and the other way round.
    public enum Table: String, Sendable {
        /// Pages whose documents a committed `scour run` wrote or rejected.
        case cleaned = "fetched_urls"
        /// Pages a finished `scour fetch` archived.
        case archived = "archived_urls"
        /// Feeds and sitemaps whose entries a committed `scour run` all took (see `FeedCrawl`).
        case feeds = "feed_urls"
    }

    let database: SQLiteDatabase
    let table: Table

    /// Columns added after the first release: state files written before them get them on open.
    static let addedColumns = ["record_id", "record_date", "record_uri", "record_digest"]

    public init(_ state: RunState, table: Table = .cleaned) throws(StateError) {
        database = state.database
        self.table = table
        try database.execute("""
        CREATE TABLE IF NOT EXISTS \(table.rawValue) (
            url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched TEXT NOT NULL,
            record_id TEXT, record_date TEXT, record_uri TEXT, record_digest TEXT);
        """)
        let present = Set(try database.query("PRAGMA table_info(\(table.rawValue))").compactMap { $0.count > 1 ? $0[1].text : nil })
        for column in Self.addedColumns where !present.contains(column) {
            try database.execute("ALTER TABLE \(table.rawValue) ADD COLUMN \(column) TEXT")
        }
    }

    public func validators(for url: String) throws(StateError) -> FetchValidators? {
        let sql = "SELECT etag, last_modified, record_id, record_date, record_uri, record_digest FROM \(table.rawValue) WHERE url = ?"
        guard let row = try database.query(sql, [.text(url)]).first else { return nil }
        var found = FetchValidators(etag: row[0].text, lastModified: row[1].text)
        if let id = row[2].text, let date = row[3].text, let uri = row[4].text {
            found.capture = ArchivedCapture(recordID: id, date: date, targetURI: uri, payloadDigest: row[5].text)
        }
        return found.isEmpty ? nil : found
    }

    /// Stores what this run learned, in one transaction; called only after the run's output (or the
    /// fetch's archive) is committed, so a URL is never "not modified" unless that output holds it.
    public func remember(_ learned: [String: FetchValidators], at date: String) throws(StateError) {
        guard !learned.isEmpty else { return }
        try database.transaction { () throws(StateError) in
            for (url, validators) in learned.sorted(by: { $0.key < $1.key }) {
                func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
                try database.query("""
                    INSERT OR REPLACE INTO \(table.rawValue) (url, etag, last_modified, fetched, record_id, record_date, record_uri, record_digest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.text(url), text(validators.etag), text(validators.lastModified), .text(date),
                          text(validators.capture?.recordID), text(validators.capture?.date), text(validators.capture?.targetURI),
                          text(validators.capture?.payloadDigest)])
            }
        }
    }
}
