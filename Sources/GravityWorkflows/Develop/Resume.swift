import Foundation
import GravityModel
import GravityRuntime

/// `develop --resume`: an interrupted run goes on from its transcript. Recorded answers are reused
/// (the brief, seed and rounds are the run's), the model is asked only for what is missing, and the
/// transcript is replaced once the run is complete.
public struct Resume: Sendable {
    public struct Inputs: Sendable {
        public var catalog: Catalog
        /// The interrupted run's transcript.
        public var transcript: String
        /// An industry file, when the run's industry is not one of the catalog's.
        public var industry: String?
        public var options: RunOptions

        public init(catalog: Catalog, transcript: String, options: RunOptions) {
            self.catalog = catalog
            self.transcript = transcript
            self.options = options
        }
    }

    public var inputs: Inputs
    /// Asked by a signal handler what to record when the run is stopped.
    public let interruption = RunInterruption()

    public init(_ inputs: Inputs) { self.inputs = inputs }

    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws -> DevelopOutcome {
        if inputs.options.verify { try await Verify.checkAvailable() }
        let interrupted = try Transcript(path: inputs.transcript, allowingPartialTail: true)
        guard !interrupted.isComplete else { throw RunError.complete(transcript: inputs.transcript) }
        let header = interrupted.header
        var (team, output) = try TeamRun.prepare(inputs.industry, catalog: inputs.catalog, header: header, options: inputs.options)
        try TranscriptPlacement.check(inputs.transcript, output: output)
        // A change goes on from the application its parent transcript left.
        let continued = try await TranscriptLineage.continuation(of: header, at: inputs.transcript, catalog: inputs.catalog, industry: inputs.industry)
        if let continued { team = try inputs.catalog.team(for: continued.industry) }
        var run = TeamRun(
            team: team, brief: header.brief, seed: header.seed, maxRounds: header.maxRounds,
            options: inputs.options, output: output, transcriptPath: inputs.transcript, interrupted: (interrupted, inputs.transcript),
            progress: progress
        )
        run.change = continued.map { ($0.run, $0.lineage.revisions) }
        return try await run.execute(interruption: interruption)
    }
}
