import Foundation
import Testing

/// The prompts live in `prompts/`, where a user can read and adapt them.
@Suite("Prompt files")
struct PromptFilesTests {
    @Test("an edited template is what the model is sent, and what the transcript records")
    func edited() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/prompts/review.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(
            of: "Review it against your checklist",
            with: "Review it strictly, as a skeptic, against your checklist"
        )
        .write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try await CLI.run(["develop", "--industry", "general", "--data-dir", data, "--out", "app"], in: data)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let transcript = try String(contentsOfFile: "\(data)/app/transcript.jsonl", encoding: .utf8)
        #expect(transcript.contains("Review it strictly, as a skeptic, against your checklist"))
        #expect(!transcript.contains("\\nReview it against your checklist"))
    }

    @Test("the requirements' proposer is shown the industry's rules, which reviewers want adopted as they are; other phases are not")
    func rulesInTheRequirementsPrompt() throws {
        let transcript = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl", encoding: .utf8)
        let calls = transcript.split(separator: "\n").compactMap { line -> [String: Any]? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["call"] as? [String: Any]
        }
        let proposals = calls.filter { ["propose", "revise"].contains($0["task"] as? String) }
        let requirements = try #require(proposals.first { $0["phase"] as? String == "requirements" }?["prompt"] as? String)
        #expect(requirements.contains("The industry's rules, to adopt as they are for the entities in scope"))
        #expect(requirements.contains(#""placements":[{"entity":"purchase_order","lines":"order_line""#), "\(requirements.suffix(600))")
        #expect(requirements.contains(#""stocks":[{"entity":"product","field":"stock","price":"price"}]"#))
        let others = proposals.filter { $0["phase"] as? String != "requirements" }.compactMap { $0["prompt"] as? String }
        #expect(!others.isEmpty && others.allSatisfy { !$0.contains("The industry's rules") })
    }

    @Test("an unknown placeholder or a missing template is an error naming the file and line")
    func mistakes() async throws {
        let data = try CLI.scratchData()
        try "Phase {{phase}}.\nWho wrote it: {{writer}}\n".write(toFile: "\(data)/prompts/review.txt", atomically: true, encoding: .utf8)
        let unknown = try await CLI.run(["develop", "--data-dir", data], in: data)
        #expect(unknown.status != 0)
        #expect(
            unknown.stderr.hasPrefix("error: prompts/review.txt:2: unknown placeholder {{writer}}; this template may use {{author}}"),
            "\(unknown.stderr)"
        )

        try FileManager.default.removeItem(atPath: "\(data)/prompts/system.txt")
        let missing = try await CLI.run(["develop", "--data-dir", data], in: data)
        #expect(missing.stderr.hasPrefix("error: prompts/system.txt: cannot read: no such file"), "\(missing.stderr)")
    }
}
