/// Where a text dump's comment thread (or a list of other dated stories) opens, found by its
/// shape rather than its words: short lines that each carry a date and a time of day ("November
/// 19, 2019 at 6:34 am"), three or more, each a few lines from the next with other text between
/// (the comment, the teaser). An article prints its own date once; a thread stamps each entry.
/// A programme or a timeline in the story lists days without times, or a date and its text on
/// one line, and is no thread. The time must be written with a colon ("6:34", "18:30"): stamps
/// such as "18.30 Uhr", "14h30" or a date alone do not open a thread. No phrase list is read, so
/// any language whose dates the parser reads and whose times have a colon is covered.
enum DatedThread {
    /// Dated lines that make a thread.
    static let minimumEntries = 3
    /// Most positions from one dated line to the next within a thread.
    static let maximumGap = 6
    /// Words a dated line may have: a date line, not a sentence that mentions a date.
    static let maximumWords = 12

    /// The threads in `dated` (one flag a position): each thread's dated lines' positions, in order.
    static func threads(dated: [Bool]) -> [[Int]] {
        var threads: [[Int]] = []
        var current: [Int] = []
        var last = -1
        func close() {
            // Lines side by side ("Posted …", "Updated …") are one entry's.
            var entries = 0
            var previous = -2
            for position in current {
                if position != previous + 1 { entries += 1 }
                previous = position
            }
            if entries >= minimumEntries { threads.append(current) }
        }
        for position in dated.indices where dated[position] {
            if !current.isEmpty, position - last > maximumGap {
                close()
                current = []
            }
            current.append(position)
            last = position
        }
        close()
        return threads
    }
}
