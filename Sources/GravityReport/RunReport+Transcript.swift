import Foundation
import GravityModel
import GravityRuntime

extension RunReport {
    /// Reads `transcript` (finished or still being written).
    /// - Parameters:
    ///   - team: names, roles and weights; ids are shown where it is nil.
    ///   - prices: for the estimated cost.
    ///   - blueprint: the application's Blueprint as written beside the transcript; without it, the
    ///     adopted proposals of this transcript (a change run's kept phases then show nothing).
    public init(_ transcript: Transcript, team: Team?, prices: PriceTable, blueprint: Blueprint? = nil) {
        header = transcript.header
        isComplete = transcript.isComplete
        var phases: [Phase: PhaseReport] = [:]
        var personaUsage: [String: Usage] = [:]
        var total = Usage()
        var artifacts: [ArtifactDigest] = []
        var summary: RunSummary?
        var voters: [String] = []
        for event in transcript.events {
            guard let phase = event.phase ?? event.call?.phase ?? event.proposal?.phase else {
                if let artifact = event.artifact { artifacts.append(artifact) }
                if let ended = event.summary { summary = ended }
                continue
            }
            var report = phases[phase] ?? PhaseReport(phase: phase)
            switch event.type {
            case .phaseStart:
                report.lead = event.persona
            case .phaseKept:
                report.kept = event.reason ?? "the parent's decision stands"
            case .modelCall:
                guard let call = event.call else { break }
                report.usage.add(call.usage)
                personaUsage[call.persona, default: Usage()].add(call.usage)
                total.add(call.usage)
            case .proposal:
                guard let proposal = event.proposal else { break }
                var round = Round(number: proposal.round, proposal: proposal)
                if let previous = report.rounds.last?.proposal {
                    round.changes = TranscriptDivergence.fieldDifferences(Self.json(previous.content), Self.json(proposal.content))
                        .map { (path: $0.path, before: $0.expected, after: $0.actual) }
                }
                report.rounds.append(round)
            case .vote:
                guard let vote = event.vote, !report.rounds.isEmpty else { break }
                report.rounds[report.rounds.count - 1].votes[vote.voter] = vote
                if !voters.contains(vote.voter) { voters.append(vote.voter) }
            case .tally:
                guard let tally = event.tally, !report.rounds.isEmpty else { break }
                report.rounds[report.rounds.count - 1].tally = tally
            case .arbitration:
                report.arbitration = event.arbitration
            case .decision:
                report.decision = event.decision
            case .ownerAnswer:
                if let answer = event.owner { report.owner.append(OwnerRecord(round: event.round ?? 0, answer: answer)) }
            case .artifact, .runEnd, .phaseEnd, .ownerAsked:
                break
            }
            phases[phase] = report
        }
        let estimate = { (usage: TokenUsage) in prices.estimate(modelLabel: transcript.header.model, usage: usage) }
        self.phases = Phase.allCases.compactMap { phase in
            phases[phase].map { report in
                var priced = report
                priced.usage.dollars = estimate(report.usage.tokens)?.dollars
                return priced
            }
        }
        members =
            team.map { team in
                team.members.map { Member(id: $0.id, name: $0.name, role: $0.role.title, weight: $0.weight) }
            } ?? voters.map { Member(id: $0, name: $0, role: "", weight: nil) }
        let whole = estimate(total.tokens)
        pricedAs = whole?.pricedAs
        total.dollars = whole?.dollars
        self.personaUsage = personaUsage.mapValues { usage in
            var priced = usage
            priced.dollars = estimate(usage.tokens)?.dollars
            return priced
        }
        self.total = total
        self.summary = summary
        self.artifacts = artifacts
        self.blueprint = blueprint ?? Self.adopted(self.phases, header: transcript.header)
    }

    /// The Blueprint of the proposals the run adopted.
    private static func adopted(_ phases: [PhaseReport], header: TranscriptHeader) -> Blueprint {
        var blueprint = Blueprint(industry: header.industry, brief: header.brief)
        for report in phases {
            guard let round = report.decision?.adoptedRound,
                let proposal = report.rounds.first(where: { $0.number == round })?.proposal
            else { continue }
            blueprint = blueprint.applying(proposal.content)
        }
        return blueprint
    }

    private static func json(_ content: ProposalContent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(content)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension RunReport.Usage {
    mutating func add(_ usage: TokenUsage) {
        calls += 1
        tokens = tokens + usage
    }
}
