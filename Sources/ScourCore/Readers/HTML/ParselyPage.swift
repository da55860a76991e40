import Foundation

/// Parse.ly's page description: `<meta name="parsely-page" content='{"title": …, "pub_date": …,
/// "author": …, "tags": […]}'>`, the one-tag form of its `parsely-title`, `parsely-pub-date`,
/// `parsely-author` and `parsely-tags` metas. Its values are read under those metas' keys.
enum ParselyPage {
    static let metaName = "parsely-page"
    /// A description longer than this is not read (the JSON is a few hundred bytes).
    static let maxBytes = 65_536
    private static let keys = [("title", "parsely-title"), ("pub_date", "parsely-pub-date"), ("author", "parsely-author"),
                               ("authors", "parsely-author"), ("tags", "parsely-tags")]

    /// The description's values as (meta key, value) pairs, in a fixed order; none when it is not a JSON object.
    static func values(_ content: String) -> [(key: String, value: String)] {
        guard content.utf8.count <= maxBytes,
              let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] else { return [] }
        var found: [(key: String, value: String)] = []
        for (jsonKey, metaKey) in keys {
            for value in strings(object[jsonKey]) {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { found.append((metaKey, trimmed)) }
            }
        }
        return found
    }

    /// A string or a list of strings.
    private static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return (value as? [Any])?.compactMap { $0 as? String } ?? []
    }
}
