extension ChangeRequest {
    /// The phases whose sections the change can alter, given the industry with it applied: those
    /// get a proposal, reviews and a vote; the others keep their decisions. A change in words may
    /// touch anything, so every phase deliberates on it.
    public func touchedPhases(in changed: Industry) -> Set<Phase> {
        if isWordsOnly { return Set(Phase.allCases) }
        let addsEntities = !entities.isEmpty || !contexts.isEmpty
        // A relation to another context's entity makes a service depend on another, which the
        // architecture, the backend's calls and the contract tests follow.
        let newRelations = entities.flatMap { entity in entity.relations.map { (entity.context, $0.entity) } }
            + extend.flatMap { addition in
                addition.relations.map { (changed.entity(named: addition.entity)?.context ?? "", $0.entity) }
            }
        let crossesContexts = newRelations.contains { context, target in changed.entity(named: target)?.context != context }
        var phases: Set<Phase> = []
        if !roles.isEmpty || addsEntities || !features.isEmpty || !rules.isEmpty { phases.insert(.requirements) }
        if addsEntities || crossesContexts || !remove.isEmpty { phases.insert(.architecture) }
        if !roles.isEmpty || addsEntities || !extend.isEmpty || !remove.isEmpty { phases.insert(.database) }
        if addsEntities { phases.insert(.frontend) }
        if addsEntities || crossesContexts || !rules.isEmpty || !remove.isEmpty { phases.insert(.backend) }
        if !roles.isEmpty || addsEntities { phases.insert(.security) }
        if !contexts.isEmpty || crossesContexts { phases.insert(.testing) }
        if !contexts.isEmpty { phases.insert(.deployment) }
        return phases
    }
}
