import Foundation
import GravitySystem
import GravityTestSupport
import Testing

/// Ctrl-C (or `kill`) ends a develop run with its place recorded: the history says interrupted and
/// where, stderr says how to resume, and what was printed ends in whole lines.
@Suite("develop interrupted by a signal")
struct InterruptionTests {
    /// A develop run in its own process group, its output in files the test can read while it runs.
    private final class Run {
        let pid: pid_t
        let directory: String
        /// Once waited for, the pid (and its process group) may belong to another program.
        private(set) var reaped = false
        var stdout: String { (try? String(contentsOfFile: "\(directory)/stdout", encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOfFile: "\(directory)/stderr", encoding: .utf8)) ?? "" }

        init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
            var env = ProcessInfo.processInfo.environment
            env["GRAVITY_DATA_DIR"] = CLI.repositoryRoot
            env["GRAVITY_HISTORY"] = "\(directory)/history.sqlite"
            for (key, value) in environment { env[key] = value }
            self.directory = directory
            pid = try ProcessControl.spawn(
                CLI.binary, arguments, environment: env, directory: directory,
                logFile: "\(directory)/stdout", errorFile: "\(directory)/stderr"
            )
        }

        /// Waits for `ready` to hold: the run's own output or files say it has reached the point to interrupt.
        /// The deadline only bounds a broken run; the run is held at that point, not raced against.
        func wait(until ready: () -> Bool) async throws {
            guard try await Polling.until(within: .seconds(120), { ready() }) else { throw Stalled(output: stdout + stderr) }
        }

        /// Sends SIGINT and returns the exit code once the run has ended.
        func interrupt() async -> Int32 {
            kill(pid, SIGINT)
            let code = await ChildProcess.exitCode(of: pid)
            reaped = true
            return code
        }

        struct Stalled: Error, CustomStringConvertible {
            var output: String
            var description: String { "the run never reached the point to interrupt: \(output.suffix(500))" }
        }
    }

    private func history(_ directory: String) async throws -> [[String: Any]] {
        let listed = try await CLI.run(["runs", "--json"], in: directory)
        return try #require(try CLI.json(listed.stdout) as? [[String: Any]], "\(listed.stdout)\(listed.stderr)")
    }

    @Test("interrupted while the team deliberates: recorded as interrupted in that phase, with how to resume")
    func duringDeliberation() async throws {
        let directory = try CLI.temporaryDirectory()
        // Each model answer takes a minute, so the run is held inside the first phase's proposal.
        let run = try Run(["develop", "--industry", "general", "--out", "out", "--no-verify", "--mock-latency-ms", "60000"], in: directory)
        try await run.wait { run.stdout.contains("[1/8] Requirements") }
        #expect(await run.interrupt() == 130)
        #expect(
            run.stderr == "error: interrupted by SIGINT during the requirements phase; the transcript so far is kept: "
                + "gravity-team develop --resume out/transcript.jsonl\n"
        )
        #expect(run.stdout.hasSuffix("\n"), "whole lines: \(run.stdout.suffix(200))")
        let rows = try await history(directory)
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "interrupted")
        #expect(rows.first?["failure"] as? String == "interrupted by SIGINT during the requirements phase")
    }

    @Test("interrupted while the generated tests run: the recorded run is marked interrupted, not completed")
    func duringVerification() async throws {
        let directory = try CLI.temporaryDirectory()
        // A python3 that passes the check before the team starts, then holds the virtual environment's
        // creation until it is stopped: the run is interrupted inside verification by construction.
        let bin = "\(directory)/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let pidFile = "\(directory)/python.pid"
        try """
            #!/bin/sh
            case "$*" in *ensurepip*) exit 0 ;; esac
            echo $$ > \(pidFile)
            exec sleep 300
            """.write(toFile: "\(bin)/python3", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(bin)/python3")

        let run = try Run(
            ["develop", "--industry", "general", "--out", "out"],
            in: directory,
            environment: ["PATH": "\(bin):/usr/bin:/bin", "GRAVITY_CACHE": "\(directory)/cache"]
        )
        defer { if !run.reaped { kill(-run.pid, SIGKILL) } }
        try await run.wait { FileManager.default.fileExists(atPath: pidFile) }
        #expect(await run.interrupt() == 130)
        // The program the run started (in a process group of its own, which Ctrl-C at a terminal does
        // not reach) was stopped before the run exited, not left behind.
        let python = try #require(pid_t((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try await Polling.until(within: .seconds(30)) { ProcessControl.hasEnded(python) }, "the run's child was left running")
        if !ProcessControl.hasEnded(python) { kill(python, SIGKILL) }
        #expect(run.stderr.contains("interrupted by SIGINT while the generated tests ran"), "\(run.stderr)")
        #expect(run.stdout.contains("Verifying:"))
        let rows = try await history(directory)
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "interrupted")
        #expect(rows.first?["failure"] as? String == "interrupted by SIGINT while the generated tests ran")
    }
}
