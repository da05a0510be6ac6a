/// The weighted result of one round of votes.
public struct WeightedTally: Codable, Sendable, Hashable {
    /// sum(value * weight) / sum(weight); 0 when nobody voted.
    public var average: Double
    public var outcome: TallyOutcome
    /// Percentage of the total weight that voted agree or strongly agree.
    public var support: Double
    public var voters: Int
    public var totalWeight: Double
    /// How many votes each option received.
    public var counts: [String: Int]
    /// The structural facts the proposal breaks (the moderator's gates, whatever the votes say):
    /// with any, the round cannot be adopted.
    public var brokenGates: [String] = []

    /// Whether the round's proposal can be adopted: approved by the votes and breaking no gate.
    public var isAdoptable: Bool { outcome.isApproved && brokenGates.isEmpty }

    enum CodingKeys: String, CodingKey {
        case average, outcome, support, voters, counts
        case totalWeight = "total_weight"
        case brokenGates = "broken_gates"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        average = try container.decode(Double.self, forKey: .average)
        outcome = try container.decode(TallyOutcome.self, forKey: .outcome)
        support = try container.decode(Double.self, forKey: .support)
        voters = try container.decode(Int.self, forKey: .voters)
        totalWeight = try container.decode(Double.self, forKey: .totalWeight)
        counts = try container.decode([String: Int].self, forKey: .counts)
        brokenGates = try container.decodeIfPresent([String].self, forKey: .brokenGates) ?? []
    }

    /// Written only when a gate is broken, so that a round without (every round before the
    /// moderator checked) reads the same as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(average, forKey: .average)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(support, forKey: .support)
        try container.encode(voters, forKey: .voters)
        try container.encode(totalWeight, forKey: .totalWeight)
        try container.encode(counts, forKey: .counts)
        if !brokenGates.isEmpty { try container.encode(brokenGates, forKey: .brokenGates) }
    }

    /// Tallies `votes` with DESIGN.md's rules; abstentions count nowhere.
    public init(votes all: [Vote]) {
        let votes = all.filter { !$0.abstained }
        let totalWeight = votes.reduce(0) { $0 + $1.weight }
        let weightedSum = votes.reduce(0) { $0 + Double($1.option.value) * $1.weight }
        let supportingWeight = votes.filter { $0.option.supports }.reduce(0) { $0 + $1.weight }
        let average = totalWeight > 0 ? weightedSum / totalWeight : 0
        self.average = Self.rounded(average)
        self.outcome = totalWeight > 0 ? TallyOutcome(average: average) : .noConsensus
        self.support = totalWeight > 0 ? Self.rounded(100 * supportingWeight / totalWeight) : 0
        self.voters = votes.count
        self.totalWeight = Self.rounded(totalWeight)
        var counts: [String: Int] = [:]
        for vote in votes { counts[vote.option.rawValue, default: 0] += 1 }
        self.counts = counts
    }

    // Stored figures are rounded so transcripts carry short, stable decimals; the outcome
    // is decided on the unrounded average.
    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
