import GravityModel

extension Moderator {
    /// The approval gate of a phase: the person sees the decision and approves it, or sends it
    /// back. A rejection or an amendment is the product owner's dissent: the lead revises with it
    /// (beyond `--max-rounds` if need be) and the team reviews the revision. With `override` the
    /// revision is adopted on the owner's word unless it breaks a structural fact; with `vote` the
    /// owner's answer is one weighted vote on the decided round, and the revision is adopted only
    /// when the team's vote carries it. The gate asks again about each new decision; after
    /// `OwnerGates.revisionsPerPhase` revisions a rejection is recorded and the decision stands.
    mutating func gate(_ first: Decision, owner: OwnerSeat, blueprint: Blueprint) async throws -> Decision {
        var decision = first
        var revisions = 0
        while true {
            let adopted = decision.adopted
            gatesAsked += 1
            let question = GateQuestion(
                phase: decision.phase, round: decision.adoptedRound, asked: decision.owner.count + 1, index: gatesAsked, proposal: adopted.proposal,
                tally: adopted.tally, decidedBy: decision.decidedBy, dissent: decision.dissent,
                canRevise: revisions < OwnerGates.revisionsPerPhase
            )
            await bus.publish(.ownerAsked(phase: decision.phase, round: decision.adoptedRound), from: Self.id)
            let answer = try await owner.gate.answer(question)
            await bus.publish(.ownerAnswered(phase: decision.phase, round: decision.adoptedRound, answer: answer), from: OwnerAnswer.voterID)
            let record = OwnerRecord(round: decision.adoptedRound, answer: answer)
            decision.owner.append(record)
            guard answer.sendsBack, revisions < OwnerGates.revisionsPerPhase else { return decision }
            revisions += 1
            decision = try await revise(decision, after: record, mode: owner.gates.mode, blueprint: blueprint)
        }
    }

    /// One more round of the phase, with the product owner's words first among the dissent.
    private mutating func revise(_ decision: Decision, after record: OwnerRecord, mode: OwnerMode, blueprint: Blueprint) async throws -> Decision {
        let adopted = decision.adopted
        let ownerVote = record.vote(weight: OwnerGates.voteWeight)
        let dissent = [ownerVote] + adopted.votes.filter { $0.option.dissents }
        let revision = try await round(
            decision.rounds.count + 1, of: decision.phase, lead: decision.lead, previous: adopted.proposal, dissent: dissent, blueprint: blueprint
        )
        let rounds = decision.rounds + [revision]
        let said = "The product owner answered round \(adopted.round) with \(record.answer.label)."
        var next: Decision
        if revision.tally.isAdoptable {
            next = Decision(
                phase: decision.phase, lead: decision.lead, rounds: rounds, resolution: .approved, adoptedRound: revision.round, decidedBy: "team",
                rationale: "\(said) Its revision, round \(revision.round), is \(revision.tally.outcome.label) by the team's vote."
            )
        } else if mode == .override, revision.tally.brokenGates.isEmpty, brokenGates(of: revision.proposal, given: blueprint).isEmpty {
            next = Decision(
                phase: decision.phase, lead: decision.lead, rounds: rounds, resolution: .productOwnerDecision, adoptedRound: revision.round,
                decidedBy: OwnerAnswer.voterID,
                rationale: "\(said) Its revision, round \(revision.round), is adopted on the owner's word; the team's vote on it was \(revision.tally.outcome.label)."
            )
        } else if mode == .vote, Self.recounted(adopted, with: ownerVote).isAdoptable {
            // Outweighed: the decided round stands, the owner's dissent on record.
            next = decision
            next.rationale = "\(said) Counted as a weighted vote it does not carry: round \(adopted.round) stands, and its revision, round \(revision.round), was \(revision.tally.outcome.label)."
            next.rounds = rounds
        } else if mode == .vote {
            // The owner's vote carried against the decided round and the team's did not carry the
            // revision: the product manager decides among the rounds, the defeated one left out.
            next = try await arbitrate(decision.phase, lead: decision.lead, rounds: rounds, blueprint: blueprint, excluding: [adopted.round])
            next.rationale = "\(said) Counted as a weighted vote it carries against round \(adopted.round), and the team's vote did not carry the revision, round \(revision.round): the product manager decides without round \(adopted.round). " + next.rationale
        } else {
            next = decision
            next.rounds = rounds
            next.rationale = "\(said) Its revision, round \(revision.round), breaks a structural fact, so round \(adopted.round) stands."
        }
        next.owner = decision.owner
        return next
    }

    /// `round`'s tally with the product owner's vote among the team's.
    static func recounted(_ round: RoundRecord, with vote: Vote) -> WeightedTally {
        var tally = WeightedTally(votes: round.votes + [vote])
        tally.brokenGates = round.tally.brokenGates
        return tally
    }
}
