import ArgumentParser
import Foundation
import GravityModel
import GravityRuntime
import GravityWorkflows

/// `gravity-team industries new <id> --brief "..."`: a real model drafts an industry file for the
/// user to review; from then on `develop --industry FILE` runs on it offline with the mock model.
struct IndustriesNewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Draft an industry file from a brief with a real model, for you to review."
    )

    @Argument(help: "The industry's id: lowercase letters, digits and hyphens, e.g. library.")
    var id: String

    @Option(help: "The one-line brief of the domain.")
    var brief: String

    @Option(help: "Where to write the file (default: <id>.yaml); an existing file is never replaced.")
    var out: String?

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard id.range(of: #"^[a-z][a-z0-9-]{0,39}$"#, options: .regularExpression) != nil else {
            throw ValidationError("invalid industry id '\(id)': expected lowercase letters, digits and hyphens, starting with a letter, at most 40")
        }
    }

    func run() async throws {
        let brief = try BriefInput(brief: self.brief, briefFile: nil).given() ?? ""
        let provider = try model.provider()
        guard provider != .mock else {
            throw ValidationError("industries new needs a real model (--model ollama or openai): the mock model has no domain of its own to draft")
        }
        let path = out ?? "\(id).yaml"
        try FileReplacement.refuseExisting(path)
        let catalog = try data.catalog()
        let guideID = catalog.industryIDs.contains("general") ? "general" : catalog.industryIDs[0]
        let guide = try catalog.team(for: catalog.industry(guideID))
        let languageModel = try model.choice().languageModel(seed: 42, mock: MockModel(seed: 42))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("industry-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let draft = try await IndustryDraft.draft(id: id, brief: brief, guide: guide, model: languageModel) { yaml in
            try yaml.write(toFile: scratch, atomically: true, encoding: .utf8)
            do {
                return try catalog.industry(scratch)
            } catch {
                // The problem names the lines of the file to be written, not of the scratch copy.
                throw InputError.draftedIndustry("\(error)".replacingOccurrences(of: scratch, with: path))
            }
        }
        try FileReplacement.create(path, with: Data(draft.yaml.utf8))
        let industry = draft.industry
        print("Wrote \(path): \(industry.name), \(industry.entities.count) entities, \(industry.features.count) features, \(industry.roles.count) roles, \(industry.compliance.count) compliance items (\(draft.requests) model requests, \(draft.usage.total) tokens).")
        print("Review it, then: gravity-team develop --industry \(path)")
    }
}
