import Foundation
import GravityModel

/// A team member as an actor: it reads its inbox, asks its model, and answers on the bus.
public actor PersonaAgent {
    public let persona: Persona
    private let bus: MessageBus
    private let model: any LanguageModel
    private let limiter: ConcurrencyLimiter
    private let prompts: PromptBuilder
    private let system: String
    private let inbox: Inbox

    /// Subscribes the persona to `bus`.
    public init(
        persona: Persona,
        industry: Industry,
        prompts: PromptTemplates,
        bus: MessageBus,
        model: any LanguageModel,
        limiter: ConcurrencyLimiter
    ) async {
        self.persona = persona
        self.bus = bus
        self.model = model
        self.limiter = limiter
        self.prompts = PromptBuilder(templates: prompts)
        self.system = self.prompts.system(for: persona, industry: industry)
        self.inbox = await bus.subscribe(persona.id)
    }

    /// Handles messages one at a time until the bus closes; a draft ahead runs alongside, so
    /// that the persona can review the current phase while it drafts the next.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await envelope in inbox {
                if case .draftRequested(let id, let phase, let context) = envelope.message {
                    group.addTask { await self.draftAhead(id: id, phase: phase, context: context) }
                    continue
                }
                do {
                    try await handle(envelope.message)
                } catch {
                    await bus.publish(.failed(persona: persona.id, problem: "\(error)"), from: persona.id, to: .member(Moderator.id))
                }
            }
        }
    }

    private func handle(_ message: BusMessage) async throws {
        switch message {
        case .proposalRequested(let phase, let round, let context):
            await publish(try await prepare(phase: phase, round: round, context: context))
        case .draftAdopted(let draft):
            await publish(draft)
        case .reviewRequested(let proposal, let proposalJSON, let context):
            try await review(proposal, proposalJSON: proposalJSON, context: context)
        case .arbitrationRequested(let phase, let context):
            try await arbitrate(phase: phase, context: context)
        default:
            break
        }
    }

    private func draftAhead(id: Int, phase: Phase, context: TaskContext) async {
        do {
            let draft = try await prepare(phase: phase, round: 1, context: context)
            await bus.publish(.draftReady(id: id, draft: draft), from: persona.id, to: .member(Moderator.id))
        } catch {
            await bus.publish(.draftFailed(id: id), from: persona.id, to: .member(Moderator.id))
        }
    }

    private func publish(_ prepared: PreparedProposal) async {
        for exchange in prepared.exchanges {
            await bus.publish(.modelExchanged(exchange), from: persona.id, to: .member(Moderator.id))
        }
        await bus.publish(.proposed(prepared.proposal), from: persona.id)
        await bus.publish(
            .voted(phase: prepared.proposal.phase, round: prepared.proposal.round, vote: prepared.leadVote),
            from: persona.id,
            to: .member(Moderator.id)
        )
    }

    /// Asks the model for a proposal and checks it, without publishing anything.
    private func prepare(phase: Phase, round: Int, context: TaskContext) async throws -> PreparedProposal {
        let previousJSON = try context.proposal.map { try CanonicalJSON.string($0.content) }
        let prompt = prompts.proposal(
            phase: phase,
            round: round,
            context: context,
            blueprintJSON: try CanonicalJSON.string(context.blueprint),
            previousJSON: previousJSON
        )
        let task: ModelTask = context.proposal == nil ? .propose : .revise
        let request = ModelRequest(
            persona: persona.id,
            phase: phase,
            round: round,
            task: task,
            system: system,
            prompt: prompt,
            schema: Schemas.proposal(phase),
            context: context
        )
        let (exchanges, answer) = try await ask(request, as: ProposalAnswer.self)
        guard answer.content.phase == phase else {
            throw RuntimeError.invalidAnswer(
                persona: persona.id,
                phase: phase.rawValue,
                problem: "proposed a \(answer.content.phase.rawValue) section"
            )
        }
        let proposal = Proposal(
            phase: phase,
            author: persona.id,
            round: round,
            // The moderator's rule, applied as the answer is taken: what the schema could not tie together is made coherent.
            content: answer.content.normalised(given: context.blueprint, industry: context.team.industry),
            rationale: answer.rationale,
            addressed: answer.addressed
        )
        let vote = Vote(
            voter: persona.id,
            option: answer.selfVote.vote,
            weight: persona.weight,
            reason: answer.selfVote.reason,
            missing: answer.selfVote.missing
        )
        return PreparedProposal(exchanges: exchanges, proposal: proposal, leadVote: vote)
    }

    private func review(_ proposal: Proposal, proposalJSON: String, context: TaskContext) async throws {
        let request = ModelRequest(
            persona: persona.id,
            phase: proposal.phase,
            round: proposal.round,
            task: .review,
            system: system,
            prompt: prompts.review(proposal: proposal, proposalJSON: proposalJSON, context: context),
            schema: Schemas.review,
            context: context
        )
        let vote: Vote
        do {
            let (exchanges, answer) = try await ask(request, as: ReviewAnswer.self)
            await publish(exchanges)
            vote = Vote(voter: persona.id, option: answer.vote, weight: persona.weight, reason: answer.reason, missing: answer.missing)
        } catch let unusable as UnusableAnswer {
            // A reviewer whose model cannot answer in shape abstains, visibly, rather than vote neutral.
            await publish(unusable.exchanges)
            vote = .abstention(voter: persona.id, weight: persona.weight, reason: "abstains: \(unusable.problem)")
        }
        await bus.publish(.voted(phase: proposal.phase, round: proposal.round, vote: vote), from: persona.id, to: .member(Moderator.id))
    }

    private func arbitrate(phase: Phase, context: TaskContext) async throws {
        let request = ModelRequest(
            persona: persona.id,
            phase: phase,
            round: context.rounds.count,
            task: .arbitrate,
            system: system,
            prompt: prompts.arbitration(phase: phase, rounds: context.rounds),
            schema: Schemas.arbitration,
            context: context
        )
        let (exchanges, answer) = try await ask(request, as: ArbitrationAnswer.self)
        await publish(exchanges)
        guard (1...context.rounds.count).contains(answer.adoptRound) else {
            throw RuntimeError.invalidAnswer(
                persona: persona.id,
                phase: phase.rawValue,
                problem: "adopt_round \(answer.adoptRound) is not a round of this phase"
            )
        }
        await bus.publish(.arbitrated(phase: phase, answer: answer), from: persona.id, to: .everyone)
    }

    private func publish(_ exchanges: [ModelExchange]) async {
        for exchange in exchanges {
            await bus.publish(.modelExchanged(exchange), from: persona.id, to: .member(Moderator.id))
        }
    }

    /// Sends the request through the concurrency limit and parses the answer. An answer that does
    /// not match the schema is asked for once more, with the problem; both exchanges are kept so
    /// that a replay takes the same path.
    private func ask<Answer: Decodable>(_ request: ModelRequest, as type: Answer.Type) async throws -> ([ModelExchange], Answer) {
        let model = self.model
        let response = try await limiter.run { try await model.complete(request) }
        let first = ModelExchange(request: request, response: response)
        func decode(_ text: String) throws -> Answer {
            let answer = try JSONDecoder().decode(Answer.self, from: Data(text.utf8))
            if let checked = answer as? any CheckedAnswer, let problem = checked.problem(in: request.phase) {
                throw BrokenAnswerRule(description: problem)
            }
            return answer
        }
        let problem: String
        do {
            return ([first], try decode(response.text))
        } catch {
            problem = AnswerProblem.describe(error)
        }
        let again = ModelRequest(
            persona: request.persona,
            phase: request.phase,
            round: request.round,
            task: request.task,
            system: request.system,
            prompt: prompts.askAgain(request.prompt, schema: request.schema, problem: problem),
            schema: request.schema,
            context: request.context
        )
        let retried = try await limiter.run { try await model.complete(again) }
        let exchanges = [first, ModelExchange(request: again, response: retried)]
        do {
            return (exchanges, try decode(retried.text))
        } catch {
            throw UnusableAnswer(
                persona: persona.id,
                phase: request.phase,
                problem: "the answer does not match schema \(request.schema), asked twice: \(AnswerProblem.describe(error))",
                exchanges: exchanges
            )
        }
    }
}
