import Foundation
import GravitySystem
import GravityRuntime

/// Runs the built `gravity-team` binary the way a user would.
enum CLI {
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Outcome: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// From the start of the process to its end; time spent waiting for a slot is not counted.
        var duration: Duration
    }

    /// The binary next to the test bundle (SwiftPM builds both into the same directory).
    static var binary: String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("gravity-team").path,
            Bundle.main.bundleURL.appendingPathComponent("gravity-team").path,
            "\(repositoryRoot)/.build/debug/gravity-team",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// How many CLI processes the tests run at once, across all suites. Waiting for them off the
    /// cooperative pool lets every test start its process at the same time, which on two cores makes
    /// each of them slower than running them a few at a time.
    static let processSlots = ConcurrencyLimiter(limit: max(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Runs `gravity-team arguments...` in `directory` (default: a fresh temporary directory), once
    /// one of `processSlots` is free, and waits for it without holding a cooperative thread.
    /// `develop` skips running the generated tests unless `verify` is set: verification has tests of its own.
    static func run(
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String] = [:],
        verify: Bool = false,
        binary: String = CLI.binary
    ) async throws -> Outcome {
        try await processSlots.run {
            let started = try launch(arguments, in: directory, environment: environment, verify: verify, binary: binary)
            return started.outcome(status: await ChildProcess.exitCode(of: started.pid))
        }
    }

    /// `run` for cleanup in a `defer`, which cannot await: blocks its thread until the command ends,
    /// and takes no slot. Use `run` everywhere else.
    @discardableResult
    static func runToCleanUp(_ arguments: [String], in directory: String? = nil) throws -> Outcome {
        let started = try launch(arguments, in: directory, environment: [:], verify: false, binary: binary)
        return started.outcome(status: ChildProcess.exitCodeBlocking(of: started.pid))
    }

    /// A command started by `launch`, with where its output goes.
    private struct Launched {
        var pid: pid_t
        var outputs: String
        var startedAt: ContinuousClock.Instant

        func outcome(status: Int32) -> Outcome {
            let duration = ContinuousClock.now - startedAt
            defer { try? FileManager.default.removeItem(atPath: outputs) }
            return Outcome(
                status: status,
                stdout: (try? String(contentsOfFile: "\(outputs)/stdout", encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOfFile: "\(outputs)/stderr", encoding: .utf8)) ?? "",
                duration: duration
            )
        }
    }

    private static func launch(
        _ arguments: [String],
        in directory: String?,
        environment: [String: String],
        verify: Bool,
        binary: String
    ) throws -> Launched {
        let finalArguments = arguments.first == "develop" && !verify ? arguments + ["--no-verify"] : arguments
        let workingDirectory = try directory ?? temporaryDirectory()
        // Output goes to files and the exit is collected with waitpid: a pipe could be held open by a
        // process the command leaves running (deploy's supervisor), and Foundation's Process may miss
        // the exit of a child in a process that also uses signal sources.
        let outputs = try temporaryDirectory()
        let startedAt = ContinuousClock.now
        let pid = try ProcessControl.spawn(
            binary,
            finalArguments,
            environment: commandEnvironment(in: workingDirectory, adding: environment),
            directory: workingDirectory,
            logFile: "\(outputs)/stdout",
            errorFile: "\(outputs)/stderr"
        )
        return Launched(pid: pid, outputs: outputs, startedAt: startedAt)
    }

    private static func commandEnvironment(in directory: String, adding extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GRAVITY_DATA_DIR"] = repositoryRoot
        // Tests never touch the user's own run history.
        environment["GRAVITY_HISTORY"] = "\(directory)/history.sqlite"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of personas/ and industries/ to break things in.
    static func scratchData() throws -> String {
        let directory = try temporaryDirectory()
        for folder in ["personas", "industries", "prompts"] {
            try FileManager.default.copyItem(atPath: "\(repositoryRoot)/\(folder)", toPath: "\(directory)/\(folder)")
        }
        return directory
    }

    /// A command started by `start` and still running (or ended and not yet waited for).
    struct Started {
        var pid: pid_t
        /// Its standard output and error, appended as they come.
        var output: String

        /// Sends `signal` to the command (not to what it may have started).
        func signal(_ signal: Int32) { kill(pid, signal) }

        /// Waits for the command to end, off the cooperative pool; returns its exit code.
        func exitCode() async -> Int32 { await ChildProcess.exitCode(of: pid) }
    }

    /// Starts `gravity-team arguments...` in `directory` without waiting for it. It takes no slot: a
    /// test holding one while it runs other commands could leave none for them.
    static func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Started {
        let output = "\(try temporaryDirectory())/output"
        let pid = try ProcessControl.spawn(
            binary,
            arguments.first == "develop" ? arguments + ["--no-verify"] : arguments,
            environment: commandEnvironment(in: directory, adding: environment),
            directory: directory,
            logFile: output
        )
        return Started(pid: pid, output: output)
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
