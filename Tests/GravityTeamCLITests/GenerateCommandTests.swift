import Foundation
import Testing

/// `gravity-team generate`: the application from a Blueprint file, with no deliberation.
@Suite("gravity-team generate")
struct GenerateCommandTests {
    @Test("with the run's transcript the files are the run's, byte for byte; an edited Blueprint changes the code; without a transcript DECISIONS.md says so")
    func regenerates() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let again = try await CLI.run(
            ["generate", "run/blueprint.json", "--out", "again", "--transcript", "run/transcript.jsonl", "--no-verify"], in: directory)
        #expect(again.status == 0, "\(again.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: "\(directory)/run").filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: "\(directory)/run/\(path)", isDirectory: &isDirectory)
            // The transcript and its report belong to the run, not to the application generate writes.
            return exists && !isDirectory.boolValue && !path.hasPrefix(".gravity-output") && path != "transcript.jsonl" && path != "report.html"
        }
        #expect(files.count > 100)
        for path in files {
            let original = FileManager.default.contents(atPath: "\(directory)/run/\(path)")
            #expect(original == FileManager.default.contents(atPath: "\(directory)/again/\(path)"), "\(path)")
        }

        // A hand edit: orders are no longer placed with their lines, so lines get their own writes.
        let blueprintPath = "\(directory)/run/blueprint.json"
        var blueprint = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: blueprintPath))) as? [String: Any])
        var requirements = try #require(blueprint["requirements"] as? [String: Any])
        requirements["placements"] = [[String: Any]]()
        blueprint["requirements"] = requirements
        try JSONSerialization.data(withJSONObject: blueprint).write(to: URL(fileURLWithPath: "\(directory)/edited.json"))
        let edited = try await CLI.run(["generate", "edited.json", "--out", "edited", "--no-verify"], in: directory)
        #expect(edited.status == 0, "\(edited.stderr)")
        let lines = try String(contentsOfFile: "\(directory)/edited/services/orders/app/routes/order_lines.py", encoding: .utf8)
        #expect(lines.contains("def create_order_line("), "the lines are written on their own again")
        let decisions = try String(contentsOfFile: "\(directory)/edited/DECISIONS.md", encoding: .utf8)
        #expect(decisions.contains("generated from a Blueprint given directly") && !decisions.contains("## ADR 1"))
    }

    @Test("a Blueprint that is not JSON, lacks a field, or does not fit together is refused in one line naming the file and path")
    func refusals() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "run", "--no-verify"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        let text = try String(contentsOfFile: "\(directory)/run/blueprint.json", encoding: .utf8)
        let cases: [(String, String, String)] = [
            ("cut.json", String(text.prefix(200)), "error: cut.json: it is not JSON"),
            ("roleless.json", text.replacingOccurrences(of: "\"roles\" :", with: "\"people\" :"), "error: roleless.json: requirements has no 'roles'"),
            (
                "incoherent.json", text.replacingOccurrences(of: "\"total\" : \"total\"", with: "\"total\" : \"notes\""),
                "error: requirements.placements: the placement of purchase_order names 'notes', which is not a NOT NULL money column of purchase_orders"
            ),
            ("missing.json", "", "error: absent.json: cannot be read (no such file)"),
        ]
        for (name, contents, message) in cases {
            let file = name == "missing.json" ? "absent.json" : name
            if name != "missing.json" { try contents.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
            let outcome = try await CLI.run(["generate", file, "--out", "out-\(name)", "--no-verify"], in: directory)
            #expect(outcome.status != 0, "\(name)")
            #expect(outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == message, "\(name): \(outcome.stderr)")
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/out-\(name)/blueprint.json"), "nothing is written for \(name)")
        }
    }
}
