/// SHA-1 (FIPS 180-4), only for WARC block and payload digests, which the WARC
/// tools expect as `sha1:` + base32. Not used for anything security-related.
/// Computed by libcrypto.
public struct SHA1 {
    private let context = DigestContext(.sha1)

    public init() {}

    public mutating func update(_ bytes: some Collection<UInt8>) { context.update(bytes) }

    public mutating func finish() -> [UInt8] { context.finish() }

    /// `sha1:` + RFC 4648 base32, the form WARC digests take.
    public static func warcDigest(_ bytes: some Collection<UInt8>) -> String {
        "sha1:" + base32(DigestAlgorithm.sha1.digest(bytes))
    }

    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int(buffer >> UInt32(bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int(buffer << UInt32(5 - bits)) & 31]) }
        while output.count % 8 != 0 { output.append("=") }
        return output
    }
}
