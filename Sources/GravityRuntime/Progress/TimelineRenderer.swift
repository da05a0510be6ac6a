import Foundation
import GravityModel

/// Renders a transcript as a readable timeline: phases, proposals, every vote with its reason,
/// tallies and decisions.
public struct TimelineRenderer: Sendable {
    private let team: Team?

    /// - Parameter team: used for names and roles; ids are shown when it is nil.
    public init(team: Team?) { self.team = team }

    public func render(_ transcript: Transcript) -> String {
        let header = transcript.header
        var lines = [
            "Run: \(header.industry), seed \(header.seed), model \(header.model), up to \(header.maxRounds) rounds (\(header.tool))",
            "Brief: \(header.brief)",
        ]
        if let change = header.change, let parent = header.parent {
            // A change's transcript: what it changes, and which run's application it starts from.
            lines.append("Change: '\(change.name)' to the application \(parent.file) left (sha256 \(parent.sha256.prefix(16))…)")
        }
        for event in transcript.events {
            lines.append(contentsOf: render(event))
        }
        if !transcript.isComplete {
            lines.append("")
            lines.append("(the run was interrupted after event \(transcript.events.count))")
        }
        return lines.joined(separator: "\n")
    }

    private func render(_ event: TranscriptEvent) -> [String] {
        switch event.type {
        case .phaseStart:
            guard let phase = event.phase else { return [] }
            return ["", "[\(phase.number)/8] \(phase.title), led by \(describe(event.persona ?? ""))"]
        case .proposal:
            guard let proposal = event.proposal else { return [] }
            var lines = ["  Round \(proposal.round): \(proposal.round == 1 ? "proposal" : "revision") by \(name(proposal.author))"]
            lines.append("    \(proposal.rationale)")
            if !proposal.addressed.isEmpty { lines.append("    addresses: \(proposal.addressed.joined(separator: ", "))") }
            lines.append("    practices: \(proposal.content.practices.joined(separator: ", "))")
            return lines
        case .vote:
            guard let vote = event.vote else { return [] }
            let mark = vote.abstained ? "?" : vote.option.supports ? "+" : vote.option.dissents ? "-" : "="
            var lines = [
                "    \(mark) \(name(vote.voter)) (\(String(format: "%.2f", vote.weight))) \(vote.abstained ? "abstains" : vote.option.rawValue): \(vote.reason)"
            ]
            if !vote.missing.isEmpty { lines.append("        missing: \(vote.missing.joined(separator: ", "))") }
            return lines
        case .tally:
            guard let tally = event.tally, let round = event.round else { return [] }
            return [
                "  Round \(round) tally: \(tally.outcome.label), average \(String(format: "%.2f", tally.average)), "
                    + "support \(String(format: "%.1f", tally.support))%, \(tally.voters) voters"
            ]
        case .arbitration:
            guard let answer = event.arbitration else { return [] }
            return ["  \(name(event.persona ?? "")) decides: adopt round \(answer.adoptRound). \(answer.rationale)"]
        case .decision:
            guard let decision = event.decision else { return [] }
            let who = DecidedBy.words(decision.decidedBy, name: name)
            var line = "  Decision: round \(decision.adoptedRound) adopted by \(who), \(decision.outcome.label)"
            if !decision.dissent.isEmpty { line += "; dissent: \(decision.dissent.map(name).joined(separator: ", "))" }
            return [line]
        case .artifact:
            guard let artifact = event.artifact else { return [] }
            return ["Artifact: \(artifact.path) (\(artifact.bytes) bytes, sha256 \(artifact.sha256.prefix(16))…)"]
        case .runEnd:
            guard let summary = event.summary else { return [] }
            return [
                "",
                "Run end: \(summary.modelCalls) model calls, \(summary.tokens.total) tokens, Blueprint \(summary.blueprintDigest.prefix(16))…",
            ]
        case .phaseKept:
            guard let phase = event.phase else { return [] }
            return ["", "[\(phase.number)/8] \(phase.title): kept (\(event.reason ?? "the parent's decision stands"))"]
        case .ownerAsked:
            return ["  Approval gate: round \(event.round ?? 0) goes to the product owner"]
        case .ownerAnswer:
            guard let answer = event.owner else { return [] }
            return ["  Product owner: \(answer.label)"]
        case .modelCall, .phaseEnd:
            return []
        }
    }

    private func name(_ id: String) -> String { team?.member(id)?.name ?? id }

    private func describe(_ id: String) -> String {
        guard let member = team?.member(id) else { return id }
        return "\(member.name) (\(member.role.title))"
    }
}
