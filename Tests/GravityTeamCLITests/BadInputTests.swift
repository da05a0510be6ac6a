import Foundation
import Testing

@Suite("Bad input")
struct BadInputTests {
    /// Asserts the one-line-error contract and returns the line.
    private func failure(_ arguments: [String], environment: [String: String] = [:]) async throws -> String {
        let outcome = try await CLI.run(arguments, environment: environment)
        #expect(outcome.status != 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("error: "))
        #expect(!outcome.stderr.contains("Fatal error"))
        return String(lines.first ?? "")
    }

    @Test(
        "a number out of range, negative ones included, is named with its option",
        arguments: [
            (["bench", "bus", "--messages", "-1"], "--messages must be at least 1, not -1"),
            (["bench", "review", "--rounds", "0"], "--rounds must be at least 1, not 0"),
            (["bench", "nosuch"], "unknown scenario 'nosuch': expected bus, team, replay, scale, review, all, develop, replay-verify, generate, deploy or app"),
            (["runs", "--limit", "0"], "--limit 0 must be at least 1"),
            (["logs", ".", "catalog", "--tail", "-1"], "--tail -1 must be at least 1"),
            (["deploy", ".", "--port", "-1"], "--port -1 is not a port number (1-65535)"),
            (["develop", "--request-timeout", "0"], "invalid --request-timeout '0': expected seconds above 0, at most 3600"),
            (["develop", "--brief", "a shop\nwith a second line"], "--brief must be one line"),
        ]
    )
    func outOfRange(arguments: [String], message: String) async throws {
        let line = try await failure(arguments)
        #expect(line == "error: \(message)")
    }

    @Test("an --out that cannot be made says why in the system's words")
    func unwritableOut() async throws {
        let directory = try CLI.temporaryDirectory()
        try "not a directory\n".write(toFile: "\(directory)/afile", atomically: true, encoding: .utf8)
        let underFile = try await CLI.run(["develop", "--out", "afile/app"], in: directory)
        #expect(underFile.status != 0)
        #expect(underFile.stderr == "error: afile/app: cannot write: afile is a file, not a directory\n", "\(underFile.stderr)")
        let line = try await failure(["develop", "--out", "/proc/gravity-out"])
        #expect(line == "error: /proc/gravity-out: cannot write: no such file or directory (or none can be made there)")
    }

    @Test("an unknown industry lists the available ones")
    func unknownIndustry() async throws {
        let line = try await failure(["develop", "--industry", "aerospace"])
        #expect(line.contains("unknown industry 'aerospace'"))
        #expect(line.contains("ecommerce, education, finance, general, healthcare"))
    }

    @Test("a missing industry file is named")
    func missingIndustryFile() async throws {
        let line = try await failure(["develop", "--industry", "nowhere/space.yaml"])
        #expect(line.contains("nowhere/space.yaml"))
    }

    @Test("malformed persona YAML names the file and line")
    func malformedPersona() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/personas/ivan-petrov.yaml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init
        )
        lines[2] = "role: [security_expert"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let line = try await failure(["team", "--data-dir", data])
        #expect(line.contains("personas/ivan-petrov.yaml:"))
        #expect(line.contains("malformed YAML"))
    }

    @Test("malformed industry YAML names the file and line")
    func malformedIndustry() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/industries/finance.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n  - broken: [\n").write(toFile: path, atomically: true, encoding: .utf8)
        let line = try await failure(["develop", "--industry", "finance", "--data-dir", data])
        #expect(line.contains("industries/finance.yaml:"))
    }

    @Test("a missing required field is named with its file")
    func missingField() async throws {
        let data = try CLI.scratchData()
        let path = "\(data)/personas/carlos-martinez.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("experience_years:") }.joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let line = try await failure(["team", "--data-dir", data])
        #expect(line.contains("personas/carlos-martinez.yaml"))
        #expect(line.contains("missing required field 'experience_years'"))
    }

    @Test("a duplicate persona id names both files")
    func duplicatePersona() async throws {
        let data = try CLI.scratchData()
        try FileManager.default.copyItem(atPath: "\(data)/personas/alex-rivera.yaml", toPath: "\(data)/personas/zz-alex.yaml")
        let line = try await failure(["team", "--data-dir", data])
        #expect(line.contains("duplicate persona id 'alex-rivera'"))
        #expect(line.contains("personas/zz-alex.yaml"))
        #expect(line.contains("personas/alex-rivera.yaml"))
    }

    @Test(
        "invalid numbers are rejected with the option and value",
        arguments: [
            (["--seed", "abc"], "--seed 'abc'"), (["--seed=-1"], "--seed '-1'"), (["--max-rounds", "0"], "--max-rounds '0'"),
            (["--max-rounds", "many"], "--max-rounds 'many'"), (["--concurrency", "0"], "--concurrency '0'"),
        ]
    )
    func invalidNumbers(arguments: [String], expected: String) async throws {
        let line = try await failure(["develop", "--industry", "general"] + arguments)
        #expect(line.contains(expected))
    }

    @Test("both --brief and --brief-file is an error")
    func twoBriefs() async throws {
        let line = try await failure(["develop", "--brief", "x", "--brief-file", "y"])
        #expect(line.contains("--brief"))
    }

    @Test("no data directory is a clear error")
    func noData() async throws {
        let line = try await failure(["team", "--data-dir", "/nonexistent"])
        #expect(line.contains("/nonexistent"))
    }
}
