import Foundation
import GravityRuntime
import Synchronization

/// What a signal that stops a develop or resume run records, depending on where the run is: a row
/// of its own in the history while the team deliberates, nothing while the finished run is being
/// recorded, a mark on that row while the generated tests run. The CLI's signal handler asks it.
public final class RunInterruption: Sendable {
    enum Stage {
        case starting
        /// `record` writes the history row for a signal and returns what it recorded.
        case deliberating(record: @Sendable (String) -> RunInterrupted, transcript: String)
        case recording
        case verifying(runID: Int64?, history: HistoryFile, live: Int64?)
    }

    private let stage = Mutex(Stage.starting)

    public init() {}

    func enter(_ next: Stage) { stage.withLock { $0 = next } }

    /// Records the interruption by `signal` ("SIGINT") and returns the line to tell the user.
    public func record(_ signal: String) -> String {
        switch stage.withLock({ $0 }) {
        case .starting:
            return "\(RunInterrupted(signal: signal, stage: "before the team started")); nothing was recorded"
        case .deliberating(let record, let transcript):
            return "\(record(signal)); the transcript so far is kept: gravity-team develop --resume \(transcript)"
        case .recording:
            return "interrupted by \(signal) as the finished run was being recorded; the transcript is complete"
        case .verifying(let runID, let history, let live):
            let interruption = RunInterrupted(signal: signal, stage: "while the generated tests ran")
            if let runID { history.markInterrupted(runID: runID, interruption) }
            if let live { history.endLive(id: live, runID: runID) }
            return "\(interruption); the application is written"
        }
    }
}
