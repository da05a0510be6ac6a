import Foundation
import GravityModel
import Synchronization

/// One run as the commands perform it: the session, its transcript, and the files it writes
/// into the output directory (recorded in the transcript with their digests).
public struct DevelopRun: Sendable {
    public var configuration: SessionConfiguration
    public var output: OutputDirectory
    public var transcriptPath: String
    public var observers: [any BusObserver]
    /// Makes the application's files from the Blueprint and decisions (nothing by default).
    public var generate: @Sendable (Blueprint, [Decision]) throws -> [GeneratedFile]
    /// Whether files the user changed since the last run are overwritten, rather than kept.
    public var force = false

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
        let force = self.force
        let kept = Mutex<[String]>([])
        var result: SessionResult
        do {
            result = try await DevelopmentSession.run(configuration, observers: [writer] + observers) { blueprint, decisions in
                let written = try output.writeApplication(blueprint: blueprint, files: try generate(blueprint, decisions), force: force)
                kept.withLock { $0 = written.kept }
                return written.artifacts
            }
        } catch {
            writer.close()
            throw error
        }
        writer.close()
        if let failure = writer.failure { throw RuntimeError.cannotWrite(path: transcriptPath, reason: failure) }
        result.keptEdits = kept.withLock { $0 }
        return result
    }
}

extension OutputDirectory {
    /// Writes `blueprint.json` and the application's files, and removes what the last run wrote and
    /// this one does not (a file changed since is kept, with a warning). A file the user changed
    /// since the last run wrote it is kept too, its new version beside it (`<file>.gravity-new`),
    /// unless `force`. Returns the digests of what the run generated, and the files kept.
    public func writeApplication(blueprint: Blueprint, files: [GeneratedFile], force: Bool = false) throws -> (artifacts: [ArtifactDigest], kept: [String]) {
        var artifacts: [ArtifactDigest] = []
        var newVersions: [ArtifactDigest] = []
        let contents = [("blueprint.json", try CanonicalJSON.pretty(blueprint), 0o644)] + files.map { ($0.path, Data($0.contents.utf8), $0.mode) }
        for (path, data, mode) in contents {
            let (digest, newVersion) = try writeGenerated(data, to: path, mode: mode, force: force)
            artifacts.append(digest)
            if let newVersion { newVersions.append(newVersion) }
        }
        for name in try finish(written: artifacts, besides: newVersions) {
            FileHandle.standardError.write(Data("warning: kept \(self.file(name)): the last run wrote it and this one does not, but it was changed since\n".utf8))
        }
        return (artifacts, newVersions.map { String($0.path.dropLast(Self.newVersionSuffix.count)) })
    }
}
