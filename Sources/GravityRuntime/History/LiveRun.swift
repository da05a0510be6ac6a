import Foundation
import GRDB
import GravitySystem

/// A run as the history knows it from its start, so that `serve` can follow it while it goes: the
/// process, where its transcript is being written (absolute paths), and how it ended.
public struct LiveRun: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "live_runs"

    public var id: Int64?
    public var pid: Int32
    /// The process's start time, so that a pid the system gave to another process since is not taken for the run.
    public var pidStart: Int64?
    public var startedAt: Date
    public var command: String
    public var industry: String
    public var brief: String
    public var transcript: String
    public var output: String
    /// When the run ended, and its id in the history when it was recorded there.
    public var endedAt: Date?
    public var runID: Int64?
    /// The run takes its approval gates' answers from the dashboard (`--answers-from serve`).
    public var answersFromServe = false

    /// Still going: not ended, and its process still there (a run killed outright cannot say it ended).
    public var isUnderWay: Bool { endedAt == nil && ProcessControl.isSame(pid, startedAt: pidStart) }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pid, command, industry, brief, transcript, output
        case startedAt = "started_at"
        case pidStart = "pid_start"
        case endedAt = "ended_at"
        case runID = "run_id"
        case answersFromServe = "answers_from_serve"
    }

    public init(
        pid: Int32, startedAt: Date, command: String, industry: String, brief: String, transcript: String, output: String, answersFromServe: Bool = false
    ) {
        self.pid = pid
        self.pidStart = ProcessControl.startTime(of: pid)
        self.startedAt = startedAt
        self.command = command
        self.industry = industry
        self.brief = brief
        self.transcript = transcript
        self.output = output
        self.answersFromServe = answersFromServe
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An application directory `deploy` ran locally, for `serve` to show its services' state.
public struct DeployedAppRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deployed_apps"

    public var directory: String
    public var deployedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case directory
        case deployedAt = "deployed_at"
    }

    public init(directory: String, deployedAt: Date) {
        self.directory = directory
        self.deployedAt = deployedAt
    }
}
