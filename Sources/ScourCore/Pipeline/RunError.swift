/// Why a run (or `scour fetch`) could not go on. Each case keeps the error of the part that
/// failed, so the message names the file or library to look at; the CLI maps cases to exit
/// statuses (README: 75 for a held lock, 74 for the rest).
public enum RunError: Error, Sendable, CustomStringConvertible {
    case locked(RunLock.Failure)
    case output(OutputError)
    case state(StateError)
    /// libcurl could not be set up for fetching.
    case fetchSetup(FetchSetupError)
    /// The WARC archive of fetched pages could not be created or written.
    case archive(ArchiveError)

    public var description: String {
        switch self {
        case let .locked(failure): return failure.description
        case let .output(error): return error.description
        case let .state(error): return error.description
        case let .fetchSetup(error): return error.description
        case let .archive(error): return error.description
        }
    }
}
