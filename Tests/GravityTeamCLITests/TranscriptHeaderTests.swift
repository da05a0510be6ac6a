import Foundation
import Testing

/// The transcript header is input like any other: its fields are ids and settings, checked as such,
/// and an edit to any of them fails `replay --verify`, whatever model made the run.
@Suite("transcript headers")
struct TranscriptHeaderTests {
    /// A copy of a reference transcript whose header `field` is set to `value` (JSON).
    private func edited(_ field: String, to value: String) throws -> String {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: "\(CLI.repositoryRoot)/transcripts/general.jsonl", encoding: .utf8)
        let newline = try #require(text.firstIndex(of: "\n"))
        var header = try #require(try CLI.json(String(text[..<newline])) as? [String: Any])
        header[field] = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        let line = String(decoding: try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]), as: UTF8.self)
        try (line + text[newline...]).write(toFile: "\(directory)/edited.jsonl", atomically: true, encoding: .utf8)
        return directory
    }

    @Test(
        "an edited header fails replay --verify, though every answer is still in the file",
        arguments: [("seed", "43"), ("max_rounds", "4"), ("brief", "\"A different shop\""), ("model", "\"ollama:llama3.1\"")]
    )
    func editedHeader(field: String, value: String) async throws {
        let directory = try edited(field, to: value)
        let outcome = try await CLI.run(["replay", "edited.jsonl", "--verify"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("the header (line 1) was changed after the run"), "\(outcome.stderr)")
    }

    @Test(
        "a header field that is not an id or a setting is refused by name, and no file it names is opened",
        arguments: [
            ("industry", "\"../../../etc/passwd\"", "header field 'industry' must be an industry id"),
            ("max_rounds", "1000000", "header field 'max_rounds' must be from 1 to 10, not 1000000"),
            ("brief", "\"\"", "header field 'brief' must be one line"),
        ]
    )
    func invalidField(field: String, value: String, expected: String) async throws {
        let directory = try edited(field, to: value)
        for command in [["replay", "edited.jsonl", "--verify"], ["show", "edited.jsonl"], ["develop", "--resume", "edited.jsonl"]] {
            let outcome = try await CLI.run(command, in: directory)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("edited.jsonl:1: \(expected)"), "\(command[0]): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("root:"), "nothing of /etc/passwd is shown")
        }
    }
}
