/// SHA-256 (FIPS 180-4), for stable document ids and content hashes; computed by libcrypto.
public enum SHA256 {
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { HexDigits.lowercase(DigestAlgorithm.sha256.digest(buffer: UnsafeRawBufferPointer($0))) }
    }

    public static func hex(bytes: [UInt8]) -> String {
        HexDigits.lowercase(DigestAlgorithm.sha256.digest(bytes))
    }

    public static func digest(bytes: [UInt8]) -> [UInt8] { DigestAlgorithm.sha256.digest(bytes) }
}
