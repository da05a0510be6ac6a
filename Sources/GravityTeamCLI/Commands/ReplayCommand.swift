import ArgumentParser
import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

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

    @Option(help: "Model requests in flight at once (1-64).")
    var concurrency: String = "14"

    @Flag(help: "Print a machine-readable result as JSON.")
    var json = false

    @OptionGroup var data: DataOptions
    @OptionGroup var history: HistoryOptions

    func run() async throws {
        let recorded = try TranscriptFile(path: transcript)
        // Decoded while the personas and industries load: both take a core's worth of time.
        async let decoding = recorded.decodeInParallel(EventSkeleton.self)
        let settings = try SessionSettings.parse(seed: nil, maxRounds: nil, concurrency: concurrency, mockLatency: "0")
        let catalog = try data.catalog()
        let industry = try IndustryChoice.load(self.industry, catalog: catalog, transcriptHeader: recorded.header)
        let team = try catalog.team(for: industry)
        let skeletons = try await decoding
        // An interrupted run replays until its first unanswered request; say what it is instead.
        guard skeletons.last?.type == .runEnd else {
            throw RuntimeError.invalidConfiguration(
                "\(transcript): the run did not finish (no run_end after event \(skeletons.count)); `gravity-team develop --resume \(transcript)` finishes it"
            )
        }
        // An edited header would otherwise show only as a difference in the last line replayed.
        if verify, let problem = TranscriptVerifier.headerProblem(in: skeletons, of: recorded) {
            throw ReplayFailure(message: "\(transcript): \(problem)")
        }
        let output = try OutputDirectory(path: out ?? "gravity-out/replay-\(industry.id)", exclusive: true)
        let replayPath = output.file("transcript.jsonl")
        guard URL(fileURLWithPath: replayPath).standardizedFileURL != URL(fileURLWithPath: transcript).standardizedFileURL else {
            throw ValidationError("--out would overwrite the transcript being replayed; choose another directory")
        }
        let model = ReplayModel(header: recorded.header, events: skeletons)
        let header = recorded.header
        let configuration = SessionConfiguration(
            team: team,
            brief: header.brief,
            seed: header.seed,
            maxRounds: header.maxRounds,
            concurrency: settings.concurrency,
            model: model
        )
        let recorder = RunRecorder()
        var failure: (any Error)?
        var result: SessionResult?
        do {
            result = try await DevelopRun(
                configuration: configuration,
                output: output,
                transcriptPath: replayPath,
                observers: [recorder],
                generate: { try ApplicationGenerator.generate(blueprint: $0, decisions: $1, team: team) }
            )
            .execute()
        } catch {
            failure = error
        }
        _ = history.record(
            recorder.records(
                command: "replay",
                configuration: configuration,
                transcript: replayPath,
                output: output.path,
                result: result,
                failure: failure
            )
        )
        if verify {
            let produced = try? TranscriptFile(path: replayPath, allowingPartialTail: true)
            if let divergence = TranscriptDivergence.first(expected: recorded, actual: produced, failure: failure.map { "\($0)" }) {
                throw ReplayFailure(message: "\(transcript): replay diverges at \(divergence)")
            }
            // The replay reproduced every byte; this also checks the record is consistent in itself.
            if let problem = TranscriptVerifier.firstProblem(in: skeletons, of: recorded) {
                throw ReplayFailure(message: "\(transcript): \(problem)")
            }
        }
        if let failure { throw failure }
        guard let result else { return }
        let outcome = ReplayOutcome(
            transcript: transcript,
            events: skeletons.count,
            verified: verify,
            blueprintDigest: result.summary.blueprintDigest,
            artifacts: result.artifacts,
            output: output.path
        )
        if json {
            try printJSON(outcome)
        } else {
            print(verify ? "verified: \(transcript) replays exactly" : "replayed: \(transcript)")
            print("  \(outcome.events) events, \(result.summary.modelCalls) answers from the transcript, no model called")
            for artifact in result.artifacts {
                print("  \(output.file(artifact.path))  sha256 \(artifact.sha256)")
            }
        }
    }
}

struct ReplayOutcome: Encodable {
    var transcript: String
    var events: Int
    var verified: Bool
    var blueprintDigest: String
    var artifacts: [ArtifactDigest]
    var output: String

    enum CodingKeys: String, CodingKey {
        case transcript, events, verified, artifacts, output
        case blueprintDigest = "blueprint_digest"
    }
}

/// A failed verification: printed as given (it may span lines with the field differences).
struct ReplayFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
