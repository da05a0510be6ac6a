import Foundation
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

    /// Notes a run under way (for `serve`); nil when the history cannot take it.
    func beginLive(_ run: LiveRun) -> Int64? {
        do {
            return try RunHistory(path: path).beginLive(run)
        } catch {
            warn("warning: the run under way was not added to the history: \(error)")
            return nil
        }
    }

    func endLive(id: Int64, runID: Int64?) {
        try? RunHistory(path: path).endLive(id: id, runID: runID)
    }

    /// Notes an application deployed locally (for `serve`).
    public func recordDeployedApp(_ directory: String) {
        do {
            try RunHistory(path: path).recordDeployedApp(Self.absolute(directory))
        } catch {
            warn("warning: the deployed application was not added to the history: \(error)")
        }
    }

    /// `path` from the root: the history is read from other directories than the run's.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func markInterrupted(runID: Int64, _ interruption: RunInterrupted) {
        do {
            try RunHistory(path: path).markInterrupted(runID: runID, interruption)
        } catch {
            warn("warning: the interruption was not added to the history: \(error)")
        }
    }
}
