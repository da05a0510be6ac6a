import Foundation
import Testing

/// `gravity-team industries new`: a real model (the scripted library model) drafts an industry file,
/// which is checked as any industry file is and written for review; `develop` then runs on it
/// offline with the mock model.
@Suite struct IndustriesNewTests {
    static func draft(_ arguments: [String], badDrafts: Int = 0, in directory: String) async throws -> CLI.Outcome {
        let server = try await LoopbackPythonServer.start("library_model_server.py", ["--bad-industry-drafts", String(badDrafts)])
        defer { server.stop() }
        return try await CLI.run(
            ["industries", "new", "library", "--brief", "A library lending books to its members", "--model", "ollama"] + arguments,
            in: directory,
            environment: ["OLLAMA_HOST": "http://127.0.0.1:\(server.port)"]
        )
    }

    @Test func draftsAFileThatDevelopRunsOffline() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.draft(["--out", "library.yaml"], badDrafts: 1, in: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Wrote library.yaml: Library, 3 entities, 2 features, 3 roles, 1 compliance items (2 model requests"), "\(outcome.stdout)")
        let text = try String(contentsOfFile: "\(directory)/library.yaml", encoding: .utf8)
        #expect(text.hasPrefix("# Drafted by ollama:llama3.1 from the brief: A library lending books to its members\n"))
        let developed = try await CLI.run(["develop", "--industry", "library.yaml", "--out", "app"], in: directory)
        #expect(developed.status == 0, "\(developed.stderr)")
        let blueprint = try String(contentsOfFile: "\(directory)/app/blueprint.json", encoding: .utf8)
        #expect(blueprint.contains("\"loan\"") && blueprint.contains("return_book"))
    }

    @Test func aDraftThatFailsTwiceStopsNamingTheLine() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await Self.draft([], badDrafts: 2, in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the drafted industry file cannot be used, asked twice: library.yaml"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("shelf"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/library.yaml"))
    }

    @Test func neverReplacesAFileNorUsesTheMock() async throws {
        let directory = try CLI.temporaryDirectory()
        try "mine\n".write(toFile: "\(directory)/library.yaml", atomically: true, encoding: .utf8)
        let taken = try await Self.draft([], in: directory)
        #expect(taken.status != 0 && taken.stderr.contains("library.yaml: already exists"), "\(taken.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/library.yaml", encoding: .utf8) == "mine\n")
        let mock = try await CLI.run(["industries", "new", "library", "--brief", "A library", "--model", "mock", "--out", "x.yaml"], in: directory)
        #expect(mock.status != 0 && mock.stderr.contains("industries new needs a real model"), "\(mock.stderr)")
        #expect(try await CLI.run(["industries", "--json"], in: directory).status == 0, "the list is still the default")
    }
}
