extension ArchitectureSection {
    /// Every entity owned (by the service of its bounded context, as a careful lead splits them),
    /// orders, claims and postings apart from the stock they take, dependencies that follow the
    /// relations, and services whose relations go both ways merged.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> ArchitectureSection {
        var section = self
        let industry = scope.industry
        for entity in scope.entities where section.owner(of: entity) == nil {
            let context = industry.entity(named: entity)?.context
            let kin = section.services.firstIndex { service in
                service.name == context || service.entities.contains { industry.entity(named: $0)?.context == context && context != nil }
            }
            if let index = kin ?? section.services.firstIndex(where: { !$0.entities.isEmpty }) {
                section.services[index].entities.append(entity)
            } else {
                section.put([entity], inServiceNamed: context ?? "records", of: context, industry: industry, otherwise: "The application's records")
            }
        }
        // An entity whose rule is not placed as it works moves, with what it must be kept with, to a
        // service of its own context (another than the one whose stock it takes).
        for placing in ProposalContent.placings(of: scope.blueprint.requirements, industry: industry) {
            let owner = section.owner(of: placing.entity)?.name
            let keeper = placing.apart.flatMap { section.owner(of: $0)?.name }
            guard owner == nil || owner == keeper || placing.together.contains(where: { section.owner(of: $0)?.name != owner }) else { continue }
            let context = industry.entity(named: placing.entity)?.context ?? placing.entity
            // Its bounded context's other entities go along: they refer to it, and left behind they would make a cycle.
            let kin = (owner.flatMap { name in section.services.first { $0.name == name }?.entities } ?? []).filter { other in
                other != placing.apart && industry.entity(named: other)?.context == context
            }
            var moving = [placing.entity] + placing.together
            moving += kin.filter { !moving.contains($0) }
            for index in section.services.indices { section.services[index].entities.removeAll { moving.contains($0) } }
            let name = context != keeper ? context : "\(context)_\(placing.entity)"
            section.put(moving, inServiceNamed: name, of: context, industry: industry, otherwise: "Keeps \(placing.entity)")
        }
        for (from, to) in ProposalContent.crossServiceReferences(section, industry: industry) {
            guard let index = section.services.firstIndex(where: { $0.name == from }), !section.services[index].dependsOn.contains(to) else { continue }
            section.services[index].dependsOn.append(to)
        }
        while let cycle = DependencyCycle.find(in: section.services) {
            section.merge(Array(Set(cycle)))
        }
        // Merging a cycle can put a rule's entity back with the stock it takes; then the split a careful
        // lead makes stands in: a service per bounded context, whose relations the industry keeps acyclic.
        if ProposalContent.architecture(section).brokenFacts(given: scope.blueprint, industry: industry).contains(.rulesPlaced) {
            section.services = section.services.filter(\.entities.isEmpty) + Self.perContext(scope.entities, industry: industry)
        }
        return section
    }

    /// One service per bounded context of `entities`, depending on the services their relations reach.
    static func perContext(_ entities: [String], industry: Industry) -> [ServiceSpec] {
        var services: [ServiceSpec] = []
        for entity in entities {
            let context = industry.entity(named: entity)?.context ?? "records"
            if let index = services.firstIndex(where: { $0.name == context }) {
                services[index].entities.append(entity)
            } else {
                let description = industry.contexts.first { $0.id == context }?.description ?? "The application's records"
                services.append(ServiceSpec(name: context, kind: .api, description: description, apiPrefix: "/api/\(context)", entities: [entity], dependsOn: []))
            }
        }
        for index in services.indices {
            for entity in services[index].entities {
                for relation in industry.entity(named: entity)?.relations ?? [] {
                    guard let owner = services.first(where: { $0.entities.contains(relation.entity) })?.name, owner != services[index].name,
                        !services[index].dependsOn.contains(owner)
                    else { continue }
                    services[index].dependsOn.append(owner)
                }
            }
        }
        return services
    }

    /// `entities` added to the service `name`, which is made if there is none (described as the
    /// bounded context `context` is, else as `otherwise`).
    mutating func put(_ entities: [String], inServiceNamed name: String, of context: String?, industry: Industry, otherwise: String) {
        if let index = services.firstIndex(where: { $0.name == name }) {
            services[index].entities += entities
            return
        }
        let description = industry.contexts.first { $0.id == context }?.description ?? otherwise
        services.append(ServiceSpec(name: name, kind: .api, description: description, apiPrefix: "/api/\(name)", entities: entities, dependsOn: []))
    }

    /// The services named merged into the first of them in the section's order.
    mutating func merge(_ names: [String]) {
        guard let keep = services.firstIndex(where: { names.contains($0.name) }) else { return }
        let kept = services[keep].name
        for service in services where names.contains(service.name) && service.name != kept {
            services[keep].entities += service.entities
            services[keep].dependsOn += service.dependsOn
        }
        services.removeAll { names.contains($0.name) && $0.name != kept }
        for index in services.indices {
            services[index].dependsOn = services[index].dependsOn.map { names.contains($0) ? kept : $0 }
                .filter { $0 != services[index].name }.firstOfEach()
        }
    }
}
