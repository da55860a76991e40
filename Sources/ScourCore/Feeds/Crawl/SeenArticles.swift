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
        try !seen(among: [url]).isEmpty
    }

    /// Those of `urls` already taken, looked up 500 at a time (one query per URL cost a second
    /// for a 50,000-URL sitemap).
    public func seen(among urls: [String]) throws(StateError) -> Set<String> {
        var found: Set<String> = []
        var start = 0
        while start < urls.count {
            let chunk = Array(urls[start..<min(urls.count, start + 500)])
            start += chunk.count
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            for row in try database.query("SELECT url FROM feed_articles WHERE url IN (\(marks))", chunk.map(SQLValue.text)) {
                if let url = row.first?.text { found.insert(url) }
            }
        }
        return found
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
