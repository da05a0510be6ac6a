import Foundation
import GravityModel
import GravityRuntime

/// The end-of-run summary of `develop` and `resume` (the CLI prints it as a table or as JSON).
public struct DevelopReport: Encodable, Sendable {
    public var industry: String
    public var brief: String
    public var seed: UInt64
    public var model: String
    public var phases: [PhaseSummary]
    public var modelCalls: Int
    public var tokens: TokenUsage
    public var blueprintDigest: String
    public var blueprint: String
    public var transcript: String
    /// The run's HTML report (nil when a file of the user's is where it would go).
    public var report: String?
    public var elapsedMilliseconds: Double
    /// The run's id in the history, when it was recorded.
    public var runID: Int64?
    /// For a resumed run: how many answers came from the interrupted transcript.
    public var reused: Int?
    /// The generated services' own test results, when they were run.
    public var verification: [ServiceTestResult]?
    /// Files the user changed since the last run, kept, with this run's version beside each as `<file>.gravity-new`.
    public var keptEdits: [String] = []
    /// Estimated cost in US dollars, and the model whose prices it uses.
    public var estimatedCost: Double?
    public var pricedAs: String?
    public var usageByPhase: [UsageBreakdown.Line] = []
    public var usageByPersona: [UsageBreakdown.Line] = []

    enum CodingKeys: String, CodingKey {
        case industry, brief, seed, model, phases, tokens, blueprint, transcript, report
        case modelCalls = "model_calls"
        case blueprintDigest = "blueprint_digest"
        case elapsedMilliseconds = "elapsed_ms"
        case runID = "run_id"
        case reused = "reused_answers"
        case verification
        case keptEdits = "kept_edits"
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
}
