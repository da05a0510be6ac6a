import GravityModel

/// How one phase went, for summaries.
public struct PhaseSummary: Codable, Sendable, Hashable {
    public var phase: Phase
    public var lead: String
    public var outcome: TallyOutcome
    public var resolution: Resolution
    public var decidedBy: String
    public var rounds: Int
    public var average: Double
    public var support: Double

    enum CodingKeys: String, CodingKey {
        case phase, lead, outcome, resolution, rounds, average, support
        case decidedBy = "decided_by"
    }

    public init(
        phase: Phase,
        lead: String,
        outcome: TallyOutcome,
        resolution: Resolution,
        decidedBy: String,
        rounds: Int,
        average: Double,
        support: Double
    ) {
        self.phase = phase
        self.lead = lead
        self.outcome = outcome
        self.resolution = resolution
        self.decidedBy = decidedBy
        self.rounds = rounds
        self.average = average
        self.support = support
    }

    public init(_ decision: Decision) {
        phase = decision.phase
        lead = decision.lead
        outcome = decision.adopted.tally.outcome
        resolution = decision.resolution
        decidedBy = decision.decidedBy
        rounds = decision.rounds.count
        average = decision.adopted.tally.average
        support = decision.adopted.tally.support
    }
}

/// The deterministic outcome of a run: per-phase results, model usage and the Blueprint digest.
public struct RunSummary: Codable, Sendable, Hashable {
    public var phases: [PhaseSummary]
    public var modelCalls: Int
    public var tokens: TokenUsage
    public var blueprintDigest: String

    enum CodingKeys: String, CodingKey {
        case phases, tokens
        case modelCalls = "model_calls"
        case blueprintDigest = "blueprint_digest"
    }

    public init(phases: [PhaseSummary], modelCalls: Int, tokens: TokenUsage, blueprintDigest: String) {
        self.phases = phases
        self.modelCalls = modelCalls
        self.tokens = tokens
        self.blueprintDigest = blueprintDigest
    }
}
