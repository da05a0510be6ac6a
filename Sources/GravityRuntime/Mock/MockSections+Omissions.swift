import GravityModel

extension MockSections {
    /// `content` with the structure that establishes `fact` broken in one place, the way a
    /// hurried first draft gets it wrong.
    func omitting(_ fact: StructuralFact, from content: ProposalContent) -> ProposalContent {
        switch (fact, content) {
        case (.mustHaveFeatures, .requirements(var section)):
            if let index = section.features.lastIndex(where: { $0.priority == .must }) { section.features.remove(at: index) }
            return .requirements(section)
        case (.rolesDefined, .requirements(var section)):
            if !section.roles.isEmpty { section.roles.removeLast() }
            return .requirements(section)
        case (.rulesInScope, .requirements(var section)):
            // A hurried analyst leaves out one of the industry's rules.
            if !section.postings.isEmpty {
                section.postings.removeLast()
            } else if !section.placements.isEmpty {
                section.placements.removeLast()
            } else if !section.claims.isEmpty {
                section.claims.removeLast()
            } else if !section.schedules.isEmpty {
                section.schedules.removeLast()
            } else if !section.stocks.isEmpty {
                section.stocks.removeLast()
            } else if !section.lifecycles.isEmpty {
                section.lifecycles.removeLast()
            }
            return .requirements(section)
        case (.entitiesOwned, .architecture(var section)):
            if let index = section.services.lastIndex(where: { !$0.entities.isEmpty }) { section.services[index].entities.removeLast() }
            return .architecture(section)
        case (.dependenciesFollowRelations, .architecture(var section)):
            if let index = section.services.firstIndex(where: { !$0.dependsOn.isEmpty }) { section.services[index].dependsOn.removeAll() }
            return .architecture(section)
        case (.tablePerEntity, .database(var section)):
            if let index = section.stores.lastIndex(where: { $0.tables.contains { $0.entity != Blueprint.accountEntity } }) {
                section.stores[index].tables.removeLast()
            }
            return .database(section)
        case (.foreignKeysIndexed, .database(var section)):
            for store in section.stores.indices {
                for table in section.stores[store].tables.indices {
                    for column in section.stores[store].tables[table].columns.indices
                    where section.stores[store].tables[table].columns[column].references != nil
                        || section.stores[store].tables[table].columns[column].externalEntity != nil
                    {
                        section.stores[store].tables[table].columns[column].indexed = false
                    }
                }
            }
            return .database(section)
        case (.invariantsEnforced, .database(var section)):
            // A hurried schema leaves the stock (or the balance) without its bound, so a race could take it below zero.
            let bounded =
                blueprint.requirements?.stocks.first.map { ($0.entity, $0.field) }
                ?? blueprint.requirements?.postings.first.flatMap { posting in industry.account(of: posting).map { ($0, posting.balance) } }
            if let (entity, field) = bounded {
                for store in section.stores.indices {
                    for table in section.stores[store].tables.indices where section.stores[store].tables[table].entity == entity {
                        for column in section.stores[store].tables[table].columns.indices
                        where section.stores[store].tables[table].columns[column].name == field {
                            section.stores[store].tables[table].columns[column].minimum = nil
                        }
                    }
                }
            }
            return .database(section)
        case (.pagePerEntity, .frontend(var section)):
            if let removed = section.pages.popLast() { section.navigation.removeAll { $0 == removed.route } }
            return .frontend(section)
        case (.loginPage, .frontend(var section)):
            section.login = false
            return .frontend(section)
        case (.crudPerEntity, .backend(var section)):
            if let api = section.apis.lastIndex(where: { $0.endpoints.contains { $0.action == .delete } }),
                let endpoint = section.apis[api].endpoints.lastIndex(where: { $0.action == .delete })
            {
                section.apis[api].endpoints.remove(at: endpoint)
            }
            return .backend(section)
        case (.writesProtected, .backend(var section)):
            if let api = section.apis.firstIndex(where: { $0.endpoints.contains { $0.action == .create } }),
                let endpoint = section.apis[api].endpoints.firstIndex(where: { $0.action == .create })
            {
                section.apis[api].endpoints[endpoint].access = .public
            }
            return .backend(section)
        case (.transitionsGuarded, .backend(var section)):
            // A hurried draft keeps the plain update of a record with a lifecycle, which lets a client set its status.
            if let lifecycle = blueprint.requirements?.lifecycles.first,
                let api = section.apis.firstIndex(where: { $0.endpoints.contains { $0.entity == lifecycle.entity } }),
                let create = section.apis[api].endpoints.first(where: { $0.entity == lifecycle.entity && $0.action == .create })
            {
                section.apis[api].endpoints.append(
                    EndpointSpec(method: "PUT", path: create.path + "/{id}", entity: lifecycle.entity, action: .update, access: create.access, role: nil)
                )
            }
            return .backend(section)
        case (.stockReserved, .backend(var section)):
            for api in section.apis.indices { section.apis[api].endpoints.removeAll { $0.action == .release } }
            return .backend(section)
        case (.crossServiceChecks, .backend(var section)):
            if let index = section.apis.firstIndex(where: { !$0.calls.isEmpty }) { section.apis[index].calls.removeAll() }
            return .backend(section)
        case (.policyPerRole, .security(var section)):
            if !section.policies.isEmpty { section.policies.removeLast() }
            return .security(section)
        case (.suitePerService, .testing(var section)):
            if !section.suites.isEmpty { section.suites.removeLast() }
            return .testing(section)
        case (.unitPerService, .deployment(var section)):
            if !section.units.isEmpty { section.units.removeLast() }
            return .deployment(section)
        case (.healthChecks, .deployment(var section)):
            if !section.units.isEmpty { section.units[section.units.count - 1].healthCheck = "" }
            return .deployment(section)
        default:
            return content
        }
    }
}
