import Foundation

/// "5 days ago" on a page an archive captured: the capture time less the span gives the day. Read
/// only when no other date was found and only against a capture time (a WARC record's
/// `WARC-Date`), never against the time of the run: without a capture time the span means nothing.
extension MetadataContext {
    mutating func tagRelativeDate() {
        guard meta.date == nil, !stage.relativeForms.isEmpty,
              let capture = document.markupHints.first(where: { $0.field == .captureDate }),
              let captured = Self.captureTime(capture.value) else { return }
        for (hint, value) in markupValues([.date]) {
            guard let seconds = Self.relativeSpan(value, forms: stage.relativeForms) else { continue }
            meta.date = MetadataStage.isoDay(captured.addingTimeInterval(-Double(seconds)))
            meta.evidence["date"] = Evidence(rule: "relative-date", line: nil,
                                             excerpt: "\(value) (\(hint.origin.description)) before the capture at \(capture.value)")
            return
        }
    }

    /// The span a relative phrase names, in seconds ("5 days ago" → 432,000), or nil.
    static func relativeSpan(_ text: String, forms: [DateWords.RelativeForm]) -> Int? {
        let lower = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard lower.utf8.count <= 40 else { return nil }
        for form in forms where lower.hasPrefix(form.before) && lower.hasSuffix(form.after)
            && lower.utf8.count > form.before.utf8.count + form.after.utf8.count {
            let middle = lower.dropFirst(form.before.count).dropLast(form.after.count)
            let parts = middle.split(separator: " ")
            guard parts.count == 2, let count = Int(parts[0]), (1...999).contains(count),
                  let unit = form.units[String(parts[1])] else { continue }
            return count * unit
        }
        return nil
    }

    /// A WARC-Date ("2026-12-05T07:05:00Z", with or without fractions of a second).
    static func captureTime(_ value: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: value) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: value)
    }
}
