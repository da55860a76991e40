import CScourKernels

/// MinHash signatures over word shingles, banded for LSH: documents whose signatures
/// agree on a whole band are candidates, then the signature estimates their Jaccard.
public struct MinHash: Sendable {
    public let shingleSize: Int
    public let bandCount: Int
    public let rowsPerBand: Int
    public var hashCount: Int { bandCount * rowsPerBand }
    /// Whether signatures are made by the AVX-512 loop (`CScourKernels`), where the CPU has it;
    /// the scalar loop gives the same values (tests compare the two).
    var vectorized: Bool

    /// 32 bands of 4 rows: pairs at Jaccard 0.8 share a band with probability above 0.99.
    public init(shingleSize: Int = 5, bandCount: Int = 32, rowsPerBand: Int = 4) {
        self.shingleSize = max(1, shingleSize)
        self.bandCount = bandCount
        self.rowsPerBand = rowsPerBand
        vectorized = scour_cpu_has_avx512dq() != 0
    }

    /// Lowercased word shingles of the text, hashed: words are runs of letters and digits
    /// (by Character, see `ShingleWords`), a shingle is `shingleSize` words joined by one space,
    /// hashed with FNV-1a. Signatures are stored across runs, so these values must never change;
    /// the words are found over UTF-8 bytes and each shingle hashed from them, without building Strings.
    func shingleHashes(_ text: String) -> Set<UInt64> {
        Set(uniqueShingles(text))
    }

    /// The distinct shingle hashes, sorted: `shingleHashes` without hashing each into a Set.
    func uniqueShingles(_ text: String) -> [UInt64] {
        let found = ShingleWords(text)
        let words = found.words
        guard !words.isEmpty else { return [] }
        let span = min(shingleSize, words.count)
        var hashes = [UInt64](repeating: 0, count: words.count - span + 1)
        found.lowered.withUnsafeBufferPointer { bytes in
            hashes.withUnsafeMutableBufferPointer { out in
                for position in 0...(words.count - span) {
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    for word in position..<(position + span) {
                        if word > position { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
                        for index in words[word] { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3 }
                    }
                    out[position] = hash
                }
            }
        }
        hashes.sort()
        var kept = 0
        for index in hashes.indices where index == 0 || hashes[index] != hashes[kept - 1] {
            hashes[kept] = hashes[index]
            kept += 1
        }
        hashes.removeLast(hashes.count - kept)
        return hashes
    }

    public func signature(_ text: String) -> [UInt64] {
        signature(of: uniqueShingles(text))
    }

    func signature(of shingles: Set<UInt64>) -> [UInt64] {
        signature(of: Array(shingles))
    }

    /// Per slot, the least mix of (shingle ^ the slot's constant) over the shingles: `hashCount`
    /// mixes per shingle, the largest cost around the pipeline. With AVX-512 eight slots go in one
    /// register (a 64-bit multiply is one instruction there): over the 679 bench pages the loop fell
    /// from 3.6% to 0.4% of `perf` samples, and a whole `scour run --jobs 1` took 3% less time.
    func signature(of shingles: [UInt64]) -> [UInt64] {
        let count = hashCount
        let salts = (0..<count).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        var minima = [UInt64](repeating: .max, count: count)
        minima.withUnsafeMutableBufferPointer { minima in
            salts.withUnsafeBufferPointer { salts in
                shingles.withUnsafeBufferPointer { shingles in
                    if vectorized, let first = shingles.baseAddress, let salt = salts.baseAddress, let low = minima.baseAddress {
                        scour_minhash_minima_avx512(first, shingles.count, salt, low, count)
                    } else {
                        Self.scalarMinima(shingles, salts: salts, into: minima)
                    }
                }
            }
        }
        return minima
    }

    /// The same minima without vector instructions. The shingles go four at a
    /// time, so each slot's constant and minimum are loaded and stored once per four mixes; the order
    /// minima are taken in does not change them. Kept scalar (`@_optimize(size)`, not inlined): the
    /// compiler's 2-lane SSE2 version emulates the 64-bit multiplies and ran slower on these CPUs.
    @_optimize(size) @inline(never)
    static func scalarMinima(_ shingles: UnsafeBufferPointer<UInt64>, salts: UnsafeBufferPointer<UInt64>,
                             into minima: UnsafeMutableBufferPointer<UInt64>) {
        let count = minima.count
        var start = 0
        while start + 4 <= shingles.count {
            let (a, b, c, d) = (shingles[start], shingles[start + 1], shingles[start + 2], shingles[start + 3])
            for slot in 0..<count {
                let salt = salts[slot]
                let low = Swift.min(Swift.min(mix(a ^ salt), mix(b ^ salt)), Swift.min(mix(c ^ salt), mix(d ^ salt)))
                minima[slot] = Swift.min(minima[slot], low)
            }
            start += 4
        }
        for shingle in shingles[start...] {
            for slot in 0..<count { minima[slot] = Swift.min(minima[slot], mix(shingle ^ salts[slot])) }
        }
    }

    /// Share of the smaller document's shingles found in the larger one, from the Jaccard
    /// estimate and both shingle counts: a trimmed copy is contained in its original
    /// even when their Jaccard is low.
    public static func containment(jaccard: Double, _ lhsCount: Int, _ rhsCount: Int) -> Double {
        let smaller = min(lhsCount, rhsCount)
        guard smaller > 0 else { return 0 }
        let shared = jaccard * Double(lhsCount + rhsCount) / (1 + jaccard)
        return min(1, shared / Double(smaller))
    }

    /// Share of positions where two signatures agree: the estimated Jaccard similarity.
    public static func similarity(_ lhs: [UInt64], _ rhs: [UInt64]) -> Double {
        guard lhs.count == rhs.count, !lhs.isEmpty else { return 0 }
        let same = zip(lhs, rhs).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(same) / Double(lhs.count)
    }

    /// One bucket number per band.
    public func bands(of signature: [UInt64]) -> [Int64] {
        (0..<bandCount).map { band in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for row in 0..<rowsPerBand {
                hash = Self.mix(hash ^ signature[band * rowsPerBand + row])
            }
            return Int64(bitPattern: hash)
        }
    }

    static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// splitmix64's finaliser: a cheap, well-spread 64-bit mix.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func encode(_ signature: [UInt64]) -> [UInt8] {
        signature.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
    }

    static func decode(_ bytes: [UInt8]) -> [UInt64] {
        stride(from: 0, to: bytes.count - 7, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
        }
    }
}
