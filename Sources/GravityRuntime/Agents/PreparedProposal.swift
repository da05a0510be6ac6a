import GravityModel

/// A proposal with the model exchanges that produced it (an answer that broke the schema, then
/// the one asked again) and the lead's own vote, ready to be published.
public struct PreparedProposal: Sendable {
    public var exchanges: [ModelExchange]
    public var proposal: Proposal
    public var leadVote: Vote
}
