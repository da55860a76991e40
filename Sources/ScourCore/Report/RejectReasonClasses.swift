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

    /// The class of one reason: web addresses replaced by `URL` ("redirected to URL, HTTP 404",
    /// "a redirect page (meta refresh to URL)"), runs of digits by `N`, at most 120 characters.
    public static func classify(_ reason: String) -> String {
        var out = ""
        var inDigits = false
        for character in withoutAddresses(reason) {
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

    /// The reason with each web address (`http://` or `https://` up to a space, comma or closing
    /// bracket) written `URL`: the address names one input, the rest says what happened to it.
    public static func withoutAddresses(_ reason: String) -> String {
        // A refresh's target may be relative ("/en/index.html"): whatever it is, it is the address.
        if let refresh = reason.range(of: Self.refreshLead), let end = reason[refresh.upperBound...].firstIndex(of: ")") {
            return String(reason[..<refresh.upperBound]) + "URL" + reason[end...]
        }
        guard reason.contains("http") else { return reason }
        var out = ""
        var rest = Substring(reason)
        while let found = rest.range(of: "http") {
            let after = rest[found.upperBound...]
            guard after.hasPrefix("://") || after.hasPrefix("s://") else {
                out += rest[..<found.upperBound]
                rest = after
                continue
            }
            out += rest[..<found.lowerBound]
            let tail = rest[found.lowerBound...]
            let end = tail.firstIndex { $0 == " " || $0 == "," || $0 == ")" } ?? tail.endIndex
            out += "URL"
            rest = tail[end...]
        }
        return out + rest
    }

    /// What a saved redirect's reason says before its target (`ChallengePages.reason(for:otherwise:)`).
    static let refreshLead = "(meta refresh to "

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
