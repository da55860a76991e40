import Foundation

/// The data feed parsing is made of: tracking parameter names (`Resources/feeds/feeds.json`),
/// zone names of RFC 822 dates (same file) and month names (`Resources/language/dates.json`,
/// shared with the date tagger).
struct FeedResources: Sendable {
    var tracking: TrackingParameters
    var zoneOffsets: [String: Int]
    var months: [String: Int]

    private struct File: Decodable {
        struct Tracking: Decodable {
            var names: [String]
            var prefixes: [String]
        }
        var tracking_parameters: Tracking
        var zone_offsets_minutes: [String: Int]
    }

    static func load(from directory: URL = Resources.bundledDirectory) throws -> FeedResources {
        let path = directory.appendingPathComponent("feeds/feeds.json").path
        guard let data = FileManager.default.contents(atPath: path) else { throw ResourceError.missing(path: path) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ResourceError.malformed(path: path, reason: "\(error)")
        }
        let datesPath = directory.appendingPathComponent("language/dates.json").path
        guard let datesData = FileManager.default.contents(atPath: datesPath) else { throw ResourceError.missing(path: datesPath) }
        let words: DateWords
        do {
            words = try JSONDecoder().decode(DateWords.self, from: datesData)
        } catch {
            throw ResourceError.malformed(path: datesPath, reason: "\(error)")
        }
        return FeedResources(tracking: TrackingParameters(names: file.tracking_parameters.names, prefixes: file.tracking_parameters.prefixes),
                             zoneOffsets: file.zone_offsets_minutes, months: words.months)
    }

    /// Loaded once from the bundled folder. A missing or broken data file is a packaging fault;
    /// rather than stop every feed, parsing then goes on with what RFC 822 itself defines and `utm_*`.
    static let bundled: FeedResources = (try? load()) ?? FeedResources(
        tracking: TrackingParameters(names: [], prefixes: ["utm_"]),
        zoneOffsets: ["UT": 0, "UTC": 0, "GMT": 0, "Z": 0],
        months: [:])
}
