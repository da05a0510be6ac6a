extension BackendSection {
    /// One API per service; endpoints only for the service's own tables and only actions that fit
    /// them (sign-in on the accounts, a transition of the entity's lifecycle, reservations of what
    /// has a stock or balance), each once; roles that exist; calls to other services about their entities.
    func normalised(in scope: ProposalScope) -> BackendSection {
        var section = self
        section.pageSize = SectionBounds.pageSize.clamp(pageSize)
        var services = DistinctNames()
        let known = Set(scope.services.map(\.name))
        let requirements = scope.blueprint.requirements
        let reserved = Set(scope.blueprint.boundedCounts(industry: scope.industry).map(\.entity))
        section.apis = apis.filter { known.contains($0.service) && services.admit($0.service) }.map { api in
            var api = api
            api.endpoints = api.endpoints.compactMap { endpoint -> EndpointSpec? in
                guard scope.owner(of: endpoint.entity) == api.service else { return nil }
                var endpoint = endpoint
                let accounts = endpoint.entity == Blueprint.accountEntity
                switch endpoint.action {
                case .register, .login, .profile: guard accounts else { return nil }
                case .transition:
                    guard let name = endpoint.transition, requirements?.lifecycle(of: endpoint.entity)?.transitions.contains(where: { $0.name == name }) == true
                    else { return nil }
                case .reserve, .release: guard reserved.contains(endpoint.entity) else { return nil }
                case .list, .get, .create, .update, .delete: guard !accounts else { return nil }
                }
                if endpoint.action != .transition { endpoint.transition = nil }
                if let role = endpoint.role, !scope.roles.contains(role) { endpoint.role = nil }
                if endpoint.access == .role, endpoint.role == nil { endpoint.access = .authenticated }
                return endpoint
            }.firstOfEach(by: \.identity)
            api.calls = api.calls.filter { call in
                call.service != api.service && known.contains(call.service) && scope.owner(of: call.entity) == call.service
            }
            return api
        }
        return section
    }
}
