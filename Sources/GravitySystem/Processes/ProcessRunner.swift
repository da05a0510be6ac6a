import Foundation

/// Runs a program to completion and hands back its combined output, with a time limit: the
/// `ProcessControl` launch (its own process group, signals at their defaults) with the output in a
/// temporary file, read once the program has ended.
public enum ProcessRunner {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var timedOut: Bool
    }

    /// Runs `executable` with `arguments` in `directory` (default: the current one) with `environment`
    /// (default: this process's); stops its process group after `timeout`. A cancelled task stops it
    /// too, and throws `CancellationError`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String]? = nil,
        timeout: Duration = .seconds(600)
    ) async throws -> Outcome {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-run-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let status = try await ProcessControl.run(
            executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            directory: directory ?? FileManager.default.currentDirectoryPath, logFile: output, timeout: timeout, grace: .seconds(5)
        )
        let text = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        return Outcome(status: status ?? -1, output: text, timedOut: status == nil)
    }

    /// The full path of `name` on PATH, or nil.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
