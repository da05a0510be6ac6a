import Foundation
import GravitySystem
import Testing

/// examples/ecommerce is the generated application kept in the repository, so that a change to the
/// generators is reviewed as a change to the code they write.
@Suite("the example application")
struct ExampleAppTests {
    @Test("examples/ecommerce is what develop --industry ecommerce writes today")
    func exampleIsCurrent() async throws {
        let directory = try CLI.temporaryDirectory()
        let developed = try await CLI.run(["develop", "--industry", "ecommerce", "--out", "app", "--json"], in: directory)
        try #require(developed.status == 0, "\(developed.stderr)")
        // The same leaving-out as scripts/update-example: the transcript and the directory's bookkeeping.
        for name in ["transcript.jsonl", ".gravity-output", ".gravity-output.lock"] {
            try FileManager.default.removeItem(atPath: "\(directory)/app/\(name)")
        }
        let pid = try ProcessControl.spawn(
            "/usr/bin/diff",
            ["-ruN", "\(CLI.repositoryRoot)/examples/ecommerce", "\(directory)/app"],
            environment: ["LC_ALL": "C"],
            directory: directory,
            logFile: "\(directory)/example.diff"
        )
        let status = await ChildProcess.exitCode(of: pid)
        let difference = (try? String(contentsOfFile: "\(directory)/example.diff", encoding: .utf8)) ?? ""
        #expect(
            status == 0,
            "the generated application differs from examples/ecommerce; if the change is meant, run scripts/update-example and review the diff:\n\(difference.prefix(6000))"
        )
    }
}
