/// Model usage of a run by phase (in phase order) and by persona (most tokens first).
public struct UsageBreakdown: Sendable {
    public struct Line: Codable, Sendable, Hashable {
        public var name: String
        public var calls: Int
        public var tokens: TokenUsage
    }

    public var phases: [Line]
    public var personas: [Line]

    init(phases: [(String, Int, TokenUsage)], personas: [(String, Int, TokenUsage)]) {
        self.phases = phases.map { Line(name: $0.0, calls: $0.1, tokens: $0.2) }
        self.personas = personas.map { Line(name: $0.0, calls: $0.1, tokens: $0.2) }
    }
}
