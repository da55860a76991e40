import Foundation

/// Collects every problem found while reading a config, so one `validate` names them all.
final class ConfigDiagnostics {
    private(set) var problems: [ConfigProblem] = []
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func report(_ problem: ConfigProblem) { problems.append(problem) }

    /// Best-effort line of `"key"` at or after `fromLine` (1-based).
    func line(ofKey key: String, from fromLine: Int = 1) -> Int? {
        let needle = "\"\(key)\""
        var index = max(0, fromLine - 1)
        while index < lines.count {
            if lines[index].contains(needle) { return index + 1 }
            index += 1
        }
        return nil
    }
}

/// A typed view of one JSON object in the config that remembers which keys were read,
/// so unknown keys can be reported with the list of allowed ones.
public final class ConfigSection {
    let path: String
    let values: [String: Any]
    let diagnostics: ConfigDiagnostics
    let startLine: Int
    private var known: [String] = []

    init(path: String, values: [String: Any], diagnostics: ConfigDiagnostics, startLine: Int) {
        self.path = path
        self.values = values
        self.diagnostics = diagnostics
        self.startLine = startLine
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func fail(_ key: String, _ message: String, allowed: [String] = []) {
        diagnostics.report(ConfigProblem(
            key: keyPath(key), line: diagnostics.line(ofKey: key, from: startLine),
            message: message, allowed: allowed))
    }

    /// Reports a value that has the right type but cannot be used (checked by its reader).
    func problem(_ key: String, _ message: String) { fail(key, message) }

    /// Whether the key is present (and not null).
    func has(_ key: String) -> Bool { values[key].map { !($0 is NSNull) } ?? false }

    /// Marks a key as known without reading it (it is parsed elsewhere).
    func markKnown(_ key: String) { known.append(key) }

    private func raw(_ key: String) -> Any? {
        known.append(key)
        let value = values[key]
        return value is NSNull ? nil : value
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = raw(key) else { return fallback }
        // JSONSerialization hands numbers and booleans back as NSNumber.
        if let number = value as? NSNumber, isJSONBoolean(number) { return number.boolValue }
        fail(key, "expected true or false, got \(describe(value))")
        return fallback
    }

    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let value = raw(key) else { return fallback }
        if let literal = value as? JSONNumberLiteral {
            fail(key, "\(literal.text) is out of range \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        guard let number = value as? NSNumber, !isJSONBoolean(number),
              number.doubleValue == number.doubleValue.rounded() else {
            fail(key, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(describe(value))")
            return fallback
        }
        guard range.contains(number.intValue) else {
            fail(key, "\(number.intValue) is out of range \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        return number.intValue
    }

    public func double(_ key: String, default fallback: Double, range: ClosedRange<Double>) -> Double {
        guard let value = raw(key) else { return fallback }
        if let literal = value as? JSONNumberLiteral {
            fail(key, "\(literal.text) is out of range \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        guard let number = value as? NSNumber, !isJSONBoolean(number) else {
            fail(key, "expected a number from \(range.lowerBound) to \(range.upperBound), got \(describe(value))")
            return fallback
        }
        guard range.contains(number.doubleValue) else {
            fail(key, "\(number.doubleValue) is out of range \(range.lowerBound)...\(range.upperBound)")
            return fallback
        }
        return number.doubleValue
    }

    public func string(_ key: String, default fallback: String?) -> String? {
        guard let value = raw(key) else { return fallback }
        guard let text = value as? String else {
            fail(key, "expected a string, got \(describe(value))")
            return fallback
        }
        return text
    }

    public func choice(_ key: String, default fallback: String, allowed: [String]) -> String {
        guard let value = raw(key) else { return fallback }
        guard let text = value as? String, allowed.contains(text) else {
            fail(key, "unknown value \(describe(value))", allowed: allowed)
            return fallback
        }
        return text
    }

    /// A closed set of values, read as the enum that names it; the allowed list is its cases.
    public func choice<Value: RawRepresentable & CaseIterable>(_ key: String, default fallback: Value) -> Value
    where Value.RawValue == String {
        let text = choice(key, default: fallback.rawValue, allowed: Value.allCases.map(\.rawValue))
        return Value(rawValue: text) ?? fallback
    }

    public func strings(_ key: String, default fallback: [String], allowed: [String]? = nil) -> [String] {
        guard let value = raw(key) else { return fallback }
        guard let list = value as? [Any], let texts = list as? [String] else {
            fail(key, "expected a list of strings, got \(describe(value))")
            return fallback
        }
        if let allowed {
            let bad = texts.filter { !allowed.contains($0) }
            if !bad.isEmpty {
                fail(key, "unknown value(s) \(bad.joined(separator: ", "))", allowed: allowed)
                return fallback
            }
        }
        return texts
    }

    /// Reports every key present but never read: a typo or an option that does not exist.
    func reportUnknownKeys() {
        for key in values.keys.sorted() where !known.contains(key) {
            fail(key, "unknown key", allowed: known.sorted())
        }
    }

    private func describe(_ value: Any) -> String {
        switch value {
        case let text as String: return "\"\(text)\""
        case let literal as JSONNumberLiteral: return literal.text
        case let number as NSNumber: return isJSONBoolean(number) ? (number.boolValue ? "true" : "false") : "\(number)"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "\(value)"
        }
    }
}

/// On Linux `NSNumber` has no CFBoolean type id; a JSON boolean decodes to an
/// NSNumber whose objCType is "c" (char), while JSON numbers never do.
func isJSONBoolean(_ number: NSNumber) -> Bool {
    String(cString: number.objCType) == "c" || String(cString: number.objCType) == "B"
}
