/// A redirect a crawler saved instead of following it: a small page that, left with no text,
/// holds `<meta http-equiv="refresh" content="0;url=…">` with a delay of a few seconds at most (a
/// longer one reloads a live page). Its reject names the target, so the operator knows which
/// address to fetch, where "no text in input" would say the page was empty.
enum RedirectStub {
    /// Pages larger than this hold more than a redirect.
    static let largestPage = 32 << 10
    /// A target longer than this is cut in the reason.
    static let longestTarget = 300
    /// A refresh after more seconds than this reloads the page; it does not send the reader away.
    static let longestDelay = 5
    /// `http-equiv` attributes looked at, at most: the scan stays linear on a page of them.
    static let mostTags = 16

    /// The refresh's target in a small page, or nil.
    static func target(in page: [UInt8]) -> String? {
        guard page.count <= largestPage, !page.isEmpty else { return nil }
        let lowered = page.map(ASCIIText.fold)
        var from = 0
        // `firstOffset` counts from the slice's start: each offset is made an index of the page.
        for _ in 0..<mostTags {
            guard let found = ByteSearch.firstOffset(of: Array("http-equiv".utf8), in: lowered[from...]) else { break }
            let equiv = from + found
            let tagEnd = lowered[equiv...].firstIndex(of: UInt8(ascii: ">")) ?? lowered.count
            let tagStart = lowered[max(from, equiv - 512)..<equiv].lastIndex(of: UInt8(ascii: "<")) ?? max(from, equiv - 512)
            let tag = lowered[tagStart..<tagEnd]
            if ByteSearch.firstOffset(of: Array("refresh".utf8), in: tag) != nil,
               let contentOffset = ByteSearch.firstOffset(of: Array("content=".utf8), in: tag),
               let target = refreshTarget(page[(tagStart + contentOffset + 8)..<tagEnd]) {
                return target
            }
            from = max(tagEnd, equiv + 1)
        }
        return nil
    }

    /// `0;url=https://…` (quoted or not, the address in quotes of its own or not): the address,
    /// when the delay is short; nil otherwise.
    static func refreshTarget(_ value: ArraySlice<UInt8>) -> String? {
        let quote = value.first.flatMap { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") ? $0 : nil }
        var content = quote == nil ? value : value.dropFirst()
        if let quote, let end = content.firstIndex(of: quote) { content = content[..<end] }
        let delayDigits = content.drop { $0 == 0x20 }.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard let delay = Int(String(decoding: delayDigits.prefix(6), as: UTF8.self)), delay <= longestDelay else { return nil }
        let lower = content.map(ASCIIText.fold)
        guard let urlOffset = ByteSearch.firstOffset(of: Array("url=".utf8), in: lower) else { return nil }
        var address = content.dropFirst(urlOffset + 4).drop { $0 == 0x20 }
        if let inner = address.first, inner == UInt8(ascii: "'") || inner == UInt8(ascii: "\"") {
            address = address.dropFirst()
            if let end = address.firstIndex(of: inner) { address = address[..<end] }
        }
        // An address has no spaces, quotes or brackets: what follows them is the tag's.
        address = address.prefix { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: ">") }
        let text = String(decoding: address.prefix(longestTarget), as: UTF8.self)
        return text.isEmpty ? nil : text
    }
}
