import ScourCore

extension FuzzHarness {
    /// Charset labels a fetcher or record may announce: WHATWG names, aliases, and labels
    /// outside the standard's table (utf-32, EBCDIC), which must be ignored, never obeyed.
    static let declaredLabels: [String?] = [
        nil, "utf-8", "windows-1252", "iso-8859-1", "iso-8859-2", "windows-1251", "koi8-r", "macintosh",
        "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "big5", "gb18030", "gbk", "gb2312",
        "utf-16le", "utf-16be", "utf-16", "utf-32", "ibm037", "x-user-defined", "iso-2022-kr", " Latin1 ",
    ]

    /// The first byte picks the declared label; the rest are the document's bytes, read as
    /// text by the text decoder and as HTML by the read stage (charset choice, libxml2).
    func decode(_ input: [UInt8], _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        guard let first = input.first else { return }
        let label = Self.declaredLabels[Int(first) % Self.declaredLabels.count]
        let bytes = Array(input.dropFirst())
        try checkTextDecoder(bytes, label: label, &outcome)

        var document = Document(source: "fuzz.html", raw: bytes, format: .html, declaredCharset: label)
        do {
            try read.process(&document)
            guard !document.blocks.isEmpty else { throw FuzzViolation.writtenWithoutText(target: .decode) }
            outcome.written += 1
        } catch let rejection as Rejection {
            try note(rejection.reason, .decode, &outcome)
        } catch let violation as FuzzViolation {
            throw violation
        } catch {
            throw .harnessSetup("unexpected error \(error)")
        }
    }

    /// Rules that hold for any decoder that never stops at a bad byte.
    func checkTextDecoder(_ bytes: [UInt8], label: String?, _ outcome: inout FuzzOutcome) throws(FuzzViolation) {
        switch TextDecoder.decode(bytes, declaredCharset: label) {
        case let .notText(reason):
            try note(reason, .decode, &outcome)
        case let .text(text, _, _):
            outcome.written += 1
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
                || bytes.starts(with: [0xFE, 0xFF])
            let plain = bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            // Valid UTF-8 text with nothing declared comes back as it was.
            if label == nil, !hasBOM, plain, let exact = String(validating: bytes, as: UTF8.self), text != exact {
                throw .decodedWrongly(detail: "valid UTF-8 (\(bytes.count) bytes) did not come back unchanged")
            }
            // A single-byte encoding gives one character per byte: nothing dropped, nothing cut (unless
            // the bytes overruled the label: clearly UTF-8, or UTF-16's shape).
            if label == "windows-1252", !hasBOM, EncodingChoice.choose(bytes, declared: label).encoding == .windows1252,
               text.unicodeScalars.count != bytes.count {
                throw .decodedWrongly(detail: "windows-1252: \(bytes.count) bytes gave \(text.unicodeScalars.count) characters")
            }
        }
    }
}
