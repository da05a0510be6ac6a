import Foundation
import GRDB

/// One service of a local deployment as the supervisor last saw it.
public struct ServiceRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "services"

    public enum State: String, Codable, Sendable {
        case pending, starting, running, crashed, failed, stopping, stopped
        /// Seen by `status` only, never stored: with the supervisor gone, a process still running unwatched.
        case leftRunning = "left running"
        /// Seen by `status` only, never stored: with the supervisor gone, a process recorded as up that is not.
        case gone

        /// Whether a process of the service is (or is about to be) serving.
        public var isUp: Bool { self == .running || self == .starting || self == .leftRunning }
    }

    public enum Health: String, Codable, Sendable {
        case unknown, healthy, unhealthy
    }

    public var name: String
    public var position: Int
    public var state: State
    public var pid: Int32?
    /// The process's start time (ProcessControl.startTime), so a recycled pid is never signalled.
    public var pidStart: Int64?
    public var port: Int?
    public var health: Health
    public var restarts: Int
    /// When the current process started (seconds since 1970).
    public var startedAt: Double?
    public var lastExit: String?
    /// The service's files when its running process was started (`ServiceFingerprint`).
    public var fingerprint: String?

    public var url: String? { port.map { "http://127.0.0.1:\($0)" } }

    public init(name: String, position: Int) {
        self.name = name
        self.position = position
        self.state = .pending
        self.health = .unknown
        self.restarts = 0
    }

    enum CodingKeys: String, CodingKey {
        case name, position, state, pid, port, health, restarts
        case startedAt = "started_at"
        case lastExit = "last_exit"
        case pidStart = "pid_start"
        case fingerprint
    }
}
