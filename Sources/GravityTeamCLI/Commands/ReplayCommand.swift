import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime
import GravityWorkflows

/// `gravity-team replay`: re-run a recorded session with no model, answering from the transcript.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a transcript with no model, rebuilding the Blueprint and files; --verify fails at the first divergence."
    )

    @Argument(help: "The transcript to replay.")
    var transcript: String

    @Option(help: "Output directory for the rebuilt files and the replay's transcript (default: gravity-out/replay-<industry>).")
    var out: String?

    @Flag(
        help: "Check the transcript's consistency and that the replay reproduces it byte for byte; exit non-zero at the first divergence."
    )
    var verify = false

    @Option(help: "Industry file, when the transcript's industry is not one of industries/.")
    var industry: String?

    @Option(help: "For a change's transcript: its parent transcript, when it is not beside it under the name its header gives.")
    var parent: String?

    @Option(help: "Model requests in flight at once (1-64).")
    var concurrency: String = "14"

    @Flag(help: "Print a machine-readable result as JSON.")
    var json = false

    @OptionGroup var data: DataOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let settings = try SessionSettings.parse(seed: nil, maxRounds: nil, concurrency: concurrency, mockLatency: "0")
        var inputs = Replay.Inputs(catalog: try data.catalog(), transcript: transcript, history: history.file)
        inputs.out = out
        inputs.verify = verify
        inputs.industry = industry
        inputs.parent = parent
        inputs.concurrency = settings.concurrency
        let outcome: ReplayOutcome
        do {
            outcome = try await Replay(inputs).run()
        } catch RunError.replayWouldOverwrite {
            throw ValidationError("\(RunError.replayWouldOverwrite)")
        }
        if json {
            try printJSON(outcome)
        } else {
            print(verify ? "verified: \(transcript) replays exactly" : "replayed: \(transcript)")
            print("  \(outcome.events) events, \(outcome.modelCalls) answers from the transcript, no model called")
            for artifact in outcome.artifacts {
                print("  \((outcome.output as NSString).appendingPathComponent(artifact.path))  sha256 \(artifact.sha256)")
            }
        }
    }
}
