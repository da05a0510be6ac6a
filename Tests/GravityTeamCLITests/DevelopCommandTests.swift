import Foundation
import Testing

@Suite("gravity-team develop")
struct DevelopCommandTests {
    @Test("develop works for every shipped industry", arguments: ["ecommerce", "healthcare", "finance", "education", "general"])
    func industries(industry: String) async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--industry", industry], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("[8/8] Deployment"))
        #expect(outcome.stdout.contains("Blueprint:  gravity-out/\(industry)/blueprint.json"))
        let blueprint = try #require(
            try CLI.json(String(contentsOfFile: "\(directory)/gravity-out/\(industry)/blueprint.json", encoding: .utf8)) as? [String: Any]
        )
        for section in ["requirements", "architecture", "database", "frontend", "backend", "security", "testing", "deployment"] {
            #expect(blueprint[section] != nil, "missing \(section)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(directory)/gravity-out/\(industry)/transcript.jsonl"))
    }

    @Test("develop takes an industry as a path to a YAML file")
    func industryFile() async throws {
        let directory = try CLI.temporaryDirectory()
        let source = try String(contentsOfFile: "\(CLI.repositoryRoot)/industries/general.yaml", encoding: .utf8)
        try source.replacingOccurrences(of: "id: general", with: "id: tracker").write(
            toFile: "\(directory)/tracker.yaml",
            atomically: true,
            encoding: .utf8
        )
        let outcome = try await CLI.run(["develop", "--industry", "tracker.yaml", "--json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        #expect(report["industry"] as? String == "tracker")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/gravity-out/tracker/blueprint.json"))
    }

    @Test("the same command and seed give byte-identical transcript and Blueprint at concurrency 1 and 14")
    func determinism() async throws {
        let directory = try CLI.temporaryDirectory()
        for concurrency in ["1", "14"] {
            let outcome = try await CLI.run(
                [
                    "develop", "--industry", "ecommerce", "--seed", "1234", "--concurrency", concurrency, "--out", "run-\(concurrency)",
                    "--json",
                ],
                in: directory
            )
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        for file in ["transcript.jsonl", "blueprint.json"] {
            let serial = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/run-1/\(file)"))
            let concurrent = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/run-14/\(file)"))
            #expect(serial == concurrent, "\(file) differs")
        }
    }

    @Test("--json prints one summary object with a row per phase")
    func jsonSummary() async throws {
        let outcome = try await CLI.run(["develop", "--industry", "finance", "--json"])
        #expect(outcome.status == 0)
        let report = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        let phases = try #require(report["phases"] as? [[String: Any]])
        #expect(phases.count == 8)
        for phase in phases {
            for key in ["phase", "outcome", "rounds", "average", "support", "decided_by"] { #expect(phase[key] != nil) }
        }
        #expect((report["model_calls"] as? Int ?? 0) >= 112)
    }

    @Test("progress shows each phase's lead, votes, tallies and decisions")
    func progress() async throws {
        let outcome = try await CLI.run(["develop", "--industry", "ecommerce"])
        #expect(outcome.stdout.contains("[1/8] Requirements: Dr. Sarah Anderson (Software Analyst) leads"))
        #expect(outcome.stdout.contains("round 1 tally:"))
        #expect(outcome.stdout.contains("decision: approved in round"))
        #expect(outcome.stdout.contains("Dr. Robert Kim (1.92)"))
        #expect(outcome.stdout.contains("phase         lead"))
    }

    @Test("progress lines are the same at concurrency 1 and 14: votes come out in team order")
    func progressOrder() async throws {
        func progress(_ concurrency: String) async throws -> [Substring] {
            let outcome = try await CLI.run(
                ["develop", "--industry", "finance", "--concurrency", concurrency, "--mock-latency-ms", "2", "--out", "app"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            // Up to the summary, whose timings and paths differ from run to run.
            return outcome.stdout.split(separator: "\n").prefix { !$0.hasPrefix("phase ") }
        }
        let serial = try await progress("1")
        #expect(serial.count > 100)
        #expect(try await progress("14") == serial)
        #expect(try await progress("14") == serial)
    }

    @Test("a run with --max-rounds 1 shows the product manager's decision when a phase is not approved")
    func productManagerDecision() async throws {
        for seed in 1...40 {
            let outcome = try await CLI.run(["develop", "--industry", "ecommerce", "--max-rounds", "1", "--seed", String(seed)])
            #expect(outcome.status == 0)
            if outcome.stdout.contains("by product manager decision") {
                #expect(outcome.stdout.contains("Michael Chang decides:"))
                #expect(outcome.stdout.contains("Michael Chang (product manager)"))
                return
            }
        }
        Issue.record("no seed led to a product manager decision")
    }

    @Test("develop refuses to write into a directory holding the user's files")
    func protectsUserFiles() async throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(directory)/mine", withIntermediateDirectories: true)
        try "keep me".write(toFile: "\(directory)/mine/notes.txt", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["develop", "--industry", "general", "--out", "mine"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("mine"))
        #expect(try String(contentsOfFile: "\(directory)/mine/notes.txt", encoding: .utf8) == "keep me")
        let again = try await CLI.run(["develop", "--industry", "general", "--out", "ours"], in: directory)
        #expect(again.status == 0)
        let rerun = try await CLI.run(["develop", "--industry", "general", "--out", "ours"], in: directory)
        #expect(rerun.status == 0, "a second run may rewrite its own output")
        let transcriptOverNotes = try await CLI.run(
            ["develop", "--industry", "general", "--out", "ours", "--transcript", "mine/notes.txt"],
            in: directory
        )
        #expect(transcriptOverNotes.status != 0)
        #expect(transcriptOverNotes.stderr.contains("not a gravity-team transcript"))
        #expect(try String(contentsOfFile: "\(directory)/mine/notes.txt", encoding: .utf8) == "keep me")
    }
}

@Suite("gravity-team develop verification")
struct DevelopVerificationTests {
    @Test("develop writes the application and runs each service's own tests")
    func verifies() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--industry", "education"], in: directory, verify: true)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Verifying: each service's own tests"))
        #expect(
            outcome.stdout.range(of: #"Verified:   \d+ services, \d+ tests passed"#, options: .regularExpression) != nil,
            "\(outcome.stdout)"
        )
        for file in ["gravity-app.yaml", "DECISIONS.md", "README.md", ".env.example", "deploy/docker-compose.yml", "frontend/index.html"] {
            #expect(FileManager.default.fileExists(atPath: "\(directory)/gravity-out/education/\(file)"), "\(file)")
        }
        let json = try await CLI.run(["develop", "--industry", "education", "--json"], in: directory, verify: true)
        let report = try #require(try CLI.json(json.stdout) as? [String: Any])
        let verification = try #require(report["verification"] as? [[String: Any]])
        #expect(verification.count >= 3)
        #expect(verification.allSatisfy { ($0["failed"] as? Int) == 0 && ($0["passed"] as? Int ?? 0) > 0 })
    }

    @Test("a brief given to the mock model is recorded, and a note says the domain is the industry file's")
    func briefWithTheMockModel() async throws {
        let directory = try CLI.temporaryDirectory()
        let brief = "A library lending books to its members"
        let outcome = try await CLI.run(["develop", "--industry", "general", "--brief", brief, "--out", "app"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("note: the mock model builds the General domain of the industry file whatever the brief says"),
            "\(outcome.stderr)"
        )
        #expect(try String(contentsOfFile: "\(directory)/app/blueprint.json", encoding: .utf8).contains(brief))
        let plain = try await CLI.run(["develop", "--industry", "general", "--out", "plain"], in: directory)
        #expect(!plain.stderr.contains("note:"), "the industry's own brief needs no note")
    }
}
