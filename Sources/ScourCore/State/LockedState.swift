import Foundation

extension StateConfig {
    /// Opens the state under its lock for the length of `body`. The lock sits beside the
    /// state file, so two runs (or a run and a fetch) on one state never overlap.
    func withLockedState<Result>(_ body: (RunState) throws(RunError) -> Result) throws(RunError) -> Result {
        let lock: RunLock
        let state: RunState
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
