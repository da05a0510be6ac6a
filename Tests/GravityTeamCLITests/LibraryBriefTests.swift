import Foundation
import Testing

/// A real model given a brief of its own decides the domain: Tests/Support/library_model_server.py
/// reads "A library lending books to its members" as books, members and loans. The run is not held
/// to the industry's example features or roles, and ends with an application whose loan endpoints
/// pass their own tests.
@Suite struct LibraryBriefTests {
    @Test func aLibraryBriefGivesALendingLibrary() async throws {
        let server = try await LoopbackPythonServer.start("library_model_server.py", [])
        defer { server.stop() }
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(
            ["develop", "--industry", "general", "--brief", "A library lending books to its members", "--model", "ollama", "--out", "app"],
            in: directory,
            environment: ["OLLAMA_HOST": "http://127.0.0.1:\(server.port)"],
            verify: true
        )
        #expect(outcome.status == 0, "\(outcome.stderr.suffix(800))")
        #expect(outcome.stdout.contains("lending: ") && !outcome.stdout.contains("FAILED"), "\(outcome.stdout.suffix(800))")
        let blueprint = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/app/blueprint.json"))) as? [String: Any]
        )
        let requirements = try #require(blueprint["requirements"] as? [String: Any])
        #expect(requirements["entities"] as? [String] == ["book", "member", "loan"])
        #expect(requirements["roles"] as? [String] == ["member", "librarian", "admin"])
        let decisions = try String(contentsOfFile: "\(directory)/app/DECISIONS.md", encoding: .utf8)
        #expect(!decisions.contains("moderator's completion"), "the team's own rounds were adopted, not a completion from the industry")
        let loans = try String(contentsOfFile: "\(directory)/app/services/lending/tests/test_loans_lifecycle.py", encoding: .utf8)
        #expect(loans.contains("return_book"), "the loan's own lifecycle is tested")
        let stats = try #require(try await LoopbackHTTP.request("GET", "http://127.0.0.1:\(server.port)/_stats").json() as? [String: Any])
        let briefed = stats["briefed"] as? [String] ?? []
        #expect(briefed.contains("requirements") && briefed.contains("database"), "the requirements and database leads are told the brief: \(briefed)")
    }
}
