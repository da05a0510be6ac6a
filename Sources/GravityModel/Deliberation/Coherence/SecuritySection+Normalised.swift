extension SecuritySection {
    /// A policy per role at most, for roles that exist, writing entities in scope.
    func normalised(in scope: ProposalScope) -> SecuritySection {
        var section = self
        var roles: Set<String> = []
        let inScope = Set(scope.entities)
        section.policies = policies.filter { scope.roles.contains($0.role) && roles.insert($0.role).inserted }.map { policy in
            var policy = policy
            policy.writes = DistinctNames.filter(policy.writes).filter(inScope.contains)
            return policy
        }
        section.authentication.tokenLifetimeMinutes = SectionBounds.tokenLifetimeMinutes.clamp(authentication.tokenLifetimeMinutes)
        return section
    }
}
