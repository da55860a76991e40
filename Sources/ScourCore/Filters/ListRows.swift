/// Rows of a table or a structured list inside an article (standings, tour dates,
/// price tables, Q&A): short blocks that are not prose, yet content. They are recognised
/// by shape: at least `minRun` consecutive blocks with the same row shape (a shape that
/// holds a number and at least three parts), blocks led by the same label ("Q:", "A:",
/// "•") every first or second block, for at least 4 blocks, or short phrases after a
/// lead-in that ends in a colon.
enum ListRows {
    static let minRun = 3

    /// Positions (into `blocks`) of rows; `eligible` says which blocks may be rows at all.
    static func find(_ blocks: [Block], eligible: [Bool]) -> Set<Int> {
        var rows = Set<Int>()
        var runStart = 0
        var runShape: [UInt8]?
        func close(_ end: Int) {
            if runShape != nil, end - runStart >= minRun { rows.formUnion(runStart..<end) }
        }
        for (position, block) in blocks.enumerated() {
            let shape = eligible[position] ? self.shape(block.text) : nil
            if let shape, shape == runShape { continue }
            close(position)
            runStart = position
            runShape = shape
        }
        close(blocks.count)
        rows.formUnion(labelled(blocks, eligible: eligible))
        rows.formUnion(introduced(blocks, eligible: eligible))
        return rows
    }

    /// Items a short lead-in ending in a colon announces ("The game has:", "Ingredients:"): at
    /// least `minRun` - 1 consecutive short phrases of two words or more after it, up to the
    /// next lead-in or ineligible block. The lead-in is a row too.
    static func introduced(_ blocks: [Block], eligible: [Bool]) -> Set<Int> {
        var rows = Set<Int>()
        var position = 0
        while position < blocks.count {
            guard eligible[position], isLeadIn(blocks[position].text) else {
                position += 1
                continue
            }
            var end = position + 1
            while end < blocks.count, eligible[end], !isLeadIn(blocks[end].text),
                  (2...maxItemWords).contains(wordCount(blocks[end].text)) {
                end += 1
            }
            if end - position - 1 >= minRun - 1 { rows.formUnion(position..<end) }
            position = max(end, position + 1)
        }
        return rows
    }

    /// Words an announced list item may have: longer is a paragraph, and prose has its own score.
    static let maxItemWords = 30

    /// A line of at most 12 words ending in a colon.
    static func isLeadIn(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, last == " " || last == "\n" { trimmed.removeLast() }
        return trimmed.hasSuffix(":") && wordCount(String(trimmed)) <= 12
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }

    /// Blocks whose label repeats at distance 1 or 2 (Q:/A: alternate), in runs of 4 or more.
    static func labelled(_ blocks: [Block], eligible: [Bool]) -> Set<Int> {
        let labels = blocks.indices.map { eligible[$0] ? label(blocks[$0].text) : nil }
        var rows = Set<Int>()
        var run: [Int] = []
        for position in blocks.indices {
            let repeats = labels[position].map { label in
                (1...2).contains { position >= $0 && labels[position - $0] == label }
                    || (1...2).contains { position + $0 < labels.count && labels[position + $0] == label }
            } ?? false
            if repeats {
                run.append(position)
            } else {
                if run.count >= 4 { rows.formUnion(run) }
                run = []
            }
        }
        if run.count >= 4 { rows.formUnion(run) }
        return rows
    }

    /// A short leading token ending in ":" ("Q:", "Step:"), or a bullet or dash.
    static func label(_ text: String) -> String? {
        guard let first = text.split(separator: " ", maxSplits: 1).first, first.count <= 12 else { return nil }
        if first.hasSuffix(":") && first.count >= 2 { return String(first) }
        if ["•", "-", "–", "—", "*", "·", "▪", "►"].contains(first) { return String(first) }
        return nil
    }

    /// The block's tokens (split at spaces) as classes: `n` a token with a digit, `W` a run
    /// of words, other tokens (dashes, `@`, `|`) as themselves; the first 8 parts. Nil when
    /// the shape has no number or fewer than 3 parts, since then it says nothing.
    static func shape(_ text: String) -> [UInt8]? {
        var parts: [UInt8] = []
        var hasNumber = false
        var partCount = 0
        var token: [UInt8] = []
        var lastWasWord = false
        func flush() {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty, partCount < 8 else { return }
            let isWord = !token.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                && token.contains(where: { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
            if isWord && lastWasWord { return }
            lastWasWord = isWord
            if isWord {
                parts.append(UInt8(ascii: "W"))
            } else if token.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                hasNumber = true
                parts.append(UInt8(ascii: "n"))
            } else {
                parts += token
            }
            parts.append(0x20)
            partCount += 1
        }
        for byte in text.utf8 {
            if byte == 0x20 { flush() } else { token.append(byte) }
        }
        flush()
        return hasNumber && partCount >= 3 ? parts : nil
    }
}
