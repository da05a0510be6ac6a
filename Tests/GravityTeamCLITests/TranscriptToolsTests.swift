import Foundation
import Testing

@Suite("gravity-team show, diff and runs")
struct TranscriptToolsTests {
    @Test("show renders the deliberation as a timeline")
    func show() async throws {
        let outcome = try await CLI.run(["show", "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("[1/8] Requirements, led by Dr. Sarah Anderson (Software Analyst)"))
        #expect(outcome.stdout.contains("Round 1 tally:"))
        #expect(outcome.stdout.contains("Decision: round"))
        #expect(outcome.stdout.contains("Artifact: blueprint.json"))
        #expect(outcome.stdout.contains("Dr. Robert Kim (1.92)"))
    }

    @Test("diff of a run with itself finds no difference and exits 0")
    func diffSame() async throws {
        let reference = "\(CLI.repositoryRoot)/transcripts/general.jsonl"
        let outcome = try await CLI.run(["diff", reference, reference])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("first difference: none"))
    }

    @Test("diff of two seeds names the first differing decision and the votes that changed")
    func diffSeeds() async throws {
        let directory = try CLI.temporaryDirectory()
        for seed in ["42", "5"] {
            let outcome = try await CLI.run(
                ["develop", "--industry", "ecommerce", "--seed", seed, "--out", "s\(seed)", "--json"],
                in: directory
            )
            #expect(outcome.status == 0)
        }
        let outcome = try await CLI.run(["diff", "s42/transcript.jsonl", "s5/transcript.jsonl"], in: directory)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let first = try #require(lines.first { $0.hasPrefix("first difference: ") })
        #expect(
            ["requirements", "architecture", "database", "frontend", "backend", "security", "testing", "deployment"]
                .contains { first.hasPrefix("first difference: \($0): ") },
            "\(first)"
        )
        // Changed votes are listed persona by persona: "  r1 ivan-petrov: agree -> disagree".
        let changes = lines.filter { $0.range(of: #"^  r\d+ [a-z-]+: [a-z_-]+ -> [a-z_-]+$"#, options: .regularExpression) != nil }
        #expect(!changes.isEmpty, "\(outcome.stdout)")
    }

    @Test("runs lists each run and runs show gives phases, usage and votes")
    func history() async throws {
        let directory = try CLI.temporaryDirectory()
        #expect(try await CLI.run(["develop", "--industry", "education", "--json"], in: directory).status == 0)
        #expect(try await CLI.run(["replay", "gravity-out/education/transcript.jsonl", "--verify"], in: directory).status == 0)
        let list = try await CLI.run(["runs"], in: directory)
        #expect(list.status == 0)
        #expect(list.stdout.contains("develop  education"))
        #expect(list.stdout.contains("replay   education"))
        let show = try await CLI.run(["runs", "show", "1"], in: directory)
        #expect(show.status == 0)
        #expect(show.stdout.contains("Run 1: develop education, seed 42, model mock, completed"))
        #expect(show.stdout.contains("requirements"))
        let json = try #require(try CLI.json(try await CLI.run(["runs", "show", "1", "--json"], in: directory).stdout) as? [String: Any])
        #expect((json["votes"] as? [Any])?.count ?? 0 >= 8 * 14)
        #expect((json["phases"] as? [Any])?.count == 8)
        let missing = try await CLI.run(["runs", "show", "99"], in: directory)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no run 99"))
    }

    @Test("no API key from the environment appears in any file the run wrote")
    func secretsStayOut() async throws {
        let directory = try CLI.temporaryDirectory()
        let secret = "sk-gravity-test-\(UUID().uuidString)"
        let outcome = try await CLI.run(
            ["develop", "--industry", "finance", "--json"],
            in: directory,
            environment: ["OPENAI_API_KEY": secret, "OLLAMA_API_KEY": secret, "GRAVITY_API_KEY": secret]
        )
        #expect(outcome.status == 0)
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var checked = 0
        while let file = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(file)") else { continue }
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) contains the key")
            checked += 1
        }
        #expect(checked >= 3)
    }
}
