import Foundation
import Testing

/// Cases found in review, kept so they stay fixed.
@Suite("Regressions")
struct RegressionTests {
    /// general.yaml with its roles removed: an app without accounts, whose writes nothing could
    /// protect. Its lifecycle goes too, as no role would be left to take a transition, and with it
    /// the claim its closing releases.
    private func rolelessIndustry(in directory: String) throws -> String {
        let source = try String(contentsOfFile: "\(CLI.repositoryRoot)/industries/general.yaml", encoding: .utf8)
        var inDropped = false
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { line in
                if !line.hasPrefix(" ") && !line.hasPrefix("#") && !line.isEmpty {
                    inDropped = line.hasPrefix("lifecycles:") || line.hasPrefix("claims:")
                }
                return !inDropped
            }
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("writers:") }
            .map { $0.hasPrefix("roles:") ? "roles: []" : $0 }
            .map { $0.hasPrefix("id: general") ? "id: roleless" : $0 }
        let path = "\(directory)/roleless.yaml"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("an industry without roles develops (no account, so no write to protect) and replays exactly")
    func rolelessIndustryDevelops() async throws {
        let directory = try CLI.temporaryDirectory()
        _ = try rolelessIndustry(in: directory)
        let run = try await CLI.run(["develop", "--industry", "roleless.yaml", "--concurrency", "14", "--json"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try CLI.json(run.stdout) as? [String: Any])
        let phases = try #require(report["phases"] as? [[String: Any]])
        #expect(phases.count == 8)
        let replay = try await CLI.run(
            ["replay", "gravity-out/roleless/transcript.jsonl", "--verify", "--industry", "roleless.yaml"],
            in: directory
        )
        #expect(replay.status == 0, "\(replay.stderr)")
    }

    @Test("a persona may not take the moderator's id")
    func reservedPersonaID() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/personas/michael-chang.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "id: michael-chang", with: "id: moderator").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["develop", "--data-dir", data])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("persona id 'moderator' is reserved"))
    }

    @Test(
        "industry mistakes are located",
        arguments: [
            ("id: general", "id: genreal", "the id must match the file name"),
            ("requires: security.rate_limiting", "requires: secuirty.rate_limiting", "must be 'security.<name>'"),
            ("requires: security.rate_limiting", "requires: security.input_sanitization", "'security.input_sanitization' is neither a structural fact nor an optional practice"),
            ("  - id: work\n", "  - id: identity\n", "must be a lowercase identifier other than identity"),
        ]
    )
    func industryValidation(original: String, replacement: String, expected: String) async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/industries/general.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["develop", "--industry", "general", "--data-dir", data])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("industries/general.yaml:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test("relations that make services depend on each other in a circle are refused")
    func contextCycle() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/industries/ecommerce.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // Make a catalog entity refer to an orders entity: catalog -> orders -> catalog.
        let anchor = "  - name: product\n"
        let range = try #require(text.range(of: anchor))
        let relationsRange = try #require(text.range(of: "    relations:\n", range: range.upperBound..<text.endIndex))
        text.insert(contentsOf: "      - {name: best_order, entity: purchase_order, required: false}\n", at: relationsRange.upperBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["develop", "--industry", "ecommerce", "--data-dir", data])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("form a cycle"), "\(outcome.stderr)")
    }

    @Test("a transcript path that a generated file would overwrite is refused")
    func transcriptPlacement() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--out", "out", "--transcript", "out/blueprint.json"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("must be out/transcript.jsonl"))
    }

    @Test("a bare file name works as the history path")
    func relativeHistory() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--history", "runs.sqlite", "--json"], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/runs.sqlite"))
    }

    @Test("a resumed run counts exactly the answers it reused")
    func reusedCount() async throws {
        let directory = try CLI.temporaryDirectory()
        let lines = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let cut = try #require(lines.firstIndex { $0.contains(#""type":"phase_end""#) })
        let prefix = lines[...cut]
        try (prefix.joined(separator: "\n") + "\n").write(toFile: "\(directory)/cut.jsonl", atomically: true, encoding: .utf8)
        let recordedCalls = prefix.filter { $0.contains(#""type":"model_call""#) }.count
        let outcome = try await CLI.run(["develop", "--resume", "cut.jsonl", "--out", "o", "--json"], in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try CLI.json(outcome.stdout) as? [String: Any])
        #expect(report["reused_answers"] as? Int == recordedCalls)
    }
}
