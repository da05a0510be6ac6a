import Foundation
import Testing

/// What a person sees on a machine that has only the Swift toolchain: the README's commands as written.
@Suite("the README's commands on a fresh machine")
struct FreshMachineTests {
    @Test("CI runs the README's test command, exactly, and nothing else runs the suite")
    func ciRunsTheReadmeTestCommand() async throws {
        let readme = try String(contentsOfFile: "\(CLI.repositoryRoot)/README.md", encoding: .utf8)
        let commands = readme.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.hasPrefix("gravity-team turns") }
            .filter { $0.hasPrefix("    ") }
            .map { $0.split(separator: "#", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces) }
        #expect(commands.count == 2, "the README opens with the run command and the test command: \(commands)")
        let testCommand = try #require(commands.last)

        let ci = try String(contentsOfFile: "\(CLI.repositoryRoot)/.ci/run", encoding: .utf8)
        let steps = ci.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("set ") && !$0.hasPrefix("cd ") }
        #expect(steps == ["exec \(testCommand)"])
        let script = try String(contentsOfFile: "\(CLI.repositoryRoot)/\(testCommand)", encoding: .utf8)
        let runs = script.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && $0.contains("swift test") }
        #expect(runs == ["exec swift test \"$@\""], "the suite runs once, with the arguments given")
    }

    @Test("develop names what to install before the team starts when python3 cannot make a virtual environment")
    func developWithoutVenv() async throws {
        let directory = try CLI.temporaryDirectory()
        let bin = "\(directory)/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // Debian's python3 without python3-venv: it runs, but has no ensurepip.
        try "#!/bin/sh\necho 'No module named ensurepip' >&2\nexit 1\n".write(toFile: "\(bin)/python3", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/python3")

        let outcome = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "out"], in: directory, environment: ["PATH": bin], verify: true)
        #expect(outcome.status != 0)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot make virtual environments"))
        #expect(outcome.stderr.contains("apt-get install python3 python3-venv"))
        #expect(outcome.stderr.contains("brew install python"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out/transcript.jsonl"), "the team never started")

        let noPython = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "out"], in: directory, environment: ["PATH": "\(directory)/empty"], verify: true)
        #expect(noPython.status != 0)
        #expect(noPython.stderr.contains("python3 is not on PATH"), "\(noPython.stderr)")
    }
}
