import Foundation

extension StateConfig {
    /// Opens the state under its lock for the length of `body`. The lock sits beside the
    /// state file, so two runs (or a run and a fetch) on one state never overlap.
    func withLockedState<Result>(_ body: (RunState) throws(RunError) -> Result) throws(RunError) -> Result {
        let lock: RunLock
        let state: RunState
        // SQLite would block on a FIFO or write into a device: only regular files (or none yet).
        for file in [path, path + ".lock"] {
            if case let .refuse(kind) = OutputTarget.of(file) { throw .state(.notAFile(path: file, kind: kind)) }
            if case .stream = OutputTarget.of(file) {
                throw .state(.notAFile(path: file, kind: "a device or FIFO"))
            }
        }
        do {
            lock = try RunLock(path: path + ".lock")
        } catch {
            throw .locked(error)
        }
        do {
            state = try RunState(path: path)
        } catch {
            throw .state(error)
        }
        return try withExtendedLifetime(lock) { () throws(RunError) -> Result in try body(state) }
    }
}
