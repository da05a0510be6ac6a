extension DatabaseSection {
    /// A table for every entity in scope, in its owner's store (the industry's fields for an entity
    /// it defines), foreign keys indexed, and the counts and balances that may not go below zero bounded.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> DatabaseSection {
        var section = self
        let stored = Set(stores.flatMap { $0.tables.map(\.entity) })
        for entity in scope.entities where !stored.contains(entity) {
            guard let owner = scope.owner(of: entity) else { continue }
            section.add(table(for: entity, owner: owner, in: scope), to: owner)
        }
        let bounded = scope.blueprint.boundedCounts(industry: scope.industry)
        for store in section.stores.indices {
            for table in section.stores[store].tables.indices {
                let entity = section.stores[store].tables[table].entity
                for column in section.stores[store].tables[table].columns.indices {
                    var spec = section.stores[store].tables[table].columns[column]
                    if spec.references != nil || spec.externalEntity != nil { spec.indexed = true }
                    if bounded.contains(where: { $0 == (entity, spec.name) }) {
                        spec.nullable = false
                        spec.minimum = max(spec.minimum ?? 0, 0)
                    }
                    section.stores[store].tables[table].columns[column] = spec
                }
            }
        }
        return section
    }

    private func table(for entity: String, owner: String, in scope: ProposalScope) -> TableSpec {
        guard let defined = scope.industry.entity(named: entity) else { return .minimal(for: entity) }
        let local = scope.services.first { $0.name == owner }?.entities ?? []
        return .standard(for: defined, in: scope.industry, local: local)
    }

    /// `table` added to `service`'s store, which is made (SQLite) if the service has none.
    mutating func add(_ table: TableSpec, to service: String) {
        if let index = stores.firstIndex(where: { $0.service == service }) {
            stores[index].tables.append(table)
        } else {
            stores.append(ServiceStore(service: service, engines: .standard, database: "\(service)_db", tables: [table]))
        }
    }
}
