import Foundation
import GravityModel
@testable import GravityRuntime
import Testing

/// The mock model behind a session, keeping every request it answers with its answer.
actor RequestLog {
    var exchanges: [(ModelRequest, ModelResponse)] = []
    func add(_ request: ModelRequest, _ response: ModelResponse) { exchanges.append((request, response)) }
}

struct RecordingModel: LanguageModel {
    let mock: MockModel
    let log = RequestLog()
    var name: String { mock.name }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let response = try await mock.complete(request)
        await log.add(request, response)
        return response
    }
}

@Suite("Answer schemas")
struct AnswerSchemaTests {
    /// Every request and answer of a mock session of `industry`, seed 42.
    static func session(_ industry: String) async throws -> [(ModelRequest, ModelResponse)] {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        let team = try catalog.team(for: catalog.industry(industry))
        let model = RecordingModel(mock: MockModel(seed: 42))
        _ = try await DevelopmentSession.run(SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: model))
        return await model.log.exchanges
    }

    static let ecommerce = Task { try await session("ecommerce") }

    static func first(_ task: ModelTask, _ phase: Phase) async throws -> ModelRequest {
        try #require(try await ecommerce.value.first { $0.0.task == task && $0.0.phase == phase }?.0)
    }

    @Test("the closed sets the decoders take are enums of the schema sent; objects take no other keys")
    func closedSets() async throws {
        let review = try AnswerSchemas.make(for: try await Self.first(.review, .security))
        #expect(review["properties"]?["vote"]?["enum"] == .array(VoteOption.allCases.map { .string($0.rawValue) }))
        #expect(review["additionalProperties"] == .bool(false))
        let missing = review["properties"]?["missing"]?["items"]?["enum"]?.arrayOfStrings ?? []
        #expect(missing.contains("security.rate_limiting") && missing.contains("security.policy_per_role"))
        #expect(!missing.contains("backend.crud_per_entity"), "a reviewer names facts of the phase under review")

        let proposal = try AnswerSchemas.make(for: try await Self.first(.propose, .requirements))
        let content = try #require(proposal["properties"]?["content"])
        #expect(content["properties"]?["phase"]?["enum"] == .array([.string("requirements")]))
        let section = try #require(content["properties"]?["section"])
        #expect(section["properties"]?["features"]?["items"]?["properties"]?["priority"]?["enum"]?.arrayOfStrings == ["must", "should", "could"])
        #expect(section["properties"]?["practices"]?["maxItems"] == .number(0), "the requirements phase has no optional practice")
        #expect(
            section["properties"]?["currency"]?["anyOf"] == .array([.object(["type": .string("string")]), .object(["type": .string("null")])]),
            "a field the decoder may miss may be null"
        )
        #expect(section["required"]?.arrayOfStrings.contains("currency") == false, "and need not be there")

        let security = try AnswerSchemas.make(for: try await Self.first(.propose, .security))
        let practices = security["properties"]?["content"]?["properties"]?["section"]?["properties"]?["practices"]?["items"]?["enum"]
        #expect(practices?.arrayOfStrings == Practice.practices(of: .security).map(\.rawValue))
    }

    @Test("a field that names what an earlier phase decided lists those names")
    func decidedNames() async throws {
        let request = try await Self.first(.propose, .backend)
        let services = try #require(request.context.blueprint.architecture?.services.map(\.name))
        let entities = try #require(request.context.blueprint.requirements?.entities)
        let schema = try AnswerSchemas.make(for: request)
        let api = schema["properties"]?["content"]?["properties"]?["section"]?["properties"]?["apis"]?["items"]?["properties"]
        #expect(api?["service"]?["enum"]?.arrayOfStrings == services)
        #expect(api?["endpoints"]?["items"]?["properties"]?["entity"]?["enum"]?.arrayOfStrings == entities + ["user_account"])
        let security = try AnswerSchemas.make(for: try await Self.first(.propose, .security))
        let role = security["properties"]?["content"]?["properties"]?["section"]?["properties"]?["policies"]?["items"]?["properties"]?["role"]
        #expect(role?["enum"]?.arrayOfStrings == request.context.blueprint.requirements?.roles)
    }

    @Test("the round an arbitration adopts is one of the phase's rounds")
    func arbitrationRounds() async throws {
        let review = try await Self.first(.review, .database)
        let proposal = try #require(review.context.proposal)
        let rounds = (1...3).map { RoundRecord(round: $0, proposal: proposal, votes: [], tally: WeightedTally(votes: [])) }
        let request = ModelRequest(
            persona: "michael-chang", phase: .database, round: 3, task: .arbitrate, system: review.system, prompt: review.prompt,
            schema: "arbitration", context: TaskContext(team: review.context.team, blueprint: review.context.blueprint, rounds: rounds)
        )
        let schema = try AnswerSchemas.make(for: request)
        #expect(schema["properties"]?["adopt_round"] == .object(["type": .string("integer"), "enum": .array([.number(1), .number(2), .number(3)])]))
    }

    @Test("a number outside its bounds is in the schema sent, and an answer beyond it is asked again naming the field")
    func bounds() async throws {
        let (request, response) = try #require(try await Self.ecommerce.value.first { $0.0.task == .propose && $0.0.phase == .testing })
        let schema = try AnswerSchemas.make(for: request)
        let coverage = schema["properties"]?["content"]?["properties"]?["section"]?["properties"]?["suites"]?["items"]?["properties"]?["minimum_coverage"]
        #expect(coverage?["minimum"] == .number(0) && coverage?["maximum"] == .number(85))
        var answer = try JSONDecoder().decode(ProposalAnswer.self, from: Data(response.text.utf8))
        #expect(answer.problem(in: .testing) == nil)
        guard case .testing(var section) = answer.content else { return }
        section.suites[1].minimumCoverage = 95
        answer.content = .testing(section)
        #expect(answer.problem(in: .testing) == "content.section.suites[1].minimum_coverage: 95 is outside 0...85")
    }

    @Test("every proposal the mock model makes is coherent already: the moderator's normalisation leaves it as it is", arguments: ["ecommerce", "healthcare", "finance", "education", "general"])
    func mockProposalsAreCoherent(industry: String) async throws {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        let team = try catalog.team(for: catalog.industry(industry))
        let result = try await DevelopmentSession.run(SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, model: MockModel(seed: 42)))
        var blueprint = Blueprint(industry: team.industry.id, brief: team.industry.defaultBrief)
        var proposals = 0
        for decision in result.decisions {
            for round in decision.rounds {
                #expect(round.proposal.content.normalised(given: blueprint, industry: team.industry) == round.proposal.content, "\(industry) \(decision.phase.rawValue) round \(round.round)")
                proposals += 1
            }
            blueprint.apply(decision.adopted.proposal.content)
        }
        #expect(proposals >= 8)
    }

    @Test("every answer the mock model gives, in every industry, is one its schema allows", arguments: ["ecommerce", "healthcare", "finance", "education", "general"])
    func mockAnswersMatch(industry: String) async throws {
        let exchanges = industry == "ecommerce" ? try await Self.ecommerce.value : try await Self.session(industry)
        #expect(exchanges.count > 100)
        for (request, response) in exchanges {
            let schema = try AnswerSchemas.make(for: request)
            let answer = try JSONValue.parse(Data(response.text.utf8))
            let problem = SchemaValidator.problem(answer, schema)
            #expect(problem == nil, "\(industry) \(request.schema) (\(request.persona), round \(request.round)): \(problem ?? "")")
        }
    }
}

extension JSONValue {
    var arrayOfStrings: [String] {
        if case .array(let items) = self { return items.compactMap(\.string) }
        return []
    }
}
