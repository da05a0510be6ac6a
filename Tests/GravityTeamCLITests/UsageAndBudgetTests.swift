import Foundation
import Testing

/// Token usage per phase and persona, the estimated cost from the price table, and `--budget-tokens`.
@Suite("Usage, cost and token budget")
struct UsageAndBudgetTests {
    @Test("the summary shows tokens, the estimated cost at the reference prices, and usage by phase and persona; the history keeps them")
    func summary() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Model:      mock, 112 calls, 150478 tokens (estimated)"))
        #expect(
            outcome.stdout.contains(
                "Cost:       $0.0269 estimated, what this run would cost at gpt-4o-mini prices (140890 prompt + 9588 completion tokens)"
            )
        )
        #expect(outcome.stdout.contains("By phase:   requirements 12k, architecture 9k, database 52k"))
        #expect(outcome.stdout.contains("By persona: Carlos Martinez 15k"))

        let json = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app2", "--json"], in: directory)
        let report = try #require(try CLI.json(json.stdout) as? [String: Any])
        #expect(report["estimated_cost"] as? Double == 0.0269 || abs((report["estimated_cost"] as? Double ?? 0) - 0.0269) < 0.0001)
        let personas = try #require(report["usage_by_persona"] as? [[String: Any]])
        #expect(personas.count == 14)
        let total = personas.compactMap { ($0["tokens"] as? [String: Int]).map { $0["prompt"]! + $0["completion"]! } }.reduce(0, +)
        #expect(total == 150_478, "the personas' tokens add up to the run's")

        let shown = try await CLI.run(["runs", "show", "1"], in: directory)
        #expect(shown.stdout.contains("Estimated cost: $0.0269"))
        #expect(shown.stdout.range(of: "carlos-martinez +8 +", options: .regularExpression) != nil, "\(shown.stdout)")
    }

    @Test("--budget-tokens stops cleanly before the call that would pass it; --resume with more finishes the same run")
    func budget() async throws {
        let directory = try CLI.temporaryDirectory()
        let stopped = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--budget-tokens", "40000"], in: directory)
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("stopped before the next model call: it needs about"))
        #expect(stopped.stderr.contains("--budget-tokens 40000 has"))
        #expect(
            stopped.stderr.contains("continue with: gravity-team develop --resume gravity-out")
                || stopped.stderr.contains("--resume app/transcript.jsonl")
        )
        #expect(!stopped.stderr.contains("Fatal error"))

        let resumed = try await CLI.run(
            ["develop", "--resume", "app/transcript.jsonl", "--out", "app", "--budget-tokens", "500000"],
            in: directory
        )
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("answers reused from the interrupted transcript"))
        let whole = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "whole"], in: directory)
        #expect(whole.status == 0)
        let finished = try String(contentsOfFile: "\(directory)/app/blueprint.json", encoding: .utf8)
        #expect(finished == (try String(contentsOfFile: "\(directory)/whole/blueprint.json", encoding: .utf8)))

        let invalid = try await CLI.run(["develop", "--budget-tokens", "lots"], in: directory)
        #expect(invalid.stderr.contains("invalid --budget-tokens 'lots'"))
    }

    @Test("a real model is priced by its name; one without a price says so; a bad price file names its line")
    func prices() async throws {
        let directory = try CLI.temporaryDirectory()
        try "reference: cheap\nmodels:\n  cheap: {prompt: 1.0, completion: 2.0}\n  broken: {prompt: -1, completion: 2.0}\n".write(
            toFile: "\(directory)/prices.yaml",
            atomically: true,
            encoding: .utf8
        )
        let bad = try await CLI.run(["develop", "--prices", "prices.yaml"], in: directory)
        #expect(bad.status != 0)
        #expect(bad.stderr == "error: prices.yaml:4: invalid value for 'models.broken': prices must be finite and not negative\n", "\(bad.stderr)")

        // Not a number and infinity would print "$nan" and break every JSON report of the history.
        for value in [".nan", "1e400", ".inf"] {
            try "models:\n  cheap: {prompt: 1.0, completion: 2.0}\n  odd: {prompt: \(value), completion: 2.0}\n".write(
                toFile: "\(directory)/prices.yaml",
                atomically: true,
                encoding: .utf8
            )
            let odd = try await CLI.run(["develop", "--prices", "prices.yaml"], in: directory)
            #expect(odd.status != 0)
            #expect(odd.stderr.contains("prices.yaml:3: invalid value for 'models.odd'"), "\(value): \(odd.stderr)")
        }

        try "reference: cheap\nmodels:\n  cheap: {prompt: 1.0, completion: 2.0}\n".write(
            toFile: "\(directory)/prices.yaml",
            atomically: true,
            encoding: .utf8
        )
        let custom = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--prices", "prices.yaml"], in: directory)
        #expect(
            custom.stdout.contains("Cost:       $0.1601 estimated, what this run would cost at cheap prices"),
            "\(custom.stdout.suffix(500))"
        )
    }

    @Test("ollama models have no price unless listed; openai:gpt-4o-mini is priced")
    func remotePrices() async throws {
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        let environment = ["OLLAMA_HOST": server.url, "OPENAI_BASE_URL": "\(server.url)/v1"]
        let ollama = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--model", "ollama", "--out", "a"],
            in: directory,
            environment: environment
        )
        #expect(ollama.stdout.contains("Cost:       no price for ollama:llama3.1 in the price table (counted as free)"))
        let openai = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--model", "openai", "--out", "b"],
            in: directory,
            environment: environment
        )
        #expect(openai.stdout.contains("Cost:       $0.0269 estimated, at gpt-4o-mini prices"), "\(openai.stdout.suffix(400))")
    }
}
