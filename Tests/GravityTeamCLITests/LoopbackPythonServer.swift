import Foundation
import GravitySystem

/// A Python server of Tests/Support started on a free loopback port, which it prints as
/// `listening <port>`; in its own process group, so that stopping it also stops what a python3
/// shim (pyenv) started.
struct LoopbackPythonServer {
    let pid: pid_t
    let port: Int

    struct DidNotStart: Error, CustomStringConvertible {
        var script: String
        var output: String
        var description: String { "\(script) did not start: \(output)" }
    }

    static func start(_ script: String, _ arguments: [String]) async throws -> LoopbackPythonServer {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(script)-\(UUID()).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let pid = try ProcessControl.spawn(
            "/usr/bin/env",
            ["python3", "\(CLI.repositoryRoot)/Tests/Support/\(script)"] + arguments,
            environment: ProcessInfo.processInfo.environment,
            directory: CLI.repositoryRoot,
            logFile: output.path
        )
        func printed() -> String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        // Only the server can say it is listening, in its output; it may take long to start on a
        // machine busy with other tests, and a server that exits is given up on at once.
        let deadline = ContinuousClock.now + .seconds(60)
        var found: Int?
        while found == nil, ContinuousClock.now < deadline, ProcessControl.exitStatus(of: pid) == nil {
            found = printed().split(separator: "\n").first { $0.hasPrefix("listening ") }.flatMap { Int($0.dropFirst("listening ".count)) }
            if found == nil { try await Task.sleep(for: .milliseconds(25)) }
        }
        guard let found else {
            kill(-pid, SIGKILL)
            throw DidNotStart(script: script, output: printed())
        }
        return LoopbackPythonServer(pid: pid, port: found)
    }

    func stop() {
        kill(-pid, SIGKILL)
        _ = ProcessControl.exitStatus(of: pid)
    }
}
