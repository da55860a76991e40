/// Several lowercase ASCII needles searched in one pass over a text's bytes, case folded:
/// `needles.contains { ASCIIText.foldedOffset(of: $0, in: hay) != nil }` without a pass per needle.
/// The outlet rules ask it of every short block, most of which hold none of their phrases.
struct FoldedNeedles: Sendable {
    let needles: [[UInt8]]
    /// Per byte, the needles that start with it.
    private let byFirstByte: [[Int]]
    private let hasEmpty: Bool

    init(_ needles: [[UInt8]]) {
        self.needles = needles
        var table = Array(repeating: [Int](), count: 256)
        for (index, needle) in needles.enumerated() { if let first = needle.first { table[Int(first)].append(index) } }
        byFirstByte = table
        hasEmpty = needles.contains(where: \.isEmpty)
    }

    /// Whether some needle is in `hay` (letters compared lowercased); an empty needle counts as found
    /// when `emptyMatches`, as it never is by `foldedOffset`.
    func anyIn(_ hay: UnsafeBufferPointer<UInt8>, emptyMatches: Bool) -> Bool {
        if hasEmpty && emptyMatches { return true }
        for start in 0..<hay.count {
            let candidates = byFirstByte[Int(ASCIIText.fold(hay[start]))]
            if candidates.isEmpty { continue }
            for index in candidates where needles[index].count <= hay.count - start {
                let needle = needles[index]
                var offset = 1
                while offset < needle.count, ASCIIText.fold(hay[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
        }
        return false
    }

    func anyIn(_ text: String, emptyMatches: Bool) -> Bool {
        var text = text
        return text.withUTF8 { anyIn($0, emptyMatches: emptyMatches) }
    }
}
