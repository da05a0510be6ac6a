import GravityModel

/// How the mock model drafts and revises a proposal. The lead knows what the team and the
/// industry will ask for (the candidate facts of the phase). A first draft covers the lead's own
/// concerns and, depending on the seed, leaves out some of the rest; a revision adds back what
/// the dissent named.
struct MockDrafting {
    let seed: UInt64
    let omissionRate: Double

    /// Structural facts a competent lead never gets wrong, so they are never left out.
    static let neverOmitted: Set<String> = [
        StructuralFact.acyclicDependencies.rawValue, StructuralFact.passwordsHashed.rawValue,
    ]

    func answer(_ request: ModelRequest) -> ProposalAnswer {
        let context = request.context
        let phase = request.phase
        let lead = context.team.member(request.persona)
        let candidates = Self.candidates(for: phase, team: context.team)
        let omitted: Set<String>
        var addressed: [String] = []
        if let previous = context.proposal {
            let had = previous.content.facts(given: context.blueprint, industry: context.industry)
            let named = Set(context.dissent.flatMap(\.missing))
            let missingBefore = Set(candidates).subtracting(had)
            addressed = missingBefore.intersection(named).sorted()
            omitted = missingBefore.subtracting(named)
        } else {
            let own = Set(lead?.concerns(for: phase).map(\.requires) ?? [])
            omitted = Set(
                candidates.filter { fact in
                    guard !own.contains(fact), !Self.neverOmitted.contains(fact) else { return false }
                    var random = SeededGenerator(seed: seed, "omit", phase.rawValue, fact)
                    return random.unit() < omissionRate
                }
            )
        }
        let builder = MockSections(industry: context.industry, blueprint: context.blueprint, brief: context.blueprint.brief)
        let practices = candidates.filter { StructuralFact(rawValue: $0) == nil && !omitted.contains($0) }
        var content = builder.ideal(phase, practices: practices)
        for fact in StructuralFact.facts(of: phase) where omitted.contains(fact.rawValue) {
            content = builder.omitting(fact, from: content)
        }
        let round = request.round
        let rationale: String
        if addressed.isEmpty {
            rationale =
                round == 1
                ? "Draft built from the \(context.industry.name) domain model and the decisions so far; adopts \(practices.count) practices."
                : "Revision \(round - 1): no dissent named a fact this proposal lacks; resubmitted unchanged for another vote."
        } else {
            rationale = "Revision \(round - 1): adds \(addressed.joined(separator: ", ")) as the dissent asked."
        }
        return ProposalAnswer(
            content: content,
            rationale: rationale,
            addressed: addressed,
            selfVote: ReviewAnswer(vote: .stronglyAgree, reason: "I drafted this to meet my checklist for the \(phase.rawValue) phase.")
        )
    }

    /// Every fact the team's concerns and the industry's compliance items require in `phase`.
    static func candidates(for phase: Phase, team: Team) -> [String] {
        let required =
            team.members.flatMap { $0.concerns(for: phase).map(\.requires) }
            + team.industry.compliance(for: phase).map(\.requires)
        return Array(Set(required.filter { $0.hasPrefix(phase.rawValue + ".") })).sorted()
    }
}
