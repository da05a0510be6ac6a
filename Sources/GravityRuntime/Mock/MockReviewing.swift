import GravityModel

/// How the mock model votes. Gates come first: the industry's compliance items and the
/// structural facts of the phase (a missing table, a public write) are checked by every
/// reviewer, and a gap blocks the proposal. Then the reviewer's own concerns: a missed critical
/// concern is a strong no, a major one a no, a minor one neutral. The seed only colours how
/// enthusiastic a satisfied reviewer is.
struct MockReviewing {
    let seed: UInt64

    func answer(_ request: ModelRequest) -> ReviewAnswer {
        let context = request.context
        guard let proposal = context.proposal, let reviewer = context.team.member(request.persona) else {
            return ReviewAnswer(vote: .neutral, reason: "There was no proposal to review.")
        }
        let facts = proposal.content.facts(given: context.blueprint, industry: context.industry)
        let concerns = reviewer.concerns(for: proposal.phase)
        let unmetConcerns = concerns.filter { !facts.contains($0.requires) }
        let unmetCompliance = context.industry.compliance(for: proposal.phase).filter { !facts.contains($0.requires) }
        let unmetStructure = StructuralFact.facts(of: proposal.phase).filter { !facts.contains($0.rawValue) }
        let missing = Array(Set(unmetConcerns.map(\.requires) + unmetCompliance.map(\.requires) + unmetStructure.map(\.rawValue))).sorted()

        let critical =
            unmetConcerns.contains { $0.severity == .critical } || unmetCompliance.contains { $0.owners.contains(reviewer.role) }
        let blocking = !unmetCompliance.isEmpty || !unmetStructure.isEmpty || unmetConcerns.contains { $0.severity >= .major }
        let ownFacts = Set(unmetConcerns.map(\.requires))
        let problems =
            unmetCompliance.map { "\($0.standard): \($0.text)" }
            + unmetStructure.filter { !ownFacts.contains($0.rawValue) }.map { "Not every part fits: \($0.summary) (\($0.rawValue))." }
            + unmetConcerns.map(\.text)
        if critical {
            return ReviewAnswer(vote: .stronglyDisagree, reason: "Blocking: " + problems.joined(separator: " "), missing: missing)
        }
        if blocking {
            return ReviewAnswer(vote: .disagree, reason: "Missing: " + problems.joined(separator: " "), missing: missing)
        }
        if !unmetConcerns.isEmpty {
            return ReviewAnswer(
                vote: .neutral,
                reason: "Acceptable, with a minor gap: " + problems.joined(separator: " "),
                missing: missing
            )
        }
        var random = SeededGenerator(seed: seed, "review", request.persona, proposal.phase.rawValue, String(proposal.round))
        if !concerns.isEmpty {
            let checked = concerns.count == 1 ? "the one item" : "all \(concerns.count) items"
            let enthusiastic = random.unit() < 0.5
            return ReviewAnswer(
                vote: enthusiastic ? .stronglyAgree : .agree,
                reason: "Meets \(checked) on my \(reviewer.role.title.lowercased()) checklist for this phase."
            )
        }
        let indifferent = random.unit() < 0.15
        return indifferent
            ? ReviewAnswer(vote: .neutral, reason: "Outside my expertise; no objection.")
            : ReviewAnswer(
                vote: .agree,
                reason: "Nothing on my checklist for this phase; the proposal is consistent with earlier decisions."
            )
    }
}
