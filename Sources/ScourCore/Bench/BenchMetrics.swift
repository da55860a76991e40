/// The scoring rules of the benchmark sets in `shared/bench/README.md`.
public enum BenchMetrics {
    /// Precision and recall accumulated the way each set defines them.
    public struct Score: Sendable {
        public var precision: Double
        public var recall: Double
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    /// Unicode `\w+` runs, case kept (Python's `\w`: letters, marks, digits, underscore).
    public static func tokens(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            let isWord = char == "_" || char.unicodeScalars.contains { scalar in
                let props = scalar.properties
                return props.isAlphabetic || props.numericType != nil || props.generalCategory == .nonspacingMark
                    || props.generalCategory == .spacingMark
            }
            if isWord {
                if start == nil { start = index }
            } else if let begin = start {
                result.append(text[begin..<index])
                start = nil
            }
            index = text.index(after: index)
        }
        if let begin = start { result.append(text[begin...]) }
        return result
    }

    /// Multiset of contiguous 4-gram shingles; 1–3 tokens make one shorter shingle.
    public static func shingles(_ text: String, size: Int = 4) -> [String: Int] {
        let words = tokens(text)
        var counts: [String: Int] = [:]
        if words.isEmpty { return counts }
        if words.count < size {
            counts[words.joined(separator: " "), default: 0] += 1
            return counts
        }
        for start in 0...(words.count - size) {
            counts[words[start..<(start + size)].joined(separator: " "), default: 0] += 1
        }
        return counts
    }

    /// Per-page precision/recall of the article-extraction benchmark; nil where undefined.
    public static func shinglePage(output: String, truth: String) -> (precision: Double?, recall: Double?) {
        let out = shingles(output)
        let gold = shingles(truth)
        var tp = 0, fp = 0, fn = 0
        for (shingle, count) in out {
            let expected = gold[shingle] ?? 0
            tp += min(count, expected)
            fp += max(0, count - expected)
        }
        for (shingle, count) in gold { fn += max(0, count - (out[shingle] ?? 0)) }
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            if fp == 0 && fn == 0 { return 1 }
            return denominator == 0 ? 0 : Double(numerator) / Double(denominator)
        }
        let precision: Double? = out.isEmpty ? nil : ratio(tp, tp + fp)
        let recall: Double? = gold.isEmpty ? nil : ratio(tp, tp + fn)
        return (precision, recall)
    }

    /// Whitespace folded, so snippets match across line breaks.
    public static func foldSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Author lists compare case-folded, spaces collapsed, order ignored.
    public static func sameAuthors(_ found: [String], _ truth: [String]) -> Bool {
        func fold(_ list: [String]) -> [String] { list.map { foldSpaces($0).lowercased() }.sorted() }
        return fold(found) == fold(truth)
    }
}
