import Foundation
import GRDB

/// One run in the history: its inputs, outcome, usage and timing.
public struct RunRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var startedAt: Date
    public var durationMilliseconds: Double
    /// `develop`, `resume` or `replay`.
    public var command: String
    public var industry: String
    public var brief: String
    /// Kept as text: seeds use the full unsigned 64-bit range.
    public var seed: String
    public var model: String
    public var maxRounds: Int
    public var concurrency: Int
    /// `completed` or `failed`.
    public var status: String
    public var failure: String?
    public var transcript: String
    public var output: String
    public var blueprintDigest: String?
    public var modelCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// Estimated cost in US dollars from the price table; nil when the model has no price.
    public var estimatedCost: Double?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, command, industry, brief, seed, model, concurrency, status, failure, transcript, output
        case estimatedCost = "estimated_cost"
        case startedAt = "started_at"
        case durationMilliseconds = "duration_ms"
        case maxRounds = "max_rounds"
        case blueprintDigest = "blueprint_digest"
        case modelCalls = "model_calls"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// How one phase of a run went.
public struct PhaseRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "phases"

    public var runID: Int64
    public var position: Int
    public var phase: String
    public var lead: String
    public var outcome: String
    public var resolution: String
    public var decidedBy: String
    public var rounds: Int
    public var average: Double
    public var support: Double
    public var modelCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var durationMilliseconds: Double

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case phase, position, lead, outcome, resolution, rounds, average, support
        case runID = "run_id"
        case decidedBy = "decided_by"
        case modelCalls = "model_calls"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case durationMilliseconds = "duration_ms"
    }
}

/// One vote cast in a run.
public struct VoteRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "votes"

    public var runID: Int64
    public var phase: String
    public var round: Int
    public var voter: String
    public var option: String
    public var weight: Double
    public var missing: String
    /// The voter abstained (its model's answers broke the schema); the option is not a vote.
    public var abstained: Bool

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case phase, round, voter, option, weight, missing, abstained
        case runID = "run_id"
    }
}

/// One persona's model usage in a run.
public struct PersonaUsageRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "persona_usage"

    public var runID: Int64
    public var persona: String
    public var calls: Int
    public var promptTokens: Int
    public var completionTokens: Int

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case persona, calls
        case runID = "run_id"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }
}

/// Everything the history keeps of one run.
public struct RunRecords: Sendable {
    public var run: RunRecord
    public var phases: [PhaseRecord]
    public var votes: [VoteRecord]
    public var personas: [PersonaUsageRecord]
}
