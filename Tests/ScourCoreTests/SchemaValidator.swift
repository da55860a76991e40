import Foundation
@testable import ScourCore

/// A JSON Schema checker for the keywords `schema/article.schema.json` uses
/// (type, required, properties, additionalProperties, items, pattern, minLength,
/// minimum, enum, $ref to #/$defs). Tests only.
struct SchemaValidator {
    let root: [String: Any]

    func validate(_ value: Any) -> [String] {
        check(value, against: root, at: "$")
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String) -> [String] {
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
           let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any] {
            return check(value, against: target, at: path)
        }
        var errors: [String] = []
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: "|")), got \(Swift.type(of: value))"]
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            errors.append("\(path): \(value) not in enum")
        }
        if let text = value as? String {
            if let min = schema["minLength"] as? Int, text.count < min { errors.append("\(path): shorter than \(min)") }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): does not match \(pattern)")
            }
        }
        if let number = value as? NSNumber, !(value is Bool), let minimum = schema["minimum"] as? Double, number.doubleValue < minimum {
            errors.append("\(path): below minimum \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if let childSchema = properties[key] as? [String: Any] {
                    errors += check(child, against: childSchema, at: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    errors.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { errors += check(item, against: items, at: "\(path)[\(index)]") }
        }
        return errors
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "boolean": return (value as? NSNumber).map { isJSONBoolean($0) } ?? false
        case "integer":
            guard let number = value as? NSNumber, !isJSONBoolean(number) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return (value as? NSNumber).map { !isJSONBoolean($0) } ?? false
        default: return false
        }
    }
}
