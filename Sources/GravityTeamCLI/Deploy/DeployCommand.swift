import ArgumentParser
import Foundation
import GravityDeployContract
import GravityModel
import GravityOrchestration
import GravityRuntime
import GravityWorkflows
import GravitySystem

/// `gravity-team deploy`: run a generated app (or any directory of services with manifests).
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy an app: locally as processes behind an nginx gateway, or with docker compose or Kubernetes.",
        discussion: """
            <dir> is a generated app (gravity-app.yaml) or a directory of services, each with a gravity-service.yaml. \
            The local target keeps its state in <dir>/.gravity/, so status, logs, stop and gateway work from any shell.
            """
    )

    @Argument(help: "The app's directory.")
    var directory: String

    @Option(help: "local (processes behind nginx), compose or kubernetes.")
    var target: DeployTarget = .local

    @Option(parsing: .unconditional, help: "The gateway's port on 127.0.0.1 (default: gravity-app.yaml's, else 8080).")
    var port: Int?

    @Option(
        name: .customLong("registration-rate"),
        help: "How often one client address may register an account through the gateway, where the team adopted rate limiting (default: 10r/m; nginx's Nr/s or Nr/m)."
    )
    var registrationRate: String = GatewayTemplate.defaultRegistrationRate

    @Flag(
        help: "Serve the local gateway over HTTPS with a self-signed certificate made at deploy (.gravity/tls/gateway.crt), where the team adopted security.tls_at_gateway."
    )
    var tls = false

    @OptionGroup var history: HistoryOptions

    func validate() throws {
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port \(port) is not a port number (1-65535)") }
        guard GatewayTemplate.isRate(registrationRate) else {
            throw ValidationError("--registration-rate '\(registrationRate)' is not a rate: give requests per second or minute, like 10r/m or 5r/s")
        }
    }

    func run() async throws {
        var inputs = Deploy.Inputs(directory: directory, supervisor: [])
        inputs.target = target
        inputs.port = port
        inputs.registrationRate = registrationRate
        inputs.tls = tls
        if target == .local { inputs.supervisor = [try ThisProgram.path(), "supervise"] }
        let deploy = try Deploy(inputs)
        let plan = deploy.plan
        if target == .local {
            print("Deploying \(plan.name) (\(plan.services.count) services) from \(plan.root) to 127.0.0.1:\(deploy.port)")
        }
        let printer = DeployProgressPrinter(start: Date())
        let outcome = try await deploy.run(events: { printer.print($0) }, lines: { print("  \($0)") })
        // `serve` shows the apps deployed here, with their services' state.
        if target == .local { history.file.recordDeployedApp(plan.root) }
        switch outcome {
        case .containers(let outcome):
            ContainerTargetReport.print(outcome)
        case .alreadyRunning(let deployment):
            let url = deployment.map { " on \($0.gatewayURL)" } ?? ""
            print(
                "\(plan.name) is already running\(url); `gravity-team status \(directory)` shows it, `gravity-team stop \(directory)` stops it."
            )
        case .updated(let deployment, let services, let changed, let elapsed):
            print("")
            print(StatusTable.render(deployment: deployment, services: services, gatewayState: .running, supervised: true))
            print("")
            print(String(format: "Updated in %.1f s: %@ restarted with their new files, every stored row kept. Open %@", elapsed.seconds, changed.joined(separator: ", "), deployment.gatewayURL))
        case .ready(let deployment, let services, let elapsed):
            print("")
            print(StatusTable.render(deployment: deployment, services: services, gatewayState: .running, supervised: true))
            print("")
            print(String(format: "Deployed in %.1f s. Open %@", elapsed.seconds, deployment.gatewayURL))
            if let admin = plan.administrator?.email {
                print("Sign in as \(admin); the password: gravity-team status \(directory) --show-secrets")
            }
            print("Logs: gravity-team logs \(directory) <service>. Stop: gravity-team stop \(directory)")
        }
    }
}

extension DeployTarget: ExpressibleByArgument {}
