import GravityModel
import GravitySystem

/// Checks that a transcript is internally consistent without re-running it: events are numbered
/// without gaps, every tally follows from its round's votes, every decision from its tallies, and
/// the run summary from the events. An edited vote or tally is caught here.
public enum TranscriptVerifier {
    /// A consistency problem, at the event that shows it.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int
        public var message: String
        public var description: String { "event \(seq): \(message)" }
    }

    /// The first problem found, or nil.
    public static func firstProblem(in transcript: Transcript) -> Problem? {
        firstProblem(in: transcript.events.map(EventSkeleton.init), of: transcript.file)
    }

    /// Whether the header is the one the run wrote: run_end records its digest, so an edited seed,
    /// brief or rounds limit shows even where the answers cannot be recomputed (a real model's run).
    public static func headerProblem(in events: [EventSkeleton], of file: TranscriptFile) -> Problem? {
        guard let end = events.last, end.type == .runEnd else { return nil }
        guard let recorded = end.headerDigest else {
            return Problem(seq: end.seq, message: "run_end does not record the header's digest (header_sha256)")
        }
        guard recorded == SHA256Digest.hex(file.headerLine) else {
            return Problem(seq: end.seq, message: "the header (line 1) was changed after the run: its digest is not the one recorded at run_end")
        }
        return nil
    }

    /// The first problem found in the events of `file`, or nil.
    public static func firstProblem(in events: [EventSkeleton], of file: TranscriptFile) -> Problem? {
        if let problem = headerProblem(in: events, of: file) { return problem }
        var votes: [Vote] = []
        var voters = Set<String>()
        var lastTally: [Phase: [Int: WeightedTally]] = [:]
        var calls = 0
        var tokens = TokenUsage.zero
        var phases: [PhaseSummary] = []
        var expected = 1
        for event in events {
            guard event.seq == expected else {
                return Problem(seq: event.seq, message: "expected event number \(expected)")
            }
            expected += 1
            switch event.type {
            case .modelCall:
                guard let call = event.call else { return Problem(seq: event.seq, message: "model_call without a call") }
                calls += 1
                tokens = tokens + call.usage
            case .vote:
                guard let vote = event.vote else { return Problem(seq: event.seq, message: "vote without a vote") }
                guard voters.insert(vote.voter).inserted else {
                    return Problem(seq: event.seq, message: "\(vote.voter) votes twice in one round")
                }
                votes.append(vote)
            case .tally:
                guard let tally = event.tally, let phase = event.phase, let round = event.round else {
                    return Problem(seq: event.seq, message: "tally without its phase, round or figures")
                }
                // The gates a tally records broken need the decisions to check (a replay does); the figures follow from the votes alone.
                var recomputed = WeightedTally(votes: votes)
                recomputed.brokenGates = tally.brokenGates
                guard recomputed == tally else {
                    return Problem(
                        seq: event.seq,
                        message: "the \(phase.rawValue) round \(round) tally (\(tally.outcome.rawValue), average \(tally.average)) "
                            + "does not follow from its \(votes.count) votes (\(recomputed.outcome.rawValue), average \(recomputed.average))"
                    )
                }
                // Beyond the rounds the header allows, an arbitration may add the lead's repair and the
                // moderator's completion; at an approval gate, each of the owner's revisions may add
                // itself and an arbitration's two.
                let gated = file.header.approve?.phases.contains(phase) == true
                let allowed = file.header.maxRounds + 2 + (gated ? OwnerGates.revisionsPerPhase * 3 : 0)
                guard round >= 1, round <= allowed else {
                    return Problem(
                        seq: event.seq,
                        message: "the \(phase.rawValue) phase holds round \(round), outside the header's max_rounds \(file.header.maxRounds) and the "
                            + (gated ? "rounds an arbitration and the approval gate may add" : "two rounds an arbitration may add")
                    )
                }
                lastTally[phase, default: [:]][round] = tally
                votes.removeAll(keepingCapacity: true)
                voters.removeAll(keepingCapacity: true)
            case .decision:
                guard let decision = event.decision, let phase = event.phase,
                    let tally = lastTally[phase]?[decision.adoptedRound]
                else { return Problem(seq: event.seq, message: "decision for a round that was never tallied") }
                guard tally.outcome == decision.outcome else {
                    return Problem(
                        seq: event.seq,
                        message: "decision outcome \(decision.outcome.rawValue) differs from its tally's \(tally.outcome.rawValue)"
                    )
                }
                if decision.resolution == .approved && !tally.outcome.isApproved {
                    return Problem(
                        seq: event.seq,
                        message: "the \(phase.rawValue) decision says approved but the tally says \(tally.outcome.rawValue)"
                    )
                }
                if !tally.brokenGates.isEmpty {
                    return Problem(
                        seq: event.seq,
                        message: "the \(phase.rawValue) decision adopts round \(decision.adoptedRound), whose proposal breaks \(tally.brokenGates.joined(separator: ", "))"
                    )
                }
                phases.append(
                    PhaseSummary(
                        phase: phase,
                        lead: "",
                        outcome: tally.outcome,
                        resolution: decision.resolution,
                        decidedBy: decision.decidedBy,
                        rounds: lastTally[phase]?.count ?? 0,
                        average: tally.average,
                        support: tally.support
                    )
                )
            case .runEnd:
                guard let summary = event.summary else { return Problem(seq: event.seq, message: "run_end without a summary") }
                guard summary.modelCalls == calls, summary.tokens == tokens else {
                    return Problem(
                        seq: event.seq,
                        message: "the summary counts \(summary.modelCalls) model calls, the transcript has \(calls)"
                    )
                }
                let recorded = summary.phases.map { [$0.phase.rawValue, $0.outcome.rawValue, "\($0.rounds)", "\($0.average)"] }
                let derived = phases.map { [$0.phase.rawValue, $0.outcome.rawValue, "\($0.rounds)", "\($0.average)"] }
                guard recorded == derived else {
                    return Problem(seq: event.seq, message: "the summary's phase results differ from the decisions in the transcript")
                }
            default:
                break
            }
        }
        return nil
    }
}
