import Foundation
import GravityOrchestration
import GravityRuntime

/// The table of `status` and of the end of `deploy`.
enum StatusTable {
    /// Renders what `LocalDeployment.status` observed (or what `deploy` just started): the JSON of
    /// `status` comes from the same records. Without a supervisor nobody checks health, so it shows as "-".
    static func render(
        deployment: DeploymentRecord,
        services: [ServiceRecord],
        gatewayState: ServiceRecord.State,
        supervised: Bool,
        now: Date = Date()
    ) -> String {
        var table = TextTable(header: ["SERVICE", "STATE", "PID", "PORT", "HEALTH", "RESTARTS", "UPTIME", "URL"])
        for service in services {
            let up = service.state.isUp
            table.rows.append([
                service.name,
                service.state.rawValue,
                service.pid.map(String.init) ?? "-",
                service.port.map(String.init) ?? "-",
                supervised ? service.health.rawValue : "-",
                String(service.restarts),
                up ? service.startedAt.map { uptime(now.timeIntervalSince1970 - $0) } ?? "-" : "-",
                up ? service.url ?? "-" : "-",
            ])
        }
        let gatewayUp = gatewayState.isUp
        table.rows.append([
            "gateway", gatewayState.rawValue, deployment.gatewayPid.map(String.init) ?? "-", String(deployment.gatewayPort),
            "-", String(deployment.gatewayRestarts),
            gatewayUp ? uptime(now.timeIntervalSince1970 - (deployment.gatewayStartedAt ?? deployment.startedAt)) : "-",
            gatewayUp ? deployment.gatewayURL : "-",
        ])
        return table.render()
    }

    static func uptime(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total / 3600)h\(String(format: "%02d", (total % 3600) / 60))m"
    }
}
