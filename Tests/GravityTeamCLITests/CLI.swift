import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments.first == "develop" && !verify ? arguments + ["--no-verify"] : arguments
        let workingDirectory = try directory ?? temporaryDirectory()
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        var env = ProcessInfo.processInfo.environment
        env["GRAVITY_DATA_DIR"] = repositoryRoot
        // Tests never touch the user's own run history.
        env["GRAVITY_HISTORY"] = "\(workingDirectory)/history.sqlite"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
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
        for folder in ["personas", "industries"] {
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
