import Foundation
import Testing

/// A model held to nothing but the JSON schemas sent: Tests/Support/schema_model_server.py fills
/// every answer from the schema of its request (first or last enum values, empty or long strings,
/// lists as long as allowed, choices seeded by the whole prompt). Whatever it says within the
/// schema, the run ends in an application whose own tests pass, and its transcript replays.
@Suite(.serialized)
struct SchemaStandInTests {
    /// One behaviour per industry, so the five domains' rules are all met by answers nobody wrote for them.
    @Test(arguments: zip(["first", "last", "short", "long", "many"], ["ecommerce", "general", "finance", "healthcare", "education"]))
    func endsInAnAppThatPassesItsTests(behaviour: String, industry: String) async throws {
        let (outcome, directory) = try await Self.develop(behaviour: behaviour, ["--industry", industry])
        #expect(outcome.status == 0, "\(behaviour): \(outcome.stderr.suffix(800))")
        #expect(outcome.stdout.contains("Verified:") && !outcome.stdout.contains("FAILED"), "\(outcome.stdout.suffix(800))")
        let replayed = try await CLI.run(["replay", "app/transcript.jsonl", "--verify"], in: directory)
        #expect(replayed.status == 0, "the moderator's normalisation and completion replay exactly: \(replayed.stderr)")
    }

    /// With a brief of its own the domain is the model's, not the industry's example.
    @Test func aBriefOfItsOwnDecidesTheDomain() async throws {
        let (outcome, directory) = try await Self.develop(
            behaviour: "seeded", ["--industry", "general", "--brief", "A library lending books to its members"]
        )
        #expect(outcome.status == 0, "\(outcome.stderr.suffix(800))")
        #expect(outcome.stdout.contains("Verified:") && !outcome.stdout.contains("FAILED"), "\(outcome.stdout.suffix(800))")
        let blueprint = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/app/blueprint.json"))) as? [String: Any]
        let entities = (blueprint?["requirements"] as? [String: Any])?["entities"] as? [String] ?? []
        #expect(!entities.isEmpty)
        #expect(Set(entities).isDisjoint(with: ["project", "task", "teammate", "membership", "comment", "time_entry"]), "\(entities)")
    }

    /// Where nothing can stand in (a brief of its own, and no entity named in any round), the run
    /// stops in one line naming the field, and can be resumed.
    @Test func stopsNamingTheFieldWhenNothingCanStandIn() async throws {
        let (outcome, _) = try await Self.develop(
            behaviour: "short", ["--industry", "general", "--brief", "A library lending books to its members"], verify: false
        )
        #expect(outcome.status == 1)
        // A retried request may warn first (the machine is busy); the error itself is one line.
        let lines = outcome.stderr.split(separator: "\n").filter { !$0.hasPrefix("warning:") }
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("requirements.entities: the proposal names no entity the application could keep"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the transcript can be resumed"))
    }

    /// `develop` against a fresh stand-in server with `behaviour`, in a fresh directory.
    static func develop(behaviour: String, _ arguments: [String], verify: Bool = true) async throws -> (CLI.Outcome, String) {
        let server = try await LoopbackPythonServer.start("schema_model_server.py", ["--behaviour", behaviour])
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(
            ["develop", "--model", "ollama", "--out", "app", "--request-timeout", "120"] + arguments,
            in: directory,
            environment: ["OLLAMA_HOST": "http://127.0.0.1:\(server.port)"],
            verify: verify
        )
        return (outcome, directory)
    }
}
