import ArgumentParser
import GravityOrchestration

/// `gravity-team stop`: stop a local deployment, leaving no process behind.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop a local deployment: services in reverse dependency order, then the gateway and the database server."
    )

    @Argument(help: "The app's directory.")
    var directory: String

    func run() async throws {
        let plan = try DeploymentPlan.load(directory)
        let alive = try await LocalDeployment.stop(plan) { print("  \($0)") }
        guard alive.isEmpty else {
            throw DeployError.stillRunning(pids: alive.map { Int32($0) })
        }
        print("Stopped \(plan.name); no process of it is left.")
    }
}
