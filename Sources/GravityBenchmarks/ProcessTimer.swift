import Foundation
import GravitySystem

/// Runs a command to completion, its output discarded, and returns its wall time in milliseconds.
enum ProcessTimer {
    static func time(_ executable: String, _ arguments: [String]) async throws -> Double {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchmarkFailure("\(executable) is not an executable; build it with swift build -c release or pass --binary")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let status = try await ProcessControl.run(executable, arguments, logFile: "/dev/null", timeout: .seconds(3600), grace: .seconds(5))
        let elapsed = clock.now - started
        guard status == 0 else {
            throw BenchmarkFailure("\(executable) \(arguments.first ?? "") exited with status \(status.map(String.init) ?? "none (stopped after an hour)")")
        }
        return elapsed.milliseconds
    }
}
