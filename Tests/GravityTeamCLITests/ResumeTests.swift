import Foundation
import Testing

@Suite("gravity-team develop --resume")
struct ResumeTests {
    @Test("a run killed during phase 5 and resumed gives the same transcript as an uninterrupted run")
    func killedAndResumed() async throws {
        let directory = try CLI.temporaryDirectory()
        let full = try await CLI.run(["develop", "--industry", "ecommerce", "--seed", "9", "--out", "full", "--json"], in: directory)
        #expect(full.status == 0)

        let process = try CLI.start(
            // Slow enough that phase 5 outlasts this test's polling even on a loaded machine (at 40 ms
            // it once finished between two polls while the whole suite ran).
            ["develop", "--industry", "ecommerce", "--seed", "9", "--out", "cut", "--mock-latency-ms", "150", "--json"],
            in: directory
        )
        let transcript = "\(directory)/cut/transcript.jsonl"
        let deadline = Date().addingTimeInterval(60)
        // Phase 4 (frontend) has ended once its phase_end line is flushed; phase 5 is then under way.
        while Date() < deadline {
            if let text = try? String(contentsOfFile: transcript, encoding: .utf8),
                text.contains(#"{"phase":"frontend","seq":"#) && text.contains(#""type":"phase_end""#)
                    && text.components(separatedBy: #""type":"phase_end""#).count - 1 == 4
            {
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.signal(SIGKILL)
        _ = await process.exitCode()
        let partial = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(partial.components(separatedBy: #""type":"phase_end""#).count - 1 == 4, "killed in phase 5")
        #expect(!partial.contains(#""type":"run_end""#))

        let resumed = try await CLI.run(["develop", "--resume", "cut/transcript.jsonl", "--out", "cut", "--json"], in: directory)
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
