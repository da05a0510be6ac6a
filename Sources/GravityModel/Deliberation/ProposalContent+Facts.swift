extension ProposalContent {
    /// Every fact the proposal establishes: its practices, plus the structural facts that hold
    /// for it given the decisions already made and the industry.
    public func facts(given blueprint: Blueprint, industry: Industry) -> Set<String> {
        var facts = Set(practices)
        for fact in StructuralFact.facts(of: phase) where holds(fact, given: blueprint, industry: industry) {
            facts.insert(fact.rawValue)
        }
        return facts
    }

    /// The structural facts of its phase this proposal breaks, in declaration order.
    public func brokenFacts(given blueprint: Blueprint, industry: Industry) -> [StructuralFact] {
        StructuralFact.facts(of: phase).filter { !holds($0, given: blueprint, industry: industry) }
    }

    /// Whether `fact` holds for this proposal.
    public func holds(_ fact: StructuralFact, given blueprint: Blueprint, industry: Industry) -> Bool {
        let entities = blueprint.requirements?.entities ?? industry.entities.map(\.name)
        let roles = blueprint.requirements?.roles ?? industry.roles
        let services = blueprint.architecture?.services.map(\.name) ?? []
        // A brief of its own decides the domain: the industry's features and roles are its example then,
        // and the gates ask for the brief's own (the compliance items still apply).
        let industryBrief = industry.isOwnBrief(blueprint.brief)
        switch (fact, self) {
        case (.mustHaveFeatures, .requirements(let section)):
            guard industryBrief else {
                let musts = section.features.filter { $0.priority == .must }
                return !musts.isEmpty && musts.allSatisfy { !$0.entities.isEmpty && $0.entities.allSatisfy(section.entities.contains) }
            }
            let proposed = Set(section.features.map(\.id))
            return industry.features.filter { $0.priority == .must }.allSatisfy { proposed.contains($0.id) }
        case (.rolesDefined, .requirements(let section)):
            guard industryBrief else { return !section.roles.isEmpty }
            return Set(industry.roles).isSubset(of: section.roles)
        case (.rulesInScope, .requirements(let section)):
            let inScope = { (entity: String) in section.entities.contains(entity) }
            return industry.lifecycles.filter { inScope($0.entity) }.allSatisfy(section.lifecycles.contains)
                && industry.stocks.filter { inScope($0.entity) }.allSatisfy(section.stocks.contains)
                && industry.schedules.filter { inScope($0.entity) }.allSatisfy(section.schedules.contains)
                && industry.claims.filter { inScope($0.entity) }.allSatisfy(section.claims.contains)
                && industry.placements.filter { inScope($0.entity) && inScope($0.lines) }.allSatisfy(section.placements.contains)
                && industry.postings.filter { inScope($0.entity) }.allSatisfy(section.postings.contains)
                && industry.preconditions.filter { inScope($0.entity) && inScope($0.exists) }.allSatisfy(section.preconditions.contains)
        case (.entitiesOwned, .architecture(let section)):
            return entities.allSatisfy { entity in section.services.filter { $0.entities.contains(entity) }.count == 1 }
        case (.acyclicDependencies, .architecture(let section)):
            return DependencyCycle.find(in: section.services) == nil
        case (.dependenciesFollowRelations, .architecture(let section)):
            return Self.crossServiceReferences(section, industry: industry).allSatisfy { from, to in
                section.services.first { $0.name == from }?.dependsOn.contains(to) ?? false
            }
        case (.rulesPlaced, .architecture(let section)):
            return Self.placings(of: blueprint.requirements, industry: industry).allSatisfy { placing in
                let owner = section.owner(of: placing.entity)?.name
                return owner != nil && placing.together.allSatisfy { section.owner(of: $0)?.name == owner }
                    && placing.apart.map { section.owner(of: $0)?.name != owner } ?? true
            }
        case (.tablePerEntity, .database(let section)):
            let stored = Set(section.stores.flatMap { $0.tables.map(\.entity) })
            return entities.allSatisfy(stored.contains)
        case (.foreignKeysIndexed, .database(let section)):
            return section.stores.allSatisfy { store in
                store.tables.allSatisfy { table in
                    table.columns.allSatisfy { column in
                        (column.references == nil && column.externalEntity == nil) || column.indexed
                    }
                }
            }
        case (.invariantsEnforced, .database(let section)):
            // Stocks, and balances that postings move, never below zero.
            return blueprint.boundedCounts(industry: industry).allSatisfy { entity, field in
                let column = section.stores.flatMap(\.tables).first { $0.entity == entity }?.columns.first { $0.name == field }
                return column.map { !$0.nullable && ($0.minimum ?? -1) >= 0 } ?? false
            }
        case (.pagePerEntity, .frontend(let section)):
            let paged = Set(section.pages.map(\.entity))
            return entities.allSatisfy(paged.contains)
        case (.loginPage, .frontend(let section)):
            return roles.isEmpty || section.login
        case (.crudPerEntity, .backend(let section)):
            return entities.allSatisfy { entity in
                let endpoints = section.apis.flatMap(\.endpoints).filter { $0.entity == entity }
                if blueprint.requirements?.placements.contains(where: { $0.lines == entity }) == true {
                    return Set<EndpointAction>([.list, .get]).isSubset(of: endpoints.map(\.action)) && !endpoints.contains { $0.action.writes }
                }
                guard let lifecycle = blueprint.requirements?.lifecycle(of: entity) else {
                    return EndpointAction.crud.isSubset(of: endpoints.map(\.action))
                }
                let taken = Set(endpoints.compactMap(\.transition))
                return Set<EndpointAction>([.list, .get, .create]).isSubset(of: endpoints.map(\.action))
                    && lifecycle.transitions.allSatisfy { taken.contains($0.name) }
            }
        case (.stockReserved, .backend(let section)):
            return blueprint.boundedCounts(industry: industry).map(\.entity).allSatisfy { entity in
                let endpoints = section.apis.flatMap(\.endpoints).filter { $0.entity == entity && $0.access != .public }
                return endpoints.contains { $0.action == .reserve } && endpoints.contains { $0.action == .release }
            }
        case (.transitionsGuarded, .backend(let section)):
            return (blueprint.requirements?.lifecycles ?? []).allSatisfy { lifecycle in
                let endpoints = section.apis.flatMap(\.endpoints).filter { $0.entity == lifecycle.entity }
                return !endpoints.contains { [.update, .delete].contains($0.action) }
                    && lifecycle.transitions.allSatisfy { transition in
                        endpoints.contains { $0.action == .transition && $0.transition == transition.name && $0.access != .public }
                    }
            }
        case (.writesProtected, .backend(let section)):
            // An app without user roles has no accounts to protect writes with (as it has no login page).
            guard !roles.isEmpty else { return true }
            return section.apis.flatMap(\.endpoints).allSatisfy { endpoint in
                !endpoint.action.writes || endpoint.access != .public
            }
        case (.crossServiceChecks, .backend(let section)):
            guard let architecture = blueprint.architecture else { return true }
            return Self.crossServiceReferences(architecture, industry: industry).allSatisfy { from, to in
                section.apis.first { $0.service == from }?.calls.contains { $0.service == to } ?? false
            }
        case (.policyPerRole, .security(let section)):
            let covered = Set(section.policies.map(\.role))
            return roles.allSatisfy(covered.contains)
        case (.passwordsHashed, .security(let section)):
            return section.authentication.scheme == "none"
                || !["", "none", "plain", "plaintext"].contains(section.authentication.passwordHashing)
        case (.suitePerService, .testing(let section)):
            let tested = Set(section.suites.map(\.service))
            return services.allSatisfy(tested.contains)
        case (.unitPerService, .deployment(let section)):
            let deployed = Set(section.units.map(\.service))
            return services.allSatisfy(deployed.contains)
        case (.healthChecks, .deployment(let section)):
            return section.units.allSatisfy { !$0.healthCheck.isEmpty }
        default:
            return false
        }
    }

    /// Where the rules of the requirements put their entities: an order with its lines and apart
    /// from the stock they take, a claim or a posting apart from the stock or balance it takes, a
    /// booking with the resource it books, a record with what its preconditions read (one query of
    /// its service's database) (the generated services guard each so).
    static func placings(of requirements: RequirementsSection?, industry: Industry) -> [(entity: String, together: [String], apart: String?)] {
        guard let requirements else { return [] }
        let target = { (entity: String, relation: String) in industry.entity(named: entity)?.relations.first { $0.name == relation }?.entity }
        return requirements.placements.map { ($0.entity, [$0.lines], target($0.lines, $0.stock)) }
            + requirements.claims.map { ($0.entity, [], target($0.entity, $0.stock)) }
            + requirements.postings.map { ($0.entity, [], industry.account(of: $0)) }
            + requirements.schedules.map { ($0.entity, target($0.entity, $0.resource).map { [$0] } ?? [], nil) }
            + requirements.preconditions.map { rule in (rule.entity, rule.entitiesRead(in: industry).filter { $0 != rule.entity }, nil) }
    }

    /// Pairs (service, other service) where an entity of the first refers to an entity of the second.
    static func crossServiceReferences(_ architecture: ArchitectureSection, industry: Industry) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for service in architecture.services {
            for entityName in service.entities {
                guard let entity = industry.entity(named: entityName) else { continue }
                for relation in entity.relations {
                    guard let owner = architecture.owner(of: relation.entity), owner.name != service.name else { continue }
                    if !pairs.contains(where: { $0 == (service.name, owner.name) }) { pairs.append((service.name, owner.name)) }
                }
            }
        }
        return pairs
    }
}
