import Foundation
import GravityOrchestration
import GravityRuntime
import GravityReport
import Mustache

/// The dashboard's first page: runs under way, the run history with links to each report, and
/// the apps deployed locally with each service's state, health and restarts.
struct IndexPage {
    static let template = HTMLEscaping.template(PackageResources.index_html_mustache)

    let started: [LiveRun]
    let finished: [RunRecord]
    let apps: [DeployedAppRecord]
    let prices: PriceTable

    func render() -> String {
        Self.template.render(HTMLEscaping.context(context))
    }

    var context: [String: Any] {
        let underWay = started.filter(\.isUnderWay).compactMap { run -> [String: Any]? in
            guard let id = run.id else { return nil }
            return [
                "id": "\(id)", "industry": run.industry, "brief": run.brief, "command": run.command,
                "started": Self.time(run.startedAt), "link": "/live/\(id)",
            ]
        }
        let runs = finished.compactMap { run -> [String: Any]? in
            guard let id = run.id else { return nil }
            var row: [String: Any] = [
                "id": "\(id)", "command": run.command, "industry": run.industry, "model": run.model, "status": run.status,
                "started": Self.time(run.startedAt), "tokens": "\(run.promptTokens + run.completionTokens)",
                "cost": run.estimatedCost.map { String(format: "$%.4f", $0) } ?? "",
            ]
            if run.transcript.hasPrefix("/"), FileManager.default.fileExists(atPath: run.transcript) {
                row["report"] = "/runs/\(id)/report"
            } else {
                row["missing"] = "transcript moved or removed"
            }
            return row
        }
        return [
            "under_way": underWay, "has_under_way": !underWay.isEmpty,
            "runs": runs, "has_runs": !runs.isEmpty,
            "apps": apps.map(Self.app), "has_apps": !apps.isEmpty,
        ]
    }

    /// An app's deploy state as `status` reads it; what cannot be read is said in a line.
    static func app(_ record: DeployedAppRecord) -> [String: Any] {
        var entry: [String: Any] = ["directory": record.directory, "deployed": time(record.deployedAt)]
        do {
            let plan = try DeploymentPlan.load(record.directory)
            let status = try LocalDeployment.status(plan)
            entry["name"] = status.deployment.app
            entry["state"] = status.supervised ? status.deployment.status.rawValue : "not running (no supervisor)"
            entry["running"] = status.supervised && status.deployment.status == .running
            if status.supervised { entry["url"] = status.deployment.gatewayURL }
            entry["services"] = status.services.map { service -> [String: Any] in
                [
                    "name": service.name, "state": service.state.rawValue, "health": service.health.rawValue,
                    "restarts": "\(service.restarts)", "port": service.port.map(String.init) ?? "",
                    "class": service.state.isUp && service.health != .unhealthy ? "up" : "down",
                ]
            }
            entry["gateway"] = status.gatewayState.rawValue
        } catch {
            entry["name"] = (record.directory as NSString).lastPathComponent
            entry["problem"] = "\(error)"
        }
        return entry
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }
}
