import ArgumentParser
import Foundation
import ScourCore

@main
struct Scour: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scour",
        abstract: "Turns scraped web pages into clean, normalized JSONL.",
        version: ScourVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, ExplainCommand.self, BenchCommand.self, DedupCommand.self,
                      FetchCommand.self, FeedsCommand.self, BenchFetchCommand.self, ReportCommand.self]
    )
}

/// Exit codes, documented in the README.
enum ExitStatus {
    /// `--fail-on-reject` and some input was rejected.
    static let rejects: Int32 = 1
    static let configError: Int32 = 2
    static let outputError: Int32 = 74
    /// Another run holds the lock on the same state (EX_TEMPFAIL: try again later).
    static let locked: Int32 = 75
}

extension RunError {
    /// The exit status of a run or fetch that could not go on: 75 when another run holds the
    /// state's lock (try again later), 2 for an output or state path that is not a file,
    /// 74 (EX_IOERR) for every other error, as the README lists.
    var exitStatus: Int32 {
        switch self {
        case .locked(.held): return ExitStatus.locked
        // A folder, socket or FIFO named as output or state is a usage error, like a bad config.
        case .output(.notAFile), .state(.notAFile): return ExitStatus.configError
        case .locked(.cannotOpen), .output, .state, .archive: return ExitStatus.outputError
        // Kept at 74 as documented, though no file is at fault: the message names libcurl.
        case .fetchSetup: return ExitStatus.outputError
        }
    }
}

/// Prints to standard error: messages for people, never mixed into data on stdout.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Loads the data files and the config, printing config problems and exiting 2 on error.
/// An absent `pipeline.json` is fine only when the user did not name one.
func loadConfig(path: String, explicit: Bool) throws -> (PipelineConfig, Resources) {
    let resources: Resources
    do {
        resources = try Resources.load()
    } catch {
        printError("scour: \(error)")
        throw ExitCode(ExitStatus.configError)
    }
    if !explicit, !FileManager.default.fileExists(atPath: path) {
        return (PipelineConfig.defaults(resources: resources), resources)
    }
    do {
        return (try PipelineConfig.load(path: path, resources: resources), resources)
    } catch {
        printError(error.description)
        throw ExitCode(ExitStatus.configError)
    }
}
