import Foundation
import GravityRuntime
import GravityModel
import GravitySystem

/// Writes a long, internally consistent transcript: many voting rounds of fourteen short model
/// exchanges and votes with their tallies, so that reading and verifying can be timed at scale.
public enum SyntheticTranscript {
    /// Writes at least `events` events to `path` and returns how many were written.
    public static func write(events target: Int, to path: String) throws -> Int {
        let voters = (0..<14).map { "persona-\($0)" }
        var random = SeededGenerator(seed: 7)
        var lines: [Data] = []
        lines.reserveCapacity(target + 64)
        let header = TranscriptHeader(tool: "gravity-bench", industry: "general", brief: "synthetic", seed: 7, model: "mock", maxRounds: 1)
        lines.append(try CanonicalJSON.encode(header))
        var seq = 0
        func append(_ event: TranscriptEvent) throws {
            lines.append(try CanonicalJSON.encode(event))
        }
        let section = ProposalContent.testing(
            TestingSection(
                framework: "pytest",
                suites: [TestSuiteSpec(service: "work", kinds: [.unit, .api], minimumCoverage: 80)],
                practices: ["testing.api_tests", "testing.unit_tests"]
            )
        )
        var round = 0
        while seq < target {
            round += 1
            let phase = Phase.allCases[round % Phase.allCases.count]
            seq += 1
            var start = TranscriptEvent(seq: seq, type: .phaseStart, phase: phase, persona: voters[0])
            start.persona = voters[0]
            try append(start)
            seq += 1
            var proposal = TranscriptEvent(seq: seq, type: .proposal, phase: phase, round: 1, persona: voters[0])
            proposal.proposal = Proposal(phase: phase, author: voters[0], round: 1, content: section, rationale: "synthetic round \(round)")
            try append(proposal)
            var votes: [Vote] = []
            for voter in voters {
                seq += 1
                var call = TranscriptEvent(seq: seq, type: .modelCall, phase: phase, round: 1, persona: voter)
                call.call = ModelExchange(
                    persona: voter,
                    phase: phase,
                    round: 1,
                    task: .review,
                    schema: "review",
                    requestHash: SHA256Digest.hex("\(round)-\(voter)"),
                    system: "You review.",
                    prompt: "Review round \(round).",
                    response: #"{"missing":[],"reason":"ok","vote":"agree"}"#,
                    usage: TokenUsage(prompt: 40, completion: 12)
                )
                try append(call)
                let option = VoteOption.allCases[Int(random.next() % 5)]
                let vote = Vote(voter: voter, option: option, weight: 1.5 + Double(random.next() % 60) / 100, reason: "synthetic")
                votes.append(vote)
                seq += 1
                var voted = TranscriptEvent(seq: seq, type: .vote, phase: phase, round: 1, persona: voter)
                voted.vote = vote
                try append(voted)
            }
            seq += 1
            var tally = TranscriptEvent(seq: seq, type: .tally, phase: phase, round: 1)
            tally.tally = WeightedTally(votes: votes)
            try append(tally)
            seq += 1
            try append(TranscriptEvent(seq: seq, type: .phaseEnd, phase: phase))
        }
        var data = Data()
        for line in lines {
            data.append(line)
            data.append(0x0A)
        }
        try data.write(to: URL(fileURLWithPath: path))
        return seq
    }
}
