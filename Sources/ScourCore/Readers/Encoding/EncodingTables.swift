import Foundation

/// The Encoding Standard's data (labels and code-point indexes), generated from Python's
/// codecs by scripts/gen-encoding-tables.py into Resources/encoding. Each table is read
/// once, on first use, and shared read-only. A missing file leaves its table empty: the
/// decoders then replace what they cannot map instead of stopping.
enum EncodingTables {
    static let labels: [String: WebEncoding] = {
        guard let data = read("labels.tsv") else { return [:] }
        var table: [String: WebEncoding] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let encoding = WebEncoding(rawValue: String(fields[1])) {
                table[String(fields[0])] = encoding
            }
        }
        return table
    }()

    static let jis0208 = threeByteIndex("jis0208")
    static let jis0212 = threeByteIndex("jis0212")
    static let eucKR = threeByteIndex("euc-kr")
    static let big5 = threeByteIndex("big5")
    static let gb18030 = threeByteIndex("gb18030")
    /// (pointer, code point) at the start of each run of GB18030's four-byte BMP mappings.
    static let gb18030Ranges: [(pointer: UInt32, codePoint: UInt32)] = {
        guard let data = read("gb18030-ranges.bin") else { return [] }
        let words = littleEndianWords(data, width: 4)
        return stride(from: 0, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
    }()

    /// 128 code points for bytes 0x80–0xFF of each single-byte encoding; 0 where the byte maps to none.
    static let singleByte: [WebEncoding: [UInt16]] = {
        var tables: [WebEncoding: [UInt16]] = [:]
        for encoding in WebEncoding.allCases where encoding.isSingleByte {
            if let data = read("sb-\(encoding.rawValue).bin"), data.count == 256 {
                tables[encoding] = littleEndianWords(data, width: 2).map { UInt16($0) }
            }
        }
        return tables
    }()

    private static func threeByteIndex(_ name: String) -> [UInt32] {
        guard let data = read(name + ".bin") else { return [] }
        var table = [UInt32](repeating: 0, count: data.count / 3)
        data.withUnsafeBytes { raw in
            for index in table.indices {
                let at = index * 3
                table[index] = UInt32(raw[at]) << 16 | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2])
            }
        }
        return table
    }

    private static func littleEndianWords(_ data: Data, width: Int) -> [UInt32] {
        data.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count - width + 1, by: width).map { at in
                (0..<width).reduce(UInt32(0)) { $0 | UInt32(raw[at + $1]) << (8 * $1) }
            }
        }
    }

    /// The bundled folder only: these tables are the standard, not rules a user may swap.
    private static let directory: URL = {
        let bundle = URL(fileURLWithPath: Bundle.module.bundlePath)
        let nested = bundle.appendingPathComponent("Resources/encoding")
        return FileManager.default.fileExists(atPath: nested.path) ? nested : bundle.appendingPathComponent("encoding")
    }()

    private static func read(_ name: String) -> Data? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
    }
}
