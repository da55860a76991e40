import Foundation

/// The moment a run treats as now. Rules that refuse dates in the future (a page cannot have
/// been published after it was read) take it as a value, so tests can set it; runs use the system clock.
public struct Clock: Sendable {
    public let now: Date

    public init(now: Date) {
        self.now = now
    }

    /// The system's time when asked.
    public static var system: Clock { Clock(now: Date()) }
}
