/// Pages a crawler saved still compressed: the server's `Content-Encoding: gzip` kept under a
/// plain `.html` name or in a record, or gzip applied twice (`.html.gz` holding gzip again). Such
/// bytes are inflated before reading, bounded by `max_bytes`, and the document says so in a note;
/// other compressions Scour cannot undo are named in the reject instead of "binary content".
enum CompressedContent {
    static let gzipMagic: [UInt8] = [0x1F, 0x8B, 0x08]
    /// Layers taken off at most: servers that compress twice exist; a third layer is a bomb's shape.
    static let maxLayers = 3

    enum Outcome: Equatable {
        /// Not gzip: the bytes as they were.
        case plain
        case inflated([UInt8], note: String)
        case rejected(Rejection)
    }

    /// Takes gzip layers off `bytes` (`layersBefore`: layers already taken off, by a `.gz` name).
    static func inflate(_ bytes: [UInt8], maxBytes: Int, layersBefore: Int = 0) -> Outcome {
        guard bytes.starts(with: gzipMagic) else { return .plain }
        var current = bytes
        var layers = 0
        while current.starts(with: gzipMagic) {
            guard layersBefore + layers < maxLayers else {
                return .rejected(Rejection(stage: ReadStage.name, reason: "gzip-compressed more than \(maxLayers) times; not inflated"))
            }
            switch Gzip.decompress(current, limit: maxBytes) {
            case let .success(inflated): current = inflated
            case .failure(.tooLarge): return .rejected(Rejection(stage: ReadStage.name, reason: "gunzipped input is over max_bytes \(maxBytes)"))
            case let .failure(error): return .rejected(Rejection(stage: ReadStage.name, reason: "content looks gzip-compressed but \(error)"))
            }
            layers += 1
        }
        let note = layersBefore > 0 ? "content was gzip-compressed again inside the .gz file; inflated"
            : "content was gzip-compressed (a Content-Encoding the crawler kept); inflated"
        return .inflated(current, note: note)
    }

    /// Compressions Scour does not undo, named by their magic bytes ("binary content" would hide why).
    static func unsupported(_ bytes: [UInt8]) -> String? {
        let kinds: [([UInt8], String)] = [([0x28, 0xB5, 0x2F, 0xFD], "zstd"), (Array("BZh".utf8), "bzip2"),
                                          ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz")]
        guard let kind = kinds.first(where: { bytes.starts(with: $0.0) }) else { return nil }
        return "\(kind.1)-compressed content, which Scour does not decode"
    }
}
