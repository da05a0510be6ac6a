import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem

/// A transcript and those it continues, oldest first: the first run's, then each change's. Each is
/// replayed (no model is called) for its Blueprint and decisions, and each change transcript's
/// parent is checked against the digest it recorded.
public struct TranscriptLineage: Sendable {
    public struct Stage: Sendable {
        public var path: String
        public var header: TranscriptHeader
        /// The industry with the changes up to this one applied.
        public var industry: Industry
        public var blueprint: Blueprint
        public var decisions: [Decision]
    }

    public var stages: [Stage]

    /// The application's versions, oldest first, as the generators take them.
    public var revisions: [AppRevision] { stages.map { AppRevision(change: $0.header.change?.name, blueprint: $0.blueprint) } }

    /// What a transcript continuing this lineage starts from: the change (from its header), the
    /// industry with it applied and the run's starting point.
    public struct Continuation: Sendable {
        public var lineage: TranscriptLineage
        public var industry: Industry
        public var run: ChangeRun
    }

    /// Reads `path` and every transcript it continues.
    /// - Parameters:
    ///   - industry: an industry file, when the first run's industry is not one of the catalog's.
    ///   - parent: the file to take as `path`'s parent, instead of the one its header names beside it.
    public static func load(_ path: String, catalog: Catalog, industry: String? = nil, parent: String? = nil) async throws -> TranscriptLineage {
        var visited = Set<String>()
        return try await load(path, catalog: catalog, industry: industry, parent: parent, visited: &visited)
    }

    private static func load(
        _ path: String, catalog: Catalog, industry option: String?, parent: String?, visited: inout Set<String>
    ) async throws -> TranscriptLineage {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        guard visited.insert(canonical).inserted else {
            throw ChangeError.incoherentHeader(transcript: path, problem: "its parents lead back to it")
        }
        let recorded = try TranscriptFile(path: path)
        let skeletons = try recorded.decodeInParallel(EventSkeleton.self)
        guard skeletons.last?.type == .runEnd else { throw RunError.decisionsNotRecorded(transcript: path) }
        let header = recorded.header
        var configuration: SessionConfiguration
        let industry: Industry
        var earlier: [Stage] = []
        if let continued = try await continuation(of: header, at: path, catalog: catalog, industry: option, parent: parent, visited: &visited) {
            earlier = continued.lineage.stages
            industry = continued.industry
            configuration = SessionConfiguration(
                team: try catalog.team(for: industry), brief: header.brief, seed: header.seed, maxRounds: header.maxRounds,
                model: ReplayModel(header: header, events: skeletons), change: continued.run
            )
        } else {
            industry = try IndustryChoice.load(option, catalog: catalog, transcriptHeader: header)
            configuration = SessionConfiguration(
                team: try catalog.team(for: industry), brief: header.brief, seed: header.seed, maxRounds: header.maxRounds,
                model: ReplayModel(header: header, events: skeletons)
            )
        }
        // A run with approval gates replays with the person's recorded answers.
        configuration.owner = OwnerSeat.recorded(header, events: skeletons)
        let result = try await DevelopmentSession.run(configuration)
        let stage = Stage(path: path, header: header, industry: industry, blueprint: result.blueprint, decisions: result.decisions)
        return TranscriptLineage(stages: earlier + [stage])
    }

    /// What the change transcript with `header` at `path` continues; nil for a first run's.
    public static func continuation(
        of header: TranscriptHeader, at path: String, catalog: Catalog, industry option: String? = nil, parent override: String? = nil
    ) async throws -> Continuation? {
        var visited: Set<String> = [URL(fileURLWithPath: path).standardizedFileURL.path]
        return try await continuation(of: header, at: path, catalog: catalog, industry: option, parent: override, visited: &visited)
    }

    private static func continuation(
        of header: TranscriptHeader, at path: String, catalog: Catalog, industry option: String?, parent override: String?,
        visited: inout Set<String>
    ) async throws -> Continuation? {
        switch (header.parent, header.change) {
        case (nil, nil): return nil
        case (nil, _?): throw ChangeError.incoherentHeader(transcript: path, problem: "it records a change but names no parent transcript")
        case (_?, nil): throw ChangeError.incoherentHeader(transcript: path, problem: "it names a parent transcript but records no change")
        case (let parent?, let change?):
            // A bare file name, beside the transcript: a header never locates anything elsewhere.
            guard !parent.file.isEmpty, !parent.file.contains("/"), parent.file != "..", parent.file != "." else {
                throw ChangeError.incoherentHeader(transcript: path, problem: "its parent must be a file name beside it, not '\(parent.file)'")
            }
            let parentPath = override ?? URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(parent.file).path
            guard let bytes = FileManager.default.contents(atPath: parentPath) else {
                throw ChangeError.parentMissing(transcript: path, parent: parentPath)
            }
            let found = SHA256Digest.hex(bytes)
            guard found == parent.sha256 else {
                throw ChangeError.parentChanged(transcript: path, parent: parentPath, recorded: parent.sha256, found: found)
            }
            let lineage = try await load(parentPath, catalog: catalog, industry: option, parent: nil, visited: &visited)
            guard let last = lineage.stages.last else { return nil }
            // The change as recorded is checked as a change file would be (JSON is YAML).
            let (checked, industry) = try ChangeValidation.decode(
                try CanonicalJSON.string(change), file: "\(path) (the header's change)", industry: last.industry, words: true)
            let run = ChangeRun(
                change: checked, parent: parent, blueprint: last.blueprint, decisions: last.decisions,
                touched: checked.touchedPhases(in: industry)
            )
            return Continuation(lineage: lineage, industry: industry, run: run)
        }
    }
}
