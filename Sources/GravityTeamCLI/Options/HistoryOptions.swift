import ArgumentParser
import Foundation
import GravityRuntime

/// Where the run history lives.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .customLong("history"),
        help: "Run history database (default: $GRAVITY_HISTORY or ~/.local/share/gravity-team/history.sqlite)."
    )
    var historyPath: String?

    var path: String { historyPath ?? RunHistory.defaultPath() }

    /// Records a run; a history that cannot be written is a warning, never a failed run.
    func record(_ records: RunRecords) -> Int64? {
        do {
            return try RunHistory(path: path).record(records)
        } catch {
            FileHandle.standardError.write(Data("warning: the run was not added to the history: \(error)\n".utf8))
            return nil
        }
    }

    /// Marks a recorded run as interrupted; a history that cannot be written is a warning.
    func markInterrupted(runID: Int64, _ interruption: RunInterrupted) {
        do {
            try RunHistory(path: path).markInterrupted(runID: runID, interruption)
        } catch {
            FileHandle.standardError.write(Data("warning: the interruption was not added to the history: \(error)\n".utf8))
        }
    }
}
