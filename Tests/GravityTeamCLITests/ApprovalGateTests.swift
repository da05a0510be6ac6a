import Foundation
import GravitySystem
import Testing

/// `develop --approve`: a person approves, rejects or amends a phase's decision, from a file, a
/// terminal or the dashboard; the answers are transcript events and replay without anyone.
@Suite("approval gates")
struct ApprovalGateTests {
    static let reject = "orders on postgresql"

    @Test("a rejection at the database phase from an answers file and from a terminal: round 2 puts orders on PostgreSQL, the transcripts are the same and replay, DECISIONS.md shows the owner and the votes after")
    func fileAndTerminal() async throws {
        let directory = try CLI.temporaryDirectory()
        try "# one answer per gate, in order\n- reject: \(Self.reject)\n- approve\n".write(toFile: "\(directory)/answers.yaml", atomically: true, encoding: .utf8)
        let filed = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "filed", "--approve", "database", "--answers", "answers.yaml"], in: directory)
        #expect(filed.status == 0, "\(filed.stderr)")
        #expect(filed.stdout.contains("approval gate: round 1 goes to the product owner") && filed.stdout.contains("product owner: reject: \(Self.reject)"))
        #expect(filed.stdout.contains("Revision 1: as the product owner asked, puts orders on postgresql."))
        try Self.expectOrdersOnPostgres(in: "\(directory)/filed")

        let decisions = try String(contentsOfFile: "\(directory)/filed/DECISIONS.md", encoding: .utf8)
        let database = try #require(decisions.components(separatedBy: "## ADR 3: Database").last?.components(separatedBy: "## ADR 4").first)
        #expect(database.contains("- Status: accepted: approved in round 2 of 2"))
        #expect(database.contains("### Product owner\n\n- Round 1: rejected it: \"\(Self.reject)\"\n- Round 2: approved it"))
        let votes = (database.components(separatedBy: "### Vote (round 2)").last ?? "").components(separatedBy: "Tally:").first ?? ""
        #expect(votes.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Member") }.count == 14, "who voted how on the revision: \(votes.prefix(400))")

        let replayed = try await CLI.run(["replay", "filed/transcript.jsonl", "--verify", "--out", "replayed"], in: directory)
        #expect(replayed.status == 0, "the answers replay without anyone asked: \(replayed.stderr)")
        let shown = try await CLI.run(["show", "filed/transcript.jsonl"], in: directory)
        #expect(shown.stdout.contains("Product owner: reject: \(Self.reject)"))
        // The application lives on: a change replays the gated run with the person's answers.
        let changed = try await CLI.run(["develop", "--from", "filed", "--change-file", "\(CLI.repositoryRoot)/changes/ecommerce-reviews.yaml"], in: directory)
        #expect(changed.status == 0, "\(changed.stderr)")
        try Self.expectOrdersOnPostgres(in: "\(directory)/filed")

        // The same answers typed at a terminal give the same transcript, byte for byte.
        let session = try await Self.atTerminal(["r \(Self.reject)", "a"], ["develop", "--industry", "ecommerce", "--out", "typed", "--approve", "database", "--no-verify"], in: directory)
        #expect(session.status == 0, "\(session.output.suffix(1500))")
        #expect(session.output.contains("Approval gate: Database, round 1, decided by the team's vote"), "\(session.output.prefix(3000))")
        #expect(session.output.contains("Approval gate: Database, round 2, decided by the team's vote"))
        let typed = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/typed/transcript.jsonl"))
        #expect(typed == (try Data(contentsOf: URL(fileURLWithPath: "\(directory)/filed/transcript.jsonl"))))
    }

    @Test("a gate never waits for nobody: with no terminal, no answers file and no dashboard, --approve is refused before the team starts")
    func refusedWithoutAnyone() async throws {
        let directory = try CLI.temporaryDirectory()
        let outcome = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--approve", "database"], in: directory)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "error: --approve needs someone to answer: run it in a terminal, or give --answers FILE (docs/cli.md has the format) or --answers-from serve\n", "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/app"), "the team never started")
        for (arguments, expected) in [
            (["--approve", "databse", "--answers", "a.yaml"], "'databse' is not a phase"),
            (["--answers", "a.yaml"], "--owner, --answers and --answers-from go with --approve"),
        ] {
            let refused = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app"] + arguments, in: directory)
            #expect(refused.status != 0 && refused.stderr.contains(expected) && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }
        try "- approve\n- reject\n".write(toFile: "\(directory)/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--approve", "all", "--answers", "bad.yaml"], in: directory)
        #expect(bad.stderr == "error: bad.yaml:2: expected approve, reject: REASON or amend: INSTRUCTION\n", "\(bad.stderr)")
    }

    @Test("a run stopped at a gate resumes asking only that gate; an instruction the mock cannot read is said so; the result is the uninterrupted run's")
    func resumeAtAGate() async throws {
        let directory = try CLI.temporaryDirectory()
        let arguments = ["develop", "--industry", "ecommerce", "--approve", "database,frontend"]
        try "- reject: \(Self.reject)\n".write(toFile: "\(directory)/answers.yaml", atomically: true, encoding: .utf8)
        let stopped = try await CLI.run(arguments + ["--out", "app", "--answers", "answers.yaml"], in: directory)
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("answers.yaml holds 1 answer(s) and the gate on round 2 of the database phase asks for one more"), "\(stopped.stderr)")
        let lines = try String(contentsOfFile: "\(directory)/app/transcript.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.last?.contains(#""type":"owner_asked""#) == true, "flushed before the gate asked: \(lines.last?.prefix(200) ?? "")")

        // The file is the whole list, as for a run from the start; the gate the transcript recorded
        // keeps its recorded answer (the file's first entry is not asked again).
        let all = "- reject: \(Self.reject)\n- approve\n- amend: make the pages friendlier\n- approve\n"
        try all.replacingOccurrences(of: "- reject: \(Self.reject)", with: "- approve").write(toFile: "\(directory)/answers.yaml", atomically: true, encoding: .utf8)
        let resumed = try await CLI.run(["develop", "--resume", "app/transcript.jsonl", "--out", "app", "--answers", "answers.yaml"], in: directory)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("could not act on the product owner's words (\"make the pages friendlier\")"), "\(resumed.stdout.suffix(2000))")
        try Self.expectOrdersOnPostgres(in: "\(directory)/app")

        try all.write(toFile: "\(directory)/once.yaml", atomically: true, encoding: .utf8)
        let once = try await CLI.run(arguments + ["--out", "once", "--answers", "once.yaml"], in: directory)
        #expect(once.status == 0, "\(once.stderr)")
        let resumedTranscript = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/app/transcript.jsonl"))
        #expect(resumedTranscript == (try Data(contentsOf: URL(fileURLWithPath: "\(directory)/once/transcript.jsonl"))))
    }

    @Test("a rejection opens a round beyond --max-rounds; --owner vote is recorded and replays; a file answers every phase with --approve all")
    func beyondTheRounds() async throws {
        let directory = try CLI.temporaryDirectory()
        try "- reject: \(Self.reject)\n- approve\n".write(toFile: "\(directory)/answers.yaml", atomically: true, encoding: .utf8)
        let one = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--out", "one", "--max-rounds", "1", "--approve", "database", "--owner", "vote", "--answers", "answers.yaml", "--json"],
            in: directory
        )
        #expect(one.status == 0, "\(one.stderr)")
        let phases = try #require((try CLI.json(one.stdout) as? [String: Any])?["phases"] as? [[String: Any]])
        #expect(phases.first { $0["phase"] as? String == "database" }?["rounds"] as? Int == 2)
        let header = try String(contentsOfFile: "\(directory)/one/transcript.jsonl", encoding: .utf8).prefix { $0 != "\n" }
        #expect(header.contains(#""approve":{"mode":"vote","phases":["database"]}"#), "\(header)")
        let replayed = try await CLI.run(["replay", "one/transcript.jsonl", "--verify", "--out", "replayed"], in: directory)
        #expect(replayed.status == 0, "\(replayed.stderr)")
        let serial = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--out", "serial", "--max-rounds", "1", "--approve", "database", "--owner", "vote", "--answers", "answers.yaml", "--concurrency", "1"],
            in: directory
        )
        #expect(serial.status == 0, "\(serial.stderr)")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: "\(directory)/serial/transcript.jsonl")) == Data(contentsOf: URL(fileURLWithPath: "\(directory)/one/transcript.jsonl")),
            "the same answers give the same transcript at any concurrency"
        )

        try String(repeating: "- approve\n", count: 8).write(toFile: "\(directory)/all.yaml", atomically: true, encoding: .utf8)
        let all = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "all", "--approve", "all", "--answers", "all.yaml"], in: directory)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.components(separatedBy: "product owner: approve").count - 1 == 8)
        let approved = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/all/blueprint.json"))
        let reference = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "plain"], in: directory)
        #expect(reference.status == 0)
        #expect(approved == (try Data(contentsOf: URL(fileURLWithPath: "\(directory)/plain/blueprint.json"))), "approving every decision changes nothing")
    }

    static func expectOrdersOnPostgres(in app: String) throws {
        let blueprint = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(app)/blueprint.json"))) as? [String: Any])
        let stores = ((blueprint["database"] as? [String: Any])?["stores"] as? [[String: Any]]) ?? []
        let engines = Dictionary(uniqueKeysWithValues: stores.compactMap { store in
            (store["service"] as? String).map { ($0, (store["engines"] as? [String: String]) ?? [:]) }
        })
        #expect(engines["orders"] == ["local": "postgresql", "production": "postgresql"], "\(engines)")
        #expect(engines["catalog"] == ["local": "sqlite", "production": "postgresql"], "the other services keep theirs")
    }

    /// `gravity-team arguments` on a pseudo-terminal, typing `answers` at its gates' prompts.
    static func atTerminal(_ answers: [String], _ arguments: [String], in directory: String) async throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["GRAVITY_DATA_DIR"] = CLI.repositoryRoot
        environment["GRAVITY_HISTORY"] = "\(directory)/history.sqlite"
        let log = "\(directory)/terminal-\(UUID().uuidString).log"
        let pid = try ProcessControl.spawn(
            "/usr/bin/python3", ["\(CLI.repositoryRoot)/Tests/Support/terminal_owner.py"] + answers + ["--", CLI.binary] + arguments,
            environment: environment, directory: directory, logFile: log
        )
        let status = await ChildProcess.exitCode(of: pid)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
