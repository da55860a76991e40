/// A run's figure far from its usual range: more than `RunFlags.threshold` median absolute
/// deviations (MAD, scaled) from the median of the same figure over the previous runs.
public struct RunFlag: Sendable, Equatable {
    public var runID: String
    public var figure: String
    public var value: Double
    public var median: Double
    /// The scaled MAD the distance was measured in, after the floor.
    public var mad: Double

    /// Signed distance from the median in MADs.
    public var deviations: Double { (value - median) / mad }
}

/// Finds flags. The MAD is robust (one odd run in the window does not widen it); it is scaled
/// by 1.4826 so that, for normally spread figures, it equals the standard deviation and 3 MADs
/// flag about 3 runs in a thousand (3 raw MADs would flag one figure in twenty: too many to
/// trust). Over a flat history the MAD is 0 and any change would flag, so each kind of figure
/// has a floor: counts 1 document or 5% of the median, seconds 0.5 s or 10%, shares 0.02 or
/// 10%, median words 10 words or 10%, whichever is larger.
public enum RunFlags {
    /// Previous runs a figure is compared with.
    public static let window = 14
    /// A figure needs this many earlier values in the window before it can be flagged.
    public static let minimumHistory = 5
    public static let threshold = 3.0
    /// Makes the MAD of normally spread values equal their standard deviation.
    public static let madScale = 1.4826
    /// Hosts need this many documents in a run for their median words to be compared.
    public static let minimumHostDocuments = 3

    public enum Kind: Sendable {
        case count, seconds, share, words

        func floor(median: Double) -> Double {
            switch self {
            case .count: return max(1, 0.05 * abs(median))
            case .seconds: return max(0.5, 0.10 * abs(median))
            case .share: return max(0.02, 0.10 * abs(median))
            case .words: return max(10, 0.10 * abs(median))
            }
        }
    }

    /// The figures compared for one run; `rules` are the `stage/rule` keys whose share of the
    /// run's removals is followed.
    public static func figures(of run: RunFigures, rules: [String]) -> [String: (Kind, Double)] {
        var figures: [String: (Kind, Double)] = [
            "inputs": (.count, Double(run.inputs)), "written": (.count, Double(run.written)),
            "duplicates": (.count, Double(run.duplicates)), "rejected": (.count, Double(run.rejected)),
            "unchanged": (.count, Double(run.unchanged)), "seconds": (.seconds, run.seconds),
        ]
        if run.inputs > run.unchanged { figures["rejected share"] = (.share, run.rejectShare) }
        let removed = run.removedTotal
        if removed > 0 {
            for rule in rules { figures["removal share " + rule] = (.share, Double(run.removedByRule[rule] ?? 0) / Double(removed)) }
        }
        for host in run.hosts where host.documents >= minimumHostDocuments {
            figures["median words " + host.host] = (.words, Double(host.median))
        }
        return figures
    }

    /// Flags of `runs[from...]`, each run compared with the `window` runs before it (which may
    /// lie before `from`). In run order, the largest distance first within a run.
    public static func find(in runs: [RunFigures], from: Int = 0, rules: [String]) -> [RunFlag] {
        let figures = runs.map { Self.figures(of: $0, rules: rules) }
        var flags: [RunFlag] = []
        for index in max(0, from)..<runs.count {
            var found: [RunFlag] = []
            let earlier = figures[max(0, index - window)..<index]
            for (name, (kind, value)) in figures[index] {
                let history = earlier.compactMap { $0[name]?.1 }
                guard history.count >= minimumHistory else { continue }
                let median = Self.median(history)
                let mad = max(madScale * Self.median(history.map { abs($0 - median) }), kind.floor(median: median))
                if abs(value - median) > threshold * mad {
                    found.append(RunFlag(runID: runs[index].runID, figure: name, value: value, median: median, mad: mad))
                }
            }
            flags += found.sorted { abs($0.deviations) != abs($1.deviations) ? abs($0.deviations) > abs($1.deviations) : $0.figure < $1.figure }
        }
        return flags
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
