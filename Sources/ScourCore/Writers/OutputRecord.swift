/// The output schema: one JSON object per document, keys always in this order.
/// Bump `schemaVersion` (and `schema/article.schema.json`) on any change.
public enum OutputRecord {
    public static let schemaVersion = 1

    /// `duplicateOf` is set only when duplicates are kept and marked; the key is absent otherwise.
    /// `id` and `text` are the document's id and `bodyText` when the caller has made them already
    /// (the runner makes each once per document).
    public static func json(for document: Document, includeEvidence: Bool, duplicateOf: String? = nil,
                            id: String? = nil, text: String? = nil) -> JSONValue {
        let meta = document.metadata
        let text = text ?? document.bodyText
        var pairs: [(String, JSONValue)] = [
            ("id", .string(id ?? documentID(source: document.source, url: meta.url))),
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

    /// The metadata fields a page gave, under the output record's names, leaving out those it did
    /// not give: a rejected page's `metadata` in the rejects file.
    static func knownMetadata(_ meta: Metadata) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        let strings: [(String, String?)] = [("url", meta.url), ("title", meta.title), ("description", meta.description)]
        for (name, value) in strings { if let value { pairs.append((name, .string(value))) } }
        if !meta.authors.isEmpty { pairs.append(("authors", .array(meta.authors.map(JSONValue.string)))) }
        let rest: [(String, String?)] = [("date", meta.date), ("outlet", meta.outlet), ("language", meta.language)]
        for (name, value) in rest { if let value { pairs.append((name, .string(value))) } }
        if !meta.tags.isEmpty { pairs.append(("tags", .array(meta.tags.map(JSONValue.string)))) }
        return pairs
    }

    /// Stable across runs and machines: the URL when known, else the source path.
    public static func documentID(source: String, url: String?) -> String {
        String(SHA256.hex(url ?? source).prefix(16))
    }

    /// Runs of letters and digits, as the benchmark's tokenizer counts words. ASCII bytes are
    /// classified by a table load; other scalars by their Unicode properties (`isWordScalar`).
    public static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            ASCIIWordBytes.table.withUnsafeBufferPointer { table in
                var count = 0
                var inWord = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    let isWord: Bool
                    if byte < 0x80 {
                        isWord = table[Int(byte)]
                        index += 1
                    } else {
                        let (scalar, width) = decodeScalar(bytes, at: index)
                        isWord = isWordScalar(scalar)
                        index += width
                    }
                    count &+= isWord && !inWord ? 1 : 0
                    inWord = isWord
                }
                return count
            }
        }
    }

    /// The rule the byte path stands for: a letter, a number or `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    /// One scalar from valid UTF-8 (Swift strings always are) and its byte length.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}

/// ASCII letters, digits and `_`: the ASCII scalars for which `isWordScalar` holds.
private enum ASCIIWordBytes {
    static let table: [Bool] = (0..<128).map { (byte: UInt8) in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
