/// One round of a phase: the proposal, every vote and the tally.
public struct RoundRecord: Codable, Sendable, Hashable {
    public var round: Int
    public var proposal: Proposal
    public var votes: [Vote]
    public var tally: WeightedTally

    public init(round: Int, proposal: Proposal, votes: [Vote], tally: WeightedTally) {
        self.round = round
        self.proposal = proposal
        self.votes = votes
        self.tally = tally
    }
}

/// How a phase ended.
public enum Resolution: String, Codable, Sendable {
    /// A round's tally approved the proposal.
    case approved
    /// No round was approved; the product manager chose a round to adopt, with dissent recorded.
    case productManagerDecision = "product_manager_decision"
}

/// The outcome of a phase: the adopted proposal, every round, and the dissent that remained.
public struct Decision: Codable, Sendable, Hashable {
    public var phase: Phase
    public var lead: String
    public var rounds: [RoundRecord]
    public var resolution: Resolution
    /// The round whose proposal was adopted (1-based).
    public var adoptedRound: Int
    /// Who adopted it: the team by vote, or the product manager.
    public var decidedBy: String
    public var rationale: String

    enum CodingKeys: String, CodingKey {
        case phase, lead, rounds, resolution, rationale
        case adoptedRound = "adopted_round"
        case decidedBy = "decided_by"
    }

    public init(
        phase: Phase,
        lead: String,
        rounds: [RoundRecord],
        resolution: Resolution,
        adoptedRound: Int,
        decidedBy: String,
        rationale: String
    ) {
        self.phase = phase
        self.lead = lead
        self.rounds = rounds
        self.resolution = resolution
        self.adoptedRound = adoptedRound
        self.decidedBy = decidedBy
        self.rationale = rationale
    }

    /// The adopted round.
    public var adopted: RoundRecord { rounds[adoptedRound - 1] }

    /// The votes against the adopted proposal.
    public var dissent: [Vote] { adopted.votes.filter { $0.option.dissents } }
}
