import Foundation
import GRDB

/// One line of a deployment's progress: a step, a health check, a restart, the end.
public struct DeployEvent: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "events"

    public enum Kind: String, Codable, Sendable {
        /// A step of the deployment.
        case step
        /// A problem worth seeing that does not stop the deployment.
        case warning
        /// A crash or a restart while deployed.
        case restart
        /// Every service and the gateway are up.
        case ready
        /// The deployment gave up; the text says why.
        case failed
        /// The supervisor stopped everything.
        case stopped
        /// A running deployment took its changed files: migrations applied, services restarted.
        case updated
        /// A running deployment could not take its changed files; the text says why.
        case updateFailed = "update_failed"
    }

    public var id: Int64?
    public var at: Double
    public var kind: Kind
    public var service: String?
    public var text: String

    public init(kind: Kind, service: String? = nil, text: String, at: Double = Date().timeIntervalSince1970) {
        self.at = at
        self.kind = kind
        self.service = service
        self.text = text
    }

    public var isFinal: Bool { kind == .ready || kind == .failed || kind == .stopped }
}
