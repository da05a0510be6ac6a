import Foundation
import GravityModel
import GravityRuntime

/// How a gate's question reads to a person.
public enum GateText {
    public static func lines(_ question: GateQuestion, team: Team) -> [String] {
        let name = { (id: String) in team.member(id)?.name ?? (id == OwnerAnswer.voterID ? "the product owner" : id) }
        let tally = question.tally
        var lines = [
            "",
            "Approval gate: \(question.phase.title), round \(question.round), decided by \(question.decidedBy == "team" ? "the team's vote" : name(question.decidedBy))",
            "  Proposal by \(name(question.proposal.author)): \(question.proposal.rationale)",
            "  Practices: \(question.proposal.content.practices.isEmpty ? "none" : question.proposal.content.practices.joined(separator: ", "))",
            "  Tally: \(tally.outcome.label), weighted average \(String(format: "%.2f", tally.average)), support \(String(format: "%.1f", tally.support))%",
        ]
        if question.dissent.isEmpty {
            lines.append("  Dissent: none")
        } else {
            lines.append("  Dissent:")
            lines += question.dissent.map { "    \(name($0.voter)) (\($0.option.rawValue.replacingOccurrences(of: "_", with: " "))): \($0.reason)" }
        }
        return lines
    }
}
