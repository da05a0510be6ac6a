import Foundation
import GravityModel
import GravityRuntime

extension ReportPage {
    /// Each phase's proposals, the dissent each round met with its reasons, what each revision
    /// changed, and the decision.
    var deliberation: [[String: Any]] {
        report.phases.map { phase in
            var entry: [String: Any] = [
                "title": "\(phase.phase.number). \(phase.phase.title)",
                "anchor": "phase-\(phase.phase.rawValue)",
                "lead": phase.lead.map(describe) ?? "",
            ]
            if let kept = phase.kept { entry["kept"] = kept }
            entry["rounds"] = phase.rounds.map { round -> [String: Any] in
                var entry = self.round(round)
                let answers = phase.owner.filter { $0.round == round.number }.map(\.answer.label)
                if !answers.isEmpty { entry["owner"] = answers.joined(separator: "; then ") }
                return entry
            }
            if let arbitration = phase.arbitration {
                entry["arbitration"] = "adopts round \(arbitration.adoptRound): \(arbitration.rationale)"
            }
            if let decision = phase.decision {
                let who = DecidedBy.words(decision.decidedBy, name: report.name)
                var text = "Round \(decision.adoptedRound) adopted by \(who) (\(decision.outcome.label))."
                if !decision.dissent.isEmpty { text += " Dissent recorded: \(decision.dissent.map(report.name).joined(separator: ", "))." }
                entry["decision"] = text
            }
            return entry
        }
    }

    private func round(_ round: RunReport.Round) -> [String: Any] {
        var entry: [String: Any] = ["number": "\(round.number)"]
        if let proposal = round.proposal {
            entry["kind"] = round.number == 1 ? "Proposal" : "Revision"
            entry["author"] = report.name(proposal.author)
            entry["rationale"] = proposal.rationale
            entry["practices"] = proposal.content.practices.joined(separator: ", ")
            if !proposal.addressed.isEmpty { entry["addressed"] = proposal.addressed.joined(separator: ", ") }
        }
        if !round.changes.isEmpty {
            entry["has_changes"] = true
            entry["changes"] = round.changes.prefix(Self.changesShown).map { ["path": $0.path, "before": $0.before, "after": $0.after] }
            if round.changes.count > Self.changesShown {
                entry["more_changes"] = "and \(round.changes.count - Self.changesShown) more"
            }
        }
        let dissent = report.members.compactMap { member -> [String: Any]? in
            guard let vote = round.votes[member.id], vote.option.dissents || vote.abstained else { return nil }
            var line: [String: Any] = [
                "name": member.name,
                "vote": vote.abstained ? "abstained" : vote.option.rawValue.replacingOccurrences(of: "_", with: " "),
                "reason": vote.reason,
            ]
            if !vote.missing.isEmpty { line["missing"] = vote.missing.joined(separator: ", ") }
            return line
        }
        if !dissent.isEmpty {
            entry["dissent"] = dissent
            entry["has_dissent"] = true
        }
        if let tally = round.tally {
            var text = "\(tally.outcome.label): weighted average \(Self.decimal(tally.average)), support \(Self.decimal(tally.support, places: 1))%, \(tally.voters) voters"
            if !tally.brokenGates.isEmpty { text += "; breaks \(tally.brokenGates.joined(separator: ", "))" }
            entry["tally"] = text
        }
        return entry
    }

    /// A revision can touch hundreds of leaves; the page shows the first ones.
    static let changesShown = 12
}
