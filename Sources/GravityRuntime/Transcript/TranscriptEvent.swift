import GravityModel

/// One line of a transcript after the header. `type` says which of the optional bodies is set.
public struct TranscriptEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        case phaseStart = "phase_start"
        case modelCall = "model_call"
        case proposal
        case vote
        case tally
        case arbitration
        case decision
        case phaseEnd = "phase_end"
        /// A change run's phase that keeps the parent's decision (`reason` says why).
        case phaseKept = "phase_kept"
        case artifact
        case runEnd = "run_end"
        /// An approval gate asks the product owner about the phase's decided round (`round`).
        case ownerAsked = "owner_asked"
        /// The product owner's answer at that gate (`owner`).
        case ownerAnswer = "owner_answer"
    }

    public var seq: Int
    public var type: Kind
    public var phase: Phase?
    public var round: Int?
    public var persona: String?
    public var call: ModelExchange?
    public var proposal: Proposal?
    public var vote: Vote?
    public var tally: WeightedTally?
    public var arbitration: ArbitrationAnswer?
    public var decision: DecisionRecord?
    public var artifact: ArtifactDigest?
    public var summary: RunSummary?
    /// On run_end: the SHA-256 of the header line, so that an edited header fails verification even
    /// where the answers cannot be recomputed (a real model's run).
    public var headerDigest: String?
    /// On phase_kept: why the decision stands.
    public var reason: String?
    /// On owner_answer: what the person said.
    public var owner: OwnerAnswer?

    enum CodingKeys: String, CodingKey {
        case seq, type, phase, round, persona, call, proposal, vote, tally, arbitration, decision, artifact, summary, reason, owner
        case headerDigest = "header_sha256"
    }

    public init(seq: Int, type: Kind, phase: Phase? = nil, round: Int? = nil, persona: String? = nil) {
        self.seq = seq
        self.type = type
        self.phase = phase
        self.round = round
        self.persona = persona
    }
}

/// A decision as the transcript records it: the rounds are already in the events before it.
public struct DecisionRecord: Codable, Sendable, Hashable {
    public var resolution: Resolution
    public var adoptedRound: Int
    public var decidedBy: String
    public var outcome: TallyOutcome
    public var rationale: String
    public var dissent: [String]

    enum CodingKeys: String, CodingKey {
        case resolution, outcome, rationale, dissent
        case adoptedRound = "adopted_round"
        case decidedBy = "decided_by"
    }

    public init(_ decision: Decision) {
        resolution = decision.resolution
        adoptedRound = decision.adoptedRound
        decidedBy = decision.decidedBy
        outcome = decision.adopted.tally.outcome
        rationale = decision.rationale
        dissent = decision.dissent.map(\.voter)
    }
}
