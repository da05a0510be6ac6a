/// One persona's vote on one proposal, with its reason and the facts it found missing.
public struct Vote: Codable, Sendable, Hashable {
    public var voter: String
    public var option: VoteOption
    public var weight: Double
    public var reason: String
    /// Facts the voter found missing (empty when it has no objection).
    public var missing: [String]
    /// The voter could not give a usable vote (its model's answers broke the schema): the vote is
    /// shown with its reason and left out of the tally. Written only when true, so transcripts
    /// without abstentions read as before.
    public var abstained: Bool

    public init(voter: String, option: VoteOption, weight: Double, reason: String, missing: [String] = [], abstained: Bool = false) {
        self.voter = voter
        self.option = option
        self.weight = weight
        self.reason = reason
        self.missing = missing
        self.abstained = abstained
    }

    /// An abstention: neutral in form, counted nowhere.
    public static func abstention(voter: String, weight: Double, reason: String) -> Vote {
        Vote(voter: voter, option: .neutral, weight: weight, reason: reason, abstained: true)
    }

    enum CodingKeys: String, CodingKey { case voter, option, weight, reason, missing, abstained }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        voter = try container.decode(String.self, forKey: .voter)
        option = try container.decode(VoteOption.self, forKey: .option)
        weight = try container.decode(Double.self, forKey: .weight)
        reason = try container.decode(String.self, forKey: .reason)
        missing = try container.decode([String].self, forKey: .missing)
        abstained = try container.decodeIfPresent(Bool.self, forKey: .abstained) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(voter, forKey: .voter)
        try container.encode(option, forKey: .option)
        try container.encode(weight, forKey: .weight)
        try container.encode(reason, forKey: .reason)
        try container.encode(missing, forKey: .missing)
        if abstained { try container.encode(true, forKey: .abstained) }
    }
}
