import Foundation
import GravityRuntime
import GravitySystem
import GravityTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Nothing outside --out is ever touched: the marker, links inside the directory and a second writer
/// are refused before a file is removed or written.
@Suite("develop and replay stay inside --out")
struct OutputConfinementTests {
    /// A finished run in `<directory>/out`, and a file beside it that must survive whatever follows.
    private func finishedRun() async throws -> (directory: String, victim: String) {
        let directory = try CLI.temporaryDirectory()
        let first = try await CLI.run(["develop", "--industry", "general", "--out", "out"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let victim = "\(directory)/other/file.txt"
        try FileManager.default.createDirectory(atPath: "\(directory)/other", withIntermediateDirectories: true)
        try "the user's own words\n".write(toFile: victim, atomically: true, encoding: .utf8)
        return (directory, victim)
    }

    private func sha256(_ path: String) throws -> String {
        SHA256Digest.hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func appendToMarker(_ line: String, in directory: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(directory)/out/.gravity-output"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
    }

    @Test(
        "a marker line that reaches outside --out is refused with its line, and nothing is removed",
        arguments: ["../other/file.txt", "ABSOLUTE", "link/file.txt", "./../other/file.txt"]
    )
    func markerOutside(entry: String) async throws {
        let (directory, victim) = try await finishedRun()
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/out/link", withDestinationPath: "\(directory)/other")
        let line = entry == "ABSOLUTE" ? victim : entry
        try appendToMarker("\(try sha256(victim))  \(line)", in: directory)
        let markerLines = try String(contentsOfFile: "\(directory)/out/.gravity-output", encoding: .utf8).split(separator: "\n").count

        for command in [
            ["develop", "--industry", "general", "--out", "out"],
            ["replay", "\(CLI.repositoryRoot)/transcripts/general.jsonl", "--out", "out"],
        ] {
            let outcome = try await CLI.run(command, in: directory)
            #expect(outcome.status != 0, "\(command[0])")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("out/.gravity-output:\(markerLines): '\(line)'"), "\(outcome.stderr)")
            #expect(outcome.stderr.contains("nothing was removed"))
            #expect(FileManager.default.fileExists(atPath: victim), "\(command[0]) removed a file outside --out")
            #expect(FileManager.default.fileExists(atPath: "\(directory)/out/blueprint.json"), "nor anything inside")
        }
    }

    @Test("a generated directory replaced by a link to elsewhere is refused by name, and nothing is written there")
    func linkedDirectory() async throws {
        let (directory, _) = try await finishedRun()
        let elsewhere = "\(directory)/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: "\(directory)/out/frontend")
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/out/frontend", withDestinationPath: elsewhere)

        let outcome = try await CLI.run(["develop", "--industry", "general", "--out", "out"], in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("out/frontend"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("symbolic link"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)

        // The transcript itself is written through no link either.
        try FileManager.default.removeItem(atPath: "\(directory)/out/frontend")
        try FileManager.default.removeItem(atPath: "\(directory)/out/transcript.jsonl")
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/out/transcript.jsonl", withDestinationPath: "\(directory)/other/file.txt")
        let linkedTranscript = try await CLI.run(["develop", "--industry", "general", "--out", "out"], in: directory)
        #expect(linkedTranscript.status != 0)
        #expect(linkedTranscript.stderr.contains("out/transcript.jsonl"), "\(linkedTranscript.stderr)")
        #expect(try String(contentsOfFile: "\(directory)/other/file.txt", encoding: .utf8) == "the user's own words\n")

        // Nor through a link to an empty file, which no other check would take for the user's.
        try FileManager.default.removeItem(atPath: "\(directory)/out/transcript.jsonl")
        #expect(FileManager.default.createFile(atPath: "\(directory)/other/empty.jsonl", contents: nil))
        try FileManager.default.createSymbolicLink(atPath: "\(directory)/out/transcript.jsonl", withDestinationPath: "\(directory)/other/empty.jsonl")
        let linkedEmpty = try await CLI.run(["develop", "--industry", "general", "--out", "out"], in: directory)
        #expect(linkedEmpty.status != 0)
        #expect(linkedEmpty.stderr.contains("through the symbolic link"), "\(linkedEmpty.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/other/empty.jsonl")).isEmpty)
    }

    @Test("a second run into an --out that a live run holds is refused, naming the holder's pid")
    func secondWriter() async throws {
        let directory = try CLI.temporaryDirectory()
        // This test process plays the live run: it holds the lock the way develop does.
        let descriptor = try Self.holdOutputLock(in: "\(directory)/out")
        defer { close(descriptor) }
        _ = "4242\n".withCString { write(descriptor, $0, 5) }

        for command in [
            ["develop", "--industry", "general", "--out", "out"],
            ["replay", "\(CLI.repositoryRoot)/transcripts/general.jsonl", "--out", "out"],
        ] {
            let outcome = try await CLI.run(command, in: directory)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("out: cannot write: it is being written by pid 4242"), "\(outcome.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/out") == [".gravity-output.lock"])
        }

        flock(descriptor, LOCK_UN)
        let after = try await CLI.run(["develop", "--industry", "general", "--out", "out"], in: directory)
        #expect(after.status == 0, "the lock goes with its holder: \(after.stderr)")
    }

    @Test("a run refused in the moment between the holder's lock and its pid still names the pid")
    func holderStillWritingItsPid() async throws {
        let directory = try CLI.temporaryDirectory()
        // The holder has the lock but has not written its pid yet, as a develop does for a moment
        // after flock; it writes it while the refused run is looking.
        let descriptor = try Self.holdOutputLock(in: "\(directory)/out")
        defer { close(descriptor) }
        let run = try CLI.start(["develop", "--industry", "general", "--out", "out"], in: directory)
        // On a thread of its own: a task of the cooperative pool, which the other tests keep busy, could
        // resume long after the refused run stopped waiting for the pid.
        try await DedicatedThread.run("pid writer") {
            usleep(150_000)
            _ = "4242\n".withCString { write(descriptor, $0, 5) }
        }
        #expect(await run.exitCode() != 0)
        let output = (try? String(contentsOfFile: run.output, encoding: .utf8)) ?? ""
        #expect(output.contains("out: cannot write: it is being written by pid 4242"), "\(output)")
    }

    @Test("runs started together into one --out never leave a mix, and every run reaches the history")
    func runsAtOnce() async throws {
        let directory = try CLI.temporaryDirectory()
        let history = "\(directory)/shared-history.sqlite"
        // Started together, without waiting for a slot: two into each --out, all four into one history.
        let started = try (0..<4).map { index in
            try CLI.start(
                ["develop", "--industry", "general", "--seed", String(index + 1), "--out", "out-\(index % 2)"],
                in: directory,
                environment: ["GRAVITY_HISTORY": history]
            )
        }
        var finished = 0
        for run in started {
            let status = await run.exitCode()
            let output = (try? String(contentsOfFile: run.output, encoding: .utf8)) ?? ""
            if status == 0 {
                finished += 1
            } else {
                #expect(output.contains("is being written by pid"), "\(output)")
            }
            #expect(!output.contains("database is locked") && !output.contains("not added to the history"), "\(output)")
        }

        for out in ["out-0", "out-1"] where FileManager.default.fileExists(atPath: "\(directory)/\(out)/transcript.jsonl") {
            // The transcript, the Blueprint and the generated files are one run's: replay checks the digests.
            let check = try await CLI.run(["replay", "\(out)/transcript.jsonl", "--verify", "--out", "\(out)-replayed"], in: directory)
            #expect(check.status == 0, "\(out): \(check.stdout)\(check.stderr)")
            let blueprint = try String(contentsOfFile: "\(directory)/\(out)/blueprint.json", encoding: .utf8)
            let replayed = try String(contentsOfFile: "\(directory)/\(out)-replayed/blueprint.json", encoding: .utf8)
            #expect(blueprint == replayed, "\(out)'s Blueprint is its transcript's")
            let decisions = try String(contentsOfFile: "\(directory)/\(out)/DECISIONS.md", encoding: .utf8)
            #expect(decisions == (try String(contentsOfFile: "\(directory)/\(out)-replayed/DECISIONS.md", encoding: .utf8)))
        }
        let listed = try await CLI.run(["runs", "--json"], in: directory, environment: ["GRAVITY_HISTORY": history])
        let rows = try #require(try CLI.json(listed.stdout) as? [Any], "\(listed.stdout)\(listed.stderr)")
        #expect(rows.count == finished, "every run that finished is in the history")
    }

    /// Creates `out` and takes its output lock as a live develop holds it; returns the descriptor to close.
    static func holdOutputLock(in out: String) throws -> Int32 {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let descriptor = open("\(out)/.gravity-output.lock", O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        return descriptor
    }
}
