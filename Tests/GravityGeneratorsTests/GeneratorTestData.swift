import Foundation
import GravitySystem
import GravityGenerators
import GravityModel
import GravityRuntime
import GravityTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Blueprints from real sessions, and helpers to write generated files and run programs.
enum GeneratorTestData {
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let industries = ["ecommerce", "healthcare", "finance", "education", "general"]

    static func session(_ industry: String, seed: UInt64 = 42) async throws -> SessionResult {
        let catalog = try Catalog(root: repositoryRoot)
        let team = try catalog.team(for: catalog.industry(industry))
        return try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: seed, model: MockModel(seed: seed))
        )
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-generators-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ files: [GeneratedFile], to directory: String) throws {
        for file in files {
            let path = "\(directory)/\(file.path)"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    struct Outcome: Sendable {
        var status: Int32
        var output: String
    }

    /// Runs a program whose children may outlive it (a server's start script), waiting for it on a
    /// thread of its own.
    static func runWithoutPipes(_ executable: String, _ arguments: [String], output: String) async throws -> Outcome {
        try await DedicatedThread.run((executable as NSString).lastPathComponent) {
            runWithoutPipesBlocking(executable, arguments, output: output)
        }
    }

    /// `runWithoutPipes` blocking its thread, for cleanup that cannot await. Foundation's Process
    /// notices termination through a descriptor the child inherits, which a daemon keeps open, so
    /// this spawns and waits with posix_spawn and waitpid instead; output goes to a file.
    static func runWithoutPipesBlocking(_ executable: String, _ arguments: [String], output: String) -> Outcome {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { return Outcome(status: -1, output: "posix_spawn failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exitStatus, output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// Runs a program and returns its status and combined output; it is waited for on a thread of
    /// its own.
    @discardableResult
    static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String] = [:]
    ) async throws -> Outcome {
        try await DedicatedThread.run((executable as NSString).lastPathComponent) {
            try runBlocking(executable, arguments, in: directory, environment: environment)
        }
    }

    private static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        in directory: String?,
        environment: [String: String]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
