/// EUC-KR, Big5 and GB18030 (which also reads GBK) as the Encoding Standard decodes them:
/// a lead byte and a trail that map to nothing are one U+FFFD, and an ASCII trail is read
/// again on its own.
enum ChineseKoreanDecoders {
    static func eucKR(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let table = EncodingTables.eucKR
        var lead: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if lead != 0 {
                let pointer = (Int(lead) - 0x81) * 190 + Int(byte) - 0x41
                lead = 0
                if (0x41...0xFE).contains(byte), pointer < table.count, table[pointer] != 0 {
                    out.scalar(table[pointer])
                    index += 1
                    continue
                }
                out.replace()
                if byte >= 0x80 { index += 1 }
                continue
            }
            switch byte {
            case 0x00...0x7F: out.ascii(byte)
            case 0x81...0xFE: lead = byte
            default: out.replace()
            }
            index += 1
        }
        if lead != 0 { out.replace() }
        return out
    }

    static func big5(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let table = EncodingTables.big5
        var lead: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if lead != 0 {
                let first = lead
                lead = 0
                if (0x40...0x7E).contains(byte) || (0xA1...0xFE).contains(byte) {
                    let pointer = (Int(first) - 0x81) * 157 + Int(byte) - (byte < 0x7F ? 0x40 : 0x62)
                    // Four pointers stand for a letter and a combining mark.
                    let pair: (UInt32, UInt32)? = switch pointer {
                    case 1133: (0xCA, 0x304)
                    case 1135: (0xCA, 0x30C)
                    case 1164: (0xEA, 0x304)
                    case 1166: (0xEA, 0x30C)
                    default: nil
                    }
                    if let pair {
                        out.scalar(pair.0)
                        out.scalar(pair.1)
                        index += 1
                        continue
                    }
                    if pointer < table.count, table[pointer] != 0 {
                        out.scalar(table[pointer])
                        index += 1
                        continue
                    }
                }
                out.replace()
                if byte >= 0x80 { index += 1 }
                continue
            }
            switch byte {
            case 0x00...0x7F: out.ascii(byte)
            case 0x81...0xFE: lead = byte
            default: out.replace()
            }
            index += 1
        }
        if lead != 0 { out.replace() }
        return out
    }

    static func gb18030(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let table = EncodingTables.gb18030
        var first: UInt8 = 0, second: UInt8 = 0, third: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if third != 0 {
                guard (0x30...0x39).contains(byte) else {
                    // The second, third and this byte are read again.
                    index -= 3
                    first = 0; second = 0; third = 0
                    out.replace()
                    continue
                }
                let pointer = (Int(first) - 0x81) * 12600 + (Int(second) - 0x30) * 1260 + (Int(third) - 0x81) * 10
                    + Int(byte) - 0x30
                first = 0; second = 0; third = 0
                if let point = rangesCodePoint(pointer) { out.scalar(point) } else { out.replace() }
                continue
            }
            if second != 0 {
                if (0x81...0xFE).contains(byte) { third = byte; continue }
                index -= 2  // the second byte and this one are read again
                first = 0; second = 0
                out.replace()
                continue
            }
            if first != 0 {
                if (0x30...0x39).contains(byte) { second = byte; continue }
                let lead = Int(first)
                first = 0
                if (0x40...0x7E).contains(byte) || (0x80...0xFE).contains(byte) {
                    let pointer = (lead - 0x81) * 190 + Int(byte) - (byte < 0x7F ? 0x40 : 0x41)
                    if pointer < table.count, table[pointer] != 0 {
                        out.scalar(table[pointer])
                        continue
                    }
                }
                out.replace()
                if byte < 0x80 { index -= 1 }
                continue
            }
            switch byte {
            case 0x00...0x7F: out.ascii(byte)
            case 0x80: out.scalar(0x20AC)
            case 0x81...0xFE: first = byte
            default: out.replace()
            }
        }
        if first != 0 || second != 0 || third != 0 { out.replace() }
        return out
    }

    /// The code point of a four-byte GB18030 sequence's pointer (the standard's "index gb18030 ranges").
    static func rangesCodePoint(_ pointer: Int) -> UInt32? {
        if (pointer > 39419 && pointer < 189000) || pointer > 1_237_575 { return nil }
        if pointer == 7457 { return 0xE7C7 }
        if pointer >= 189000 { return 0x10000 + UInt32(pointer - 189000) }
        let ranges = EncodingTables.gb18030Ranges
        var low = 0, high = ranges.count - 1, found = -1
        while low <= high {
            let middle = (low + high) / 2
            if Int(ranges[middle].pointer) <= pointer { found = middle; low = middle + 1 } else { high = middle - 1 }
        }
        guard found >= 0 else { return nil }
        return ranges[found].codePoint + UInt32(pointer - Int(ranges[found].pointer))
    }
}
