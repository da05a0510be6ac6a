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

    enum CodingKeys: String, CodingKey {
        case average, outcome, support, voters, counts
        case totalWeight = "total_weight"
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
