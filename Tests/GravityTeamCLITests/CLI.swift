import Foundation
import GravityOrchestration

/// Runs the built `gravity-team` binary the way a user would.
enum CLI {
    static let repositoryRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
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

    /// Runs `gravity-team arguments...` in `directory` (default: a fresh temporary directory).
    /// `develop` skips running the generated tests unless `verify` is set: verification has tests of its own.
    static func run(
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String] = [:],
        verify: Bool = false
    ) throws -> Outcome {
        let finalArguments = arguments.first == "develop" && !verify ? arguments + ["--no-verify"] : arguments
        let workingDirectory = try directory ?? temporaryDirectory()
        var env = ProcessInfo.processInfo.environment
        env["GRAVITY_DATA_DIR"] = repositoryRoot
        // Tests never touch the user's own run history.
        env["GRAVITY_HISTORY"] = "\(workingDirectory)/history.sqlite"
        for (key, value) in environment { env[key] = value }
        // Output goes to files and the exit is collected with waitpid: a pipe could be held open by a
        // process the command leaves running (deploy's supervisor), and Foundation's Process may miss
        // the exit of a child in a process that also uses signal sources.
        let outputs = try temporaryDirectory()
        let pid = try ProcessControl.spawn(
            binary,
            finalArguments,
            environment: env,
            directory: workingDirectory,
            logFile: "\(outputs)/stdout",
            errorFile: "\(outputs)/stderr"
        )
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        defer { try? FileManager.default.removeItem(atPath: outputs) }
        return Outcome(
            status: code,
            stdout: (try? String(contentsOfFile: "\(outputs)/stdout", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: "\(outputs)/stderr", encoding: .utf8)) ?? ""
        )
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

    /// Starts `gravity-team arguments...` without waiting for it.
    static func start(_ arguments: [String], in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments.first == "develop" ? arguments + ["--no-verify"] : arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["GRAVITY_DATA_DIR"] = repositoryRoot
        env["GRAVITY_HISTORY"] = "\(directory)/history.sqlite"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
