import Foundation
import GravityRuntime
import GravityModel
import GravitySystem

/// One round of reviews, as the side-by-side comparison with other agent runtimes has it: a
/// proposal goes out on the bus to the fourteen personas, each asks a fake model that returns the
/// same fixed review, parses it and votes; the round ends when all fourteen votes are in.
public enum ReviewRoundBenchmark {
    /// The fake model's answer to every request: the same text the peers' fake models return.
    public static let fixedReview = #"{"vote": "agree", "reason": "The proposal covers my checklist.", "missing": []}"#

    struct FixedModel: LanguageModel {
        var name: String { "fixed" }
        func complete(_ request: ModelRequest) async throws -> ModelResponse {
            ModelResponse(text: ReviewRoundBenchmark.fixedReview, usage: TokenUsage(prompt: 0, completion: 0))
        }
    }

    /// Runs `rounds` review rounds and returns the wall time in milliseconds.
    public static func run(team: Team, rounds: Int, concurrency: Int = 14) async throws -> Double {
        let bus = MessageBus()
        let inbox = await bus.subscribe(MessageBus.moderatorID)
        let limiter = ConcurrencyLimiter(limit: concurrency)
        var agents: [PersonaAgent] = []
        for member in team.members {
            agents.append(
                await PersonaAgent(
                    persona: member,
                    industry: team.industry,
                    prompts: team.prompts,
                    bus: bus,
                    model: FixedModel(),
                    limiter: limiter
                )
            )
        }
        let content = ProposalContent.testing(
            TestingSection(
                framework: "pytest",
                suites: [TestSuiteSpec(service: "work", kinds: [.unit, .api], minimumCoverage: 80)],
                practices: ["testing.api_tests", "testing.unit_tests"]
            )
        )
        let proposal = Proposal(phase: .testing, author: MessageBus.moderatorID, round: 1, content: content, rationale: "benchmark")
        let json = try CanonicalJSON.string(content)
        let context = TaskContext(team: team, blueprint: Blueprint(industry: team.industry.id, brief: team.industry.defaultBrief))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for agent in agents { group.addTask { await agent.run() } }
            var messages = inbox.makeAsyncIterator()
            let elapsed = try await ContinuousClock().measure {
                for _ in 0..<rounds {
                    await bus.publish(.reviewRequested(proposal: proposal, proposalJSON: json, context: context), from: MessageBus.moderatorID)
                    var votes = 0
                    while votes < team.members.count {
                        guard let envelope = await messages.next() else { throw RuntimeError.busClosed }
                        switch envelope.message {
                        case .voted: votes += 1
                        case .failed(let persona, let problem): throw RuntimeError.personaFailed(persona: persona, problem: problem)
                        default: break
                        }
                    }
                }
            }
            await bus.close()
            try await group.waitForAll()
            return elapsed.milliseconds
        }
    }
}
