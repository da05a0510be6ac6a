import Foundation
import GravityModel

/// Compares the deliberations of two transcripts: the first decision where they part, and a
/// phase-by-phase account of outcomes and of votes that changed.
public struct TranscriptComparison: Sendable {
    /// One phase side by side.
    public struct PhaseRow: Sendable {
        public var phase: Phase
        public var left: String
        public var right: String
        /// "r1 ivan-petrov: agree -> disagree", one per changed vote.
        public var changedVotes: [String]
    }

    public var firstDifference: String?
    public var rows: [PhaseRow]

    /// Whether the two runs decided the same way throughout.
    public var isSame: Bool { firstDifference == nil }

    public init(_ left: Transcript, _ right: Transcript) {
        let a = Self.trace(left)
        let b = Self.trace(right)
        var first: String?
        var rows: [PhaseRow] = []
        for phase in Phase.allCases {
            let x = a[phase]
            let y = b[phase]
            var changed: [String] = []
            for round in 1...max(x?.rounds.count ?? 0, y?.rounds.count ?? 0, 1) {
                let votesA = x?.rounds[safe: round - 1]?.votes ?? [:]
                let votesB = y?.rounds[safe: round - 1]?.votes ?? [:]
                for voter in Set(votesA.keys).union(votesB.keys).sorted() where votesA[voter] != votesB[voter] {
                    changed.append("r\(round) \(voter): \(votesA[voter]?.rawValue ?? "-") -> \(votesB[voter]?.rawValue ?? "-")")
                }
            }
            rows.append(PhaseRow(phase: phase, left: x?.label ?? "not reached", right: y?.label ?? "not reached", changedVotes: changed))
            if first == nil, let difference = Self.difference(phase, x, y) { first = difference }
        }
        self.firstDifference = first
        self.rows = rows
    }

    private struct RoundTrace {
        var content: String = ""
        var votes: [String: VoteOption] = [:]
    }

    private struct PhaseTrace {
        var rounds: [RoundTrace] = []
        var decision: DecisionRecord?
        /// A change run's phase that kept its parent's decision.
        var kept = false

        var label: String {
            if kept { return "kept (the parent's decision)" }
            guard let decision else { return "undecided after \(rounds.count) round(s)" }
            let by = decision.resolution == .approved ? "" : decision.resolution == .productOwnerDecision ? " (product owner)" : " (product manager)"
            return "\(decision.outcome.label), round \(decision.adoptedRound) of \(rounds.count)\(by)"
        }

        var adoptedContent: String? { decision.flatMap { rounds[safe: $0.adoptedRound - 1]?.content } }
    }

    private static func trace(_ transcript: Transcript) -> [Phase: PhaseTrace] {
        var traces: [Phase: PhaseTrace] = [:]
        for event in transcript.events {
            guard let phase = event.phase else { continue }
            switch event.type {
            case .proposal:
                let content = event.proposal.flatMap { try? CanonicalJSON.string($0.content) } ?? ""
                traces[phase, default: PhaseTrace()].rounds.append(RoundTrace(content: content))
            case .vote:
                guard let vote = event.vote, !(traces[phase]?.rounds.isEmpty ?? true) else { continue }
                let last = traces[phase]!.rounds.count - 1
                traces[phase]!.rounds[last].votes[vote.voter] = vote.option
            case .decision:
                traces[phase, default: PhaseTrace()].decision = event.decision
            case .phaseKept:
                traces[phase, default: PhaseTrace()].kept = true
            default:
                continue
            }
        }
        return traces
    }

    private static func difference(_ phase: Phase, _ x: PhaseTrace?, _ y: PhaseTrace?) -> String? {
        guard let x, let y else {
            return x == nil && y == nil ? nil : "\(phase.rawValue): only one run reached this phase"
        }
        if x.kept || y.kept {
            return x.kept == y.kept ? nil : "\(phase.rawValue): a \(x.label); b \(y.label)"
        }
        if x.decision?.adoptedRound != y.decision?.adoptedRound || x.decision?.outcome != y.decision?.outcome
            || x.decision?.resolution != y.decision?.resolution
        {
            return "\(phase.rawValue): a \(x.label); b \(y.label)"
        }
        if x.adoptedContent != y.adoptedContent {
            let fields = TranscriptDivergence.fieldDifferences(x.adoptedContent ?? "{}", y.adoptedContent ?? "{}")
            let where_ = fields.prefix(3).map(\.path).joined(separator: ", ")
            return "\(phase.rawValue): the adopted proposals differ (\(fields.count) field(s): \(where_))"
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
