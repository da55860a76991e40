/// RFC 3986 §6.2.2 normalization of the parts of an http(s) URL that robots.txt is matched
/// against: percent-encodings of unreserved characters decoded, other hex digits upper-cased,
/// bytes that may not appear in a URL encoded, dot segments removed (path only). The fetcher
/// requests exactly the normalized URL (libcurl told not to touch the path), so what robots.txt
/// allowed is what goes on the wire, however the list spelled it (RFC 9309 §2.2.2).
public enum URLNormalizer {
    /// An http(s) URL split where normalization needs it, the parts as written.
    struct Parts {
        /// `scheme://authority`, untouched.
        var origin: Substring
        var path: Substring
        var query: Substring?
        var fragment: Substring?
    }

    /// The URL to request: path and query normalized, scheme, authority and fragment as written
    /// (libcurl never sends the fragment). Nil when there is no `scheme://`.
    public static func wireURL(_ url: String) -> String? {
        guard let parts = split(url) else { return nil }
        var text = String(parts.origin) + path(parts.path)
        if let query = parts.query { text += "?" + self.query(query) }
        if let fragment = parts.fragment { text += "#" + fragment }
        return text
    }

    /// The normalized path with its query, as robots.txt rules see it: always starts with `/`.
    public static func pathAndQuery(_ url: String) -> String? {
        guard let parts = split(url) else { return nil }
        var text = path(parts.path)
        if let query = parts.query { text += "?" + self.query(query) }
        return text
    }

    /// A path: percent-encodings normalized, then dot segments removed; empty becomes `/`.
    public static func path<S: StringProtocol>(_ path: S) -> String {
        let decoded = percentNormalized(Array(path.utf8))
        let cleaned = removeDotSegments(decoded)
        return cleaned.isEmpty ? "/" : String(decoding: cleaned, as: UTF8.self)
    }

    /// A query: percent-encodings normalized only (`.` and `/` mean nothing there).
    public static func query<S: StringProtocol>(_ query: S) -> String {
        String(decoding: percentNormalized(Array(query.utf8)), as: UTF8.self)
    }

    /// A robots.txt Allow/Disallow path, normalized like the URLs it is matched against; `*`
    /// and a final `$` keep their meaning.
    public static func robotsPattern(_ pattern: String) -> String {
        var bytes = Array(pattern.utf8)
        let anchored = bytes.last == UInt8(ascii: "$")
        if anchored { bytes.removeLast() }
        bytes = percentNormalized(bytes)
        if bytes.first == UInt8(ascii: "/") { bytes = removeDotSegments(bytes) }
        if anchored { bytes.append(UInt8(ascii: "$")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func split(_ url: String) -> Parts? {
        guard let separator = url.range(of: "://") else { return nil }
        let afterAuthority = url[separator.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let fragmentStart = url[afterAuthority...].firstIndex(of: "#")
        let beforeFragment = url[afterAuthority..<(fragmentStart ?? url.endIndex)]
        let queryStart = beforeFragment.firstIndex(of: "?")
        return Parts(origin: url[..<afterAuthority],
                     path: beforeFragment[..<(queryStart ?? beforeFragment.endIndex)],
                     query: queryStart.map { beforeFragment[beforeFragment.index(after: $0)...] },
                     fragment: fragmentStart.map { url[url.index(after: $0)...] })
    }

    /// `%XX` of an unreserved character becomes the character, any other `%xx` is upper-cased;
    /// a `%` that starts no escape, and bytes a URL may not hold, are encoded.
    static func percentNormalized(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
               let low = hexValue(bytes[index + 2]) {
                let value = high << 4 | low
                if isUnreserved(value) {
                    out.append(value)
                } else {
                    append(escapeOf: value, to: &out)
                }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "%") || mustEncode(byte) {
                append(escapeOf: byte, to: &out)
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// RFC 3986 §5.2.4, on a path whose escapes are already normalized (so `%2E` counts as `.`).
    static func removeDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        var index = 0
        /// Whether the input from `index` starts with `prefix` (a pattern of `.` and `/`).
        func starts(_ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            return path.count - index >= p.count && path[index..<(index + p.count)].elementsEqual(p)
        }
        func rest(is text: String) -> Bool { path.count - index == text.utf8.count && starts(text) }
        func dropLastSegment() {
            if let last = output.lastIndex(of: slash) { output.removeSubrange(last...) } else { output.removeAll() }
        }
        var pendingSlash = false
        while index < path.count || pendingSlash {
            if pendingSlash {
                // "/." or "/.." at the very end left a "/" to keep.
                output.append(slash)
                pendingSlash = false
                continue
            }
            if starts("../") { index += 3 } else if starts("./") { index += 2 }
            else if starts("/./") { index += 2 }
            else if rest(is: "/.") { index += 2; pendingSlash = true }
            else if starts("/../") { index += 3; dropLastSegment() }
            else if rest(is: "/..") { index += 3; dropLastSegment(); pendingSlash = true }
            else if rest(is: ".") || rest(is: "..") { index = path.count }
            else {
                // Move the first segment, with its leading "/", to the output.
                var end = index
                if path[end] == slash { end += 1 }
                while end < path.count, path[end] != slash { end += 1 }
                output.append(contentsOf: path[index..<end])
                index = end
            }
        }
        return output
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Controls, space, non-ASCII and the characters RFC 3986 allows nowhere in a URL.
    static func mustEncode(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x7F || #""<>\^`{|}"#.utf8.contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static func append(escapeOf byte: UInt8, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }
}
