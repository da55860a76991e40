/// `DateParser.tokenizeCharacters` for text of plain scalars (`PlainScalar`): each scalar is a
/// Character of its own, so offsets count scalars, a letter is an alphabetic scalar (what
/// `Character.isLetter` asks of a one-scalar Character) and a word lowercases scalar by scalar.
/// Dates shown on German, French or Russian pages ("3. März 2021") came to the Character loop.
extension DateParser {
    static func tokenizePlain(_ text: String) -> [(Token, Int)]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = PlainDateTokens()
            var index = 0
            while index < bytes.count {
                let (scalar, length) = TextFold.decodeScalar(bytes, at: index)
                guard reader.read(scalar, at: index, in: bytes) else { return nil }
                index += length
            }
            reader.flush(bytes, end: bytes.count)
            return reader.tokens
        }
    }
}

/// The running state of `tokenizePlain`.
private struct PlainDateTokens {
    var tokens: [(DateParser.Token, Int)] = []
    /// The word in progress, lowercased UTF-8; the digits in progress are read from the text.
    var word: [UInt8] = []
    var runStart = 0
    var runByte = 0
    var runLength = 0
    var isDigit = false
    var offset = 0

    /// One scalar at byte `index`; false when it is not plain.
    mutating func read(_ scalar: Unicode.Scalar, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let value = scalar.value
        guard value != 0x0D, value < 0x80 || (value < 0x2100 && PlainScalar.lowered[Int(value)] != 0) else { return false }
        let digit = value >= 0x30 && value <= 0x39
        let letter = !digit && (value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) : scalar.properties.isAlphabetic)
        if digit || letter {
            if runLength > 0 && digit != isDigit { flush(bytes, end: index) }
            if runLength == 0 { runStart = offset; runByte = index; isDigit = digit }
            runLength += 1
            if letter {
                if value < 0x80 {
                    word.append(ASCIIText.fold(UInt8(value)))
                } else {
                    UTF8.encode(Unicode.Scalar(PlainScalar.lowered[Int(value)])!) { word.append($0) }
                }
            }
        } else {
            flush(bytes, end: index)
            if value != 0x20 { tokens.append((.separator(Character(scalar)), offset)) }
        }
        offset += 1
        return true
    }

    /// Ends the run in progress, which lies before byte `end`.
    mutating func flush(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        guard runLength > 0 else { return }
        if isDigit {
            let run = UnsafeBufferPointer(rebasing: bytes[runByte..<end])
            var number = 0
            if runLength <= 18 {
                for byte in run { number = number * 10 + Int(byte - 0x30) }
            } else {
                number = Int(String(decoding: run, as: UTF8.self)) ?? -1
            }
            tokens.append((.number(number, digits: runLength), runStart))
        } else {
            tokens.append((.word(String(decoding: word, as: UTF8.self)), runStart))
            word.removeAll(keepingCapacity: true)
        }
        runLength = 0
    }
}
