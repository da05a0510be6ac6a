import Foundation
import GravityGenerators
import GravityModel
import GravityOrchestration
import GravityRuntime

/// Times `deploy` (local target) from the call to every service and the gateway healthy, with the
/// virtual environment already cached: a fresh app each run (databases created, migrated, seeded),
/// and a redeploy of the same app (databases already there).
public struct DeployBenchmark: Sendable {
    /// Industry of the app (generated from a mock run, seed 42).
    public var industry = "ecommerce"

    /// Repetitions of each measurement.
    public var runs = 5

    /// The gravity-team program that runs the supervisor.
    public var program: String

    /// Directory holding personas/ and industries/.
    public var dataDirectory: String?

    public init(program: String) { self.program = program }

    public func run(say: (String) -> Void) async throws {
        let supervisor = program
        guard FileManager.default.isExecutableFile(atPath: supervisor) else {
            throw BenchmarkFailure("\(supervisor) does not exist; build it first: swift build -c release --product gravity-team")
        }
        let app = try await ReferenceApp.make(industry: industry, root: DataDirectory.locate(explicit: dataDirectory))
        let files = app.files
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-bench-deploy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        func freshApp(_ name: String) throws -> DeploymentPlan { try app.write(to: "\(scratch)/\(name)") }
        func deploy(_ plan: DeploymentPlan) async throws -> Double {
            let port = try PortAllocator.freePort()
            let started = ContinuousClock.now
            let outcome = try await LocalDeployment.deploy(plan, port: port, supervisor: [supervisor, "supervise"]) { _ in }
            let elapsed = (ContinuousClock.now - started).milliseconds
            guard case .ready = outcome else { throw BenchmarkFailure("deploy did not come up: \(outcome)") }
            return elapsed
        }

        // Warm-up: creates the virtual environment if the cache does not have it yet.
        let warm = try freshApp("warm-up")
        let warmUp = try await deploy(warm)
        _ = try await LocalDeployment.stop(warm) { _ in }

        var fresh: [Double] = []
        var again: [Double] = []
        var stops: [Double] = []
        for index in 0..<runs {
            let plan = try freshApp("run-\(index)")
            fresh.append(try await deploy(plan))
            stops.append(try await ContinuousClock().measure { _ = try await LocalDeployment.stop(plan) { _ in } }.milliseconds)
            again.append(try await deploy(plan))
            _ = try await LocalDeployment.stop(plan) { _ in }
        }
        say(
            "gravity-team bench deploy: \(industry), \(files.count) files, services \(try freshApp("count").services.count), \(runs) runs, warm-up \(format(warmUp))"
        )
        say("| measurement | median | p90 | max |")
        say("|---|---|---|---|")
        for (name, samples) in [
            ("deploy a fresh app until all healthy (venv cached)", fresh), ("redeploy (databases exist)", again), ("stop", stops),
        ] {
            let statistics = Statistics(samples)
            say("| \(name) | \(format(statistics.median)) | \(format(statistics.percentile(90))) | \(format(samples.max() ?? 0)) |")
        }
    }
}
