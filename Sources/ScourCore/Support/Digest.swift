import CCrypto

/// SHA-1 and SHA-256 through OpenSSL's libcrypto (EVP): it uses the CPU's SHA
/// instructions where there are any, several times faster than hashing in Swift.
enum DigestAlgorithm {
    case sha1, sha256

    /// The digest fetched from libcrypto's provider once per process: handed `EVP_sha256()`,
    /// OpenSSL 3 fetches the implementation again and looks for an engine on every init, about
    /// 2,300 of the 5,700 instructions a short id's digest took.
    fileprivate var evp: OpaquePointer? {
        switch self {
        case .sha1: return FetchedDigests.sha1
        case .sha256: return FetchedDigests.sha256
        }
    }

    /// The digest of `bytes` in one call.
    func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ digest(buffer: UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { digest(buffer: $0) }
    }

    func digest(buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        // EVP_Digest fails only on allocation failure inside OpenSSL, which Swift treats as fatal too.
        let ok = out.withUnsafeMutableBufferPointer {
            EVP_Digest(buffer.baseAddress, buffer.count, $0.baseAddress, &size, evp, nil)
        }
        precondition(ok == 1, "libcrypto digest failed")
        return Array(out.prefix(Int(size)))
    }
}

/// The process's fetched digests, never freed (they live as long as the process; libcrypto
/// keeps its own reference counts, so concurrent digests may share them).
private enum FetchedDigests {
    nonisolated(unsafe) static let sha1 = fetch("SHA1", fallback: EVP_sha1())
    nonisolated(unsafe) static let sha256 = fetch("SHA256", fallback: EVP_sha256())

    /// A fetch fails only when the default provider is missing; the legacy handle still works then.
    private static func fetch(_ name: String, fallback: OpaquePointer?) -> OpaquePointer? {
        EVP_MD_fetch(nil, name, nil) ?? fallback
    }
}

/// An incremental digest (for bodies that arrive in parts). A reference type, since
/// the OpenSSL context it owns must be freed exactly once.
final class DigestContext {
    private let context: OpaquePointer?

    init(_ algorithm: DigestAlgorithm) {
        context = EVP_MD_CTX_new()
        precondition(context != nil && EVP_DigestInit_ex(context, algorithm.evp, nil) == 1, "libcrypto digest init failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update(buffer: UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update(buffer: $0) }
        }
    }

    private func update(buffer: UnsafeRawBufferPointer) {
        precondition(EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1, "libcrypto digest update failed")
    }

    func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var size: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &size) }
        precondition(ok == 1, "libcrypto digest final failed")
        return Array(out.prefix(Int(size)))
    }
}

enum HexDigits {
    /// Lowercase hex, as ids and content hashes are written.
    static func lowercase(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
