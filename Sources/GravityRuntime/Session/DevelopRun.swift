import Foundation
import GravityModel

/// One run as the commands perform it: the session, its transcript, and the files it writes
/// into the output directory (recorded in the transcript with their digests).
public struct DevelopRun: Sendable {
    public var configuration: SessionConfiguration
    public var output: OutputDirectory
    public var transcriptPath: String
    public var observers: [any BusObserver]

    public init(configuration: SessionConfiguration, output: OutputDirectory, transcriptPath: String, observers: [any BusObserver] = []) {
        self.configuration = configuration
        self.output = output
        self.transcriptPath = transcriptPath
        self.observers = observers
    }

    /// Runs the session, writing the transcript as it goes and `blueprint.json` at the end.
    public func execute() async throws -> SessionResult {
        let team = configuration.team
        let writer = try TranscriptWriter(path: transcriptPath, rank: { team.rank(of: $0) })
        let output = self.output
        let result: SessionResult
        do {
            result = try await DevelopmentSession.run(configuration, observers: [writer] + observers) { blueprint, _ in
                [try output.write(try CanonicalJSON.pretty(blueprint), to: "blueprint.json")]
            }
        } catch {
            writer.close()
            throw error
        }
        writer.close()
        if let failure = writer.failure { throw RuntimeError.cannotWrite(path: transcriptPath, reason: failure) }
        return result
    }
}
