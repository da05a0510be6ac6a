import GravityModel

/// Renders the system prompt and the request prompt a persona sends to its model, from the
/// templates in `prompts/`; the lists inside them (concerns, dissent, rounds) are rendered here.
public struct PromptBuilder: Sendable {
    public let templates: PromptTemplates

    public init(templates: PromptTemplates) { self.templates = templates }

    /// Who the persona is and what it checks.
    public func system(for persona: Persona, industry: Industry) -> String {
        let checklist =
            persona.concerns.isEmpty
            ? ""
            : (["When you review a proposal you check:"]
                + persona.concerns.map { "- [\($0.phase.rawValue), \($0.severity.rawValue)] \($0.text) (fact: \($0.requires))" })
                .joined(separator: "\n")
        let consultant =
            persona.role == .industryConsultant
            ? (["You advise on \(industry.name): \(industry.description)"]
                + industry.compliance.map { "- \($0.standard): \($0.text) (fact: \($0.requires), phase: \($0.phase.rawValue))" })
                .joined(separator: "\n")
            : ""
        return templates.render(
            .system,
            [
                "name": persona.name, "role": persona.role.title, "specialization": persona.specialization,
                "experience": String(persona.experienceYears), "checklist": checklist, "consultant": consultant,
            ]
        )
    }

    /// The request for a propose or revise task.
    public func proposal(
        phase: Phase,
        round: Int,
        context: TaskContext,
        blueprintJSON: String,
        previousJSON: String?
    ) -> String {
        var values = [
            "phase": phase.rawValue, "phase_number": String(phase.number), "round": String(round),
            "industry": context.industry.name, "brief": context.blueprint.brief, "blueprint": blueprintJSON,
            "rules": [phase == .requirements ? Self.rules(context.industry) : "", context.change.map(Self.change) ?? ""]
                .filter { !$0.isEmpty }.joined(separator: "\n"),
            "schema": Schemas.proposal(phase),
        ]
        guard let previousJSON else { return templates.render(.propose, values) }
        values["previous"] = previousJSON
        values["dissent"] = context.dissent.map {
            "- \($0.voter) (\($0.option.rawValue)): \($0.reason) [missing: \($0.missing.joined(separator: ", "))]"
        }.joined(separator: "\n")
        return templates.render(.revise, values)
    }

    /// The industry's rules, for the requirements: reviewers want those of the entities in scope
    /// adopted as they are (`requirements.rules_in_scope`), so the proposer is shown them.
    static func rules(_ industry: Industry) -> String {
        let rules = IndustryRules(industry)
        guard !rules.isEmpty, let json = try? CanonicalJSON.string(rules) else { return "" }
        return "The industry's rules, to adopt as they are for the entities in scope (requirements.lifecycles, stocks, schedules, "
            + "claims, placements, postings): \(json)"
    }

    /// A change to the application: what to apply to the section as the Blueprint has it.
    static func change(_ change: ChangeRequest) -> String {
        let structured = change.isWordsOnly ? "" : (try? CanonicalJSON.string(change)).map { " In the industry file's terms: \($0)" } ?? ""
        return "This run changes the application: \(change.summary) The Blueprint above is the application as it is; "
            + "propose this section with the change applied, keeping what the change does not touch.\(structured)"
    }

    /// The request for a review task.
    public func review(proposal: Proposal, proposalJSON: String, context: TaskContext) -> String {
        let scope = context.blueprint.requirements.map {
            "Entities in scope: \($0.entities.joined(separator: ", ")). Roles: \($0.roles.joined(separator: ", "))."
        }
        return templates.render(
            .review,
            [
                "phase": proposal.phase.rawValue, "phase_number": String(proposal.phase.number), "round": String(proposal.round),
                "industry": context.industry.name, "brief": context.blueprint.brief, "scope": scope ?? "",
                "author": proposal.author, "proposal": proposalJSON, "schema": Schemas.review,
            ]
        )
    }

    /// The request for the product manager's decision.
    public func arbitration(phase: Phase, rounds: [RoundRecord]) -> String {
        let lines = rounds.map { record in
            let dissent = record.votes.filter { $0.option.dissents }.map(\.voter).joined(separator: ", ")
            return "- round \(record.round): \(record.tally.outcome.rawValue), average \(record.tally.average), "
                + "support \(record.tally.support)%, dissent: \(dissent)"
        }
        return templates.render(
            .arbitrate,
            [
                "phase": phase.rawValue, "phase_number": String(phase.number), "rounds": lines.joined(separator: "\n"),
                "schema": Schemas.arbitration,
            ]
        )
    }
}

extension PromptBuilder {
    /// The marker that starts the second asking; a scripted server strips what follows it.
    public static let askAgainMarker = "Your previous answer could not be used:"

    /// The request asked again after an answer that broke the schema.
    public func askAgain(_ prompt: String, schema: String, problem: String) -> String {
        templates.render(.askAgain, ["prompt": prompt, "problem": problem, "schema": schema])
    }
}

/// Names of the answer schemas.
public enum Schemas {
    public static func proposal(_ phase: Phase) -> String { "proposal.\(phase.rawValue)" }
    public static let review = "review"
    public static let arbitration = "arbitration"
}
