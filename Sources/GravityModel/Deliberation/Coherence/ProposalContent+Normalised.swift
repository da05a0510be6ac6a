extension ProposalContent {
    /// This proposal made coherent where a JSON schema cannot hold a model to it: a name that one
    /// field gives and another must repeat, two names that become the same identifier, a reference
    /// to something nobody decided. What cannot be made coherent is dropped, never guessed at; the
    /// structural facts are not completed here (a proposal that breaks one still cannot be adopted).
    /// A proposal that is coherent already (every mock answer) comes back unchanged.
    public func normalised(given blueprint: Blueprint, industry: Industry) -> ProposalContent {
        let scope = ProposalScope(blueprint: blueprint, industry: industry)
        switch self {
        case .requirements(let section): return .requirements(section.normalised(in: scope))
        case .architecture(let section): return .architecture(section.normalised(in: scope))
        case .database(let section): return .database(section.normalised(in: scope))
        case .frontend(let section): return .frontend(section.normalised(in: scope))
        case .backend(let section): return .backend(section.normalised(in: scope))
        case .security(let section): return .security(section.normalised(in: scope))
        case .testing(let section): return .testing(section.normalised(in: scope))
        case .deployment(let section): return .deployment(section.normalised(in: scope))
        }
    }
}
