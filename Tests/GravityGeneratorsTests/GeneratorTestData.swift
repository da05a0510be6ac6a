import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

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

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs a program and returns its status and combined output.
    @discardableResult
    static func run(
        _ executable: String,
        _ arguments: [String],
        in directory: String? = nil,
        environment: [String: String] = [:]
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
