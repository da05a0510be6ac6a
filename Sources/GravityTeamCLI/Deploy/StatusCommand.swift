import ArgumentParser
import Foundation
import GravityOrchestration

/// `gravity-team status`: how a locally deployed app is doing.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a local deployment: each service's state, pid, port, health, restarts, uptime and URL."
    )

    @Argument(help: "The app's directory.")
    var directory: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Also print the generated secrets (admin password, JWT secret).")
    var showSecrets = false

    func run() throws {
        let plan = try DeploymentPlan.load(directory)
        let status = try LocalDeployment.status(plan)
        let secrets = showSecrets ? try LocalDeployment.secrets(plan) : [:]
        if json {
            try printJSON(StatusReport(status: status, secrets: showSecrets ? secrets : nil))
            return
        }
        let deployment = status.deployment
        let state =
            status.supervised
            ? deployment.status.rawValue
            : status.leftRunning.isEmpty
                ? (deployment.status == .running ? "not running (its supervisor is gone)" : deployment.status.rawValue)
                : "unsupervised: its supervisor is gone and \(status.leftRunning.count) of its processes are left running; "
                    + "`gravity-team stop \(directory)` stops them"
        print("\(deployment.app): \(state)\(status.supervised ? " on \(deployment.gatewayURL)" : "")")
        if let message = deployment.message, deployment.status == .failed {
            print("last failure: \(message.split(separator: "\n").first ?? "")")
        }
        print(
            StatusTable.render(
                deployment: deployment,
                services: status.services,
                gatewayState: status.gatewayState,
                supervised: status.supervised
            )
        )
        if let port = deployment.postgresPort, status.supervised { print("postgresql: 127.0.0.1:\(port)") }
        for (name, value) in secrets.sorted(by: { $0.key < $1.key }) { print("\(name)=\(value)") }
    }
}

/// `status --json`.
struct StatusReport: Encodable {
    var app: String
    var status: String
    var supervised: Bool
    /// Without a supervisor, what is still running unwatched.
    var leftRunning: [String]
    var gateway: String
    /// The gateway's process, as the table's gateway row shows it.
    var gatewayState: String
    var gatewayPid: Int32?
    var gatewayRestarts: Int
    var gatewayStartedAt: Double?
    var services: [ServiceRecord]
    var secrets: [String: String]?

    enum CodingKeys: String, CodingKey {
        case app, status, supervised, gateway, services, secrets
        case leftRunning = "left_running"
        case gatewayState = "gateway_state"
        case gatewayPid = "gateway_pid"
        case gatewayRestarts = "gateway_restarts"
        case gatewayStartedAt = "gateway_started_at"
    }

    init(status: LocalDeployment.Status, secrets: [String: String]?) {
        app = status.deployment.app
        self.status = status.deployment.status.rawValue
        supervised = status.supervised
        leftRunning = status.leftRunning.sorted()
        gateway = status.deployment.gatewayURL
        gatewayState = status.gatewayState.rawValue
        gatewayPid = status.deployment.gatewayPid
        gatewayRestarts = status.deployment.gatewayRestarts
        gatewayStartedAt = status.deployment.gatewayStartedAt
        services = status.services
        self.secrets = secrets
    }
}
