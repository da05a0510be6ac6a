import Foundation
import GravityModel

/// One run as the commands perform it: the session, its transcript, and the files it writes
/// into the output directory (recorded in the transcript with their digests).
public struct DevelopRun: Sendable {
    public var configuration: SessionConfiguration
    public var output: OutputDirectory
    public var transcriptPath: String
    public var observers: [any BusObserver]
    /// Makes the application's files from the Blueprint and decisions (nothing by default).
    public var generate: @Sendable (Blueprint, [Decision]) throws -> [GeneratedFile]

    public init(
        configuration: SessionConfiguration,
        output: OutputDirectory,
        transcriptPath: String,
        observers: [any BusObserver] = [],
        generate: @escaping @Sendable (Blueprint, [Decision]) throws -> [GeneratedFile] = { _, _ in [] }
    ) {
        self.configuration = configuration
        self.output = output
        self.transcriptPath = transcriptPath
        self.observers = observers
        self.generate = generate
    }

    /// Runs the session, writing the transcript as it goes and `blueprint.json` at the end.
    public func execute() async throws -> SessionResult {
        let team = configuration.team
        let writer = try TranscriptWriter(path: transcriptPath, rank: { team.rank(of: $0) })
        let output = self.output
        let generate = self.generate
        let result: SessionResult
        do {
            result = try await DevelopmentSession.run(configuration, observers: [writer] + observers) { blueprint, decisions in
                try output.writeApplication(blueprint: blueprint, files: try generate(blueprint, decisions))
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

extension OutputDirectory {
    /// Writes `blueprint.json` and the application's files, and removes what the last run wrote and
    /// this one does not (a file changed since is kept, with a warning); the digests of what it wrote.
    public func writeApplication(blueprint: Blueprint, files: [GeneratedFile]) throws -> [ArtifactDigest] {
        var artifacts = [try write(try CanonicalJSON.pretty(blueprint), to: "blueprint.json")]
        for file in files {
            artifacts.append(try write(Data(file.contents.utf8), to: file.path, mode: file.mode))
        }
        for name in try finish(written: artifacts) {
            FileHandle.standardError.write(Data("warning: kept \(self.file(name)): the last run wrote it and this one does not, but it was changed since\n".utf8))
        }
        return artifacts
    }
}
