import GravityModel

/// What a person is shown at an approval gate: the phase's decision, its tally and its dissent.
public struct GateQuestion: Sendable {
    public var phase: Phase
    /// The decided round the person is asked about.
    public var round: Int
    /// How many times this phase's gate has asked, this time included (from 1).
    public var asked: Int
    /// How many gates the run has asked, this one included (from 1): the answers file's order.
    public var index: Int
    public var proposal: Proposal
    public var tally: WeightedTally
    /// "the team's vote", or who else decided.
    public var decidedBy: String
    public var dissent: [Vote]
    /// Whether a rejection can still open a round (after `OwnerGates.revisionsPerPhase`, it is recorded only).
    public var canRevise: Bool
}

/// Where a gate's answer comes from: a terminal, an answers file, the dashboard, or a transcript.
public protocol OwnerGate: Sendable {
    func answer(_ question: GateQuestion) async throws -> OwnerAnswer
}

/// The answers a transcript recorded, by phase and ask, in the order they were given; a gate the
/// transcript did not reach goes to `fallback` (resuming a run stopped at a gate), or is an error
/// (replay).
public struct RecordedOwner: OwnerGate {
    private let answers: [Phase: [(round: Int, answer: OwnerAnswer)]]
    private let fallback: (any OwnerGate)?

    public init(events: [EventSkeleton], fallback: (any OwnerGate)? = nil) {
        var answers: [Phase: [(round: Int, answer: OwnerAnswer)]] = [:]
        for event in events where event.type == .ownerAnswer {
            if let phase = event.phase, let answer = event.owner { answers[phase, default: []].append((event.round ?? 0, answer)) }
        }
        self.answers = answers
        self.fallback = fallback
    }

    public func answer(_ question: GateQuestion) async throws -> OwnerAnswer {
        if let recorded = answers[question.phase], question.asked <= recorded.count {
            let (round, answer) = recorded[question.asked - 1]
            // An answer given about another round is another run's: never applied to this question.
            guard round == question.round else {
                throw RuntimeError.invalidAnswer(
                    persona: OwnerAnswer.voterID, phase: question.phase.rawValue,
                    problem: "the transcript's answer \(question.asked) was given about round \(round), and the gate asks about round \(question.round)"
                )
            }
            return answer
        }
        guard let fallback else {
            throw RuntimeError.invalidAnswer(
                persona: OwnerAnswer.voterID, phase: question.phase.rawValue,
                problem: "the transcript records no answer for the gate after round \(question.round)"
            )
        }
        return try await fallback.answer(question)
    }
}
