/// Reject reasons grouped so that a handful of series stay: reasons carry numbers ("input is
/// 7340032 bytes, over max_bytes 67108864") and dropped duplicates name their original, so the
/// raw reasons of a long run would be one series per input. Numbers become `N`, duplicates are
/// left out (they are their own outcome), and only the commonest classes keep a name.
public enum RejectReasonClasses {
    /// What a dropped duplicate's reject reason starts with (see `OutputSession`).
    public static let duplicatePrefix = "duplicate of "
    /// Named classes kept; the rest are summed as `other`.
    public static let namedClasses = 10
    public static let otherName = "other"

    /// The class of one reason: runs of digits replaced by `N`, at most 120 characters.
    public static func classify(_ reason: String) -> String {
        var out = ""
        var inDigits = false
        for character in reason {
            if character.isASCII, character.isNumber {
                if !inDigits { out.append("N") }
                inDigits = true
            } else {
                out.append(character)
                inDigits = false
            }
            if out.count >= 120 { break }
        }
        return out
    }

    /// Rejects that are dropped duplicates (counted as the `duplicate` outcome, not as rejects).
    public static func droppedDuplicates(_ reasons: [String: Int]) -> Int {
        reasons.reduce(0) { $0 + ($1.key.hasPrefix(duplicatePrefix) ? $1.value : 0) }
    }

    /// Counts per class, duplicates left out.
    public static func counts(_ reasons: [String: Int]) -> [String: Int] {
        var classes: [String: Int] = [:]
        for (reason, count) in reasons where !reason.hasPrefix(duplicatePrefix) {
            classes[classify(reason), default: 0] += count
        }
        return classes
    }

    /// The `limit` largest classes (ties by name), then `other` with the rest when any is left.
    public static func bounded(_ classes: [String: Int], limit: Int = namedClasses) -> [(name: String, count: Int)] {
        let sorted = classes.largestFirst
        var kept = sorted.prefix(limit).filter { $0.key != otherName }.map { (name: $0.key, count: $0.value) }
        let rest = classes.values.reduce(0, +) - kept.reduce(0) { $0 + $1.count }
        if rest > 0 { kept.append((name: otherName, count: rest)) }
        return kept
    }
}
