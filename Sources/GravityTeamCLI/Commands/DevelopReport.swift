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
    /// The run's id in the history, when it was recorded.
    var runID: Int64?
    /// For a resumed run: how many answers came from the interrupted transcript.
    var reused: Int?
    /// The generated services' own test results, when they were run.
    var verification: [ServiceTestResult]?
    /// Estimated cost in US dollars, and the model whose prices it uses.
    var estimatedCost: Double?
    var pricedAs: String?
    var usageByPhase: [UsageBreakdown.Line] = []
    var usageByPersona: [UsageBreakdown.Line] = []

    enum CodingKeys: String, CodingKey {
        case industry, brief, seed, model, phases, tokens, blueprint, transcript
        case modelCalls = "model_calls"
        case blueprintDigest = "blueprint_digest"
        case elapsedMilliseconds = "elapsed_ms"
        case runID = "run_id"
        case reused = "reused_answers"
        case verification
        case estimatedCost = "estimated_cost"
        case pricedAs = "priced_as"
        case usageByPhase = "usage_by_phase"
        case usageByPersona = "usage_by_persona"
    }

    init(
        industry: String,
        brief: String,
        seed: UInt64,
        model: String,
        result: SessionResult,
        blueprint: String,
        transcript: String,
        runID: Int64?,
        reused: Int?
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
        self.elapsedMilliseconds = result.elapsed.milliseconds.rounded()
        self.runID = runID
        self.reused = reused
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
        ]
        .appending(costLine)
        .appending(
            usageByPhase.isEmpty
                ? nil : "By phase:   " + usageByPhase.map { "\($0.name) \(Self.short($0.tokens.total))" }.joined(separator: ", ")
        )
        .appending(
            usageByPersona.isEmpty
                ? nil
                : "By persona: "
                    + usageByPersona.prefix(5).map { "\(team.member($0.name)?.name ?? $0.name) \(Self.short($0.tokens.total))" }.joined(
                        separator: ", "
                    )
                    + (usageByPersona.count > 5 ? ", ..." : "")
        )
        .appending(reused.map { "Resumed:    \($0) answers reused from the interrupted transcript, \(modelCalls - $0) asked anew" })
        .appending(
            verification.map { results in
                let passed = results.reduce(0) { $0 + $1.passed }
                let failed = results.reduce(0) { $0 + $1.failed }
                return "Verified:   \(results.count) services, \(passed) tests passed" + (failed > 0 ? ", \(failed) FAILED" : "")
            }
        )
        .appending(runID.map { "History:    run \($0) (gravity-team runs show \($0))" })
        .joined(separator: "\n")
    }
}

extension DevelopReport {
    var costLine: String? {
        guard let estimatedCost, let pricedAs else { return "Cost:       no price for \(model) in the price table (counted as free)" }
        let basis = model == "mock" ? "what this run would cost at \(pricedAs) prices" : "at \(pricedAs) prices"
        return String(
            format: "Cost:       $%.4f estimated, %@ (%d prompt + %d completion tokens)",
            estimatedCost,
            basis,
            tokens.prompt,
            tokens.completion
        )
    }

    /// 156692 as 157k.
    static func short(_ tokens: Int) -> String {
        tokens >= 1000 ? "\((tokens + 500) / 1000)k" : String(tokens)
    }
}

extension Array {
    fileprivate func appending(_ element: Element?) -> [Element] {
        guard let element else { return self }
        return self + [element]
    }
}
