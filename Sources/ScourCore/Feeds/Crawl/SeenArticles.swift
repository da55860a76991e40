/// Article URLs taken from feeds by earlier committed runs: a later run does not ask for them
/// again (unless `--full`). Its own table in the run's SQLite file, written after the run's
/// output is committed, like the fetch validators: an article is "seen" only once output or
/// rejects hold it.
public struct SeenArticles {
    let database: SQLiteDatabase

    public init(_ state: RunState) throws(StateError) {
        database = state.database
        try database.execute("""
        CREATE TABLE IF NOT EXISTS feed_articles (url TEXT PRIMARY KEY, feed TEXT NOT NULL, first_seen TEXT NOT NULL);
        """)
    }

    public func contains(_ url: String) throws(StateError) -> Bool {
        try !database.query("SELECT 1 FROM feed_articles WHERE url = ?", [.text(url)]).isEmpty
    }

    /// Records `articles` (URL → the feed that listed it) in one transaction; a URL already
    /// recorded keeps its first feed and date.
    public func remember(_ articles: [String: String], at date: String) throws(StateError) {
        guard !articles.isEmpty else { return }
        try database.transaction { () throws(StateError) in
            for (url, feed) in articles.sorted(by: { $0.key < $1.key }) {
                try database.query("INSERT OR IGNORE INTO feed_articles (url, feed, first_seen) VALUES (?, ?, ?)",
                                   [.text(url), .text(feed), .text(date)])
            }
        }
    }
}
