import Foundation
import GravityModel
import GravityRuntime

/// What a run's report shows, read from its transcript: the phases with their rounds, every vote,
/// the decisions and dissent, what the model calls cost, and the application the run generated.
public struct RunReport: Sendable {
    public struct Member: Sendable {
        public var id: String
        public var name: String
        public var role: String
        public var weight: Double?
    }

    public struct Round: Sendable {
        public var number: Int
        public var proposal: Proposal?
        public var votes: [String: Vote] = [:]
        public var tally: WeightedTally?
        /// Leaf by leaf, what this round's proposal changed from the round before.
        public var changes: [(path: String, before: String, after: String)] = []
    }

    public struct PhaseReport: Sendable {
        public var phase: Phase
        public var lead: String?
        public var rounds: [Round] = []
        public var arbitration: ArbitrationAnswer?
        public var decision: DecisionRecord?
        /// A change run's phase that kept the parent's decision, with why.
        public var kept: String?
        /// The approval gate's answers, each with the round it was about.
        public var owner: [OwnerRecord] = []
        public var usage = Usage()
    }

    public struct Usage: Sendable {
        public var calls = 0
        public var tokens = TokenUsage(prompt: 0, completion: 0)
        /// Estimated dollars at the price table's rates, when it has the model.
        public var dollars: Double?
    }

    public var header: TranscriptHeader
    public var members: [Member]
    public var phases: [PhaseReport]
    /// Tokens and cost by persona, in `members` order.
    public var personaUsage: [String: Usage]
    public var total: Usage
    /// The model whose prices the cost is estimated at (a mock run is priced as the reference model).
    public var pricedAs: String?
    public var summary: RunSummary?
    public var artifacts: [ArtifactDigest]
    /// The application's Blueprint, as far as the run decided it.
    public var blueprint: Blueprint
    public var isComplete: Bool

    /// The member's name, or the id where the team is not known.
    public func name(_ id: String) -> String { members.first { $0.id == id }?.name ?? id }
}
