import GravityModel

/// The parts of a transcript event that verification and replay need, decoded without the
/// prompts and proposal bodies that make up most of a transcript's bytes.
public struct EventSkeleton: Decodable, Sendable, Hashable {
    /// A model exchange without its prompt.
    public struct Call: Decodable, Sendable, Hashable {
        public var persona: String
        public var phase: Phase
        public var requestHash: String
        public var response: String
        public var usage: TokenUsage

        enum CodingKeys: String, CodingKey {
            case persona, phase, response, usage
            case requestHash = "request_hash"
        }
    }

    public var seq: Int
    public var type: TranscriptEvent.Kind
    public var phase: Phase?
    public var round: Int?
    public var call: Call?
    public var vote: Vote?
    public var tally: WeightedTally?
    public var decision: DecisionRecord?
    public var summary: RunSummary?
    public var headerDigest: String?
    public var owner: OwnerAnswer?

    enum CodingKeys: String, CodingKey {
        case seq, type, phase, round, call, vote, tally, decision, summary, owner
        case headerDigest = "header_sha256"
    }

    /// Decodes only what the event's type carries: each field asked for costs the decoder a generic
    /// lookup even when the key is absent, and most events carry one of the five.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int.self, forKey: .seq)
        type = try container.decode(TranscriptEvent.Kind.self, forKey: .type)
        phase = try container.decodeIfPresent(Phase.self, forKey: .phase)
        round = try container.decodeIfPresent(Int.self, forKey: .round)
        switch type {
        case .modelCall: call = try container.decodeIfPresent(Call.self, forKey: .call)
        case .vote: vote = try container.decodeIfPresent(Vote.self, forKey: .vote)
        case .tally: tally = try container.decodeIfPresent(WeightedTally.self, forKey: .tally)
        case .decision: decision = try container.decodeIfPresent(DecisionRecord.self, forKey: .decision)
        case .runEnd:
            summary = try container.decodeIfPresent(RunSummary.self, forKey: .summary)
            headerDigest = try container.decodeIfPresent(String.self, forKey: .headerDigest)
        case .ownerAnswer: owner = try container.decodeIfPresent(OwnerAnswer.self, forKey: .owner)
        case .phaseStart, .proposal, .arbitration, .phaseEnd, .phaseKept, .artifact, .ownerAsked: break
        }
    }

    /// The skeleton of a fully decoded event.
    public init(_ event: TranscriptEvent) {
        seq = event.seq
        type = event.type
        phase = event.phase
        round = event.round
        call = event.call.map {
            Call(persona: $0.persona, phase: $0.phase, requestHash: $0.requestHash, response: $0.response, usage: $0.usage)
        }
        vote = event.vote
        tally = event.tally
        decision = event.decision
        summary = event.summary
        headerDigest = event.headerDigest
        owner = event.owner
    }
}
