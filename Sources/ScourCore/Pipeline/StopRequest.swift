import Synchronization

/// Set from a signal handler, read by the runner between documents: stop after the one in hand.
/// The signal's thread writes and the runner's threads read, so both sides go through one mutex.
public final class StopRequest: Sendable {
    /// The first signal's name, once one came: later signals do not rename the stop.
    private let signal = Mutex<String?>(nil)

    public init() {}

    public func request(_ name: String) {
        signal.withLock { current in
            if current == nil { current = name }
        }
    }

    public var isRequested: Bool { signal.withLock { $0 != nil } }

    /// The signal that asked to stop (`SIGINT`, `SIGTERM`), or nil.
    public var signalName: String? { signal.withLock { $0 } }
}
