import Foundation
import GravityModel
import GravityRuntime

/// `develop`: the team deliberates over a brief, the application is written and its own tests run.
public struct Develop: Sendable {
    public struct Inputs: Sendable {
        public var catalog: Catalog
        /// An industry id of the catalog or a path to an industry file (default: general).
        public var industry: String?
        /// The one-line brief (default: the industry's own).
        public var brief: String?
        public var seed: UInt64 = 42
        public var maxRounds: Int = 3
        /// The transcript (default: <out>/transcript.jsonl).
        public var transcript: String?
        public var options: RunOptions
        /// Notes for the user, one line each (stderr in the CLI).
        public var notices: @Sendable (String) -> Void = { _ in }

        public init(catalog: Catalog, options: RunOptions) {
            self.catalog = catalog
            self.options = options
        }
    }

    public var inputs: Inputs
    /// Asked by a signal handler what to record when the run is stopped.
    public let interruption = RunInterruption()

    public init(_ inputs: Inputs) { self.inputs = inputs }

    /// Runs it; `progress` gets the team's progress lines and the test results (nil: none, as for JSON).
    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws -> DevelopOutcome {
        let options = inputs.options
        // Before the team starts: a missing python3-venv would otherwise surface only after the whole run.
        if options.verify { try await Verify.checkAvailable() }
        let (team, output) = try TeamRun.prepare(inputs.industry, catalog: inputs.catalog, header: nil, options: options)
        let industry = team.industry
        let brief = inputs.brief ?? industry.defaultBrief
        let transcriptPath = inputs.transcript ?? output.file("transcript.jsonl")
        try TranscriptPlacement.check(transcriptPath, output: output)
        if brief != industry.defaultBrief, options.model.provider == .mock {
            // The mock model drafts from the industry file; only a real model reads a brief.
            inputs.notices(
                "note: the mock model builds the \(industry.name) domain of the industry file whatever the brief says; the brief is recorded, and a real model (--model ollama or openai) works from it"
            )
        }
        let run = TeamRun(
            team: team, brief: brief, seed: inputs.seed, maxRounds: inputs.maxRounds, options: options,
            output: output, transcriptPath: transcriptPath, interrupted: nil, progress: progress
        )
        return try await run.execute(interruption: interruption)
    }
}
