import Foundation
import GravityModel
import GravityRuntime
import Testing

/// A model whose requirements drafts of the rounds in `breaking` leave out the must-have features,
/// and whose reviewers approve the rounds in `approving` whatever they hold (and reject the others):
/// the votes alone would adopt a proposal that breaks a gate; only the moderator stands in the way.
struct GateBreakingModel: LanguageModel {
    let mock = MockModel(seed: 42)
    var breaking: Set<Int>
    var approving: Set<Int> = [1, 2, 3]
    let log = RequestLog()
    var name: String { "gate-breaking" }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        if request.task == .review {
            let vote = request.phase != .requirements || approving.contains(request.round) ? "strongly_agree" : "strongly_disagree"
            return ModelResponse(text: #"{"vote":"\#(vote)","reason":"My view of it.","missing":[]}"#, usage: .zero)
        }
        var response = try await mock.complete(request)
        await log.add(request, response)
        guard request.phase == .requirements, request.task == .propose || request.task == .revise, breaking.contains(request.round) else {
            return response
        }
        var answer = try JSONDecoder().decode(ProposalAnswer.self, from: Data(response.text.utf8))
        if case .requirements(var section) = answer.content {
            section.features.removeAll { $0.priority == .must }
            answer.content = .requirements(section)
        }
        response.text = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
        return response
    }
}

@Suite("The moderator's gates")
struct ModeratorGateTests {
    static func run(_ model: GateBreakingModel, maxRounds: Int = 3) async throws -> SessionResult {
        let catalog = try Catalog(root: TestData.repositoryRoot)
        let team = try catalog.team(for: catalog.industry("ecommerce"))
        return try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: team.industry.defaultBrief, seed: 42, maxRounds: maxRounds, model: model)
        )
    }

    @Test("an approved proposal that breaks a structural fact is not adopted; its lead is told which, and the revision is")
    func approvedButBroken() async throws {
        let model = GateBreakingModel(breaking: [1])
        let result = try await Self.run(model)
        let requirements = try #require(result.decisions.first { $0.phase == .requirements })
        #expect(requirements.resolution == .approved && requirements.adoptedRound == 2)
        #expect(requirements.rounds[0].tally.outcome.isApproved, "every reviewer approved the first draft")
        #expect(requirements.rounds[0].tally.brokenGates == ["requirements.must_have_features"])
        #expect(requirements.rounds[1].tally.brokenGates.isEmpty)
        let revision = try #require(await model.log.exchanges.first { $0.0.phase == .requirements && $0.0.task == .revise }?.0)
        let moderator = try #require(revision.context.dissent.first { $0.voter == "moderator" })
        #expect(moderator.missing == ["requirements.must_have_features"] && moderator.weight == 0)
        let musts = result.blueprint.requirements?.features.filter { $0.priority == .must }.count ?? 0
        #expect(musts > 0, "the adopted requirements keep the must-have features")
    }

    @Test("when every round breaks a gate, the product manager's pick is repaired by its lead once and the repair adopted")
    func repaired() async throws {
        let result = try await Self.run(GateBreakingModel(breaking: [1, 2]), maxRounds: 2)
        let requirements = try #require(result.decisions.first { $0.phase == .requirements })
        #expect(requirements.resolution == .productManagerDecision && requirements.rounds.count == 3 && requirements.adoptedRound == 3)
        #expect(requirements.rationale.contains("breaks requirements.must_have_features; its repair, round 3, breaks no gate and is adopted"))
        #expect((result.blueprint.requirements?.features.filter { $0.priority == .must }.count ?? 0) > 0)
    }

    @Test("when the repair breaks a gate too, the moderator completes it; the whole team reviews the completion, which is adopted")
    func completed() async throws {
        let directory = try TestData.temporaryDirectory()
        let model = GateBreakingModel(breaking: [1, 2, 3])
        let result = try await TestData.run("ecommerce", maxRounds: 2, transcript: "\(directory)/t.jsonl", model: model)
        let requirements = try #require(result.decisions.first { $0.phase == .requirements })
        #expect(requirements.resolution == .productManagerDecision && requirements.rounds.count == 4 && requirements.adoptedRound == 4)
        let completion = requirements.rounds[3]
        #expect(completion.proposal.author == "moderator" && completion.proposal.addressed == ["requirements.must_have_features"])
        #expect(completion.votes.count == 14, "every member reviews the completion, its lead too")
        #expect(requirements.rationale.contains("the moderator's completion of the repair, round 4, breaks none and is adopted"), "\(requirements.rationale)")
        let industry = try Catalog(root: TestData.repositoryRoot).industry("ecommerce")
        let musts = Set(result.blueprint.requirements?.features.filter { $0.priority == .must }.map(\.id) ?? [])
        #expect(musts == Set(industry.features.filter { $0.priority == .must }.map(\.id)))
        // Rounds past the header's limit, and tallies that record broken gates, are a consistent transcript.
        let transcript = try Transcript(path: "\(directory)/t.jsonl")
        #expect(TranscriptVerifier.firstProblem(in: transcript) == nil)
        let team = try TestData.team("ecommerce")
        let writer = try TranscriptWriter(path: "\(directory)/replay.jsonl", rank: { team.rank(of: $0) })
        _ = try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: transcript.header.brief, seed: 42, maxRounds: 2, model: ReplayModel(transcript: transcript)),
            observers: [writer]
        )
        writer.close()
        #expect(try Transcript(path: "\(directory)/replay.jsonl").eventLines == transcript.eventLines, "the completion replays exactly")
    }

    @Test("the product manager's pick that breaks a gate gives way to the latest round that breaks none")
    func arbitrationFallsBack() async throws {
        // Round 1 is whole but voted down; round 2 leaves the must-have features out and is voted up.
        let result = try await Self.run(GateBreakingModel(breaking: [2], approving: [2]), maxRounds: 2)
        let requirements = try #require(result.decisions.first { $0.phase == .requirements })
        #expect(requirements.resolution == .productManagerDecision)
        #expect(requirements.adoptedRound == 1, "\(requirements.rationale)")
        #expect(requirements.rationale.hasPrefix("Round 1, the latest that breaks no gate (round 2 breaks requirements.must_have_features)."))
        #expect(requirements.rounds[1].tally.brokenGates == ["requirements.must_have_features"])
        #expect((result.blueprint.requirements?.features.filter { $0.priority == .must }.count ?? 0) > 0)
    }
}
