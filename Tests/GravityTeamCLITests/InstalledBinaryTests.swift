import Foundation
import Testing

/// A user who installs gravity-team copies the binary onto their PATH and runs it anywhere: the
/// personas, industries, prompts and prices travel inside it.
@Suite("the binary copied anywhere")
struct InstalledBinaryTests {
    @Test("a copy in an empty directory, with the build's resource folders out of reach, develops ecommerce from / exactly as the repository does")
    func runsFromAnywhere() async throws {
        let place = try CLI.temporaryDirectory()
        let installed = "\(place)/bin/gravity-team"
        try FileManager.default.createDirectory(atPath: "\(place)/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: installed)
        let hidden = try Self.hideResourceFolders(beside: CLI.binary)
        defer { Self.restore(hidden) }

        // An empty GRAVITY_DATA_DIR counts as unset; nothing above / holds personas/.
        let outcome = try await CLI.run(
            ["develop", "--industry", "ecommerce", "--seed", "42", "--out", "\(place)/app"],
            in: "/",
            environment: ["GRAVITY_DATA_DIR": "", "GRAVITY_HISTORY": "\(place)/history.sqlite"],
            binary: installed
        )
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Cost:       $0.0269 estimated"), "prices.yaml travels too: \(outcome.stdout)")
        let made = try Data(contentsOf: URL(fileURLWithPath: "\(place)/app/transcript.jsonl"))
        let recorded = try Data(contentsOf: URL(fileURLWithPath: "\(CLI.repositoryRoot)/transcripts/ecommerce.jsonl"))
        #expect(made == recorded, "the built-in personas and prompts are the repository's: the transcript is the recorded one")

        let listed = try await CLI.run(["team", "--industry", "healthcare"], in: "/", environment: ["GRAVITY_DATA_DIR": ""], binary: installed)
        #expect(listed.status == 0 && listed.stdout.contains("Dr. Lisa Anderson"), "\(listed.stderr)")

        // A directory named is used, or refused; never passed over for the built-in data.
        let data = try CLI.scratchData()
        try "id: [".write(toFile: "\(data)/industries/general.yaml", atomically: true, encoding: .utf8)
        let broken = try await CLI.run(["develop", "--industry", "general", "--data-dir", data], in: "/", environment: ["GRAVITY_DATA_DIR": ""], binary: installed)
        #expect(broken.status == 1 && broken.stderr.hasPrefix("error: industries/general.yaml:"), "\(broken.stderr)")
        let missing = try await CLI.run(["develop", "--industry", "general"], in: "/", environment: ["GRAVITY_DATA_DIR": "\(place)/nothing"], binary: installed)
        #expect(missing.status == 1 && missing.stderr == "error: \(place)/nothing: cannot read: not a data directory (it needs personas/ and industries/)\n", "\(missing.stderr)")
    }

    /// SwiftPM's `<module>.resources` folders beside the built binary, moved aside: on Linux
    /// `Bundle.module` falls back to their absolute path, which a copied binary must not need.
    static func hideResourceFolders(beside binary: String) throws -> [(from: String, to: String)] {
        let directory = (binary as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".resources") || $0.hasSuffix(".bundle") }
        var moved: [(from: String, to: String)] = []
        for name in names {
            let from = "\(directory)/\(name)"
            let to = "\(directory)/.hidden-\(UUID().uuidString)-\(name)"
            try FileManager.default.moveItem(atPath: from, toPath: to)
            moved.append((from, to))
        }
        return moved
    }

    static func restore(_ moved: [(from: String, to: String)]) {
        for (from, to) in moved { try? FileManager.default.moveItem(atPath: to, toPath: from) }
    }
}
