/// Finds documents whose text was already written: exact (same normalized text) or
/// near (MinHash estimate of word-shingle Jaccard at or above the threshold), within
/// this run and, when a state is given, against every earlier run.
public final class DuplicateDetector {
    public struct Fingerprint: Sendable {
        public var normalizedHash: String
        public var signature: [UInt64]
        public var shingleCount: Int
    }

    /// Below this many shingles a document is too short to call "contained" in another.
    static let minimumContainedShingles = 50
    /// Documents an LSH bucket holds (the first to arrive); later ones are still found through
    /// their other bands. Without a bound, many similar documents fill the same buckets and each
    /// look-up compares against all earlier ones (quadratic: 10,000 similar files took 32 s). A
    /// near duplicate at the 0.8 threshold shares about 13 of the 32 bands with its original, so
    /// it is missed only when all of those buckets are full of other documents; the original, the
    /// first of its kind, is the one a full bucket keeps.
    public static let bucketCapacity = 16
    /// At most this many distinct earlier documents are compared per look-up (per source: this run, then the state).
    public static var maximumCandidates: Int { 32 * bucketCapacity }

    let minHash: MinHash
    let threshold: Double
    let state: RunState?
    private var exact: [String: String] = [:]
    private var buckets: [Int64: [String]] = [:]
    private var signatures: [String: ([UInt64], Int)] = [:]
    /// Earlier documents compared so far, over all look-ups, and the most in one look-up.
    public private(set) var candidatesChecked = 0
    public private(set) var mostCandidatesInOneLookup = 0
    /// Look-ups answered by the same normalized text (the rest of the duplicates found are near ones).
    public private(set) var exactMatches = 0

    public init(config: DuplicatesConfig, state: RunState?) {
        minHash = MinHash(shingleSize: config.shingleSize)
        threshold = config.threshold
        self.state = state
    }

    public func fingerprint(of text: String) -> Fingerprint {
        Self.fingerprint(of: text, minHash: minHash)
    }

    /// Depends only on the text, so workers make it in parallel; lookups stay in input order.
    public static func fingerprint(of text: String, minHash: MinHash) -> Fingerprint {
        let shingles = minHash.uniqueShingles(text)
        return Fingerprint(normalizedHash: SHA256.hex(bytes: TextKey.letterBytes(text)), signature: minHash.signature(of: shingles),
                           shingleCount: shingles.count)
    }

    /// The id of the document this one duplicates, or nil; `id` itself never counts.
    public func original(of id: String, _ fingerprint: Fingerprint) throws(StateError) -> String? {
        if let earlier = exact[fingerprint.normalizedHash], earlier != id {
            exactMatches += 1
            return earlier
        }
        if let earlier = try state?.document(withContentHash: fingerprint.normalizedHash), earlier != id {
            exactMatches += 1
            return earlier
        }
        let bands = minHash.bands(of: fingerprint.signature)
        var best: (id: String, similarity: Double)?
        // A candidate met in several bands is compared once (the best does not depend on the order).
        var compared: Set<String> = []
        var checked = 0
        defer {
            candidatesChecked += checked
            mostCandidatesInOneLookup = max(mostCandidatesInOneLookup, checked)
        }
        func consider(_ candidate: String, _ signature: [UInt64], _ count: Int) {
            guard candidate != id, compared.insert(candidate).inserted else { return }
            checked += 1
            var similarity = MinHash.similarity(signature, fingerprint.signature)
            if min(count, fingerprint.shingleCount) >= Self.minimumContainedShingles {
                similarity = max(similarity, MinHash.containment(jaccard: similarity, count, fingerprint.shingleCount))
            }
            if similarity >= threshold, best == nil || similarity > best!.similarity || (similarity == best!.similarity && candidate < best!.id) {
                best = (candidate, similarity)
            }
        }
        for (band, bucket) in bands.enumerated() {
            for candidate in buckets[Self.key(band, bucket)] ?? [] {
                if let (signature, count) = signatures[candidate] { consider(candidate, signature, count) }
            }
        }
        if best == nil, let state {
            compared.removeAll(keepingCapacity: true)
            for candidate in try state.candidates(bands: bands, perBucket: Self.bucketCapacity) {
                consider(candidate.id, candidate.signature, candidate.shingles)
            }
        }
        return best?.id
    }

    /// Makes a written document findable by later ones in this run.
    public func remember(_ id: String, _ fingerprint: Fingerprint) {
        exact[fingerprint.normalizedHash] = exact[fingerprint.normalizedHash] ?? id
        signatures[id] = (fingerprint.signature, fingerprint.shingleCount)
        for (band, bucket) in minHash.bands(of: fingerprint.signature).enumerated() {
            let key = Self.key(band, bucket)
            if buckets[key, default: []].count < Self.bucketCapacity { buckets[key, default: []].append(id) }
        }
    }

    private static func key(_ band: Int, _ bucket: Int64) -> Int64 {
        bucket &+ Int64(band) &* 0x5851_F42D_4C95_7F2D
    }
}
