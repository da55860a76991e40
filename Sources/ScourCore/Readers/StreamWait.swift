import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for a stream to have bytes (or to end) in slices, checking for a stop request between
/// them. A signal does not interrupt a read here (SIGINT and SIGTERM arrive through a dispatch
/// source), so a read on a pipe whose producer keeps it open and quiet would hold a stop until
/// the producer wrote again: under cron or a supervisor, a run that never ends.
enum StreamWait {
    /// How long one wait lasts before the stop request is looked at again.
    static let sliceMilliseconds: Int32 = 200

    /// True when the descriptor can be read (bytes, the end, or an error the read will report);
    /// false when a stop was requested first. Files are always readable at once.
    static func readable(_ descriptor: Int32, stop: StopRequest?) -> Bool {
        guard let stop else { return true }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            if stop.isRequested { return false }
            let result = poll(&entry, 1, sliceMilliseconds)
            if result > 0 || (result < 0 && errno != EINTR) { return true }
        }
    }
}
