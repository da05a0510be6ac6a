import Foundation
import Testing

/// Hostile or careless input files get a one-line error naming the file, field and limit, before any
/// work starts, and never a crash or a run that grows without bound.
@Suite("input limits")
struct InputLimitTests {
    private func industryFile(_ edit: (String) -> String) throws -> (directory: String, path: String) {
        let directory = try CLI.temporaryDirectory()
        let text = try String(contentsOfFile: "\(CLI.repositoryRoot)/industries/general.yaml", encoding: .utf8)
        let path = "\(directory)/hostile.yaml"
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    @Test(
        "develop refuses an industry file past a limit in one line, naming the file, field and limit",
        arguments: [
            ("aliases", "with its aliases expanded"),
            ("seed", "invalid value for 'seed[0].count': count 100000000 is over the limit of 10000 rows"),
            ("description", "the file is"),
        ]
    )
    func hostileIndustry(case name: String, expected: String) async throws {
        let (directory, path) = try industryFile { text in
            switch name {
            case "aliases":
                // One anchor of 1,900 characters, repeated 5,000 times: 9.5 MB once expanded.
                let big = String(repeating: "B", count: 1_900)
                return text.replacingOccurrences(of: "\nseed:\n", with: "\nx: [&big \"\(big)\", " + Array(repeating: "*big", count: 5_000).joined(separator: ", ") + "]\nseed:\n")
            case "seed":
                return text.replacingOccurrences(of: "    count: 10\n", with: "    count: 100000000\n")
            default:
                return text + "# " + String(repeating: "D", count: 300_000) + "\n"
            }
        }
        let outcome = try await CLI.run(["develop", "--industry", path, "--out", "out"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr.prefix(500))")
        #expect(outcome.stderr.hasPrefix("error: \(path)"), "\(outcome.stderr.prefix(500))")
        #expect(outcome.stderr.contains(expected), "\(outcome.stderr.prefix(500))")
        #expect(outcome.stderr.count < 400, "the error does not echo the input")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out"), "nothing was started")
    }

    @Test("a file named for input is read as a regular file only: a pipe is refused at once, and a link's target counts")
    func specialFiles() async throws {
        let directory = try CLI.temporaryDirectory()
        #expect(mkfifo("\(directory)/brief.fifo", 0o600) == 0)
        let fifo = try await CLI.run(["develop", "--industry", "general", "--brief-file", "brief.fifo"], in: directory)
        #expect(fifo.status != 0)
        #expect(fifo.stderr.contains("brief.fifo: cannot read the brief file: it is not a regular file"), "\(fifo.stderr)")

        try String(repeating: "# padding\n", count: 30_000).write(toFile: "\(directory)/big.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/small.yaml", withDestinationPath: "\(directory)/big.yaml")
        let linked = try await CLI.run(["develop", "--industry", "small.yaml"], in: directory)
        #expect(linked.status != 0)
        #expect(linked.stderr.contains("small.yaml: the file is 300000 bytes, over the limit of 256 KiB"), "\(linked.stderr)")
    }

    @Test("a brief past the limit is refused by name, from --brief and from --brief-file")
    func longBrief() async throws {
        let directory = try CLI.temporaryDirectory()
        let brief = String(repeating: "shop ", count: 201)
        let direct = try await CLI.run(["develop", "--industry", "general", "--brief", brief], in: directory)
        #expect(direct.status != 0)
        #expect(direct.stderr.contains("--brief is 1004 characters; the limit is 1000"), "\(direct.stderr.prefix(300))")
        try String(repeating: "a", count: 150_000).write(toFile: "\(directory)/brief.txt", atomically: true, encoding: .utf8)
        let file = try await CLI.run(["develop", "--industry", "general", "--brief-file", "brief.txt"], in: directory)
        #expect(file.status != 0)
        #expect(file.stderr.contains("brief.txt: the brief file is 150000 bytes"), "\(file.stderr.prefix(300))")
    }
}
