import Foundation
import GravityModel
import GravityRuntime

/// The end-of-run summary of `develop`, as a table or as JSON.
struct DevelopReport: Encodable {
    var industry: String
    var brief: String
    var seed: UInt64
    var model: String
    var phases: [PhaseSummary]
    var modelCalls: Int
    var tokens: TokenUsage
    var blueprintDigest: String
    var blueprint: String
    var transcript: String
    var elapsedMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case industry, brief, seed, model, phases, tokens, blueprint, transcript
        case modelCalls = "model_calls"
        case blueprintDigest = "blueprint_digest"
        case elapsedMilliseconds = "elapsed_ms"
    }

    init(
        industry: String,
        brief: String,
        seed: UInt64,
        model: String,
        result: SessionResult,
        blueprint: String,
        transcript: String,
        elapsed: Duration
    ) {
        self.industry = industry
        self.brief = brief
        self.seed = seed
        self.model = model
        self.phases = result.summary.phases
        self.modelCalls = result.summary.modelCalls
        self.tokens = result.summary.tokens
        self.blueprintDigest = result.summary.blueprintDigest
        self.blueprint = blueprint
        self.transcript = transcript
        let components = elapsed.components
        self.elapsedMilliseconds = (Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15).rounded()
    }

    func table(team: Team) -> String {
        var table = TextTable(header: ["phase", "lead", "outcome", "rounds", "average", "support", "decided by"])
        for phase in phases {
            table.rows.append([
                phase.phase.rawValue, team.member(phase.lead)?.name ?? phase.lead, phase.outcome.label, String(phase.rounds),
                String(format: "%.2f", phase.average), String(format: "%.1f%%", phase.support),
                phase.decidedBy == "team" ? "team vote" : "\(team.member(phase.decidedBy)?.name ?? phase.decidedBy) (product manager)",
            ])
        }
        let estimated = model == "mock" ? " (estimated)" : ""
        return [
            table.render(),
            "",
            "Blueprint:  \(blueprint)",
            "Transcript: \(transcript)",
            "Model:      \(model), \(modelCalls) calls, \(tokens.total) tokens\(estimated), \(Int(elapsedMilliseconds)) ms",
        ].joined(separator: "\n")
    }
}
