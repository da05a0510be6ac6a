/// The fourteen members who deliberate for one industry: the standing personas and the
/// industry's consultant, in a stable order used everywhere output is sorted.
public struct Team: Sendable, Hashable {
    /// Ids that name the moderator and the team itself on the bus and in transcripts.
    public static let reservedIDs: Set<String> = ["moderator", "team", OwnerAnswer.voterID]

    public let members: [Persona]
    public let industry: Industry
    /// What the members say to their models (`prompts/`).
    public let prompts: PromptTemplates

    /// Builds the team and checks that every phase has exactly one lead and that there is one
    /// product manager to arbitrate.
    public init(standing: [Persona], industry: Industry, prompts: PromptTemplates) throws {
        self.prompts = prompts
        let members = standing + [industry.consultant]
        var seen = Set<String>()
        for member in members where Self.reservedIDs.contains(member.id) {
            throw ModelError.invalidTeam(problem: "persona id '\(member.id)' is reserved; choose another id")
        }
        for member in members {
            guard seen.insert(member.id).inserted else {
                throw ModelError.invalidTeam(problem: "persona id '\(member.id)' appears twice")
            }
        }
        for phase in Phase.allCases {
            let leads = standing.filter { $0.leads.contains(phase) }
            guard leads.count == 1 else {
                let names = leads.map(\.id).joined(separator: ", ")
                throw ModelError.invalidTeam(
                    problem: leads.isEmpty
                        ? "no persona leads the \(phase.rawValue) phase"
                        : "the \(phase.rawValue) phase has several leads (\(names))"
                )
            }
        }
        let managers = standing.filter { $0.role == .productManager }
        guard managers.count == 1 else {
            throw ModelError.invalidTeam(problem: "the team needs exactly one product_manager, found \(managers.count)")
        }
        self.members = members
        self.industry = industry
    }

    /// The persona that leads `phase`.
    public func lead(of phase: Phase) -> Persona { members.first { $0.leads.contains(phase) }! }

    /// The product manager, who decides when a phase runs out of rounds.
    public var productManager: Persona { members.first { $0.role == .productManager }! }

    /// The member with `id`.
    public func member(_ id: String) -> Persona? { members.first { $0.id == id } }

    /// Position of a member in the team order, used to order concurrent events deterministically.
    public func rank(of id: String) -> Int { members.firstIndex { $0.id == id } ?? members.count }

    /// Everyone but the lead of `phase`.
    public func reviewers(of phase: Phase) -> [Persona] {
        let lead = lead(of: phase)
        return members.filter { $0.id != lead.id }
    }
}
