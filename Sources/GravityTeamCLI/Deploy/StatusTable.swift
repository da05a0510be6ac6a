import Foundation
import GravityOrchestration
import GravityRuntime

/// The table of `status` and of the end of `deploy`.
enum StatusTable {
    /// Without a supervisor nobody checks health, so it shows as "-"; a process still running is
    /// "left running" (until `stop`), one that is not is "gone".
    static func render(
        deployment: DeploymentRecord,
        services: [ServiceRecord],
        supervised: Bool,
        leftRunning: Set<String> = [],
        now: Date = Date()
    ) -> String {
        var table = TextTable(header: ["SERVICE", "STATE", "PID", "PORT", "HEALTH", "RESTARTS", "UPTIME", "URL"])
        for service in services {
            let recordedUp = service.state == .running || service.state == .starting
            let up = supervised ? recordedUp : leftRunning.contains(service.name)
            table.rows.append([
                service.name,
                supervised || !recordedUp ? service.state.rawValue : (up ? "left running" : "gone"),
                service.pid.map(String.init) ?? "-",
                service.port.map(String.init) ?? "-",
                supervised ? service.health.rawValue : "-",
                String(service.restarts),
                up ? service.startedAt.map { uptime(now.timeIntervalSince1970 - $0) } ?? "-" : "-",
                up ? service.url ?? "-" : "-",
            ])
        }
        let gatewayUp = supervised ? deployment.gatewayPid != nil : leftRunning.contains("gateway")
        let gatewayState = gatewayUp ? (supervised ? "running" : "left running") : "stopped"
        table.rows.append([
            "gateway", gatewayState, deployment.gatewayPid.map(String.init) ?? "-", String(deployment.gatewayPort),
            "-", "-", gatewayUp ? uptime(now.timeIntervalSince1970 - deployment.startedAt) : "-", gatewayUp ? deployment.gatewayURL : "-",
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
