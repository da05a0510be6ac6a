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

    init(transcript: String = "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl") async throws {
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
            throw ServerDidNotStart(output: printed())
        }
        port = found
    }

    deinit { stop() }

    func stop() {
        kill(-pid, SIGKILL)
        _ = ProcessControl.exitStatus(of: pid)
    }

    /// Queues faults for the next chat requests and sets a delay for every answer; resets the counts
    /// and answers the requests held so far. With `holdPhase`, every request of that phase or a later
    /// one (by the transcript's model calls) is held unanswered, and counted in the stats as `held`,
    /// until the next call. With `gather`, the first request is answered and the next ones wait until
    /// that many wait together (a minute at most); from then on all are answered.
    func script(faults: [String] = [], delayMilliseconds: Int = 0, holdPhase: String? = nil, gather: Int = 0) async throws {
        var script: [String: Any] = ["faults": faults, "delay_ms": delayMilliseconds, "gather": gather]
        if let holdPhase { script["hold_phase"] = holdPhase }
        let answer = try await LoopbackHTTP.request("POST", "\(url)/_script", json: script)
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
