import Foundation
import GravityModel
import GravityRuntime
import Testing

@Suite("Replay and verification")
struct ReplayTests {
    private func recorded(_ industry: String, seed: UInt64 = 42) async throws -> (Transcript, SessionResult) {
        let directory = try TestData.temporaryDirectory()
        let result = try await TestData.run(industry, seed: seed, transcript: "\(directory)/t.jsonl")
        return (try Transcript(path: "\(directory)/t.jsonl"), result)
    }

    @Test("a replay with no model reproduces the transcript byte for byte, at any concurrency", arguments: [1, 14])
    func replayReproduces(concurrency: Int) async throws {
        let (transcript, original) = try await recorded("finance", seed: 3)
        let directory = try TestData.temporaryDirectory()
        let team = try TestData.team("finance")
        let writer = try TranscriptWriter(path: "\(directory)/replay.jsonl", rank: { team.rank(of: $0) })
        let replayed = try await DevelopmentSession.run(
            SessionConfiguration(
                team: team,
                brief: transcript.header.brief,
                seed: transcript.header.seed,
                concurrency: concurrency,
                model: ReplayModel(transcript: transcript)
            ),
            observers: [writer]
        )
        writer.close()
        #expect(replayed.summary == original.summary)
        let again = try Transcript(path: "\(directory)/replay.jsonl")
        #expect(again.eventLines == transcript.eventLines)
        #expect(TranscriptDivergence.first(expected: transcript, actual: again, failure: nil) == nil)
    }

    @Test("a run whose unchanged resubmissions were drafted ahead replays exactly")
    func replayWithRepeatedDrafts() async throws {
        // Every reviewer turns the first two requirements rounds down naming nothing, so the lead
        // resubmits unchanged while the architect drafts ahead on the same proposal each time.
        let directory = try TestData.temporaryDirectory()
        let model = StubbornReviewers()
        let original = try await TestData.run("ecommerce", transcript: "\(directory)/t.jsonl", model: model)
        let transcript = try Transcript(path: "\(directory)/t.jsonl")
        let requirements = try #require(original.decisions.first { $0.phase == .requirements })
        #expect(requirements.rounds.count == 3 && requirements.rounds[0].proposal.content == requirements.rounds[1].proposal.content)
        let team = try TestData.team("ecommerce")
        let writer = try TranscriptWriter(path: "\(directory)/replay.jsonl", rank: { team.rank(of: $0) })
        _ = try await DevelopmentSession.run(
            SessionConfiguration(team: team, brief: transcript.header.brief, seed: transcript.header.seed, model: ReplayModel(transcript: transcript)),
            observers: [writer]
        )
        writer.close()
        let again = try Transcript(path: "\(directory)/replay.jsonl")
        #expect(TranscriptDivergence.first(expected: transcript, actual: again, failure: nil) == nil)
        #expect(again.eventLines == transcript.eventLines)
    }

    @Test("the replay model answers by persona, phase and request hash, and refuses unknown requests")
    func unanswerable() async throws {
        let (transcript, _) = try await recorded("general")
        let model = ReplayModel(transcript: transcript)
        let team = try TestData.team("general")
        let request = ModelRequest(
            persona: "ivan-petrov",
            phase: .security,
            round: 1,
            task: .review,
            system: "s",
            prompt: "a prompt nobody recorded",
            schema: "review",
            context: TaskContext(team: team, blueprint: Blueprint(industry: "general", brief: "b"))
        )
        await #expect(throws: ReplayError.self) { try await model.complete(request) }
    }

    @Test("the verifier accepts recorded transcripts and catches an edited tally")
    func verifier() async throws {
        let (transcript, _) = try await recorded("education")
        #expect(TranscriptVerifier.firstProblem(in: transcript) == nil)
        var edited = transcript
        let index = try #require(edited.events.firstIndex { $0.type == .tally })
        edited.events[index].tally?.average += 0.5
        let problem = try #require(TranscriptVerifier.firstProblem(in: edited))
        #expect(problem.seq == index + 1)
        #expect(problem.message.contains("does not follow from its"))
    }

    @Test("the verifier catches a gap in event numbers and a doubled vote")
    func verifierStructure() async throws {
        let (transcript, _) = try await recorded("general")
        var gap = transcript
        gap.events.remove(at: 5)
        #expect(TranscriptVerifier.firstProblem(in: gap)?.message.contains("expected event number") == true)
        var doubled = transcript
        let vote = try #require(doubled.events.firstIndex { $0.type == .vote })
        doubled.events.insert(doubled.events[vote], at: vote + 1)
        for index in doubled.events.indices { doubled.events[index].seq = index + 1 }
        #expect(TranscriptVerifier.firstProblem(in: doubled)?.message.contains("votes twice") == true)
    }

    @Test("a divergence names the event and the fields that differ")
    func divergence() async throws {
        let (transcript, _) = try await recorded("general")
        var changed = transcript
        let index = try #require(changed.eventLines.firstIndex { $0.contains(#""type":"vote""#) && $0.contains(#""option":"agree""#) })
        changed.eventLines[index] = changed.eventLines[index].replacingOccurrences(of: #""option":"agree""#, with: #""option":"neutral""#)
        let divergence = try #require(TranscriptDivergence.first(expected: changed, actual: transcript, failure: nil))
        #expect(divergence.seq == index + 1)
        #expect(divergence.differences.map(\.path) == ["vote.option"])
        #expect(divergence.description.contains("vote.option: expected \"neutral\", actual \"agree\""))
    }

    @Test("a partial last line is dropped only when allowed")
    func partialTail() async throws {
        let directory = try TestData.temporaryDirectory()
        _ = try await TestData.run("general", transcript: "\(directory)/t.jsonl")
        var data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/t.jsonl"))
        data.removeLast(40)
        #expect(throws: TranscriptError.self) { try Transcript(data: data, name: "t.jsonl") }
        let lenient = try Transcript(data: data, name: "t.jsonl", allowingPartialTail: true)
        #expect(lenient.droppedPartialLine)
        #expect(!lenient.isComplete)
    }
}

/// The mock model, but every review of the requirements' first two rounds is a strong no naming
/// no missing fact.
struct StubbornReviewers: LanguageModel {
    let mock = MockModel(seed: 42)
    var name: String { mock.name }

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        if request.task == .review, request.phase == .requirements, request.round <= 2 {
            return ModelResponse(text: #"{"vote":"strongly_disagree","reason":"Not yet.","missing":[]}"#, usage: TokenUsage(prompt: 10, completion: 5))
        }
        return try await mock.complete(request)
    }
}
