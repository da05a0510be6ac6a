import GravityModel

/// How the mock model drafts and revises a proposal. The lead knows what the team and the
/// industry will ask for (the candidate facts of the phase). A first draft covers the lead's own
/// concerns and, depending on the seed, leaves out some of the rest; a revision adds back what
/// the dissent named.
struct MockDrafting {
    let seed: UInt64
    let omissionRate: Double

    /// Structural facts a competent lead never gets wrong, so they are never left out.
    /// An architect who forgot to place an entity would leave every later phase without a home
    /// for it, so that is never left out either.
    static let neverOmitted: Set<String> = [
        StructuralFact.acyclicDependencies.rawValue, StructuralFact.passwordsHashed.rawValue,
        StructuralFact.entitiesOwned.rawValue,
    ]

    func answer(_ request: ModelRequest) -> ProposalAnswer {
        let context = request.context
        let phase = request.phase
        let lead = context.team.member(request.persona)
        let candidates = Self.candidates(for: phase, team: context.team)
        let firstDraftOmissions = omissions(phase: phase, industry: context.industry.id, lead: lead, candidates: candidates)
        let omitted: Set<String>
        var addressed: [String] = []
        // A product owner's words at an approval gate, as far as the mock can read them.
        let owner = ownerInstruction(context, phase: phase, candidates: candidates)
        if let previous = context.proposal {
            // A revision keeps what the last round had and adds what the dissent named; only
            // items the first draft left out can still be missing.
            let had = previous.content.facts(given: context.blueprint, industry: context.industry)
            let named = Set(context.dissent.flatMap(\.missing) + (owner?.instruction.facts ?? []))
            let missingBefore = firstDraftOmissions.subtracting(had)
            addressed = Set(candidates).subtracting(had).intersection(named).sorted()
            omitted = missingBefore.subtracting(named)
        } else if context.change != nil, let current = context.blueprint.content(of: phase) {
            // A change revises the section as adopted: what it had stays.
            omitted = firstDraftOmissions.subtracting(current.facts(given: context.blueprint, industry: context.industry))
        } else {
            omitted = firstDraftOmissions
        }
        let builder = MockSections(industry: context.industry, blueprint: context.blueprint, brief: context.blueprint.brief)
        let asked = (owner?.instruction.facts ?? []).filter { Practice(rawValue: $0) != nil && !candidates.contains($0) }
        let previousPractices = context.proposal?.content.practices.filter { !candidates.contains($0) } ?? []
        let practices = candidates.filter { StructuralFact(rawValue: $0) == nil && !omitted.contains($0) }
            + Array(Set(asked + previousPractices)).sorted()
        addressed = Array(Set(addressed + asked).subtracting(previousPractices)).sorted()
        var content = builder.ideal(phase, practices: practices)
        for fact in StructuralFact.facts(of: phase) where omitted.contains(fact.rawValue) {
            content = builder.omitting(fact, from: content)
        }
        var movedEngines: [OwnerInstruction.ServiceEngine] = []
        if case .database(let section) = content {
            // Engines the product owner chose stay chosen in later rounds and in later changes.
            var chosen: [OwnerInstruction.ServiceEngine] = []
            var before = section
            // The section this one revises: the last round's, or in a change the one adopted.
            let revised = context.proposal?.content ?? (context.change != nil ? context.blueprint.content(of: phase) : nil)
            if case .database(let previous) = revised {
                before = previous
                for store in previous.stores where store.engines != section.stores.first(where: { $0.service == store.service })?.engines {
                    if store.engines.local == store.engines.production { chosen.append(.init(service: store.service, engine: store.engines.local)) }
                }
            }
            movedEngines = (owner?.instruction.engines ?? []).filter { choice in
                before.stores.first { $0.service == choice.service }?.engines != .everywhere(choice.engine)
            }
            content = .database(section.applying(chosen + (owner?.instruction.engines ?? [])))
        }
        let round = request.round
        let rationale: String
        if let owner, context.proposal != nil {
            // Said as done only where the revision differs; what the last round already had is said so.
            let acted = OwnerInstruction(facts: owner.instruction.facts.filter(addressed.contains), engines: movedEngines)
            let already = OwnerInstruction(
                facts: owner.instruction.facts.filter { !addressed.contains($0) },
                engines: owner.instruction.engines.filter { !movedEngines.contains($0) }
            )
            if owner.instruction.isEmpty {
                rationale =
                    "Revision \(round - 1): could not act on the product owner's words (\"\(owner.words)\"): they name no fact or practice of the \(phase.rawValue) phase and no service to put on a database; resubmitted for another vote."
            } else if acted.isEmpty {
                rationale = "Revision \(round - 1): round \(round - 1) already does what the product owner asked (\(already.summary)); resubmitted for another vote."
            } else {
                rationale =
                    "Revision \(round - 1): as the product owner asked, \(acted.summary)" + (already.isEmpty ? "." : "; already so: \(already.summary).")
            }
        } else if let change = context.change, round == 1 {
            rationale =
                "The adopted \(phase.rawValue) section with the change '\(change.name)' applied (\(change.summary)); adopts \(practices.count) practices."
        } else if addressed.isEmpty {
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

    /// The product owner's words among the dissent, and what of them the mock can act on.
    func ownerInstruction(_ context: TaskContext, phase: Phase, candidates: [String]) -> (words: String, instruction: OwnerInstruction)? {
        guard let words = context.dissent.first(where: { $0.voter == OwnerAnswer.voterID })?.reason else { return nil }
        let known = Set(candidates + Practice.practices(of: phase).map(\.rawValue) + StructuralFact.facts(of: phase).map(\.rawValue)).sorted()
        let services = context.blueprint.architecture?.services.map(\.name) ?? []
        return (words, OwnerInstruction.read(words, phase: phase, known: known, services: services))
    }

    /// What a first draft of `phase` leaves out: each candidate the lead does not itself check,
    /// with the omission rate's chance, drawn from the seed, the industry, the phase and the fact.
    func omissions(phase: Phase, industry: String, lead: Persona?, candidates: [String]) -> Set<String> {
        let own = Set(lead?.concerns(for: phase).map(\.requires) ?? [])
        return Set(
            candidates.filter { fact in
                guard !own.contains(fact), !Self.neverOmitted.contains(fact) else { return false }
                var random = SeededGenerator(seed: seed, "omit", industry, phase.rawValue, fact)
                return random.unit() < omissionRate
            }
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
