/// A reviewer's answer to a proposal, with the value DESIGN.md gives it.
public enum VoteOption: String, Codable, Sendable, CaseIterable {
    case stronglyAgree = "strongly_agree"
    case agree
    case neutral
    case disagree
    case stronglyDisagree = "strongly_disagree"

    /// +2, +1, 0, -1, -2.
    public var value: Int {
        switch self {
        case .stronglyAgree: 2
        case .agree: 1
        case .neutral: 0
        case .disagree: -1
        case .stronglyDisagree: -2
        }
    }

    /// Whether the vote counts towards weighted support.
    public var supports: Bool { value > 0 }

    /// Whether the vote is a dissent the lead must address when revising.
    public var dissents: Bool { value < 0 }
}
