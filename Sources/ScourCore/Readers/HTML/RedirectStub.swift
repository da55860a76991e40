/// A redirect a crawler saved instead of following it: a small page whose only content is
/// `<meta http-equiv="refresh" content="0;url=…">`. Its reject names the target, so the operator
/// knows which address to fetch, where "no text in input" would say the page was empty.
enum RedirectStub {
    /// Pages larger than this hold more than a redirect.
    static let largestPage = 32 << 10
    /// A target longer than this is cut in the reason.
    static let longestTarget = 300

    /// The refresh's target in a small page, or nil.
    static func target(in page: [UInt8]) -> String? {
        guard page.count <= largestPage, !page.isEmpty else { return nil }
        let lowered = page.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var from = 0
        // `firstOffset` counts from the slice's start: each offset is made an index of the page.
        while let found = ByteSearch.firstOffset(of: Array("http-equiv".utf8), in: lowered[from...]) {
            let equiv = from + found
            let tagEnd = lowered[equiv...].firstIndex(of: UInt8(ascii: ">")) ?? lowered.count
            let tagStart = lowered[..<equiv].lastIndex(of: UInt8(ascii: "<")) ?? 0
            let tag = lowered[tagStart..<tagEnd]
            if ByteSearch.firstOffset(of: Array("refresh".utf8), in: tag) != nil,
               let urlOffset = ByteSearch.firstOffset(of: Array("url=".utf8), in: tag) {
                let url = tagStart + urlOffset
                // The original bytes: an address keeps its case.
                var value = page[(url + 4)..<tagEnd].prefix { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: ">") }
                while let first = value.first, first == UInt8(ascii: "'") || first == 0x20 { value = value.dropFirst() }
                while let last = value.last, last == UInt8(ascii: "'") || last == 0x20 || last == UInt8(ascii: "/") && value.count == 1 {
                    value = value.dropLast()
                }
                // No control characters: the reason is printed on a log line of its own.
                let text = String(decoding: value.prefix(longestTarget).filter { $0 >= 0x20 && $0 != 0x7F }, as: UTF8.self)
                return text.isEmpty ? nil : text
            }
            from = max(tagEnd, equiv + 1)
        }
        return nil
    }
}
