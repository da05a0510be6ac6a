import Foundation
import GravityModel

/// `gravity-team industries new`: a real model drafts a complete industry file from a brief, held to
/// the schema of the industry file's own decoder, and the draft is checked as `develop` checks an
/// industry file; one that fails is asked for once more, told the problem (a line of the file).
public enum IndustryDraft {
    /// Why no usable industry file came.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The drafted file's text and the model's usage.
    public struct Draft: Sendable {
        public var yaml: String
        public var industry: Industry
        public var usage: TokenUsage
        public var requests: Int
    }

    /// The name of the answer's schema in requests.
    public static let schema = "industry"

    /// Asks `model` for the industry `id` that `brief` describes. `guide` is the team whose prompt
    /// templates are used and whose industry file is shown as the example; `check` reads a drafted
    /// file as `develop` would, throwing its one-line problem.
    public static func draft(
        id: String, brief: String, guide: Team, model: any LanguageModel, check: (String) throws -> Industry
    ) async throws -> Draft {
        let example = try guide.industry.yamlText()
        let prompt = guide.prompts.render(.draftIndustry, ["id": id, "brief": brief, "example": example, "schema": schema])
        let system = "You are an industry consultant. You write gravity-team industry files: a domain's entities, rules, roles, consultant and compliance items, as JSON."
        var usage = TokenUsage.zero
        var problem: String?
        for attempt in 1...2 {
            let asked = problem.map { guide.prompts.render(.askAgain, ["prompt": prompt, "problem": $0, "schema": schema]) } ?? prompt
            let request = ModelRequest(
                persona: "industry-drafter", phase: .requirements, round: attempt, task: .draftIndustry, system: system, prompt: asked, schema: schema,
                context: TaskContext(team: guide, blueprint: Blueprint(industry: id, brief: brief))
            )
            let response = try await model.complete(request)
            usage = usage + response.usage
            do {
                var industry = try JSONDecoder().decode(Industry.self, from: Data(response.text.utf8))
                industry.id = id
                let yaml = try industry.yamlText(header: [
                    "Drafted by \(model.name) from the brief: \(brief.replacingOccurrences(of: "\n", with: " "))",
                    "Review it before use: every name, rule and compliance item is the model's.",
                ])
                return Draft(yaml: yaml, industry: try check(yaml), usage: usage, requests: attempt)
            } catch {
                problem = AnswerProblem.describe(error, root: "the industry file")
            }
        }
        throw Failure(description: "the drafted industry file cannot be used, asked twice: \(problem ?? "")")
    }
}
