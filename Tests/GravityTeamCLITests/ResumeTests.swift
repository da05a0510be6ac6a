import Foundation
import Testing

@Suite("gravity-team develop --resume")
struct ResumeTests {
    @Test("a run killed during phase 5 and resumed gives the same transcript as an uninterrupted run")
    func killedAndResumed() async throws {
        // The scripted server answers as the model did in the reference run and, on cue, holds the
        // requests of phase 5 (backend) on unanswered: the run cannot get past phase 5 before it is
        // killed, however fast or loaded the machine.
        let server = try await ScriptedModelServer()
        defer { server.stop() }
        let environment = ["OLLAMA_HOST": server.url]
        let develop = ["develop", "--industry", "ecommerce", "--model", "ollama", "--json"]
        let directory = try CLI.temporaryDirectory()
        let full = try await CLI.run(develop + ["--out", "full"], in: directory, environment: environment)
        try #require(full.status == 0, "\(full.stderr)")

        try await server.script(holdPhase: "backend")
        let cut = try CLI.start(develop + ["--out", "cut"], in: directory, environment: environment)
        let transcript = "\(directory)/cut/transcript.jsonl"
        func phaseEnds() -> Int {
            let text = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
            return text.components(separatedBy: #""type":"phase_end""#).count - 1
        }
        // Phase 5's first request may be a draft made while phase 4's reviews run, so phase 4 has
        // ended only once its phase_end line is flushed as well. Both are states of other processes,
        // polled under a deadline that only a hung run reaches.
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if try await server.stats()["held"] as? Int ?? 0 > 0 && phaseEnds() >= 4 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        cut.signal(SIGKILL)
        #expect(await cut.exitCode() == 128 + SIGKILL, "the run was still waiting for its held request")
        let partial = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(partial.components(separatedBy: #""type":"phase_end""#).count - 1 == 4, "killed in phase 5")
        #expect(!partial.contains(#""type":"run_end""#))

        // Released: the held requests are answered to nobody, and the resumed run's are answered.
        try await server.script()
        let resumed = try await CLI.run(
            ["develop", "--resume", "cut/transcript.jsonl", "--model", "ollama", "--out", "cut", "--json"],
            in: directory,
            environment: environment
        )
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let report = try #require(try CLI.json(resumed.stdout) as? [String: Any])
        #expect((report["reused_answers"] as? Int ?? 0) >= 4 * 14)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: transcript))
                == Data(contentsOf: URL(fileURLWithPath: "\(directory)/full/transcript.jsonl"))
        )
    }

    @Test("a transcript cut mid-line resumes from its last whole line")
    func partialLine() async throws {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/finance.jsonl", encoding: .utf8)
        try String(text.prefix(text.count * 2 / 3)).write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let resumed = try await CLI.run(["develop", "--resume", "cut.jsonl", "--out", "out", "--json"], in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(directory)/cut.jsonl"))
                == Data(contentsOf: URL(fileURLWithPath: "\(CLI.repositoryRoot)/transcripts/finance.jsonl"))
        )
    }

    @Test("resuming a complete run or with conflicting options is refused")
    func refusals() async throws {
        let directory = try CLI.temporaryDirectory()
        let complete = try await CLI.run(["develop", "--resume", "\(CLI.repositoryRoot)/transcripts/general.jsonl"], in: directory)
        #expect(complete.status != 0)
        #expect(complete.stderr.contains("the run is complete"))
        let conflicting = try await CLI.run(["develop", "--resume", "x.jsonl", "--seed", "3"], in: directory)
        #expect(conflicting.status != 0)
        #expect(conflicting.stderr.contains("remove --seed"))
    }
}
