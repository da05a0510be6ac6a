import GravityModel

/// The structured situation a request is made in. Real models see it rendered into the prompt;
/// the mock model reads it directly. It is not written to transcripts (the prompt is).
public struct TaskContext: Sendable {
    public var team: Team
    public var blueprint: Blueprint
    /// The proposal under review or being revised.
    public var proposal: Proposal?
    /// Votes against the previous round's proposal, for a revision.
    public var dissent: [Vote]
    /// Every round so far, for arbitration.
    public var rounds: [RoundRecord]
    /// In a change run, the change; `blueprint` then holds every section as adopted before it.
    public var change: ChangeRequest?

    public init(
        team: Team, blueprint: Blueprint, proposal: Proposal? = nil, dissent: [Vote] = [], rounds: [RoundRecord] = [],
        change: ChangeRequest? = nil
    ) {
        self.team = team
        self.blueprint = blueprint
        self.proposal = proposal
        self.dissent = dissent
        self.rounds = rounds
        self.change = change
    }

    public var industry: Industry { team.industry }
}
