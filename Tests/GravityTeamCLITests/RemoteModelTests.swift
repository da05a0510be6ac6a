import Foundation
import Testing

/// `develop --model ollama|openai` with the real HTTP clients against the scripted server on
/// loopback: the reference ecommerce run reproduced, faults survived, answers that break the schema
/// asked again, concurrency bounded, keys kept out of every file.
@Suite("Real model servers (scripted)", .serialized)
struct RemoteModelTests {
    static func develop(
        _ server: ScriptedModelServer,
        model: String = "ollama",
        in directory: String,
        _ extra: [String] = [],
        verify: Bool = false,
        key: String? = nil,
        requestTimeout: Int = 60
    )
        async throws -> CLI.Outcome
    {
        var environment = ["OLLAMA_HOST": server.url, "OPENAI_BASE_URL": "\(server.url)/v1"]
        if let key { environment["OPENAI_API_KEY"] = key }
        return try await CLI.run(
            // A timeout a loaded machine's answers do not reach: a request asked again would change the counts.
            ["develop", "--industry", "ecommerce", "--model", model, "--out", "app", "--request-timeout", String(requestTimeout)] + extra,
            in: directory,
            environment: environment,
            verify: verify
        )
    }

    static func calls(_ transcript: String) throws -> [String] {
        try String(contentsOfFile: transcript, encoding: .utf8).split(separator: "\n").filter { $0.contains("\"type\":\"model_call\"") }
            .map(String.init)
    }

    @Test("ollama: the ecommerce run against the scripted server is the reference run, its app's tests pass, it replays")
    func ollamaEndToEnd() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.develop(server, in: directory, verify: true)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Model:      ollama:llama3.1, 112 calls, 150478 tokens"), "\(outcome.stdout.suffix(600))")
        #expect(outcome.stdout.contains("passed"), "the generated services' tests ran")
        #expect(outcome.stdout.contains("Cost:       no price for ollama:llama3.1 in the price table (counted as free)"))
        #expect(outcome.stdout.contains("By persona: "))
        let stats = try await server.stats()
        #expect(stats["requests"] as? Int == 112)
        #expect(stats["schemas"] as? Int == 112, "every request carries the answer's JSON schema")
        let recorded = try String(contentsOfFile: "\(directory)/app/transcript.jsonl", encoding: .utf8).split(separator: "\n").dropFirst()
        let reference = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl", encoding: .utf8).split(
            separator: "\n"
        ).dropFirst()
        // Every event but run_end's record of the header, which names another model.
        #expect(recorded.dropLast() == reference.dropLast(), "the same answers give the same deliberation, event for event")
        let headerDigest = /"header_sha256":"[0-9a-f]{64}",/
        #expect(
            recorded.last.map { $0.replacing(headerDigest, with: "") } == reference.last.map { $0.replacing(headerDigest, with: "") }
        )
        let replayed = try await CLI.run(["replay", "app/transcript.jsonl", "--verify"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
    }

    @Test("500, 429 with Retry-After, a slow answer, malformed JSON and a cut connection are retried; the run completes and replays")
    func transientFaults() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        try await server.script(faults: ["500", "429", "slow", "malformed", "cut"])
        let directory = try CLI.temporaryDirectory()
        // The slow answer takes a minute: this run's timeout must end it, and still be long for the others.
        let outcome = try await Self.develop(server, in: directory, requestTimeout: 5)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let stats = try await server.stats()
        #expect(stats["faults_left"] as? Int == 0)
        #expect(stats["requests"] as? Int == 112 + 5, "each fault cost one more request")
        for retry in ["HTTP 500", "HTTP 429", "no answer within 5.0 s", "not a valid answer", "retrying"] {
            #expect(outcome.stdout.contains(retry) || outcome.stderr.contains(retry), "progress shows: \(retry)")
        }
        #expect(try Self.calls("\(directory)/app/transcript.jsonl").count == 112)
        let replayed = try await CLI.run(["replay", "app/transcript.jsonl", "--verify"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
    }

    @Test("an answer that breaks the schema is asked again once with the problem; the transcript keeps both and replays")
    func schemaBrokenOnce() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        try await server.script(faults: ["schema"])
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.develop(server, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let calls = try Self.calls("\(directory)/app/transcript.jsonl")
        #expect(calls.count == 113)
        #expect(calls.contains { $0.contains("Your previous answer could not be used:") })
        let replayed = try await CLI.run(["replay", "app/transcript.jsonl", "--verify"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
    }

    @Test("a proposal adopting a practice outside the vocabulary is asked again, told the phase's practices; twice stops the run")
    func unknownPractice() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        try await server.script(faults: ["practice"])
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.develop(server, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let calls = try Self.calls("\(directory)/app/transcript.jsonl")
        #expect(calls.count == 113)
        #expect(
            calls.contains { $0.contains("'requirements.pagination' is not an optional practice of the requirements phase; it has none") },
            "the second asking names the problem"
        )

        try await server.script(faults: ["practice", "practice"])
        let twice = try await Self.develop(server, in: try CLI.temporaryDirectory())
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("content.section.practices[0]: 'requirements.pagination' is not an optional practice"), "\(twice.stderr)")
    }

    @Test("a proposal that breaks the schema twice stops the run with a clear message")
    func schemaBrokenTwice() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        try await server.script(faults: ["schema", "schema"])
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.develop(server, in: directory)
        #expect(outcome.status != 0)
        #expect(
            outcome.stderr.contains("sarah-anderson")
                && outcome.stderr.contains("does not match schema proposal.requirements, asked twice"),
            "\(outcome.stderr)"
        )
        #expect(!outcome.stderr.contains("Fatal error"))
    }

    @Test("a reviewer whose answer breaks the schema twice abstains, visibly and outside the tally; the run goes on and replays")
    func reviewerAbstains() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        // One request at a time, first come first served: the proposal, then the 13 reviews, then the
        // first reviewer's second asking; so the 2nd and the 15th request are one reviewer's.
        try await server.script(faults: ["none", "schema"] + Array(repeating: "none", count: 12) + ["schema"])
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.develop(server, in: directory, ["--concurrency", "1", "--no-draft-ahead"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("abstains: the answer does not match schema review, asked twice"), "\(outcome.stdout.prefix(3000))")
        let transcript = try String(contentsOfFile: "\(directory)/app/transcript.jsonl", encoding: .utf8)
        #expect(transcript.contains("\"abstained\":true"))
        let tally = transcript.split(separator: "\n").first { $0.contains("\"type\":\"tally\"") } ?? ""
        #expect(tally.contains("\"voters\":13"), "the abstention is not counted: \(tally)")
        let replayed = try await CLI.run(["replay", "app/transcript.jsonl", "--verify"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
    }

    @Test("--concurrency 14 has a phase's reviews and the next draft in flight together; --concurrency 2 never more than 2")
    func concurrency() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        // After the first proposal the server answers nothing until as many requests as the limit
        // are in flight, so reaching the limit does not depend on the machine's speed; the 200 ms
        // per answer afterwards keeps requests queued against the limit for the rest of the run.
        try await server.script(delayMilliseconds: 200, gather: 14)
        let wide = try await Self.develop(server, in: directory, ["--concurrency", "14", "--out", "wide"])
        #expect(wide.status == 0, "\(wide.stderr)")
        let wideStats = try await server.stats()
        #expect(wideStats["max_in_flight"] as? Int == 14, "13 reviews and a draft ahead")

        try await server.script(delayMilliseconds: 200, gather: 2)
        let narrow = try await Self.develop(server, in: directory, ["--concurrency", "2", "--out", "narrow"])
        #expect(narrow.status == 0, "\(narrow.stderr)")
        let narrowStats = try await server.stats()
        #expect(narrowStats["max_in_flight"] as? Int == 2)
    }

    @Test("openai: the key goes to the server and into no file the run wrote")
    func openAIKeyStaysSecret() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        let key = "sk-gravity-test-\(UUID().uuidString)"
        let outcome = try await Self.develop(server, model: "openai", in: directory, ["--model-name", "local-model"], key: key)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Model:      openai:local-model, 112 calls"))
        #expect(try await server.stats()["authorization"] as? [String] == ["Bearer \(key)"])
        #expect(!outcome.stdout.contains(key) && !outcome.stderr.contains(key))
        let enumerator = FileManager.default.enumerator(atPath: directory)!
        var checked = 0
        while let relative = enumerator.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(relative)") else { continue }
            #expect(data.range(of: Data(key.utf8)) == nil, "\(relative) holds the API key")
            checked += 1
        }
        #expect(checked > 100, "the app, the transcript and the run history were searched")
    }

    @Test("models lists what each server offers and checks the configured model")
    func models() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let environment = ["OLLAMA_HOST": server.url, "OPENAI_BASE_URL": "\(server.url)/v1"]
        let ollama = try await CLI.run(["models"], environment: environment.merging(["GRAVITY_MODEL": "ollama"]) { $1 })
        #expect(ollama.status == 0, "\(ollama.stderr)")
        #expect(ollama.stdout.contains("llama3.1:latest") && ollama.stdout.contains("qwen2.5:7b"))
        let openai = try await CLI.run(["models", "--model", "openai", "--model-name", "local-model"], environment: environment)
        #expect(openai.stdout.contains("The configured model local-model is available."))
        let missing = try await CLI.run(["models", "--model", "openai", "--model-name", "gpt-9"], environment: environment)
        #expect(missing.status != 0)
        #expect(missing.stderr == "error: the server has no model 'gpt-9'; it has: gpt-4o-mini, local-model\n")
        // Nothing listens there: said at once, not after five retries.
        let down = try await CLI.run(
            ["models", "--model", "ollama", "--request-timeout", "1"],
            environment: ["OLLAMA_HOST": "http://127.0.0.1:9"]
        )
        #expect(down.status != 0)
        #expect(
            down.stderr == "error: http://127.0.0.1:9/api/tags: connection refused (is the server running there?)\n",
            "\(down.stderr)"
        )
        #expect(!down.stderr.contains("retrying"), "\(down.stderr)")
        #expect(down.duration < .seconds(5), "measured on the command alone, not its wait for a slot")
        let developDown = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--model", "ollama", "--out", "app"],
            environment: ["OLLAMA_HOST": "http://127.0.0.1:9"]
        )
        #expect(developDown.status != 0)
        #expect(developDown.stderr.contains("connection refused (is the server running there?)"), "\(developDown.stderr)")
        #expect(!developDown.stderr.contains("retrying"), "\(developDown.stderr)")
    }
}
