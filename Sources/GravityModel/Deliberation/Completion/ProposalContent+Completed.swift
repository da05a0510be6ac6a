/// Why no proposal of a phase can be completed into one that breaks no structural fact.
public struct CompletionFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var phase: Phase
    /// The field at fault, from the section (`requirements.roles`).
    public var field: String
    public var reason: String

    public var description: String { "\(field): \(reason)" }

    public init(phase: Phase, field: String, reason: String) {
        self.phase = phase
        self.field = field
        self.reason = reason
    }
}

extension ProposalContent {
    /// This proposal completed so that it breaks none of its phase's structural facts, keeping all
    /// it decided that holds: the moderator's last resort when neither the team's rounds nor the
    /// lead's repair give an adoptable proposal. What is added comes from the decisions so far and
    /// the industry (its features, roles and rules with its own brief; its domain model for tables).
    /// Throws, naming the field, only where nothing can stand in (a brief of its own that names no
    /// entity or no role).
    public func completed(given blueprint: Blueprint, industry: Industry) throws(CompletionFailure) -> ProposalContent {
        let scope = ProposalScope(blueprint: blueprint, industry: industry)
        var content = normalised(given: blueprint, industry: industry)
        // Each completion may bring in more to complete (an entity pulls in the rules of its own),
        // so it runs until the facts hold; three passes are more than any industry needs.
        for _ in 0..<3 {
            let broken = content.brokenFacts(given: blueprint, industry: industry)
            guard !broken.isEmpty else { return content }
            switch content {
            case .requirements(let section): content = .requirements(try section.completed(breaking: broken, in: scope))
            case .architecture(let section): content = .architecture(section.completed(breaking: broken, in: scope))
            case .database(let section): content = .database(section.completed(breaking: broken, in: scope))
            case .frontend(let section): content = .frontend(section.completed(breaking: broken, in: scope))
            case .backend(let section): content = .backend(section.completed(breaking: broken, in: scope))
            case .security(let section): content = .security(section.completed(breaking: broken, in: scope))
            case .testing(let section): content = .testing(section.completed(breaking: broken, in: scope))
            case .deployment(let section): content = .deployment(section.completed(breaking: broken, in: scope))
            }
            content = content.normalised(given: blueprint, industry: industry)
        }
        if let fact = content.brokenFacts(given: blueprint, industry: industry).first {
            throw CompletionFailure(phase: phase, field: fact.rawValue, reason: "it still does not hold once completed")
        }
        return content
    }
}
