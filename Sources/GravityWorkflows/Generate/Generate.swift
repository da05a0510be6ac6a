import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime

/// `generate`: the application written (and its tests run) from a Blueprint file, with no
/// deliberation, e.g. after editing a run's blueprint.json by hand.
public struct Generate: Sendable {
    public struct Inputs: Sendable {
        public var catalog: Catalog
        /// The Blueprint file, as develop writes it.
        public var blueprint: String
        /// The output directory (default: gravity-out/<industry>).
        public var out: String?
        /// A finished run's transcript, whose decisions DECISIONS.md records.
        public var transcript: String?
        public var verify = true
        /// Whether files the user changed since the last run are overwritten, rather than kept.
        public var force = false

        public init(catalog: Catalog, blueprint: String) {
            self.catalog = catalog
            self.blueprint = blueprint
        }
    }

    public var inputs: Inputs

    public init(_ inputs: Inputs) { self.inputs = inputs }

    public func run() async throws -> GenerateOutcome {
        let given = try BlueprintFile.read(inputs.blueprint)
        let catalog = inputs.catalog
        // The team names the voters in DECISIONS.md; a Blueprint of an industry this directory lacks is generated without it.
        let team = try? catalog.team(for: catalog.industry(given.industry))
        var decisions: [Decision] = []
        var earlier: [AppRevision] = []
        var change: String?
        if let transcript = inputs.transcript {
            // A change's transcript brings the application's earlier versions, whose migrations stand.
            let lineage = try await TranscriptLineage.load(transcript, catalog: catalog)
            decisions = lineage.stages.last?.decisions ?? []
            earlier = Array(lineage.revisions.dropLast())
            change = lineage.stages.last?.header.change?.name
        }
        let files = try ApplicationGenerator.generate(after: earlier, change: change, blueprint: given, decisions: decisions, team: team)
        let output = try OutputDirectory(path: inputs.out ?? "gravity-out/\(given.industry)", exclusive: true)
        let written = try output.writeApplication(blueprint: given, files: files, force: inputs.force)
        let verification = inputs.verify ? try await Verify(appDirectory: output.path).run() : nil
        return GenerateOutcome(
            blueprint: inputs.blueprint, output: output.path, files: written.artifacts.count, keptEdits: written.kept, verification: verification)
    }
}

public struct GenerateOutcome: Encodable, Sendable {
    public var blueprint: String
    public var output: String
    public var files: Int
    /// Files the user changed since the last run, kept, with the new version beside each as `<file>.gravity-new`.
    public var keptEdits: [String]
    public var verification: [ServiceTestResult]?

    enum CodingKeys: String, CodingKey {
        case blueprint, output, files, verification
        case keptEdits = "kept_edits"
    }

    /// The generated tests' failure, when some failed.
    public var verificationFailure: VerificationError? { verification.flatMap(Verify.failure) }
}
