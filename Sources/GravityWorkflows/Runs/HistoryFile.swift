import GravityRuntime

/// The run history a workflow records into. A history that cannot be written is a warning (through
/// `warn`), never a failed run.
public struct HistoryFile: Sendable {
    public var path: String
    public var warn: @Sendable (String) -> Void

    public init(path: String, warn: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.warn = warn
    }

    /// Records a run: its id, or nil when it could not be recorded.
    func record(_ records: RunRecords) -> Int64? {
        do {
            return try RunHistory(path: path).record(records)
        } catch {
            warn("warning: the run was not added to the history: \(error)")
            return nil
        }
    }

    func markInterrupted(runID: Int64, _ interruption: RunInterrupted) {
        do {
            try RunHistory(path: path).markInterrupted(runID: runID, interruption)
        } catch {
            warn("warning: the interruption was not added to the history: \(error)")
        }
    }
}
