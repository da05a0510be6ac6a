import Foundation
import GravityModel
import GravityRuntime
import Testing

@Suite("Transcript writer")
struct TranscriptWriterTests {
    @Test("a transcript is a header then numbered events, ending with the run summary")
    func shape() async throws {
        let directory = try TestData.temporaryDirectory()
        let path = "\(directory)/t.jsonl"
        let result = try await TestData.run("education", transcript: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = try JSONDecoder().decode(TranscriptHeader.self, from: Data(lines[0].utf8))
        #expect(header.format == "gravity-transcript")
        #expect(header.version == 1)
        #expect(header.industry == "education")
        let events = try lines.dropFirst().map { try JSONDecoder().decode(TranscriptEvent.self, from: Data($0.utf8)) }
        #expect(events.map(\.seq) == Array(1...events.count))
        #expect(events.filter { $0.type == .modelCall }.count == result.summary.modelCalls)
        #expect(events.filter { $0.type == .phaseStart }.map(\.phase) == Phase.allCases)
        #expect(events.last?.type == .runEnd)
        #expect(events.last?.summary == result.summary)
    }

    @Test("a transcript holds no absolute paths or clock times")
    func deterministicContent() async throws {
        let directory = try TestData.temporaryDirectory()
        let path = "\(directory)/t.jsonl"
        _ = try await TestData.run("general", transcript: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(directory))
        #expect(!text.contains(TestData.repositoryRoot))
        let year = Calendar.current.component(.year, from: Date())
        #expect(!text.contains("\(year)-"))
    }

    @Test("votes of a round are written in team order whatever order they arrive in")
    func reviewOrder() async throws {
        let directory = try TestData.temporaryDirectory()
        let path = "\(directory)/t.jsonl"
        let team = try TestData.team("ecommerce")
        _ = try await TestData.run("ecommerce", latency: .milliseconds(1), transcript: path)
        let events = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { try JSONDecoder().decode(TranscriptEvent.self, from: Data($0.utf8)) }
        let firstRoundVoters = events.filter { $0.type == .vote && $0.phase == .requirements && $0.round == 1 }.compactMap(\.persona)
        let lead = team.lead(of: .requirements).id
        #expect(firstRoundVoters.first == lead)
        let reviewers = Array(firstRoundVoters.dropFirst())
        #expect(reviewers == reviewers.sorted { team.rank(of: $0) < team.rank(of: $1) })
        #expect(reviewers.count == 13)
    }
}
