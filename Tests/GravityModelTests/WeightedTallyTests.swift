import Foundation
import GravityModel
import Testing

@Suite("Weighted tally")
struct WeightedTallyTests {
    private func vote(_ option: VoteOption, weight: Double = 1) -> Vote {
        Vote(voter: "v\(option.rawValue)\(weight)", option: option, weight: weight, reason: "")
    }

    @Test(
        "averages exactly on a threshold take the higher outcome",
        arguments: [
            (1.5, TallyOutcome.stronglyApproved), (0.5, .approved), (-0.5, .noConsensus), (-1.5, .rejected),
            (1.4999, .approved), (0.4999, .noConsensus), (-0.5001, .rejected), (-1.5001, .stronglyRejected),
            (2.0, .stronglyApproved), (-2.0, .stronglyRejected), (0.0, .noConsensus),
        ]
    )
    func thresholds(average: Double, expected: TallyOutcome) {
        #expect(TallyOutcome(average: average) == expected)
    }

    @Test("votes that average exactly 1.5, 0.5, -0.5 and -1.5 land on the threshold's side")
    func exactVoteAverages() {
        #expect(WeightedTally(votes: [vote(.stronglyAgree), vote(.agree)]).outcome == .stronglyApproved)
        #expect(WeightedTally(votes: [vote(.agree), vote(.neutral)]).outcome == .approved)
        #expect(WeightedTally(votes: [vote(.disagree), vote(.neutral)]).outcome == .noConsensus)
        #expect(WeightedTally(votes: [vote(.stronglyDisagree), vote(.disagree)]).outcome == .rejected)
    }

    @Test("uneven weights that sum to a threshold are not pushed under it by rounding")
    func weightedThreshold() {
        // (2 * 2.07 + 1 * 2.07) / (2 * 2.07) = 1.5 in exact arithmetic.
        let votes = [vote(.stronglyAgree, weight: 2.07), vote(.agree, weight: 2.07)]
        #expect(WeightedTally(votes: votes).outcome == .stronglyApproved)
        let mixed = [vote(.stronglyAgree, weight: 1.92), vote(.agree, weight: 1.98), vote(.neutral, weight: 1.95)]
        let expected = (2 * 1.92 + 1.98) / (1.92 + 1.98 + 1.95)
        #expect(abs(WeightedTally(votes: mixed).average - expected) < 0.0001)
    }

    @Test("no voters gives no consensus, zero average and zero support")
    func zeroVoters() {
        let tally = WeightedTally(votes: [])
        #expect(tally.outcome == .noConsensus)
        #expect(tally.average == 0)
        #expect(tally.support == 0)
        #expect(tally.voters == 0)
    }

    @Test("all neutral gives no consensus with zero support")
    func allNeutral() {
        let tally = WeightedTally(votes: [vote(.neutral, weight: 2.07), vote(.neutral, weight: 1.5), vote(.neutral)])
        #expect(tally.outcome == .noConsensus)
        #expect(tally.average == 0)
        #expect(tally.support == 0)
        #expect(tally.counts == ["neutral": 3])
    }

    @Test("support is the weighted share of agreeing votes")
    func support() {
        let tally = WeightedTally(votes: [vote(.agree, weight: 3), vote(.disagree, weight: 1)])
        #expect(tally.support == 75)
        #expect(tally.average == 0.5)
        #expect(tally.outcome == .approved)
    }

    @Test("a heavy dissenter outweighs light supporters")
    func weightsMatter() {
        let tally = WeightedTally(votes: [vote(.stronglyDisagree, weight: 2), vote(.agree, weight: 1), vote(.agree, weight: 1)])
        #expect(tally.average == -0.5)
        #expect(tally.outcome == .noConsensus)
    }

    @Test("an abstention counts nowhere: not in the average, the support, the voters or the counts; it round-trips as JSON")
    func abstention() throws {
        let votes = [
            Vote(voter: "a", option: .agree, weight: 2, reason: ""),
            Vote(voter: "b", option: .disagree, weight: 1, reason: ""),
        ]
        let abstaining = votes + [Vote.abstention(voter: "c", weight: 5, reason: "abstains: the answer broke the schema twice")]
        let plain = WeightedTally(votes: votes)
        let withAbstention = WeightedTally(votes: abstaining)
        #expect(withAbstention == plain)
        #expect(withAbstention.voters == 2)

        let encoded = String(decoding: try JSONEncoder().encode(abstaining[2]), as: UTF8.self)
        #expect(encoded.contains("\"abstained\":true"))
        #expect(!String(decoding: try JSONEncoder().encode(votes[0]), as: UTF8.self).contains("abstained"), "ordinary votes read as before")
        #expect(try JSONDecoder().decode(Vote.self, from: Data(encoded.utf8)) == abstaining[2])
    }
}
