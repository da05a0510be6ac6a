import GravityModel

/// Runs the phases: asks the lead for proposals, gathers the reviews, tallies, asks for
/// revisions and, when rounds run out, for the product manager's decision.
struct Moderator {
    static let id = "moderator"

    let configuration: SessionConfiguration
    let bus: MessageBus
    private var messages: Inbox.AsyncIterator
    private var modelCalls = 0
    private var tokens = TokenUsage.zero
    /// The latest draft ahead asked for: its id, phase and the Blueprint it assumed.
    private var ahead: (id: Int, phase: Phase, blueprint: Blueprint)?
    private var draftsAhead: [Int: PreparedProposal?] = [:]
    /// Approval gates asked so far in the run.
    var gatesAsked = 0

    init(configuration: SessionConfiguration, bus: MessageBus, inbox: Inbox) {
        self.configuration = configuration
        self.bus = bus
        self.messages = inbox.makeAsyncIterator()
    }

    var team: Team { configuration.team }

    mutating func run(producing produce: ArtifactProducer?) async throws -> (Blueprint, [Decision], [ArtifactDigest], RunSummary) {
        await bus.publish(.sessionStarted(configuration.header), from: Self.id)
        // A change starts from the application as it is; a first run from nothing.
        var blueprint = configuration.change?.blueprint ?? Blueprint(industry: team.industry.id, brief: configuration.brief)
        var decisions: [Decision] = []
        for phase in Phase.allCases {
            if let change = configuration.change, let kept = change.kept(phase) {
                let reason = "the change '\(change.change.name)' does not touch the \(phase.rawValue) section, so its decision stands"
                await bus.publish(.phaseKept(phase: phase, reason: reason), from: Self.id)
                decisions.append(kept)
                continue
            }
            let decision = try await deliberate(phase, blueprint: blueprint)
            blueprint.apply(decision.adopted.proposal.content)
            decisions.append(decision)
            await bus.publish(.phaseEnded(phase: phase), from: Self.id)
        }
        let artifacts = try await produce?(blueprint, decisions).sorted { $0.path < $1.path } ?? []
        for artifact in artifacts { await bus.publish(.artifactWritten(artifact), from: Self.id) }
        let summary = RunSummary(
            // A change run sums up the phases it deliberated.
            phases: decisions.filter { configuration.change?.kept($0.phase) == nil }.map(PhaseSummary.init),
            modelCalls: modelCalls,
            tokens: tokens,
            blueprintDigest: try BlueprintDigest.of(blueprint)
        )
        await bus.publish(.sessionEnded(summary), from: Self.id)
        return (blueprint, decisions, artifacts, summary)
    }

    private mutating func deliberate(_ phase: Phase, blueprint: Blueprint) async throws -> Decision {
        var decision = try await teamDecision(phase, blueprint: blueprint)
        if let owner = configuration.owner, owner.gates.phases.contains(phase) {
            decision = try await gate(decision, owner: owner, blueprint: blueprint)
        }
        await bus.publish(.decided(decision), from: Self.id)
        return decision
    }

    /// The phase's decision as the team (or, when rounds run out, the product manager) makes it.
    private mutating func teamDecision(_ phase: Phase, blueprint: Blueprint) async throws -> Decision {
        let lead = team.lead(of: phase)
        await bus.publish(.phaseStarted(phase: phase, lead: lead.id), from: Self.id)
        var rounds: [RoundRecord] = []
        var previous: Proposal?
        var dissent: [Vote] = []
        for round in 1...configuration.maxRounds {
            let record = try await self.round(round, of: phase, lead: lead.id, previous: previous, dissent: dissent, blueprint: blueprint)
            rounds.append(record)
            if record.tally.isAdoptable {
                let tally = record.tally
                let decision = Decision(
                    phase: phase,
                    lead: lead.id,
                    rounds: rounds,
                    resolution: .approved,
                    adoptedRound: round,
                    decidedBy: "team",
                    rationale:
                        "\(tally.outcome.label.capitalizedFirst) in round \(round) with weighted average \(tally.average) and \(tally.support)% support."
                )
                return decision
            }
            previous = record.proposal
            dissent = record.votes.filter { $0.option.dissents } + moderatorDissent(record.tally.brokenGates)
        }
        return try await arbitrate(phase, lead: lead.id, rounds: rounds, blueprint: blueprint)
    }

    /// The product manager's decision among `rounds`, none of which the team's vote adopted.
    /// - Parameter excluding: rounds the manager may not adopt (one the product owner's weighted
    ///   vote defeated at an approval gate).
    mutating func arbitrate(_ phase: Phase, lead: String, rounds: [RoundRecord], blueprint: Blueprint, excluding: Set<Int> = []) async throws -> Decision {
        var rounds = rounds
        let manager = team.productManager
        let arbitrationContext = TaskContext(team: team, blueprint: blueprint, rounds: rounds, change: configuration.change?.change)
        await bus.publish(.arbitrationRequested(phase: phase, context: arbitrationContext), from: Self.id, to: .member(manager.id))
        let answer = try await receiveArbitration()
        // The product manager adopts only a proposal that breaks no gate: a pick that breaks one gives
        // way to the latest round that breaks none; with none, the lead repairs the pick once, and
        // that repair is adopted if it breaks nothing.
        let broken = Dictionary(uniqueKeysWithValues: rounds.map { ($0.round, brokenGates(of: $0.proposal, given: blueprint)) })
        let open = rounds.filter { !excluding.contains($0.round) }
        let chosen = open.first { $0.round == answer.adoptRound } ?? open.last ?? rounds[rounds.count - 1]
        var adopted = broken[chosen.round]?.isEmpty == true ? chosen : open.last { broken[$0.round]?.isEmpty == true }
        var rationale = answer.rationale
        if let stand = adopted, stand.round != chosen.round {
            rationale =
                "Round \(stand.round), the latest that breaks no gate (round \(chosen.round) breaks \(broken[chosen.round, default: []].joined(separator: ", "))). \(answer.rationale)"
        }
        if adopted == nil {
            let gates = broken[chosen.round, default: []]
            let repair = try await round(
                rounds.count + 1, of: phase, lead: lead, previous: chosen.proposal, dissent: moderatorDissent(gates), blueprint: blueprint
            )
            rounds.append(repair)
            let left = brokenGates(of: repair.proposal, given: blueprint)
            if left.isEmpty {
                adopted = repair
                rationale =
                    "Round \(chosen.round) breaks \(gates.joined(separator: ", ")); its repair, round \(repair.round), breaks no gate and is adopted. \(answer.rationale)"
            } else {
                // The last resort: the moderator completes the repair from the decisions and the industry.
                let completion = try await completionRound(rounds.count + 1, of: repair.proposal, breaking: left, blueprint: blueprint)
                rounds.append(completion)
                adopted = completion
                rationale =
                    "Round \(chosen.round) breaks \(gates.joined(separator: ", ")) and its repair, round \(repair.round), still breaks \(left.joined(separator: ", ")); "
                    + "the moderator's completion of the repair, round \(completion.round), breaks none and is adopted. \(answer.rationale)"
            }
        }
        return Decision(
            phase: phase,
            lead: lead,
            rounds: rounds,
            resolution: .productManagerDecision,
            adoptedRound: adopted?.round ?? chosen.round,
            decidedBy: manager.id,
            rationale: rationale
        )
    }

    /// One round of `phase`: the lead's proposal (a draft made ahead, in round 1, when there is one),
    /// the reviews and the tally. The gates hold whatever the votes say: an approved proposal that
    /// breaks a structural fact is recorded as such and not adopted. (Reviewers who see the breach
    /// vote it down themselves; the moderator steps in only where they did not.)
    mutating func round(
        _ round: Int, of phase: Phase, lead: String, previous: Proposal?, dissent: [Vote], blueprint: Blueprint
    ) async throws -> RoundRecord {
        let reviewers = team.reviewers(of: phase).map(\.id)
        if round == 1, let draft = try await adoptableDraft(for: phase, blueprint: blueprint) {
            await bus.publish(.draftAdopted(draft), from: Self.id, to: .member(lead))
        } else {
            let draftContext = TaskContext(team: team, blueprint: blueprint, proposal: previous, dissent: dissent, change: configuration.change?.change)
            await bus.publish(.proposalRequested(phase: phase, round: round, context: draftContext), from: Self.id, to: .member(lead))
        }
        let (proposal, leadVote) = try await receiveProposal(from: lead)
        // Asked before the reviews, so that the next lead starts drafting before it turns to its review.
        await requestDraftAhead(after: phase, assuming: proposal, blueprint: blueprint)
        return try await review(proposal, round: round, by: reviewers, besides: [leadVote], blueprint: blueprint)
    }

    /// `proposal` reviewed by `reviewers`, tallied with `votes` already cast (the lead's own); an
    /// approved proposal that breaks a structural fact is recorded as such.
    private mutating func review(
        _ proposal: Proposal, round: Int, by reviewers: [String], besides cast: [Vote], blueprint: Blueprint
    ) async throws -> RoundRecord {
        await bus.publish(
            .reviewRequested(
                proposal: proposal, proposalJSON: try CanonicalJSON.string(proposal.content),
                context: TaskContext(team: team, blueprint: blueprint, proposal: proposal, change: configuration.change?.change)
            ),
            from: Self.id,
            to: .group(reviewers)
        )
        var votes = cast + (try await receiveVotes(count: reviewers.count))
        votes.sort { team.rank(of: $0.voter) < team.rank(of: $1.voter) }
        var tally = WeightedTally(votes: votes)
        if tally.outcome.isApproved { tally.brokenGates = brokenGates(of: proposal, given: blueprint) }
        await bus.publish(.tallied(phase: proposal.phase, round: round, tally: tally), from: Self.id)
        return RoundRecord(round: round, proposal: proposal, votes: votes, tally: tally)
    }

    /// The moderator's completion of `proposal` (`ProposalContent.completed`), reviewed by the whole
    /// team so that its dissent is on record; it is adopted whatever the tally, as it breaks no gate.
    /// Where nothing can stand in, the run stops naming the field; the transcript can be resumed.
    private mutating func completionRound(_ round: Int, of proposal: Proposal, breaking gates: [String], blueprint: Blueprint) async throws -> RoundRecord {
        let content: ProposalContent
        do {
            content = try proposal.content.completed(given: blueprint, industry: team.industry)
        } catch {
            throw RuntimeError.invalidAnswer(
                persona: proposal.author,
                phase: proposal.phase.rawValue,
                problem: "no proposal can be adopted: \(error.description), and round \(proposal.round) breaks \(gates.joined(separator: ", ")); the transcript can be resumed"
            )
        }
        let completed = Proposal(
            phase: proposal.phase,
            author: Self.id,
            round: round,
            content: content,
            rationale: "Round \(proposal.round) completed by the moderator where it broke \(gates.joined(separator: ", ")), from the decisions so far and the industry.",
            addressed: gates
        )
        await bus.publish(.proposed(completed), from: Self.id)
        return try await review(completed, round: round, by: team.members.map(\.id), besides: [], blueprint: blueprint)
    }

    /// The moderator's dissent over broken gates, for the lead's revision (no weight in any tally).
    private func moderatorDissent(_ gates: [String]) -> [Vote] {
        guard !gates.isEmpty else { return [] }
        let reason = "The proposal breaks \(gates.joined(separator: ", ")), so it cannot be adopted whatever the votes."
        return [Vote(voter: Self.id, option: .stronglyDisagree, weight: 0, reason: reason, missing: gates)]
    }

    /// The structural facts of its phase that `proposal` breaks, given the decisions so far.
    func brokenGates(of proposal: Proposal, given blueprint: Blueprint) -> [String] {
        proposal.content.brokenFacts(given: blueprint, industry: team.industry).map(\.rawValue)
    }

    /// While the reviews run, asks the next phase's lead to draft as if this proposal were adopted.
    /// Only when a request slot is free beside the reviews, so that it never delays them.
    private mutating func requestDraftAhead(after phase: Phase, assuming proposal: Proposal, blueprint: Blueprint) async {
        guard configuration.draftAhead, configuration.concurrency > team.reviewers(of: phase).count,
            let next = Phase.allCases.first(where: { $0 > phase && configuration.change?.kept($0) == nil })
        else { return }
        let assumed = blueprint.applying(proposal.content)
        // An unchanged resubmission assumes the same decisions: the draft already asked for serves.
        if let ahead, ahead.phase == next, ahead.blueprint == assumed { return }
        let id = (ahead?.id ?? 0) + 1
        ahead = (id, next, assumed)
        await bus.publish(
            .draftRequested(id: id, phase: next, context: TaskContext(team: team, blueprint: assumed, change: configuration.change?.change)),
            from: Self.id,
            to: .member(team.lead(of: next).id)
        )
    }

    /// The draft ahead for `phase`, if one was made for exactly these decisions.
    private mutating func adoptableDraft(for phase: Phase, blueprint: Blueprint) async throws -> PreparedProposal? {
        guard let ahead, ahead.phase == phase, ahead.blueprint == blueprint else { return nil }
        while draftsAhead[ahead.id] == nil {
            _ = try await nextMessage()
        }
        let draft = draftsAhead[ahead.id] ?? nil
        draftsAhead.removeAll()
        return draft
    }

    private mutating func receiveProposal(from lead: String) async throws -> (Proposal, Vote) {
        var proposal: Proposal?
        while true {
            switch try await next() {
            case .proposed(let received) where received.author == lead: proposal = received
            case .voted(_, _, let vote) where vote.voter == lead:
                guard let proposal else { throw RuntimeError.personaFailed(persona: lead, problem: "voted before proposing") }
                return (proposal, vote)
            default: continue
            }
        }
    }

    private mutating func receiveVotes(count: Int) async throws -> [Vote] {
        var votes: [Vote] = []
        while votes.count < count {
            if case .voted(_, _, let vote) = try await next() { votes.append(vote) }
        }
        return votes
    }

    private mutating func receiveArbitration() async throws -> ArbitrationAnswer {
        while true {
            if case .arbitrated(_, let answer) = try await next() { return answer }
        }
    }

    /// The next message for the moderator; accounts for model usage, keeps drafts ahead aside,
    /// and surfaces failures.
    private mutating func next() async throws -> BusMessage {
        while true {
            if let message = try await nextMessage() { return message }
        }
    }

    /// Reads one message; returns nil for a draft-ahead answer, which is kept in `draftsAhead`.
    private mutating func nextMessage() async throws -> BusMessage? {
        guard let envelope = await messages.next() else {
            throw RuntimeError.personaFailed(persona: Self.id, problem: "the bus closed during the session")
        }
        try Task.checkCancellation()
        switch envelope.message {
        case .failed(let persona, let problem):
            throw RuntimeError.personaFailed(persona: persona, problem: problem)
        case .modelExchanged(let exchange):
            modelCalls += 1
            tokens = tokens + exchange.usage
        case .draftReady(let id, let draft):
            // Only the latest draft ahead can still be adopted; earlier ones are dropped on arrival.
            if id == ahead?.id { draftsAhead[id] = .some(draft) }
            return nil
        case .draftFailed(let id):
            if id == ahead?.id { draftsAhead[id] = .some(nil) }
            return nil
        default:
            break
        }
        return envelope.message
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension MessageBus {
    /// The moderator's id on the bus (and in transcripts): who asks for reviews and announces decisions.
    public static let moderatorID = Moderator.id
}
