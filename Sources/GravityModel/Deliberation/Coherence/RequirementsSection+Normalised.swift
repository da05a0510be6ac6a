extension RequirementsSection {
    /// Entities in scope are those listed and those the features name (a feature needs its entities);
    /// with the industry's own brief, also those they refer to, and the rules are the industry's.
    func normalised(in scope: ProposalScope) -> RequirementsSection {
        var section = self
        let industry = scope.industry
        if !appName.isNameable { section.appName = industry.brand.name }
        // A role is an identifier (tokens and code carry it); the first is what an account registers
        // as and the last administers, so one role alone would make every newcomer an administrator.
        section.roles = DistinctNames.filter(roles, reserving: [Industry.serviceRole]).map(SafeIdentifier.make)
        if section.roles.count == 1 { section.roles.append(section.roles[0] == "admin" ? "administrator" : "admin") }
        if let code = currency, Currency(code: code) == nil { section.currency = nil }
        if section.currency == nil, scope.industryBrief { section.currency = industry.currency }
        var ids = DistinctNames()
        section.features = features.filter { ids.admit($0.id) }.map { feature in
            var feature = feature
            feature.entities = DistinctNames.filter(feature.entities, reserving: [Blueprint.accountEntity])
            return feature
        }
        var named = DistinctNames.filter(entities + section.features.flatMap(\.entities), reserving: [Blueprint.accountEntity])
        if scope.industryBrief {
            let inIndustry = Set(industry.entities.map(\.name))
            named = industry.closure(of: named.filter(inIndustry.contains)) + named.filter { !inIndustry.contains($0) }
        }
        section.entities = named
        let inScope = Set(named)
        let kept = { (entity: String, rule: (RequirementsSection) -> Bool) in inScope.contains(entity) && rule(section) }
        if scope.industryBrief {
            // The industry's rules for its entities are the brief's; a rule of the model's own has no fields to act on.
            section.lifecycles = lifecycles.filter { rule in kept(rule.entity) { _ in industry.lifecycles.contains(rule) } }
            section.stocks = stocks.filter { rule in kept(rule.entity) { _ in industry.stocks.contains(rule) } }
            section.schedules = schedules.filter { rule in kept(rule.entity) { _ in industry.schedules.contains(rule) } }
            section.claims = claims.filter { rule in kept(rule.entity) { _ in industry.claims.contains(rule) } }
            section.placements = placements.filter { rule in
                kept(rule.entity) { _ in inScope.contains(rule.lines) && industry.placements.contains(rule) }
            }
            section.postings = postings.filter { rule in kept(rule.entity) { _ in industry.postings.contains(rule) } }
            // A precondition's paths run through the industry's relations, so only its own are kept.
            section.preconditions = preconditions.filter { rule in
                kept(rule.entity) { _ in inScope.contains(rule.exists) && industry.preconditions.contains(rule) }
            }
        } else {
            section.lifecycles = lifecycles.filter { inScope.contains($0.entity) && $0.isCoherent }.firstOfEach(by: \.entity).map {
                $0.permitting(section.roles)
            }
            section.stocks = stocks.filter { inScope.contains($0.entity) }.firstOfEach(by: \.entity)
            // These work on the industry's relations (the resource booked, the stock taken), so only
            // the industry's own are kept; a workflow and a count need no more than their fields.
            section.schedules = schedules.filter { rule in kept(rule.entity) { _ in industry.schedules.contains(rule) } }
            section.claims = claims.filter { rule in kept(rule.entity) { _ in industry.claims.contains(rule) } }
            section.placements = placements.filter { rule in
                kept(rule.entity) { _ in inScope.contains(rule.lines) && industry.placements.contains(rule) }
            }
            section.postings = postings.filter { rule in kept(rule.entity) { _ in industry.postings.contains(rule) } }
            // A precondition's paths run through the industry's relations, so only its own are kept.
            section.preconditions = preconditions.filter { rule in
                kept(rule.entity) { _ in inScope.contains(rule.exists) && industry.preconditions.contains(rule) }
            }
        }
        return section
    }
}

extension Lifecycle {
    /// This lifecycle with its permissions given to `roles` only (by their identifiers); a
    /// transition left to nobody is the administrator's (the last role), from every other state.
    func permitting(_ roles: [String]) -> Lifecycle {
        var lifecycle = self
        for index in lifecycle.transitions.indices {
            let transition = lifecycle.transitions[index]
            var permissions = transition.by.map { permission in
                Permission(roles: permission.roles.map(SafeIdentifier.make).filter(roles.contains), from: permission.from.filter { !$0.isEmpty })
            }.filter { !$0.roles.isEmpty && !$0.from.isEmpty }
            if permissions.isEmpty, let administrator = roles.last {
                permissions = [Permission(roles: [administrator], from: states.filter { $0 != transition.to })]
            }
            lifecycle.transitions[index].by = permissions
        }
        return lifecycle
    }

    /// Every state a record can be in: the initial one, those transitions lead to and come from.
    var states: [String] {
        ([initial] + transitions.map(\.to) + transitions.flatMap { $0.by.flatMap(\.from) }).filter { !$0.isEmpty }.firstOfEach()
    }

    /// Named transitions, each once, to a state with a name, from states with names.
    var isCoherent: Bool {
        var names = DistinctNames()
        return !transitions.isEmpty && initial.isNameable
            && transitions.allSatisfy { transition in
                names.admit(transition.name) && transition.to.isNameable
            }
    }
}
