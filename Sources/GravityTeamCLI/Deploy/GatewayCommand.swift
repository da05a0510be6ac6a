import ArgumentParser
import GravityOrchestration
import GravityRuntime

/// `gravity-team gateway`: the gateway's route table.
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Show the gateway's routes: path prefix, service, and where it is served now."
    )

    @Argument(help: "The app's directory.")
    var directory: String

    func run() throws {
        let plan = try DeploymentPlan.load(directory)
        let status = try? LocalDeployment.status(plan)
        // Served is what answers now: watched by the supervisor, or left running without it.
        let gatewayState = status?.gatewayState ?? .stopped
        let live = gatewayState.isUp
        let unsupervised = gatewayState == .leftRunning
        let ports = Dictionary(
            (status?.services ?? []).compactMap { record in record.port.map { (record.name, $0) } },
            uniquingKeysWith: { a, _ in a }
        )
        var table = TextTable(header: ["PREFIX", "SERVICE", "UPSTREAM", "STATE"])
        for route in plan.routes {
            let record = status?.services.first { $0.name == route.service }
            table.rows.append([
                "\(route.prefix)/", route.service,
                live && record?.state.isUp == true ? ports[route.service].map { "127.0.0.1:\($0)" } ?? "-" : "-",
                live ? record?.state.rawValue ?? "-" : "not deployed",
            ])
        }
        table.rows.append(["/", "frontend", plan.frontend ?? "(a page listing the routes)", live ? "served" : "not deployed"])
        let port = status?.deployment.gatewayPort ?? plan.defaultPort
        let note =
            status?.supervised == true
            ? "" : unsupervised ? " (left running without its supervisor; `gravity-team stop` stops it)" : " (not running)"
        print("Gateway of \(plan.name): nginx on http://127.0.0.1:\(port)/\(note)")
        print(table.render())
    }
}
