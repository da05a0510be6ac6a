extension SecuritySection {
    /// A policy per role at most, for roles that exist, writing entities in scope.
    func normalised(in scope: ProposalScope) -> SecuritySection {
        var section = self
        let inScope = Set(scope.entities)
        section.policies = policies.filter { scope.roles.contains($0.role) }.firstOfEach(by: \.role).map { policy in
            var policy = policy
            policy.writes = DistinctNames.filter(policy.writes).filter(inScope.contains)
            return policy
        }
        section.authentication.tokenLifetimeMinutes = SectionBounds.tokenLifetimeMinutes.clamp(authentication.tokenLifetimeMinutes)
        return section
    }
}
