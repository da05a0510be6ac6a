import Foundation
import GravityModel
import GravityRuntime

/// The decisions a finished run's transcript records, rebuilt by replaying it (no model is called).
public enum TranscriptDecisions {
    public static func read(_ path: String, catalog: Catalog) async throws -> [Decision] {
        // A change's transcript is replayed from the application its parents left.
        try await TranscriptLineage.load(path, catalog: catalog).stages.last?.decisions ?? []
    }
}
