import Foundation
import GravityModel

/// Writes `DECISIONS.md`: every phase's decision as an architecture decision record, with its
/// context, what was decided, the vote persona by persona, the dissent and the rounds.
struct DecisionRecords {
    let model: AppModel
    let blueprint: Blueprint
    let decisions: [Decision]
    let team: Team?

    var markdown: String {
        var lines = [
            "# Architecture decisions: \(model.title)",
            "",
            "> \(model.brief)",
            "",
            "Each decision below was proposed by the phase's lead and voted on by the team of \(team?.members.count ?? 14), with weights from "
                + "IQ and experience. A proposal that was not approved was revised with the dissent and voted again; when rounds ran out, "
                + "the product manager decided and the dissent stands on the record.",
            "",
        ]
        if decisions.isEmpty {
            lines += [
                "This application was generated from a Blueprint given directly (`gravity-team generate` without `--transcript`): "
                    + "no deliberation is on record, so no proposal, vote or dissent is listed.",
                "",
            ]
        }
        for decision in decisions {
            lines += record(decision)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func name(_ id: String) -> String { id == OwnerAnswer.voterID ? "Product owner" : team?.member(id)?.name ?? id }
    private func role(_ id: String) -> String { id == OwnerAnswer.voterID ? "a person, at the approval gate" : team?.member(id)?.role.title ?? "" }

    private func record(_ decision: Decision) -> [String] {
        let adopted = decision.adopted
        let status =
            switch decision.resolution {
            case .approved: "accepted: \(adopted.tally.outcome.label) in round \(decision.adoptedRound) of \(decision.rounds.count)"
            case .productManagerDecision:
                "accepted by product manager decision (\(name(decision.decidedBy))): round \(decision.adoptedRound) of \(decision.rounds.count), \(adopted.tally.outcome.label)"
            case .productOwnerDecision:
                "accepted on the product owner's word: round \(decision.adoptedRound) of \(decision.rounds.count), the team's vote on it \(adopted.tally.outcome.label)"
            }
        var lines = [
            "## ADR \(decision.phase.number): \(decision.phase.title)",
            "",
            "- Status: \(status)",
            "- Lead: \(name(decision.lead)) (\(role(decision.lead)))",
            "",
            "### Context",
            "",
            "Phase \(decision.phase.number) of 8 for \(model.title) (\(model.industry)). \(context(decision.phase))",
            "",
            "### Decision",
            "",
            adopted.proposal.rationale,
            "",
        ]
        lines += summary(adopted.proposal.content)
        let practices = adopted.proposal.content.practices
        lines += [
            "", "Practices adopted: " + (practices.isEmpty ? "none." : practices.map { "`\($0)`" }.joined(separator: ", ") + "."), "",
        ]
        if decision.resolution == .productManagerDecision { lines += ["Product manager's rationale: \(decision.rationale)", ""] }
        lines += owner(decision) + vote(decision) + dissent(decision) + rounds(decision)
        lines.append("")
        return lines
    }

    /// The adopted round's votes and tally.
    private func vote(_ decision: Decision) -> [String] {
        let adopted = decision.adopted
        var lines = [
            "### Vote (round \(decision.adoptedRound))",
            "",
            "| Member | Role | Weight | Vote | Reason |",
            "|---|---|---|---|---|",
        ]
        for vote in adopted.votes {
            lines.append(
                "| \(cell(name(vote.voter))) | \(cell(role(vote.voter))) | \(String(format: "%.2f", vote.weight)) | \(vote.option.rawValue) | \(cell(vote.reason)) |"
            )
        }
        lines += [
            "",
            "Tally: \(adopted.tally.outcome.label), weighted average \(String(format: "%.2f", adopted.tally.average)), "
                + "weighted support \(String(format: "%.1f", adopted.tally.support))%.",
            "",
        ]
        return lines
    }

    /// What the product owner said at the approval gate, round by round.
    private func owner(_ decision: Decision) -> [String] {
        guard !decision.owner.isEmpty else { return [] }
        var lines = ["### Product owner", ""]
        for record in decision.owner {
            let said =
                switch record.answer.kind {
                case .approve: "approved it"
                case .reject: "rejected it: \"\(record.answer.text)\""
                case .amend: "asked for an amendment: \"\(record.answer.text)\""
                }
            lines.append("- Round \(record.round): \(said)")
        }
        if decision.resolution == .productOwnerDecision || decision.owner.contains(where: \.answer.sendsBack) {
            lines.append("")
            lines.append(decision.rationale)
        }
        return lines + [""]
    }

    private func dissent(_ decision: Decision) -> [String] {
        let dissent = decision.dissent
        guard !dissent.isEmpty else { return ["### Dissent", "", "None."] }
        return ["### Dissent", ""] + dissent.map { vote in "- \(name(vote.voter)) (\(vote.option.rawValue)): \(vote.reason)" }
    }

    /// Every round's outcome, and what each revision added in answer to dissent.
    private func rounds(_ decision: Decision) -> [String] {
        var lines = ["", "### Rounds", "", "| Round | Outcome | Average | Support | Added in answer to dissent |", "|---|---|---|---|---|"]
        for round in decision.rounds {
            let added = round.proposal.addressed.isEmpty ? "-" : round.proposal.addressed.map { "`\($0)`" }.joined(separator: ", ")
            lines.append(
                "| \(round.round) | \(round.tally.outcome.label) | \(String(format: "%.2f", round.tally.average)) | \(String(format: "%.1f", round.tally.support))% | \(added) |"
            )
        }
        return lines
    }

    private func context(_ phase: Phase) -> String {
        switch phase {
        case .requirements: "The brief and the industry's must-have features and compliance checklist."
        case .architecture: "The entities and features in scope decided in the requirements phase."
        case .database: "The services of the architecture and the entities each owns."
        case .frontend: "The entities in scope, the services that own them, and whether users sign in."
        case .backend: "The services, their tables and the references between them."
        case .security: "The user roles and the endpoints of the backend."
        case .testing: "The services, their endpoints and their dependencies."
        case .deployment: "The services, their databases and their dependencies."
        }
    }

    private func summary(_ content: ProposalContent) -> [String] {
        switch content {
        case .requirements(let section):
            return ["Features in scope:"] + section.features.map { "- \($0.title) (\($0.priority.rawValue))" }
                + ["", "User roles: \(section.roles.joined(separator: ", ")). Entities: \(section.entities.joined(separator: ", "))."]
                + section.lifecycles.flatMap(Self.lifecycleLines)
                + section.schedules.map { schedule in
                    "\nSchedule: a \(schedule.resource) is never booked for two \(schedule.entity)s at once (from \(schedule.starts) for \(schedule.minutes))"
                        + (schedule.frees.isEmpty ? "." : "; one that is \(schedule.frees.joined(separator: " or ")) frees its time.")
                }
                + section.claims.map { claim in
                    "\nClaim: each new \(claim.entity) takes one unit of its \(claim.stock)'s stock"
                        + (claim.releasedBy.isEmpty ? "." : "; \(claim.releasedBy.joined(separator: " or ")) gives it back.")
                }
                + section.placements.map { placement in
                    "\nPlacement: a \(placement.entity) is placed with its \(placement.lines)s in one request; each line takes its \(placement.stock)'s stock"
                        + " at its price, the \(placement.total) is the lines' sum" + (placement.placedAt.map { ", \($0) is the server's time" } ?? "")
                        + (placement.releasedBy.isEmpty ? "." : "; \(placement.releasedBy.joined(separator: " or ")) gives the stock back.")
                }
                + section.postings.map { posting in
                    let way =
                        posting.counterpart.map { " down, and the \($0)'s up by as much (the legs sum to zero)" }
                        ?? posting.debit.map { " (down for \($0), up otherwise)" } ?? " down"
                    return "\nPosting: \(posting.postedBy) moves the \(posting.account)'s \(posting.balance) by a \(posting.entity)'s \(posting.amount)"
                        + way + ", never below 0" + (posting.reversedBy.map { "; \($0) moves it back." } ?? ".")
                }
                + section.stocks.map { stock in
                    "\nStock: \(stock.entity).\(stock.field), never below 0, reserved for all of an order's lines at once"
                        + (stock.price.map { " at \(stock.entity).\($0)" } ?? "") + ", and given back when the reservation is released."
                }
        case .architecture(let section):
            return [
                "\(section.style.prefix(1).uppercased() + section.style.dropFirst()):", "", "| Service | Prefix | Entities | Depends on |",
                "|---|---|---|---|",
            ]
                + section.services.map {
                    "| \($0.name) | `\($0.apiPrefix)` | \($0.entities.joined(separator: ", ")) | \($0.dependsOn.joined(separator: ", ")) |"
                }
        case .database(let section):
            return section.stores.map {
                "- \($0.service): \($0.engines.local.rawValue) locally, \($0.engines.production.rawValue) in production; tables \($0.tables.map(\.table).joined(separator: ", "))"
            }
        case .frontend(let section):
            return [
                "Title \(section.title); pages: \(section.pages.map(\.route).joined(separator: ", ")); sign-in: \(section.login ? "yes" : "no")."
            ]
        case .backend(let section):
            return section.apis.map {
                "- \($0.service): \($0.endpoints.count) endpoints"
                    + ($0.calls.isEmpty ? "" : ", calls \(Set($0.calls.map(\.service)).sorted().joined(separator: ", "))")
            }
        case .security(let section):
            return [
                "Authentication: \(section.authentication.scheme), passwords \(section.authentication.passwordHashing), tokens valid \(section.authentication.tokenLifetimeMinutes) minutes."
            ]
                + section.policies.map { "- \($0.role) may write: \($0.writes.isEmpty ? "nothing" : $0.writes.joined(separator: ", "))" }
        case .testing(let section):
            return section.suites.map {
                "- \($0.service): \($0.kinds.map(\.rawValue).joined(separator: ", ")) tests, coverage at least \($0.minimumCoverage)%"
            }
        case .deployment(let section):
            return ["Targets: \(section.targets.map(\.rawValue).joined(separator: ", "))."]
                + section.units.map {
                    "- \($0.service): \($0.replicas) replica(s), health \($0.healthCheck), limits \($0.cpuLimit) / \($0.memoryLimit)"
                }
        }
    }

    /// A lifecycle as rules a reader can check: where each transition goes, who may take it, from where.
    private static func lifecycleLines(_ lifecycle: Lifecycle) -> [String] {
        ["", "Lifecycle of \(lifecycle.entity).\(lifecycle.field), starting \(lifecycle.initial):"]
            + lifecycle.transitions.map { transition in
                let who = transition.by.map { "\($0.roles.joined(separator: " or ")) from \($0.from.joined(separator: " or "))" }
                return "- \(transition.name) → \(transition.to): \(who.joined(separator: "; "))"
                    + (transition.records.map { " (records who in \($0))" } ?? "")
            }
    }

    private func cell(_ text: String) -> String {
        Escaping.replacing(text) { scalar in scalar == "|" ? "\\|" : scalar == "\n" ? " " : nil }
    }
}
