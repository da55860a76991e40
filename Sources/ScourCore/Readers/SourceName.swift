import Foundation

/// A file's path as written in `source`, and back. Linux file names are bytes, not text:
/// a path that is valid UTF-8 without a backslash is written as is; any other path is
/// escaped, each byte that is not part of valid UTF-8 as `\xNN` and each backslash as
/// `\\`. The escaped form always holds a backslash and the plain form never does, so two
/// paths never share one source, and `bytes(of:)` gives back the exact bytes to open.
public enum SourceName {
    public static func escape(_ bytes: [UInt8]) -> String {
        if !bytes.contains(UInt8(ascii: "\\")), let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                out += "\\\\"
                index += 1
            } else if let length = validSequenceLength(bytes, at: index) {
                out += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    /// The path bytes a source stands for (the inverse of `escape`).
    public static func bytes(of source: String) -> [UInt8] {
        let utf8 = Array(source.utf8)
        guard utf8.contains(UInt8(ascii: "\\")) else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 1 < utf8.count {
                if utf8[index + 1] == UInt8(ascii: "\\") {
                    out.append(UInt8(ascii: "\\"))
                    index += 2
                    continue
                }
                if utf8[index + 1] == UInt8(ascii: "x"), index + 3 < utf8.count,
                   let value = UInt8(String(decoding: utf8[index + 2...index + 3], as: UTF8.self), radix: 16) {
                    out.append(value)
                    index += 4
                    continue
                }
            }
            out.append(utf8[index])
            index += 1
        }
        return out
    }

    /// The path as a C string for open/stat (bytes may be anything but NUL).
    static func withCPath<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `index`, or nil.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? nil : length
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
