import GravityRuntime
import GravitySystem

/// Runs a generated application's own tests: each service's suite in the cached virtual environment.
public struct Verify: Sendable {
    public var appDirectory: String

    public init(appDirectory: String) { self.appDirectory = appDirectory }

    /// Whether the tests can run here at all (python3 with venv), asked before a run spends its time;
    /// `VerificationError.unavailable` names what to install.
    public static func checkAvailable() async throws {
        do {
            try await PythonEnvironment.checkAvailable()
        } catch let unavailable as PythonEnvironment.Unavailable {
            throw VerificationError.unavailable(unavailable)
        }
    }

    /// Each service's results, failed tests included; it throws only when the tests cannot run.
    public func run() async throws -> [ServiceTestResult] {
        try await ServiceTestRunner(appDirectory: appDirectory).run()
    }

    /// The failure to report for `results`, when a test failed.
    public static func failure(of results: [ServiceTestResult]) -> VerificationError? {
        results.contains { !$0.succeeded } ? .failed(results) : nil
    }
}
