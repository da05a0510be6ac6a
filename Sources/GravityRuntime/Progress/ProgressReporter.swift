import Foundation
import GravityModel
import Synchronization

/// Turns bus traffic into progress lines as it happens: the phase and its lead, each proposal,
/// votes, tallies and decisions. Votes are shown in team order as soon as every earlier reviewer's
/// vote is in, so the lines are the same at any concurrency (like the transcript) and still come
/// while the round is under way.
public struct ProgressReporter: BusObserver {
    private let team: Team
    private let write: @Sendable (String) -> Void
    private let reasonWidth: Int
    private let round = RoundVotes()

    /// The votes of the round under way that wait for an earlier reviewer's.
    private final class RoundVotes: Sendable {
        struct State {
            var reviewers: [String] = []
            var next = 0
            var waiting: [String: [String]] = [:]
        }
        let state = Mutex(State())
    }

    /// - Parameter write: receives each line (without a newline).
    public init(team: Team, reasonWidth: Int = 96, write: @escaping @Sendable (String) -> Void) {
        self.team = team
        self.reasonWidth = reasonWidth
        self.write = write
    }

    public func observe(_ envelope: Envelope) {
        for line in ordered(envelope.message) { write(line) }
    }

    /// The lines to show now for `message`, holding back votes that would come out of team order.
    private func ordered(_ message: BusMessage) -> [String] {
        switch message {
        case .proposed(let proposal):
            let reviewers = team.members.map(\.id).filter { $0 != proposal.author }
            round.state.withLock { $0 = RoundVotes.State(reviewers: reviewers) }
            return lines(for: message)
        case .voted(_, _, let vote):
            return round.state.withLock { state in
                state.waiting[vote.voter] = lines(for: message)
                var ready: [String] = []
                while state.next < state.reviewers.count, let lines = state.waiting.removeValue(forKey: state.reviewers[state.next]) {
                    ready += lines
                    state.next += 1
                }
                return ready
            }
        case .tallied:
            // Whoever did not vote is skipped; what is still held back comes out before the tally.
            let held = round.state.withLock { state in
                let rest = state.reviewers.compactMap { state.waiting.removeValue(forKey: $0) }.flatMap { $0 }
                let strays = state.waiting.keys.sorted().flatMap { state.waiting[$0] ?? [] }
                state = RoundVotes.State()
                return rest + strays
            }
            return held + lines(for: message)
        default:
            return lines(for: message)
        }
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
        case .phaseKept(let phase, let reason):
            return ["", "[\(phase.number)/8] \(phase.title): kept (\(reason))"]
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
            let gates = tally.brokenGates.isEmpty ? "" : "; not adoptable: it breaks \(tally.brokenGates.joined(separator: ", "))"
            return ["  round \(round) tally: \(tally.outcome.label), average \(format(tally.average)), support \(format(tally.support))%\(gates)"]
        case .arbitrated(_, let answer):
            return ["  \(name(team.productManager.id)) decides: \(clip(answer.rationale))"]
        case .ownerAsked(_, let round):
            return ["  approval gate: round \(round) goes to the product owner"]
        case .ownerAnswered(_, _, let answer):
            return ["  product owner: \(answer.label)"]
        case .decided(let decision):
            let how =
                switch decision.resolution {
                case .approved: "approved in round \(decision.adoptedRound)"
                case .productManagerDecision: "adopted round \(decision.adoptedRound) by product manager decision"
                case .productOwnerDecision: "adopted round \(decision.adoptedRound) on the product owner's word"
                }
            let dissent =
                decision.dissent.isEmpty ? "" : "; dissent recorded from \(decision.dissent.map { name($0.voter) }.joined(separator: ", "))"
            return ["  decision: \(how)\(dissent)"]
        default:
            return []
        }
    }

    private func name(_ id: String) -> String { id == OwnerAnswer.voterID ? "the product owner" : team.member(id)?.name ?? id }

    private func describe(_ id: String) -> String {
        guard let member = team.member(id) else { return id }
        return "\(member.name) (\(member.role.title))"
    }

    private func clip(_ text: String) -> String {
        text.count <= reasonWidth ? text : String(text.prefix(reasonWidth - 1)) + "…"
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
