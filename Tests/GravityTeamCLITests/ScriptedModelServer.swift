import Foundation
import GravityOrchestration
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The scripted model server (Tests/Support/scripted_model_server.py) on a free loopback port:
/// answers from a recorded transcript and misbehaves on cue.
final class ScriptedModelServer {
    let pid: pid_t
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }

    init(transcript: String = "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl") throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scripted-\(UUID()).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        // Its own process group, so that stopping it also stops what a python3 shim (pyenv) started.
        pid = try ProcessControl.spawn(
            "/usr/bin/env",
            ["python3", "\(CLI.repositoryRoot)/Tests/Support/scripted_model_server.py", "--transcript", transcript],
            environment: ProcessInfo.processInfo.environment,
            directory: CLI.repositoryRoot,
            logFile: output.path
        )
        var found: Int?
        for _ in 0..<200 where found == nil {
            Thread.sleep(forTimeInterval: 0.025)
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            found = text.split(separator: "\n").first { $0.hasPrefix("listening ") }.flatMap { Int($0.dropFirst("listening ".count)) }
        }
        guard let found else { throw ServerDidNotStart(output: (try? String(contentsOf: output, encoding: .utf8)) ?? "") }
        port = found
    }

    deinit { stop() }

    func stop() {
        kill(-pid, SIGKILL)
        _ = ProcessControl.exitStatus(of: pid)
    }

    /// Queues faults for the next chat requests and sets a delay for every answer; resets the counts.
    func script(faults: [String] = [], delayMilliseconds: Int = 0) async throws {
        let answer = try await LoopbackHTTP.request("POST", "\(url)/_script", json: ["faults": faults, "delay_ms": delayMilliseconds])
        guard answer.status == 200 else { throw ServerDidNotStart(output: answer.text) }
    }

    func stats() async throws -> [String: Any] {
        try #require(try await LoopbackHTTP.request("GET", "\(url)/_stats").json() as? [String: Any])
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "the scripted model server did not start: \(output)" }
    }
}
