import ArgumentParser
import Foundation
import GravityRuntime
import GravityWorkflows

/// Where the run history lives.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .customLong("history"),
        help: "Run history database (default: $GRAVITY_HISTORY or ~/.local/share/gravity-team/history.sqlite)."
    )
    var historyPath: String?

    var path: String { historyPath ?? RunHistory.defaultPath() }

    /// The history a workflow records into; what cannot be written is a warning on stderr.
    var file: HistoryFile {
        HistoryFile(path: path) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
    }
}
