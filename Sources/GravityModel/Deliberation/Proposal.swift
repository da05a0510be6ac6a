/// A lead's proposal for a phase in one round.
public struct Proposal: Codable, Sendable, Hashable {
    public var phase: Phase
    public var author: String
    public var round: Int
    public var content: ProposalContent
    public var rationale: String
    /// Facts a revision added in answer to dissent (empty for a first draft).
    public var addressed: [String]

    public init(phase: Phase, author: String, round: Int, content: ProposalContent, rationale: String, addressed: [String] = []) {
        self.phase = phase
        self.author = author
        self.round = round
        self.content = content
        self.rationale = rationale
        self.addressed = addressed
    }
}
