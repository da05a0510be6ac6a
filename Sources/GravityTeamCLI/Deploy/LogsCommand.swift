import ArgumentParser
import Foundation
import GravitySystem
import GravityOrchestration

/// `gravity-team logs`: a service's output.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print a service's log (also: gateway, supervisor); --follow keeps printing what it adds."
    )

    @Argument(help: "The app's directory.")
    var directory: String

    @Argument(help: "The service, or gateway, or supervisor.")
    var service: String

    @Flag(name: .shortAndLong, help: "Keep printing new lines until interrupted.")
    var follow = false

    @Option(parsing: .unconditional, help: "Print only the last N lines first.")
    var tail: Int?

    func validate() throws {
        if let tail, tail < 1 { throw ValidationError("--tail \(tail) must be at least 1") }
    }

    func run() async throws {
        let plan = try DeploymentPlan.load(directory)
        let path = try LocalDeployment.logFile(plan, service: service)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DeployError.noLogYet(path: path, service: service)
        }
        defer { try? handle.close() }
        // Written straight to the descriptor, not through print's buffer: `logs --follow | grep`
        // must see each line when it comes, and a follower stopped with a signal never flushes.
        if let tail {
            let lines = LogFile.tail(path, lines: tail)
            if !lines.isEmpty { FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
            _ = try handle.seekToEnd()
        } else {
            FileHandle.standardOutput.write(handle.readDataToEndOfFile())
        }
        guard follow else { return }
        while !Task.isCancelled {
            let data = handle.readDataToEndOfFile()
            if data.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
