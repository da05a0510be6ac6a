import Foundation
import GravityModel
import GravityRuntime

/// A Blueprint read from a file a person may have edited: what is wrong with it in one line, naming
/// the file and the JSON path at fault.
enum BlueprintFile {
    static func read(_ path: String) throws -> Blueprint {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationErrorLine("\(path): cannot be read (\(FileManager.default.fileExists(atPath: path) ? "not a readable file" : "no such file"))")
        }
        do {
            return try JSONDecoder().decode(Blueprint.self, from: data)
        } catch {
            throw ValidationErrorLine("\(path): \(AnswerProblem.describe(error, root: "the Blueprint"))")
        }
    }
}

/// An error whose text is the whole message.
struct ValidationErrorLine: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The decisions a finished run's transcript records, rebuilt by replaying it (no model is called).
enum TranscriptDecisions {
    static func read(_ path: String, catalog: Catalog) async throws -> [Decision] {
        let recorded = try TranscriptFile(path: path)
        let skeletons = try await recorded.decodeInParallel(EventSkeleton.self)
        guard skeletons.last?.type == .runEnd else {
            throw ValidationErrorLine("\(path): the run did not finish, so its decisions are not all on record")
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
