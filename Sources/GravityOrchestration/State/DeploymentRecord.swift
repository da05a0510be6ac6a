import Foundation
import GRDB

/// The deployment as a whole: who supervises it, where the gateway listens, how it is doing.
public struct DeploymentRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "deployment"

    public enum Status: String, Codable, Sendable {
        case starting, running, failed, stopping, stopped
    }

    public var id = 1
    public var app: String
    public var status: Status
    public var supervisorPid: Int32?
    public var gatewayPort: Int
    public var gatewayPid: Int32?
    public var gatewayStart: Int64?
    /// How often the supervisor restarted nginx, and when the nginx serving now started.
    public var gatewayRestarts = 0
    public var gatewayStartedAt: Double?
    /// Whether the gateway serves HTTPS (`deploy --tls`).
    public var gatewayTLS = false
    public var postgresDirectory: String?
    public var postgresPort: Int?
    public var startedAt: Double
    public var message: String?

    public var gatewayURL: String { "\(gatewayTLS ? "https" : "http")://127.0.0.1:\(gatewayPort)/" }

    public init(app: String, gatewayPort: Int, startedAt: Double, gatewayTLS: Bool = false) {
        self.app = app
        self.status = .starting
        self.gatewayPort = gatewayPort
        self.startedAt = startedAt
        self.gatewayTLS = gatewayTLS
    }

    enum CodingKeys: String, CodingKey {
        case id, app, status, message
        case supervisorPid = "supervisor_pid"
        case gatewayPort = "gateway_port"
        case gatewayPid = "gateway_pid"
        case gatewayStart = "gateway_start"
        case gatewayRestarts = "gateway_restarts"
        case gatewayStartedAt = "gateway_started_at"
        case gatewayTLS = "gateway_tls"
        case postgresDirectory = "postgres_directory"
        case postgresPort = "postgres_port"
        case startedAt = "started_at"
    }
}
