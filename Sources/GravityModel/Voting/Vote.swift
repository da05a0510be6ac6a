/// One persona's vote on one proposal, with its reason and the facts it found missing.
public struct Vote: Codable, Sendable, Hashable {
    public var voter: String
    public var option: VoteOption
    public var weight: Double
    public var reason: String
    /// Facts the voter found missing (empty when it has no objection).
    public var missing: [String]

    public init(voter: String, option: VoteOption, weight: Double, reason: String, missing: [String] = []) {
        self.voter = voter
        self.option = option
        self.weight = weight
        self.reason = reason
        self.missing = missing
    }
}
