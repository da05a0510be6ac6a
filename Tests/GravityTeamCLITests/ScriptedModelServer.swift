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

    private let server: LoopbackPythonServer

    init(transcript: String = "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl") async throws {
        server = try await LoopbackPythonServer.start("scripted_model_server.py", ["--transcript", transcript])
        pid = server.pid
        port = server.port
    }

    deinit { stop() }

    func stop() { server.stop() }

    /// Queues faults for the next chat requests and sets a delay for every answer; resets the counts
    /// and answers the requests held so far. With `holdPhase`, every request of that phase or a later
    /// one (by the transcript's model calls) is held unanswered, and counted in the stats as `held`,
    /// until the next call. With `gather`, the first request is answered and the next ones wait until
    /// that many wait together (a minute at most); from then on all are answered.
    func script(faults: [String] = [], delayMilliseconds: Int = 0, holdPhase: String? = nil, gather: Int = 0) async throws {
        var script: [String: Any] = ["faults": faults, "delay_ms": delayMilliseconds, "gather": gather]
        if let holdPhase { script["hold_phase"] = holdPhase }
        let answer = try await LoopbackHTTP.request("POST", "\(url)/_script", json: script)
        guard answer.status == 200 else { throw LoopbackPythonServer.DidNotStart(script: "scripted_model_server.py", output: answer.text) }
    }

    func stats() async throws -> [String: Any] {
        try #require(try await LoopbackHTTP.request("GET", "\(url)/_stats").json() as? [String: Any])
    }
}
