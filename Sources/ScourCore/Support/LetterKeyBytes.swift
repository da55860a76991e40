/// The bytes of `TextKey.letters`: alphabetic or numeric scalars, each as its lowercase mapping.
/// ASCII bytes (most of every page) go through one table load each; other scalars are decoded
/// and asked their Unicode properties, but for General Punctuation (U+2000–U+206F: dashes,
/// quotes, spaces, "…"), which holds no letter or number and is skipped by its bytes.
enum LetterKeyBytes {
    /// Room for any text of `count` UTF-8 bytes: no scalar's lowercase mapping is longer than
    /// 3/2 of the scalar's own bytes (İ, 2 bytes, lowercases to i + U+0307, 3 bytes).
    static func capacity(_ count: Int) -> Int { count + count / 2 }

    /// Writes the key of `utf8` to `out` (at least `capacity(utf8.count)` bytes); returns its length.
    static func write(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        asciiTable.withUnsafeBufferPointer { table in
            var written = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    // 0 in the table: not a letter or digit; stored anyway and not counted (no branch).
                    let key = table[Int(byte)]
                    out[written] = key
                    written &+= key == 0 ? 0 : 1
                    index &+= 1
                    continue
                }
                // Strings are valid UTF-8: a lead byte E2 has two continuation bytes after it.
                if byte == 0xE2, isGeneralPunctuation(utf8[index + 1], utf8[index + 2]) {
                    index += 3
                    continue
                }
                let (scalar, length) = TextFold.decodeScalar(utf8, at: index)
                index += length
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lowered) { out[written] = $0; written += 1 }
                }
            }
            return written
        }
    }

    /// E2 80 80 … E2 81 AF: U+2000–U+206F.
    @inline(__always)
    static func isGeneralPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
        second == 0x80 || (second == 0x81 && third < 0xB0)
    }

    /// Per ASCII byte, its key byte: letters lowercased, digits as they are, 0 for anything else.
    static let asciiTable: [UInt8] = (0..<128).map { (byte: UInt8) -> UInt8 in
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x61...0x7A, 0x30...0x39: byte
        default: 0
        }
    }
}
