import Foundation
import GravityRuntime
import GravitySystem
import Testing

@Suite("gravity-team replay")
struct ReplayCommandTests {
    static let industries = ["ecommerce", "healthcare", "finance", "education", "general"]

    @Test("every reference transcript replays exactly, with identical artifact digests", arguments: industries)
    func references(industry: String) async throws {
        let directory = try CLI.temporaryDirectory()
        let reference = "\(CLI.repositoryRoot)/transcripts/\(industry).jsonl"
        let outcome = try await CLI.run(["replay", reference, "--verify", "--out", "replayed", "--json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let result = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        #expect(result["verified"] as? Bool == true)
        let replayed = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/replayed/transcript.jsonl"))
        #expect(replayed == (try Data(contentsOf: URL(fileURLWithPath: reference))))
        // Every file the replay rebuilt has the digest the reference recorded.
        let artifacts = try String(decoding: replayed, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains(#""type":"artifact""#) }
            .map { try #require((try CLI.json(String($0)) as? [String: Any])?["artifact"] as? [String: Any]) }
        #expect(artifacts.count > 50)
        #expect(artifacts.contains { $0["path"] as? String == "blueprint.json" })
        for artifact in artifacts {
            let path = try #require(artifact["path"] as? String)
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/replayed/\(path)"))
            #expect(SHA256Digest.hex(data) == artifact["sha256"] as? String, "\(path)")
            #expect(data.count == artifact["bytes"] as? Int, "\(path)")
        }
    }

    @Test("a transcript with one vote edited fails verification, naming that event")
    func editedVote() async throws {
        let directory = try CLI.temporaryDirectory()
        var lines = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains(#""type":"vote""#) && $0.contains(#""option":"agree""#) })
        lines[index] = lines[index].replacingOccurrences(of: #""option":"agree""#, with: #""option":"strongly_disagree""#)
        try lines.joined(separator: "\n").write(toFile: "\(directory)/edited.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "edited.jsonl", "--verify"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("diverges at event \(index)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("vote.option: expected \"strongly_disagree\", actual \"agree\""))
    }

    @Test("a transcript cut off mid-line is one clear error")
    func truncated() async throws {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "cut.jsonl", "--verify"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains("cut.jsonl:"))
        #expect(outcome.stderr.contains("ends in the middle of a line"))
    }

    @Test("a transcript of a run that did not finish is named as such, with how to finish it")
    func unfinished() async throws {
        let directory = try CLI.temporaryDirectory()
        let lines = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8).split(separator: "\n")
        try (lines.prefix(50).joined(separator: "\n") + "\n").write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "cut.jsonl"], in: directory)
        #expect(outcome.status != 0)
        #expect(
            outcome.stderr
                == "error: cut.jsonl: the run did not finish (no run_end after event 49); `gravity-team develop --resume cut.jsonl` finishes it\n",
            "\(outcome.stderr)"
        )
    }

    @Test("a line re-spaced by hand is a divergence in its bytes, said to be only that")
    func respaced() async throws {
        let directory = try CLI.temporaryDirectory()
        var lines = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[5] = lines[5].replacingOccurrences(of: #"":"#, with: #"": "#)
        try lines.joined(separator: "\n").write(toFile: "\(directory)/spaced.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "spaced.jsonl", "--verify"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("diverges at event 5: "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("differs in its bytes only (spacing or key order; the values are equal)"), "\(outcome.stderr)")
    }

    @Test(
        "a wrong header or version is one clear error",
        arguments: [
            (#"{"format":"something-else","version":1}"#, "not a gravity-team transcript"),
            (
                #"{"brief":"b","format":"gravity-transcript","industry":"general","max_rounds":3,"model":"mock","seed":1,"tool":"t","version":9}"#,
                "transcript version 9 is not supported"
            ),
            ("not json at all", "not a gravity-team transcript"),
        ]
    )
    func badHeader(header: String, expected: String) async throws {
        let directory = try CLI.temporaryDirectory()
        try (header + "\n").write(toFile: "\(directory)/bad.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "bad.jsonl"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
    }

    @Test("a request the transcript cannot answer is a divergence, never a silent fallback")
    func unanswerable() async throws {
        let directory = try CLI.temporaryDirectory()
        // The security phase's recorded answers are gone, so its requests cannot be answered.
        var lines = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.filter { !$0.contains(#""type":"model_call""#) || !$0.contains(#""phase":"security""#) }
        try lines.joined(separator: "\n").write(toFile: "\(directory)/holes.jsonl", atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["replay", "holes.jsonl", "--verify"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("no recorded answer"), "\(outcome.stderr)")
    }
}
