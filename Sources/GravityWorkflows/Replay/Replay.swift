import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

/// `replay`: a recorded run again with no model, every answer from its transcript, rebuilding the
/// Blueprint and the files; with `verify`, the replay must reproduce the transcript byte for byte.
public struct Replay: Sendable {
    public struct Inputs: Sendable {
        public var catalog: Catalog
        public var transcript: String
        /// The output directory for the rebuilt files and the replay's transcript (default: gravity-out/replay-<industry>).
        public var out: String?
        public var verify = false
        /// An industry file, when the transcript's industry is not one of the catalog's.
        public var industry: String?
        /// A change transcript's parent, when it is not beside it under the name its header gives.
        public var parent: String?
        public var concurrency: Int = 14
        public var history: HistoryFile

        public init(catalog: Catalog, transcript: String, history: HistoryFile) {
            self.catalog = catalog
            self.transcript = transcript
            self.history = history
        }
    }

    public var inputs: Inputs

    public init(_ inputs: Inputs) { self.inputs = inputs }

    public func run() async throws -> ReplayOutcome {
        let transcript = inputs.transcript
        let recorded = try TranscriptFile(path: transcript)
        // Decoded while the personas and industries load: both take a core's worth of time.
        async let decoding = recorded.decodeInParallel(EventSkeleton.self)
        // A change replays from the application its parent transcripts left, checked against their digests.
        let continued = try await TranscriptLineage.continuation(
            of: recorded.header, at: transcript, catalog: inputs.catalog, industry: inputs.industry, parent: inputs.parent)
        let industry = try continued?.industry ?? IndustryChoice.load(inputs.industry, catalog: inputs.catalog, transcriptHeader: recorded.header)
        let team = try inputs.catalog.team(for: industry)
        let skeletons = try await decoding
        // An interrupted run replays until its first unanswered request; say what it is instead.
        guard skeletons.last?.type == .runEnd else { throw RunError.unfinished(transcript: transcript, events: skeletons.count) }
        // An edited header would otherwise show only as a difference in the last line replayed.
        if inputs.verify, let problem = TranscriptVerifier.headerProblem(in: skeletons, of: recorded) {
            throw RunError.inconsistent(transcript: transcript, problem: "\(problem)")
        }
        let output = try OutputDirectory(path: inputs.out ?? "gravity-out/replay-\(industry.id)", exclusive: true)
        let replayPath = output.file("transcript.jsonl")
        guard URL(fileURLWithPath: replayPath).standardizedFileURL != URL(fileURLWithPath: transcript).standardizedFileURL else {
            throw RunError.replayWouldOverwrite
        }
        let header = recorded.header
        var configuration = SessionConfiguration(
            team: team, brief: header.brief, seed: header.seed, maxRounds: header.maxRounds, concurrency: inputs.concurrency,
            model: ReplayModel(header: header, events: skeletons), change: continued?.run
        )
        // The person's answers are replayed as recorded: nobody is asked.
        configuration.owner = OwnerSeat.recorded(header, events: skeletons)
        let earlier = continued?.lineage.revisions ?? []
        let recorder = RunRecorder()
        let replayed: Result<SessionResult, any Error>
        do {
            replayed = .success(
                try await DevelopRun(
                    configuration: configuration, output: output, transcriptPath: replayPath, observers: [recorder],
                    generate: { blueprint, decisions in
                        try ApplicationGenerator.generate(after: earlier, change: header.change?.name, blueprint: blueprint, decisions: decisions, team: team)
                    }
                )
                .execute()
            )
        } catch {
            replayed = .failure(error)
        }
        let failure: (any Error)? = if case .failure(let error) = replayed { error } else { nil }
        _ = inputs.history.record(
            recorder.records(
                command: "replay", configuration: configuration, transcript: HistoryFile.absolute(replayPath), output: HistoryFile.absolute(output.path), result: try? replayed.get(), failure: failure
            )
        )
        if inputs.verify {
            let produced = try? TranscriptFile(path: replayPath, allowingPartialTail: true)
            if let divergence = TranscriptDivergence.first(expected: recorded, actual: produced, failure: failure.map { "\($0)" }) {
                throw RunError.replayDiverges(transcript: transcript, divergence: "\(divergence)")
            }
            // The replay reproduced every byte; this also checks the record is consistent in itself.
            if let problem = TranscriptVerifier.firstProblem(in: skeletons, of: recorded) {
                throw RunError.inconsistent(transcript: transcript, problem: "\(problem)")
            }
        }
        let result = try replayed.get()
        return ReplayOutcome(
            transcript: transcript, events: skeletons.count, verified: inputs.verify, blueprintDigest: result.summary.blueprintDigest,
            artifacts: result.artifacts, output: output.path, modelCalls: result.summary.modelCalls
        )
    }
}

/// What a replay rebuilt: the files with their digests, and how many answers came from the transcript.
public struct ReplayOutcome: Encodable, Sendable {
    public var transcript: String
    public var events: Int
    public var verified: Bool
    public var blueprintDigest: String
    public var artifacts: [ArtifactDigest]
    public var output: String
    public var modelCalls: Int

    enum CodingKeys: String, CodingKey {
        case transcript, events, verified, artifacts, output
        case blueprintDigest = "blueprint_digest"
    }
}
