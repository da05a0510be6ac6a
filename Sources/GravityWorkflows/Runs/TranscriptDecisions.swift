import Foundation
import GravityModel
import GravityRuntime

/// The decisions a finished run's transcript records, rebuilt by replaying it (no model is called).
public enum TranscriptDecisions {
    public static func read(_ path: String, catalog: Catalog) async throws -> [Decision] {
        let recorded = try TranscriptFile(path: path)
        let skeletons = try recorded.decodeInParallel(EventSkeleton.self)
        guard skeletons.last?.type == .runEnd else {
            throw RunError.decisionsNotRecorded(transcript: path)
        }
        let header = recorded.header
        let team = try catalog.team(for: catalog.industry(header.industry))
        let configuration = SessionConfiguration(
            team: team, brief: header.brief, seed: header.seed, maxRounds: header.maxRounds, concurrency: 14,
            model: ReplayModel(header: header, events: skeletons)
        )
        return try await DevelopmentSession.run(configuration).decisions
    }
}
