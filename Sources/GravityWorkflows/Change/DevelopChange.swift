import Foundation
import GravityGenerators
import GravityModel
import GravityRuntime
import GravitySystem

/// `develop --from <app> --change-file F` (or `--change "..."`): the team deliberates on a change to
/// an application it built. The application's transcripts give its current Blueprint and decisions;
/// the phases the change touches get a proposal, reviews and a vote, the others keep their decisions.
/// The change's own transcript goes beside its parent's, and the files are written again with a
/// forward migration for each service whose schema changes.
public struct DevelopChange: Sendable {
    public struct Inputs: Sendable {
        public var catalog: Catalog
        /// The application's directory (a develop run's --out).
        public var app: String
        /// A change file (docs/formats.md), or else `text`.
        public var changeFile: String?
        /// A change in words, for a real model.
        public var text: String?
        /// Whether a change may take fields away (their values are kept in backup tables).
        public var allowDestructive = false
        /// An industry file, when the application's industry is not one of the catalog's.
        public var industry: String?
        /// The seed (default: the first run's).
        public var seed: UInt64?
        public var options: RunOptions
        public var notices: @Sendable (String) -> Void = { _ in }

        public init(catalog: Catalog, app: String, options: RunOptions) {
            self.catalog = catalog
            self.app = app
            self.options = options
        }
    }

    public var inputs: Inputs
    /// Asked by a signal handler what to record when the run is stopped.
    public let interruption = RunInterruption()

    public init(_ inputs: Inputs) { self.inputs = inputs }

    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws -> DevelopOutcome {
        var options = inputs.options
        options.out = inputs.app
        if options.verify { try await Verify.checkAvailable() }
        let parentPath = try ChangeTranscripts.latest(in: inputs.app)
        if ChangeTranscripts.number(of: URL(fileURLWithPath: parentPath).lastPathComponent) != nil,
            (try? Transcript(path: parentPath, allowingPartialTail: true))?.isComplete != true
        {
            throw ChangeError.unfinishedChange(transcript: parentPath)
        }
        let lineage = try await TranscriptLineage.load(parentPath, catalog: inputs.catalog, industry: inputs.industry)
        guard let current = lineage.stages.last, let first = lineage.stages.first else { throw ChangeError.notAnApp(path: inputs.app) }
        let (change, industry) = try readChange(industry: current.industry)
        if change.isWordsOnly, options.model.provider == .mock { throw ChangeError.wordsNeedAModel }
        if change.isDestructive, !inputs.allowDestructive {
            throw ChangeError.destructive(change: change.name, removals: change.remove.map { "\($0.entity).\($0.field)" })
        }
        // The transcripts are the application's record; a Blueprint edited by hand is not what the team starts from.
        let blueprintFile = URL(fileURLWithPath: inputs.app).appendingPathComponent("blueprint.json")
        if let written = try? Data(contentsOf: blueprintFile), written != (try CanonicalJSON.pretty(current.blueprint)) {
            inputs.notices(
                "note: \(blueprintFile.path) differs from the Blueprint the transcripts record; the change starts from the transcripts' (yours is kept, the new one beside it as blueprint.json.gravity-new)"
            )
        }
        let output = try OutputDirectory(path: inputs.app, exclusive: true)
        let transcriptPath = output.file(ChangeTranscripts.name(number: lineage.stages.count + 1, change: change.name))
        guard !FileManager.default.fileExists(atPath: transcriptPath) else { throw InputError.alreadyExists(path: transcriptPath) }
        let parentBytes = try Data(contentsOf: URL(fileURLWithPath: parentPath))
        let parent = ParentTranscript(file: URL(fileURLWithPath: parentPath).lastPathComponent, sha256: SHA256Digest.hex(parentBytes))
        let touched = change.touchedPhases(in: industry)
        let changeRun = ChangeRun(change: change, parent: parent, blueprint: current.blueprint, decisions: current.decisions, touched: touched)
        var run = TeamRun(
            team: try inputs.catalog.team(for: industry), brief: change.summary, seed: inputs.seed ?? first.header.seed,
            maxRounds: current.header.maxRounds, options: options, output: output, transcriptPath: transcriptPath, interrupted: nil,
            progress: progress
        )
        run.change = (changeRun, lineage.revisions)
        progress?(
            "Change '\(change.name)' to \(inputs.app) (version \(lineage.stages.count + 1)): "
                + "\(Phase.allCases.filter(touched.contains).map(\.rawValue).joined(separator: ", ")) deliberate; the other phases keep their decisions"
        )
        return try await run.execute(interruption: interruption)
    }

    /// The change, checked against the application's industry, and that industry with it applied.
    private func readChange(industry: Industry) throws -> (ChangeRequest, Industry) {
        if let file = inputs.changeFile {
            return try ChangeValidation.load(from: file, displayPath: file, industry: industry)
        }
        let text = (inputs.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !text.contains(where: \.isNewline), text.count <= InputLimits.briefCharacters else {
            throw InputError.briefFile(path: "--change", problem: text.isEmpty ? .empty : text.count > InputLimits.briefCharacters ? .tooLong(characters: text.count) : .notOneLine)
        }
        return (ChangeRequest(name: try Self.name(of: text), summary: text), industry)
    }

    /// A change name made of its first words: `Add product reviews` is `add_product_reviews`.
    static func name(of text: String) throws -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.prefix(5)
        var name = words.joined(separator: "_")
        if name.count > ChangeValidation.nameCharacters { name = String(name.prefix(ChangeValidation.nameCharacters)) }
        while name.hasSuffix("_") { name.removeLast() }
        guard let first = name.first, first.isLetter else { throw ChangeError.unnamedChange(text: text) }
        return name
    }
}
