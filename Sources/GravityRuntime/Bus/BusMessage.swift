import GravityModel

/// Everything said on the bus during a session. Indirect: the payloads (a proposal and its context
/// run to a kilobyte inline) live in one shared box, so handing a message to fourteen inboxes costs
/// fourteen references rather than fourteen copies.
public indirect enum BusMessage: Sendable {
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
    /// A change run's phase the change does not touch: its decision stands as the parent run made it.
    case phaseKept(phase: Phase, reason: String)
    /// A file the run wrote, with its digest.
    case artifactWritten(ArtifactDigest)
    case sessionEnded(RunSummary)
    /// Moderator to the next phase's lead: draft ahead, assuming the proposal under review is adopted.
    case draftRequested(id: Int, phase: Phase, context: TaskContext)
    /// Lead to moderator: the draft ahead is ready (nothing is published until it is adopted).
    case draftReady(id: Int, draft: PreparedProposal)
    /// Lead to moderator: the draft ahead could not be made; the phase will be drafted normally.
    case draftFailed(id: Int)
    /// Moderator to lead: the draft ahead matches the adopted decisions; publish it as the phase's proposal.
    case draftAdopted(PreparedProposal)
    /// Moderator to the room: the phase's decided round goes to the product owner's gate (the
    /// transcript is flushed, so a run stopped while the person thinks loses nothing).
    case ownerAsked(phase: Phase, round: Int)
    /// The product owner's answer at that gate.
    case ownerAnswered(phase: Phase, round: Int, answer: OwnerAnswer)
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
