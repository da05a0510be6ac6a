extension FrontendSection {
    /// A page for every entity in scope, in the navigation; a sign-in page where there are roles.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> FrontendSection {
        var section = self
        let paged = Set(pages.map(\.entity))
        for entity in scope.entities where !paged.contains(entity) {
            guard let owner = scope.owner(of: entity) else { continue }
            let plural = scope.industry.entity(named: entity)?.plural ?? SafeIdentifier.make(entity) + "_records"
            let page = PageSpec(route: "/\(plural)", title: Naming.title(plural), entity: entity, service: owner, views: [.list, .detail, .create, .edit])
            section.pages.append(page)
            section.navigation.append(page.route)
        }
        if !scope.roles.isEmpty { section.login = true }
        return section
    }
}

extension BackendSection {
    /// Each service's API with the endpoints and calls a careful lead gives it where they are
    /// missing; no plain update or delete of what a lifecycle moves or an order writes; no write
    /// open to anyone where there are accounts to protect it with.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> BackendSection {
        var section = self
        let requirements = scope.blueprint.requirements
        for service in scope.services {
            let standard = ServiceAPI.standard(for: service, among: scope.services, blueprint: scope.blueprint, industry: scope.industry)
            guard let index = section.apis.firstIndex(where: { $0.service == service.name }) else {
                section.apis.append(standard)
                continue
            }
            var api = section.apis[index]
            let present = Set(api.endpoints.map(\.identity))
            api.endpoints += standard.endpoints.filter { !present.contains($0.identity) }
            for call in standard.calls where !api.calls.contains(where: { $0.service == call.service && $0.entity == call.entity }) {
                api.calls.append(call)
            }
            section.apis[index] = api
        }
        for index in section.apis.indices {
            section.apis[index].endpoints = section.apis[index].endpoints.compactMap { endpoint in
                var endpoint = endpoint
                let lifecycle = requirements?.lifecycle(of: endpoint.entity) != nil
                let placed = requirements?.placements.contains { $0.lines == endpoint.entity } ?? false
                if placed, endpoint.action.writes { return nil }
                if lifecycle, [.update, .delete].contains(endpoint.action) { return nil }
                if endpoint.action.writes, endpoint.access == .public, !scope.roles.isEmpty { endpoint.access = .authenticated }
                if endpoint.action == .transition, endpoint.access == .public { endpoint.access = .authenticated }
                return endpoint
            }
        }
        return section
    }
}

extension SecuritySection {
    /// A policy for every role (writing nothing beyond what the administrator may anyway) and hashed passwords.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> SecuritySection {
        var section = self
        for role in scope.roles where !policies.contains(where: { $0.role == role }) {
            section.policies.append(RolePolicy(role: role, writes: []))
        }
        if broken.contains(.passwordsHashed) {
            section.authentication = AuthenticationSpec(scheme: "jwt", passwordHashing: "pbkdf2_sha256", tokenLifetimeMinutes: max(authentication.tokenLifetimeMinutes, 1))
        }
        return section
    }
}

extension TestingSection {
    /// A suite for every service.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> TestingSection {
        var section = self
        for service in scope.services where !suites.contains(where: { $0.service == service.name }) {
            section.suites.append(TestSuiteSpec(service: service.name, kinds: [.unit, .api], minimumCoverage: 80))
        }
        return section
    }
}

extension DeploymentSection {
    /// A unit for every service, each with a health check.
    func completed(breaking broken: [StructuralFact], in scope: ProposalScope) -> DeploymentSection {
        var section = self
        for service in scope.services where !units.contains(where: { $0.service == service.name }) {
            section.units.append(DeploymentUnit(service: service.name, replicas: 1, healthCheck: "/health", cpuLimit: "500m", memoryLimit: "256Mi"))
        }
        for index in section.units.indices where section.units[index].healthCheck.isEmpty {
            section.units[index].healthCheck = "/health"
        }
        return section
    }
}
