/// Looks at an XML document's prolog before any parser sees it: a DOCTYPE that declares
/// entities is refused (internal ones are how entity-expansion bombs are built; SYSTEM or
/// PUBLIC ones are XXE, a request for a file or URL). A DOCTYPE that only names an external
/// DTD is let through: libxml2 is never allowed to load it (no XML_PARSE_DTDLOAD), so nothing
/// is read from it. The reader checks libxml2's DTD node again (`XMLStream`), for encodings
/// this byte scan cannot read.
enum XMLEntityGuard {
    /// Nil when the prolog is safe to parse; the refusal otherwise. `bytes` is UTF-8 (or ASCII-compatible).
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> FeedParseError? {
        guard let start = doctypeStart(bytes) else { return nil }
        var index = start + 9
        var quote: UInt8 = 0
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
            } else if inSubset, matches(bytes, at: index, "<!--") {
                // Comments may hold quotes; skip them whole.
                index = find(bytes, "-->", from: index + 4).map { $0 + 2 } ?? bytes.count
            } else if inSubset, matches(bytes, at: index, "<!ENTITY") {
                return refusal(bytes, declarationAt: index)
            } else if inSubset, byte == UInt8(ascii: "%") {
                // A parameter-entity reference needs a declaration; refuse it all the same.
                return .entityDeclarations(line: line(of: index, in: bytes))
            } else if !inSubset, byte == UInt8(ascii: ">") {
                return nil
            }
            index += 1
        }
        return nil  // an unended DOCTYPE: libxml2 reports it as malformed
    }

    /// Where `<!DOCTYPE` starts, when it comes in the prolog (after the XML declaration,
    /// comments, processing instructions and white space); nil when the root element comes first.
    private static func doctypeStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        if matches(bytes, at: 0, "\u{FEFF}") { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if matches(bytes, at: index, "<?") {
                guard let end = find(bytes, "?>", from: index + 2) else { return nil }
                index = end + 2
            } else if matches(bytes, at: index, "<!--") {
                guard let end = find(bytes, "-->", from: index + 4) else { return nil }
                index = end + 3
            } else if matchesIgnoringCase(bytes, at: index, "<!DOCTYPE") {
                return index
            } else {
                return nil
            }
        }
        return nil
    }

    /// An `<!ENTITY` declaration: external (SYSTEM or PUBLIC before its `>`) or internal.
    private static func refusal(_ bytes: UnsafeBufferPointer<UInt8>, declarationAt index: Int) -> FeedParseError {
        let line = line(of: index, in: bytes)
        var end = index + 8
        var quote: UInt8 = 0
        var words: [UInt8] = []
        while end < bytes.count, end < index + 4096 {
            let byte = bytes[end]
            if quote != 0 {
                if byte == quote {
                    quote = 0
                    words.append(0x20)
                } else {
                    words.append(byte)
                }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
                words.append(0x20)
            } else if byte == UInt8(ascii: ">") {
                break
            } else {
                words.append(byte)
            }
            end += 1
        }
        let text = String(decoding: words, as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if let keyword = parts.firstIndex(where: { $0 == "SYSTEM" || $0 == "PUBLIC" }) {
            // SYSTEM "target" or PUBLIC "id" "target": the target is the last quoted part.
            let rest = parts[(keyword + 1)...].filter { $0 != "NDATA" }
            let target = rest.count >= 2 && parts[keyword] == "PUBLIC" ? rest[rest.startIndex + 1] : rest.first ?? ""
            return .externalEntity(line: line, target: String(target.prefix(200)))
        }
        return .entityDeclarations(line: line)
    }

    static func line(of index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A { line += 1 }
        return line
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func matchesIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] | 0x20 != pattern[offset] | 0x20 { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String, from start: Int) -> Int? {
        let pattern = Array(text.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], matches(bytes, at: index, text) { return index }
            index += 1
        }
        return nil
    }
}
