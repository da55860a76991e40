/// The figures of one benchmark set, or of one of its halves, added up page by page.
/// `scour bench` keeps three: the whole set and two fixed halves split by a hash of the
/// page id, so a rule that helps one half and hurts the other shows as a gap.
public struct SetScore: Sendable {
    public var precision: Double = 0
    public var recall: Double = 0
    public var f1: Double = 0
    /// dates: share right to the day; snippets and authors: share of author lists right.
    public var metadataAccuracy: Double?
    public var pages = 0

    var precisions: [Double] = []
    var recalls: [Double] = []
    var snippetTP = 0, snippetFP = 0, snippetFN = 0
    var metadataRight = 0
    var metadataPages = 0

    /// Which fixed half a page belongs to: FNV-1a of its id, modulo 2.
    public static func half(of id: String) -> Int {
        Int(Array(id.utf8).reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } % 2)
    }

    mutating func addBody(precision: Double?, recall: Double?) {
        if let precision { precisions.append(precision) }
        if let recall { recalls.append(recall) }
    }

    mutating func addSnippets(found: Int, missed: Int, leaked: Int) {
        snippetTP += found
        snippetFN += missed
        snippetFP += leaked
    }

    mutating func addMetadata(right: Bool) {
        metadataPages += 1
        if right { metadataRight += 1 }
    }

    /// Works the figures out from the counts, by the set's own metric.
    mutating func finish(kind: BenchRunner.SetKind) {
        switch kind {
        case .articleBody:
            precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
            recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
            f1 = BenchMetrics.Score(precision: precision, recall: recall).f1
        case .snippets:
            precision = snippetTP + snippetFP > 0 ? Double(snippetTP) / Double(snippetTP + snippetFP) : 0
            recall = snippetTP + snippetFN > 0 ? Double(snippetTP) / Double(snippetTP + snippetFN) : 0
            f1 = BenchMetrics.Score(precision: precision, recall: recall).f1
        case .dates, .authors:
            break
        }
        if kind != .articleBody {
            metadataAccuracy = metadataPages > 0 ? Double(metadataRight) / Double(metadataPages) : nil
        }
    }
}
