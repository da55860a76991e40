/// Shift_JIS, EUC-JP and ISO-2022-JP as the Encoding Standard decodes them. After a bad
/// lead–trail pair the trail is read again when it is ASCII (so a broken pair never eats
/// the `<` of the next tag), and one U+FFFD stands for the pair.
enum JapaneseDecoders {
    static func shiftJIS(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let index0208 = EncodingTables.jis0208
        var lead: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if lead != 0 {
                let first = Int(lead)
                lead = 0
                if (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) {
                    let pointer = (first - (first < 0xA0 ? 0x81 : 0xC1)) * 188 + Int(byte) - (byte < 0x7F ? 0x40 : 0x41)
                    if (8836...10715).contains(pointer) {
                        out.scalar(0xE000 + UInt32(pointer - 8836))
                        index += 1
                        continue
                    }
                    if pointer < index0208.count, index0208[pointer] != 0 {
                        out.scalar(index0208[pointer])
                        index += 1
                        continue
                    }
                }
                out.replace()
                if byte >= 0x80 { index += 1 }
                continue
            }
            switch byte {
            case 0x00...0x80: out.scalar(UInt32(byte))
            case 0xA1...0xDF: out.scalar(0xFF61 - 0xA1 + UInt32(byte))
            case 0x81...0x9F, 0xE0...0xFC: lead = byte
            default: out.replace()
            }
            index += 1
        }
        if lead != 0 { out.replace() }
        return out
    }

    static func eucJP(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let index0208 = EncodingTables.jis0208, index0212 = EncodingTables.jis0212
        var lead: UInt8 = 0
        var jis0212 = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if lead == 0x8E, (0xA1...0xDF).contains(byte) {
                lead = 0
                out.scalar(0xFF61 - 0xA1 + UInt32(byte))
                index += 1
                continue
            }
            if lead == 0x8F, (0xA1...0xFE).contains(byte) {
                jis0212 = true
                lead = byte
                index += 1
                continue
            }
            if lead != 0 {
                let first = lead
                lead = 0
                let table = jis0212 ? index0212 : index0208
                jis0212 = false
                if (0xA1...0xFE).contains(first), (0xA1...0xFE).contains(byte) {
                    let pointer = (Int(first) - 0xA1) * 94 + Int(byte) - 0xA1
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
            case 0x8E, 0x8F, 0xA1...0xFE: lead = byte
            default: out.replace()
            }
            index += 1
        }
        if lead != 0 { out.replace() }
        return out
    }

    private enum ISO2022State { case ascii, roman, katakana, leadByte, trailByte, escapeStart, escape }

    static func iso2022JP(_ bytes: [UInt8], into out: UTF8Output) -> UTF8Output {
        var out = out
        let index0208 = EncodingTables.jis0208
        var state = ISO2022State.ascii, outputState = ISO2022State.ascii
        var lead: UInt8 = 0
        var justEscaped = false  // the standard's "output" flag: two escapes in a row are an error
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch state {
            case .ascii, .roman:
                if byte == 0x1B { state = .escapeStart; continue }
                justEscaped = false
                if byte > 0x7F || byte == 0x0E || byte == 0x0F { out.replace(); continue }
                if state == .roman, byte == 0x5C { out.scalar(0xA5); continue }
                if state == .roman, byte == 0x7E { out.scalar(0x203E); continue }
                out.ascii(byte)
            case .katakana:
                if byte == 0x1B { state = .escapeStart; continue }
                justEscaped = false
                if (0x21...0x5F).contains(byte) { out.scalar(0xFF61 - 0x21 + UInt32(byte)) } else { out.replace() }
            case .leadByte:
                if byte == 0x1B { state = .escapeStart; continue }
                justEscaped = false
                if (0x21...0x7E).contains(byte) { lead = byte; state = .trailByte } else { out.replace() }
            case .trailByte:
                if byte == 0x1B { state = .escapeStart; out.replace(); continue }
                state = .leadByte
                if (0x21...0x7E).contains(byte) {
                    let pointer = (Int(lead) - 0x21) * 94 + Int(byte) - 0x21
                    if pointer < index0208.count, index0208[pointer] != 0 { out.scalar(index0208[pointer]); continue }
                }
                out.replace()
            case .escapeStart:
                if byte == 0x24 || byte == 0x28 { lead = byte; state = .escape; continue }
                index -= 1
                justEscaped = false
                state = outputState
                out.replace()
            case .escape:
                let first = lead
                lead = 0
                var next: ISO2022State?
                switch (first, byte) {
                case (0x28, 0x42): next = .ascii
                case (0x28, 0x4A): next = .roman
                case (0x28, 0x49): next = .katakana
                case (0x24, 0x40), (0x24, 0x42): next = .leadByte
                default: next = nil
                }
                if let next {
                    state = next
                    outputState = next
                    if justEscaped { out.replace() }
                    justEscaped = true
                    continue
                }
                index -= 2  // both the escape's second byte and this one are read again
                justEscaped = false
                state = outputState
                out.replace()
            }
        }
        switch state {
        case .trailByte, .escapeStart: out.replace()
        case .escape:
            // The escape's second byte is read again in the state before it.
            out.replace()
            switch outputState {
            case .katakana: out.scalar(0xFF61 - 0x21 + UInt32(lead))
            case .leadByte: out.replace()  // it would be a lead byte with no trail
            default: out.ascii(lead)
            }
        default: break
        }
        return out
    }
}
