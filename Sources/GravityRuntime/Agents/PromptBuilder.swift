import GravityModel

/// Renders the system prompt and the request prompt a persona sends to its model.
public struct PromptBuilder: Sendable {
    public init() {}

    /// Who the persona is and what it checks.
    public func system(for persona: Persona, industry: Industry) -> String {
        var lines = [
            "You are \(persona.name), \(persona.role.title) on a fourteen-member software team.",
            "Specialization: \(persona.specialization). Experience: \(persona.experienceYears) years.",
        ]
        if !persona.concerns.isEmpty {
            lines.append("When you review a proposal you check:")
            for concern in persona.concerns {
                lines.append("- [\(concern.phase.rawValue), \(concern.severity.rawValue)] \(concern.text) (fact: \(concern.requires))")
            }
        }
        if persona.role == .industryConsultant {
            lines.append("You advise on \(industry.name): \(industry.description)")
            for item in industry.compliance {
                lines.append("- \(item.standard): \(item.text) (fact: \(item.requires), phase: \(item.phase.rawValue))")
            }
        }
        lines.append("Answer with a single JSON object and nothing else.")
        return lines.joined(separator: "\n")
    }

    /// The request for a propose or revise task.
    public func proposal(
        phase: Phase,
        round: Int,
        context: TaskContext,
        blueprintJSON: String,
        previousJSON: String?
    ) -> String {
        var lines = [
            "Phase \(phase.number) of 8: \(phase.rawValue). Round \(round).",
            "Industry: \(context.industry.name). Brief: \(context.blueprint.brief)",
            "Decisions so far (Blueprint JSON): \(blueprintJSON)",
        ]
        if let previousJSON {
            lines.append("Your previous proposal: \(previousJSON)")
            lines.append("It was not approved. Dissent to address:")
            for vote in context.dissent {
                lines.append("- \(vote.voter) (\(vote.option.rawValue)): \(vote.reason) [missing: \(vote.missing.joined(separator: ", "))]")
            }
            lines.append("Revise the proposal so that it establishes the missing facts.")
        } else {
            lines.append("Propose the \(phase.rawValue) section of the Blueprint.")
        }
        lines.append(
            "Answer schema \(Schemas.proposal(phase)): {\"content\": {\"phase\": \"\(phase.rawValue)\", \"section\": {...}}, "
                + "\"rationale\": string, \"addressed\": [fact], \"self_vote\": {\"vote\": option, \"reason\": string, \"missing\": [fact]}}"
        )
        return lines.joined(separator: "\n")
    }

    /// The request for a review task.
    public func review(proposal: Proposal, proposalJSON: String, context: TaskContext) -> String {
        let scope = context.blueprint.requirements.map {
            "Entities in scope: \($0.entities.joined(separator: ", ")). Roles: \($0.roles.joined(separator: ", "))."
        }
        return [
            "Phase \(proposal.phase.number) of 8: \(proposal.phase.rawValue). Round \(proposal.round).",
            "Industry: \(context.industry.name). Brief: \(context.blueprint.brief)",
            scope ?? "",
            "Proposal by \(proposal.author): \(proposalJSON)",
            "Review it against your checklist and the industry's compliance items for this phase.",
            "Answer schema \(Schemas.review): {\"vote\": strongly_agree|agree|neutral|disagree|strongly_disagree, \"reason\": string, \"missing\": [fact]}",
        ].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The request for the product manager's decision.
    public func arbitration(phase: Phase, rounds: [RoundRecord]) -> String {
        var lines = ["Phase \(phase.number) of 8: \(phase.rawValue). No round was approved. The rounds:"]
        for record in rounds {
            let dissent = record.votes.filter { $0.option.dissents }.map(\.voter).joined(separator: ", ")
            lines.append(
                "- round \(record.round): \(record.tally.outcome.rawValue), average \(record.tally.average), "
                    + "support \(record.tally.support)%, dissent: \(dissent)"
            )
        }
        lines.append("Choose the round to adopt. Answer schema \(Schemas.arbitration): {\"adopt_round\": int, \"rationale\": string}")
        return lines.joined(separator: "\n")
    }
}

extension PromptBuilder {
    /// The marker that starts the second asking; a scripted server strips what follows it.
    public static let askAgainMarker = "Your previous answer could not be used:"

    /// The request asked again after an answer that broke the schema.
    public func askAgain(_ prompt: String, schema: String, problem: String) -> String {
        prompt + "\n\n\(Self.askAgainMarker) \(problem)\nAnswer again with a single JSON object that matches schema \(schema)."
    }
}

/// Names of the answer schemas.
public enum Schemas {
    public static func proposal(_ phase: Phase) -> String { "proposal.\(phase.rawValue)" }
    public static let review = "review"
    public static let arbitration = "arbitration"
}
