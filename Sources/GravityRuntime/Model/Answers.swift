import GravityModel

/// The answer to a propose or revise request.
public struct ProposalAnswer: Codable, Sendable, Hashable {
    public var content: ProposalContent
    public var rationale: String
    /// Facts the revision added in answer to dissent.
    public var addressed: [String]
    /// The lead's own vote on the proposal.
    public var selfVote: ReviewAnswer

    enum CodingKeys: String, CodingKey {
        case content, rationale, addressed
        case selfVote = "self_vote"
    }

    public init(content: ProposalContent, rationale: String, addressed: [String], selfVote: ReviewAnswer) {
        self.content = content
        self.rationale = rationale
        self.addressed = addressed
        self.selfVote = selfVote
    }
}

/// The answer to a review request: a vote, its reason, and the facts found missing.
public struct ReviewAnswer: Codable, Sendable, Hashable {
    public var vote: VoteOption
    public var reason: String
    public var missing: [String]

    public init(vote: VoteOption, reason: String, missing: [String] = []) {
        self.vote = vote
        self.reason = reason
        self.missing = missing
    }
}

/// The product manager's answer when no round was approved.
public struct ArbitrationAnswer: Codable, Sendable, Hashable {
    public var adoptRound: Int
    public var rationale: String

    enum CodingKeys: String, CodingKey {
        case rationale
        case adoptRound = "adopt_round"
    }

    public init(adoptRound: Int, rationale: String) {
        self.adoptRound = adoptRound
        self.rationale = rationale
    }
}
