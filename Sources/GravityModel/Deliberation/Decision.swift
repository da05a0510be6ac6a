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
    /// At an approval gate the product owner sent the decision back; its revision was adopted on
    /// the owner's word (`--owner override`), whatever the team's votes on it.
    case productOwnerDecision = "product_owner_decision"
}

/// The outcome of a phase: the adopted proposal, every round, and the dissent that remained.
public struct Decision: Codable, Sendable, Hashable {
    public var phase: Phase
    public var lead: String
    public var rounds: [RoundRecord]
    public var resolution: Resolution
    /// The round whose proposal was adopted (1-based).
    public var adoptedRound: Int
    /// Who adopted it: the team by vote, the product manager, or the product owner.
    public var decidedBy: String
    public var rationale: String
    /// The approval gate's exchanges, in order (empty where the phase had no gate).
    public var owner: [OwnerRecord] = []

    enum CodingKeys: String, CodingKey {
        case phase, lead, rounds, resolution, rationale, owner
        case adoptedRound = "adopted_round"
        case decidedBy = "decided_by"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        phase = try container.decode(Phase.self, forKey: .phase)
        lead = try container.decode(String.self, forKey: .lead)
        rounds = try container.decode([RoundRecord].self, forKey: .rounds)
        resolution = try container.decode(Resolution.self, forKey: .resolution)
        adoptedRound = try container.decode(Int.self, forKey: .adoptedRound)
        decidedBy = try container.decode(String.self, forKey: .decidedBy)
        rationale = try container.decode(String.self, forKey: .rationale)
        owner = try container.decodeIfPresent([OwnerRecord].self, forKey: .owner) ?? []
    }

    /// `owner` only where a gate asked, so that a run without gates encodes as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phase, forKey: .phase)
        try container.encode(lead, forKey: .lead)
        try container.encode(rounds, forKey: .rounds)
        try container.encode(resolution, forKey: .resolution)
        try container.encode(adoptedRound, forKey: .adoptedRound)
        try container.encode(decidedBy, forKey: .decidedBy)
        try container.encode(rationale, forKey: .rationale)
        if !owner.isEmpty { try container.encode(owner, forKey: .owner) }
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

    /// The votes against the adopted proposal, the product owner's last word among them when it
    /// was not an approval of this round.
    public var dissent: [Vote] {
        var votes = adopted.votes.filter { $0.option.dissents }
        if let last = owner.last, last.round == adoptedRound, last.answer.sendsBack {
            votes.append(last.vote(weight: OwnerGates.voteWeight))
        }
        return votes
    }
}
