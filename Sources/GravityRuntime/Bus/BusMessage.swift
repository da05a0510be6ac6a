import GravityModel

/// Everything said on the bus during a session.
public enum BusMessage: Sendable {
    case sessionStarted(TranscriptHeader)
    case phaseStarted(phase: Phase, lead: String)
    /// Moderator to lead: draft (round 1) or revise (later rounds) the phase's proposal.
    case proposalRequested(phase: Phase, round: Int, context: TaskContext)
    /// A model request and its answer, published by the persona that made it.
    case modelExchanged(ModelExchange)
    case proposed(Proposal)
    /// Moderator to reviewers: review this proposal (its JSON rendered once for every prompt).
    case reviewRequested(proposal: Proposal, proposalJSON: String, context: TaskContext)
    case voted(phase: Phase, round: Int, vote: Vote)
    case tallied(phase: Phase, round: Int, tally: WeightedTally)
    /// Moderator to product manager: choose a round to adopt.
    case arbitrationRequested(phase: Phase, context: TaskContext)
    case arbitrated(phase: Phase, answer: ArbitrationAnswer)
    case decided(Decision)
    case phaseEnded(phase: Phase)
    case sessionEnded(RunSummary)
    /// A persona could not do what it was asked.
    case failed(persona: String, problem: String)
}

/// A message with its sender, recipient and place in the bus's delivery order.
public struct Envelope: Sendable {
    /// Position in delivery order, from 1.
    public var sequence: Int
    public var from: String
    public var to: Recipient
    public var message: BusMessage
}
