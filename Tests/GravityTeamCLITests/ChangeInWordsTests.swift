import Foundation
import Testing

/// `develop --from` with a change in words and a model held only to the schemas sent
/// (Tests/Support/schema_model_server.py), beside the stand-in suite rather than in its queue.
@Suite("A change in words")
struct ChangeInWordsTests {
    /// A change in words, which only a real model reads: the proposers are told the change, every phase
    /// deliberates on it (none can be known untouched), and the change's transcript replays.
    @Test func aChangeInWordsIsDeliberatedInEveryPhase() async throws {
        let (built, directory) = try await SchemaStandInTests.develop(behaviour: "first", ["--industry", "ecommerce"], verify: false)
        try #require(built.status == 0, "\(built.stderr.suffix(800))")
        let server = try await LoopbackPythonServer.start("schema_model_server.py", ["--behaviour", "first"])
        defer { server.stop() }
        let words = "Customers keep a wishlist of products they want"
        let changed = try await CLI.run(
            ["develop", "--from", "app", "--change", words, "--model", "ollama", "--request-timeout", "120"],
            in: directory, environment: ["OLLAMA_HOST": "http://127.0.0.1:\(server.port)"]
        )
        #expect(changed.status == 0, "\(changed.stderr.suffix(800))")
        let path = "\(directory)/app/transcript.0002-customers_keep_a_wishlist_of.jsonl"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let events = try lines.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(events.filter { $0["type"] as? String == "phase_start" }.count == 8)
        #expect(!events.contains { $0["type"] as? String == "phase_kept" })
        let prompts = events.compactMap { ($0["call"] as? [String: Any])?["prompt"] as? String }
        #expect(prompts.contains { $0.contains("This run changes the application: \(words)") }, "the proposers are told the change")
        let header = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect((header["change"] as? [String: Any])?["summary"] as? String == words)
        #expect((header["parent"] as? [String: Any])?["file"] as? String == "transcript.jsonl")
        let replayed = try await CLI.run(["replay", path, "--verify", "--out", "replayed"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
    }
}
