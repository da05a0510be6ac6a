import Foundation
import GravityModel

/// Turns bus traffic into progress lines as it happens: the phase and its lead, each proposal,
/// each vote as it arrives, tallies and decisions.
public struct ProgressReporter: BusObserver {
    private let team: Team
    private let write: @Sendable (String) -> Void
    private let reasonWidth: Int

    /// - Parameter write: receives each line (without a newline).
    public init(team: Team, reasonWidth: Int = 96, write: @escaping @Sendable (String) -> Void) {
        self.team = team
        self.reasonWidth = reasonWidth
        self.write = write
    }

    public func observe(_ envelope: Envelope) {
        for line in lines(for: envelope.message) { write(line) }
    }

    /// The lines a message produces (empty for messages the user need not see).
    public func lines(for message: BusMessage) -> [String] {
        switch message {
        case .sessionStarted(let header):
            return [
                "\(team.members.count) members deliberate on \"\(header.brief)\" (\(team.industry.name), model \(header.model), seed \(header.seed))"
            ]
        case .phaseStarted(let phase, let lead):
            return ["", "[\(phase.number)/8] \(phase.title): \(describe(lead)) leads"]
        case .proposed(let proposal):
            let verb = proposal.round == 1 ? "proposes" : "revises"
            return ["  round \(proposal.round): \(name(proposal.author)) \(verb): \(clip(proposal.rationale))"]
        case .voted(_, _, let vote):
            let mark = vote.abstained ? "?" : vote.option.supports ? "+" : vote.option.dissents ? "-" : "="
            let weight = String(format: "%.2f", vote.weight)
            return [
                "    \(mark) \(name(vote.voter)) (\(weight)) \(vote.abstained ? "abstains" : vote.option.rawValue): \(clip(vote.reason))"
            ]
        case .tallied(_, let round, let tally):
            return ["  round \(round) tally: \(tally.outcome.label), average \(format(tally.average)), support \(format(tally.support))%"]
        case .arbitrated(_, let answer):
            return ["  \(name(team.productManager.id)) decides: \(clip(answer.rationale))"]
        case .decided(let decision):
            let how =
                decision.resolution == .approved
                ? "approved in round \(decision.adoptedRound)"
                : "adopted round \(decision.adoptedRound) by product manager decision"
            let dissent =
                decision.dissent.isEmpty ? "" : "; dissent recorded from \(decision.dissent.map { name($0.voter) }.joined(separator: ", "))"
            return ["  decision: \(how)\(dissent)"]
        default:
            return []
        }
    }

    private func name(_ id: String) -> String { team.member(id)?.name ?? id }

    private func describe(_ id: String) -> String {
        guard let member = team.member(id) else { return id }
        return "\(member.name) (\(member.role.title))"
    }

    private func clip(_ text: String) -> String {
        text.count <= reasonWidth ? text : String(text.prefix(reasonWidth - 1)) + "…"
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
