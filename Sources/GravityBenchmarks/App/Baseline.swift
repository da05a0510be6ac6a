import Foundation
import GravityOrchestration
import GravitySystem

#if canImport(Glibc)
import Glibc
#endif

/// The hand-written FastAPI service of bench/app/baseline, run with one uvicorn worker from the
/// app's own virtual environment (the same FastAPI, SQLAlchemy, Pydantic and PyJWT) over the same
/// SQLite file.
struct Baseline {
    var url: String
    var pid: pid_t

    /// Started and healthy, or nil when the baseline does not serve `table`.
    static func start(bench: String, plan: DeploymentPlan, table: String, databaseFile: String, secret: String, scratch: String) async throws -> Baseline? {
        guard table == "products", FileManager.default.fileExists(atPath: "\(bench)/baseline/main.py"),
            let requirements = plan.pythonRequirements
        else { return nil }
        let environment = try await PythonEnvironment.prepare(requirements: requirements)
        let port = try PortAllocator.freePort()
        var variables = ProcessInfo.processInfo.environment
        variables["DATABASE_URL"] = "sqlite:///\(databaseFile)"
        variables["JWT_SECRET"] = secret
        let pid = try ProcessControl.spawn(
            "\(environment.directory)/bin/uvicorn", ["main:app", "--host", "127.0.0.1", "--port", String(port)],
            environment: variables, directory: "\(bench)/baseline", logFile: "\(scratch)/baseline.log"
        )
        let baseline = Baseline(url: "http://127.0.0.1:\(port)", pid: pid)
        let probe = HealthProbe()
        for _ in 0..<150 {
            if await probe.check("\(baseline.url)/health", timeout: 1) == .healthy { return baseline }
            if ProcessControl.exitStatus(of: pid) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        await baseline.stop()
        throw BenchmarkFailure("the baseline did not start: \(LogFile.tail("\(scratch)/baseline.log", lines: 3).joined(separator: " | "))")
    }

    func stop() async { await ProcessControl.stopGroup(pid) }
}
