/// The output schema: one JSON object per document, keys always in this order.
/// Bump `schemaVersion` (and `schema/article.schema.json`) on any change.
public enum OutputRecord {
    public static let schemaVersion = 1

    /// `duplicateOf` is set only when duplicates are kept and marked; the key is absent otherwise.
    public static func json(for document: Document, includeEvidence: Bool, duplicateOf: String? = nil) -> JSONValue {
        let meta = document.metadata
        let text = document.bodyText
        var pairs: [(String, JSONValue)] = [
            ("id", .string(documentID(source: document.source, url: meta.url))),
            ("source", .string(document.source)),
            ("url", .optional(meta.url)),
            ("title", .optional(meta.title)),
            ("description", .optional(meta.description)),
            ("authors", .array(meta.authors.map(JSONValue.string))),
            ("date", .optional(meta.date)),
            ("outlet", .optional(meta.outlet)),
            ("language", .optional(meta.language)),
            ("tags", .array(meta.tags.map(JSONValue.string))),
            ("text", .string(text)),
            ("word_count", .int(wordCount(text))),
            ("content_hash", .string(SHA256.hex(text))),
            ("schema_version", .int(schemaVersion)),
        ]
        if let duplicateOf { pairs.append(("duplicate_of", .string(duplicateOf))) }
        if includeEvidence {
            let fields = Metadata.fieldNames.compactMap { name -> (String, JSONValue)? in
                guard let evidence = meta.evidence[name] else { return nil }
                var entry: [(String, JSONValue)] = [("rule", .string(evidence.rule))]
                entry.append(("line", evidence.line.map(JSONValue.int) ?? .null))
                entry.append(("excerpt", .optional(evidence.excerpt)))
                return (name, .object(entry))
            }
            pairs.append(("evidence", .object(fields)))
        }
        return .object(pairs)
    }

    /// Stable across runs and machines: the URL when known, else the source path.
    public static func documentID(source: String, url: String?) -> String {
        String(SHA256.hex(url ?? source).prefix(16))
    }

    /// Runs of letters and digits, as the benchmark's tokenizer counts words.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for char in text.unicodeScalars {
            let isWord = char.properties.isAlphabetic || char.properties.numericType != nil || char == "_"
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}
