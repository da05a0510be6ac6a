import Foundation
import GravityModel
import GravityOrchestration
import GravityRuntime
import GravityWorkflows
import Testing

/// The workflows the CLI calls, called directly: their outcomes, and failures a caller can match by case.
@Suite("Workflows")
struct WorkflowTests {
    private let catalog: Catalog
    private let scratch: String

    init() throws {
        catalog = try Catalog(root: DataDirectory.locate(explicit: nil))
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gravity-workflows-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    private func history() -> HistoryFile {
        HistoryFile(path: "\(scratch)/history.sqlite") { Issue.record("history warning: \($0)") }
    }

    private func develop(_ industry: String, into name: String) async throws -> DevelopOutcome {
        var options = RunOptions(prices: .empty, history: history())
        options.out = "\(scratch)/\(name)"
        options.verify = false
        var inputs = Develop.Inputs(catalog: catalog, options: options)
        inputs.industry = industry
        return try await Develop(inputs).run()
    }

    @Test("develop, then replay --verify of its transcript and generate from its Blueprint give the same files")
    func developReplayGenerate() async throws {
        let developed = try await develop("general", into: "app")
        #expect(developed.report.industry == "general")
        #expect(developed.report.runID != nil, "recorded in the history once")
        #expect(try RunHistory(path: "\(scratch)/history.sqlite").runs().count == 1)

        var replayInputs = Replay.Inputs(catalog: catalog, transcript: developed.report.transcript, history: history())
        replayInputs.out = "\(scratch)/replayed"
        replayInputs.verify = true
        let replayed = try await Replay(replayInputs).run()
        #expect(replayed.verified)
        #expect(replayed.blueprintDigest == developed.report.blueprintDigest)

        var generateInputs = Generate.Inputs(catalog: catalog, blueprint: developed.report.blueprint)
        generateInputs.out = "\(scratch)/generated"
        generateInputs.transcript = developed.report.transcript
        generateInputs.verify = false
        let generated = try await Generate(generateInputs).run()
        let replayedFiles = Dictionary(uniqueKeysWithValues: replayed.artifacts.map { ($0.path, $0.sha256) })
        let readme = try String(contentsOfFile: "\(scratch)/generated/README.md", encoding: .utf8)
        #expect(generated.files == replayed.artifacts.count)
        #expect(readme == (try String(contentsOfFile: "\(scratch)/replayed/README.md", encoding: .utf8)))
        #expect(replayedFiles["README.md"] != nil)
    }

    @Test("resuming a finished run is refused as RunError.complete")
    func resumeFinished() async throws {
        let developed = try await develop("general", into: "done")
        var options = RunOptions(prices: .empty, history: history())
        options.verify = false
        let inputs = Resume.Inputs(catalog: catalog, transcript: developed.report.transcript, options: options)
        await #expect(throws: RunError.complete(transcript: developed.report.transcript)) { try await Resume(inputs).run() }
    }

    @Test("a Blueprint with a practice outside the vocabulary is refused as InputError.unknownPractice, naming the JSON path")
    func unknownPractice() async throws {
        let developed = try await develop("general", into: "edited")
        let path = "\(scratch)/edited.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: developed.report.blueprint))
        var blueprint = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        var security = try #require(blueprint["security"] as? [String: Any])
        security["practices"] = (security["practices"] as? [String] ?? []) + ["security.rate_limitng"]
        blueprint["security"] = security
        try JSONSerialization.data(withJSONObject: blueprint).write(to: URL(fileURLWithPath: path))
        var inputs = Generate.Inputs(catalog: catalog, blueprint: path)
        inputs.out = "\(scratch)/never"
        await #expect {
            try await Generate(inputs).run()
        } throws: { error in
            guard case .unknownPractice(let location, "security.rate_limitng", .security)? = error as? InputError else { return false }
            return location.hasPrefix("\(path): security.practices[")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(scratch)/never"), "nothing is written for a Blueprint refused")
    }

    @Test("deploying a directory with no app in it is refused as DeployError.nothingToDeploy")
    func deployNothing() throws {
        let empty = "\(scratch)/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: DeployError.nothingToDeploy(empty)) { try Deploy(Deploy.Inputs(directory: empty, supervisor: [])) }
    }
}
