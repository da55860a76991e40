/// Bytes in one `WebEncoding` turned into UTF-8 the way the Encoding Standard's decoders do
/// it: every byte sequence the encoding cannot map becomes one U+FFFD and decoding goes on
/// (a byte that could start something new is read again, as the standard's "prepend" says).
/// Nothing stops early, so no text after a bad byte is ever lost.
public enum WebDecoder {
    public struct Decoded: Sendable, Equatable {
        public var utf8: [UInt8]
        /// How many U+FFFD the decoder put in for sequences it could not map.
        public var replacements: Int
    }

    public static func decode(_ bytes: [UInt8], as encoding: WebEncoding) -> Decoded {
        switch encoding {
        case .utf8: return decodeUTF8(bytes)
        case .utf16BE, .utf16LE: return finish(decodeUTF16(bytes, bigEndian: encoding == .utf16BE, into: output(bytes.count)))
        case .shiftJIS: return finish(JapaneseDecoders.shiftJIS(bytes, into: output(bytes.count)))
        case .eucJP: return finish(JapaneseDecoders.eucJP(bytes, into: output(bytes.count)))
        case .iso2022JP: return finish(JapaneseDecoders.iso2022JP(bytes, into: output(bytes.count)))
        case .eucKR: return finish(ChineseKoreanDecoders.eucKR(bytes, into: output(bytes.count)))
        case .big5: return finish(ChineseKoreanDecoders.big5(bytes, into: output(bytes.count)))
        case .gbk, .gb18030: return finish(ChineseKoreanDecoders.gb18030(bytes, into: output(bytes.count)))
        case .replacement:
            // Encodings browsers refuse to read (ISO-2022-KR, HZ…): the whole input is one error.
            var out = UTF8Output(capacity: 3)
            if !bytes.isEmpty { out.replace() }
            return finish(out)
        case .xUserDefined:
            var out = output(bytes.count)
            for byte in bytes { byte < 0x80 ? out.ascii(byte) : out.scalar(0xF780 + UInt32(byte) - 0x80) }
            return finish(out)
        default:
            return finish(decodeSingleByte(bytes, table: EncodingTables.singleByte[encoding] ?? [], into: output(bytes.count)))
        }
    }

    /// Valid UTF-8 comes back as it is (no copy of the page); otherwise each maximal invalid
    /// subpart becomes one U+FFFD, as the standard's UTF-8 decoder does.
    static func decodeUTF8(_ bytes: [UInt8]) -> Decoded {
        if UTF8Census.isValid(bytes) { return Decoded(utf8: bytes, replacements: 0) }
        var out = output(bytes.count)
        var needed = 0, seen = 0
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        var point: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if needed == 0 {
                switch byte {
                case 0x00...0x7F: out.ascii(byte)
                case 0xC2...0xDF: needed = 1; point = UInt32(byte & 0x1F)
                case 0xE0...0xEF:
                    if byte == 0xE0 { lower = 0xA0 }
                    if byte == 0xED { upper = 0x9F }
                    needed = 2; point = UInt32(byte & 0x0F)
                case 0xF0...0xF4:
                    if byte == 0xF0 { lower = 0x90 }
                    if byte == 0xF4 { upper = 0x8F }
                    needed = 3; point = UInt32(byte & 0x07)
                default: out.replace()
                }
                index += 1
                continue
            }
            guard byte >= lower, byte <= upper else {
                // The sequence so far is one error; this byte is read again as a possible lead.
                needed = 0; seen = 0; lower = 0x80; upper = 0xBF; point = 0
                out.replace()
                continue
            }
            lower = 0x80; upper = 0xBF
            point = point << 6 | UInt32(byte & 0x3F)
            seen += 1
            index += 1
            if seen == needed {
                out.scalar(point)
                needed = 0; seen = 0; point = 0
            }
        }
        if needed != 0 { out.replace() }
        return finish(out)
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, into out: UTF8Output) -> UTF8Output {
        var out = out
        var leadSurrogate: UInt32?
        var index = 0
        while index + 1 < bytes.count {
            let unit = bigEndian ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                                 : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
            index += 2
            if let lead = leadSurrogate {
                leadSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    out.scalar(0x10000 + ((lead - 0xD800) << 10) + (unit - 0xDC00))
                    continue
                }
                out.replace()  // an unpaired lead surrogate; this unit is read on its own
            }
            switch unit {
            case 0xD800...0xDBFF: leadSurrogate = unit
            case 0xDC00...0xDFFF: out.replace()
            default: out.scalar(unit)
            }
        }
        if leadSurrogate != nil || index < bytes.count { out.replace() }
        return out
    }

    static func decodeSingleByte(_ bytes: [UInt8], table: [UInt16], into out: UTF8Output) -> UTF8Output {
        var out = out
        for byte in bytes {
            if byte < 0x80 { out.ascii(byte); continue }
            let point = table.count == 128 ? table[Int(byte - 0x80)] : 0
            if point == 0 { out.replace() } else { out.scalar(UInt32(point)) }
        }
        return out
    }

    private static func output(_ count: Int) -> UTF8Output { UTF8Output(capacity: count + count / 2) }

    private static func finish(_ out: UTF8Output) -> Decoded { Decoded(utf8: out.bytes, replacements: out.replacements) }
}

/// UTF-8 being written, with a count of the replacements put in.
struct UTF8Output {
    var bytes: [UInt8] = []
    var replacements = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func ascii(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always) mutating func scalar(_ point: UInt32) {
        switch point {
        case 0..<0x80:
            bytes.append(UInt8(point))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | point >> 6)); bytes.append(UInt8(0x80 | point & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | point >> 12)); bytes.append(UInt8(0x80 | point >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | point & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | point >> 18)); bytes.append(UInt8(0x80 | point >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | point >> 6 & 0x3F)); bytes.append(UInt8(0x80 | point & 0x3F))
        }
    }

    @inline(__always) mutating func replace() {
        replacements += 1
        bytes.append(0xEF); bytes.append(0xBF); bytes.append(0xBD)
    }
}
