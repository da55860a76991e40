import Foundation

/// A number in a config that no Swift number holds exactly (an integer past Int64, or a
/// value past Double's range); kept as written so a message can quote it.
public struct JSONNumberLiteral: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public var description: String { text }
}

/// Where and why a config is not JSON: 1-based line and column (in characters).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser for config files. Foundation's JSONSerialization accepts
/// trailing commas, keeps one of two duplicate keys, wraps big integers and reports
/// character offsets; a config should fail loudly instead. Values come out as
/// JSONSerialization's do (dictionaries, arrays, String, NSNumber, NSNull), except
/// numbers no Swift number holds, which are `JSONNumberLiteral`.
public struct StrictJSON {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line, for columns.
    private var lineStart = 0
    private static let maxDepth = 256

    public static func parse(_ data: Data) throws(JSONSyntaxError) -> Any {
        var parser = StrictJSON(bytes: [UInt8](data))
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.error("unexpected text after the end of the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
        let at = min(position ?? index, bytes.count)
        // Columns count characters: UTF-8 continuation bytes do not start one.
        let column = bytes[lineStart..<at].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return String(format: "byte 0x%02X", byte)
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> Any {
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
        switch current {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"): return try literal("true", NSNumber(value: true))
        case UInt8(ascii: "f"): return try literal("false", NSNumber(value: false))
        case UInt8(ascii: "n"): return try literal("null", NSNull())
        case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): return try number()
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func literal(_ word: String, _ result: Any) throws(JSONSyntaxError) -> Any {
        let utf8 = Array(word.utf8)
        guard bytes[index...].starts(with: utf8) else { throw error("expected a value, found \(describeCurrent())") }
        index += utf8.count
        return result
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> Any {
        index += 1
        var result: [String: Any] = [:]
        var keyLines: [String: Int] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return result }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("expected a key in double quotes, found \(describeCurrent())")
            }
            let keyStart = index
            let key = try string()
            if let first = keyLines[key] {
                throw error("duplicate key \"\(key)\" (first on line \(first))", at: keyStart)
            }
            keyLines[key] = line
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after key \"\(key)\", found \(describeCurrent())") }
            index += 1
            skipWhitespace()
            result[key] = try value(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return result
            default: throw error("expected ',' or '}' in an object, found \(describeCurrent())")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> Any {
        index += 1
        var result: [Any] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return result }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            result.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return result
            default: throw error("expected ',' or ']' in a list, found \(describeCurrent())")
            }
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ end: Int) throws(JSONSyntaxError) {
            guard runStart < end else { return }
            guard let text = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw error("text in a string is not valid UTF-8", at: runStart)
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw error("string never ends (opened here)", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                try flushRun(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flushRun(index)
                scalars.append(try escape())
                runStart = index
            case 0x00..<0x20:
                throw error(byte == 0x0A ? "line break inside a string (write \\n)" : "control character inside a string")
            default:
                index += 1
            }
        }
    }

    /// One backslash escape; `index` is at the backslash.
    private mutating func escape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let letter = current else { throw error("string never ends", at: start) }
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4(start)
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw error("\\u escape is half of a surrogate pair", at: start)
                }
                index += 2
                let low = try hex4(start)
                guard (0xDC00..<0xE000).contains(low) else { throw error("\\u escape is half of a surrogate pair", at: start) }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("\\u escape is half of a surrogate pair", at: start) }
            return scalar
        default:
            throw error("unknown escape \\\(Character(Unicode.Scalar(letter)))", at: start)
        }
    }

    private mutating func hex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
              bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else {
            throw error("\\u needs four hex digits", at: escapeStart)
        }
        index += 4
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> Any {
        let start = index
        func digits() -> Int {
            let from = index
            while let byte = current, byte >= 0x30 && byte <= 0x39 { index += 1 }
            return index - from
        }
        if current == UInt8(ascii: "-") { index += 1 }
        let leadingZero = current == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0 else { throw error("a number needs digits", at: start) }
        if leadingZero && whole > 1 { throw error("a number cannot start with 0", at: start) }
        var integral = true
        if current == UInt8(ascii: ".") {
            index += 1
            integral = false
            guard digits() > 0 else { throw error("a number needs digits after '.'", at: start) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            integral = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("a number needs digits in its exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if integral, let value = Int(text) { return NSNumber(value: value) }
        if !integral, let value = Double(text), value.isFinite { return NSNumber(value: value) }
        return JSONNumberLiteral(text: text)
    }
}
