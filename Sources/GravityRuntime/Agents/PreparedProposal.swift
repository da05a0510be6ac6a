import GravityModel

/// A proposal with the model exchange that produced it and the lead's own vote, ready to be
/// published.
public struct PreparedProposal: Sendable {
    public var exchange: ModelExchange
    public var proposal: Proposal
    public var leadVote: Vote
}
