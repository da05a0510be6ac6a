import ArgumentParser
import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

/// `gravity-team generate`: write (and verify) the application from a Blueprint file, with no
/// deliberation, e.g. after editing a run's blueprint.json by hand.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the application from a Blueprint file (blueprint.json), with no deliberation, and run its services' own tests."
    )

    @Argument(help: "The Blueprint, as develop writes it (blueprint.json).")
    var blueprint: String

    @Option(help: "Output directory (default: gravity-out/<industry>).")
    var out: String?

    @Option(help: "A transcript whose decisions DECISIONS.md records (the run's transcript.jsonl); without one, it says the Blueprint was given directly.")
    var transcript: String?

    @Flag(help: "Skip running each generated service's own tests.")
    var noVerify = false

    @Flag(help: "Print a machine-readable result as JSON.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() async throws {
        let given = try BlueprintFile.read(blueprint)
        let catalog = try data.catalog()
        // The team names the voters in DECISIONS.md; a Blueprint of an industry this directory lacks is generated without it.
        let team = try? catalog.team(for: catalog.industry(given.industry))
        var decisions: [Decision] = []
        if let transcript { decisions = try await TranscriptDecisions.read(transcript, catalog: catalog) }
        let files = try ApplicationGenerator.generate(blueprint: given, decisions: decisions, team: team)
        let output = try OutputDirectory(path: out ?? "gravity-out/\(given.industry)", exclusive: true)
        let artifacts = try output.writeApplication(blueprint: given, files: files)
        let verification = noVerify ? nil : try await ServiceTestRunner(appDirectory: output.path).run()
        let outcome = GenerateOutcome(blueprint: blueprint, output: output.path, files: artifacts.count, verification: verification)
        if json {
            try printJSON(outcome)
        } else {
            print("generated: \(artifacts.count) files from \(blueprint) into \(output.path)")
            for line in (verification ?? []).flatMap(\.reportLines) { print(line) }
        }
        if let verification, verification.contains(where: { !$0.succeeded }) {
            throw VerificationError.failed(verification)
        }
    }
}

struct GenerateOutcome: Encodable {
    var blueprint: String
    var output: String
    var files: Int
    var verification: [ServiceTestResult]?
}
