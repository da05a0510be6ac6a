import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime
import GravityWorkflows

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

    @Flag(help: "Overwrite files you changed since the last run wrote them (by default they are kept, the new version beside each as <file>.gravity-new).")
    var force = false

    @Flag(help: "Print a machine-readable result as JSON.")
    var json = false

    @OptionGroup var data: DataOptions

    func run() async throws {
        var inputs = Generate.Inputs(catalog: try data.catalog(), blueprint: blueprint)
        inputs.out = out
        inputs.transcript = transcript
        inputs.verify = !noVerify
        inputs.force = force
        let outcome = try await Generate(inputs).run()
        if json {
            try printJSON(outcome)
        } else {
            print("generated: \(outcome.files) files from \(blueprint) into \(outcome.output)")
            if !outcome.keptEdits.isEmpty {
                print("your edits: kept \(outcome.keptEdits.joined(separator: ", ")); this run's version is beside each as <file>.gravity-new (--force overwrites)")
            }
            for line in (outcome.verification ?? []).flatMap(\.reportLines) { print(line) }
        }
        if let failure = outcome.verificationFailure { throw failure }
    }
}
