extension ArchitectureSection {
    /// Services with distinct names and routes, each entity in scope owned by the first service that
    /// claims it, dependencies only on other services of the section, and a service for the accounts
    /// where there are roles.
    func normalised(in scope: ProposalScope) -> ArchitectureSection {
        var section = self
        var names = DistinctNames()
        var prefixes = DistinctNames()
        var owned: Set<String> = []
        let inScope = Set(scope.entities)
        section.services = services.filter { names.admit($0.name) }.map { service in
            var service = service
            service.entities = DistinctNames.filter(service.entities).filter { inScope.contains($0) && owned.insert($0).inserted }
            if !prefixes.admit(service.apiPrefix.routeKey) {
                service.apiPrefix = "/api/" + SafeIdentifier.make(service.name).replacingOccurrences(of: "_", with: "-")
                _ = prefixes.admit(service.apiPrefix.routeKey)
            }
            return service
        }
        // A service that owns no entity keeps the accounts where there are roles; another has nothing to do.
        var accounts = scope.roles.isEmpty ? 0 : 1
        section.services.removeAll { service in
            guard service.entities.isEmpty else { return false }
            accounts -= 1
            return accounts < 0
        }
        // Roles sign in, so their accounts need a service of their own (one that owns no entity).
        if !scope.roles.isEmpty, !section.services.contains(where: \.entities.isEmpty) {
            let name = ["identity", "identity_accounts", "accounts_identity"].first { names.admit($0) } ?? "identity"
            let prefix = prefixes.admit("api_auth") ? "/api/auth" : "/api/\(name)"
            section.services.insert(
                ServiceSpec(name: name, kind: .api, description: "Accounts, sign-in and tokens", apiPrefix: prefix, entities: [], dependsOn: []), at: 0
            )
        }
        let kept = section.services.map(\.name)
        for index in section.services.indices {
            let own = section.services[index].name
            section.services[index].dependsOn = DistinctNames.filter(section.services[index].dependsOn).filter { $0 != own && kept.contains($0) }
        }
        return section
    }
}

extension String {
    /// A route's identity once its segments are made safe, as the generators make them.
    var routeKey: String {
        split(separator: "/").map { SafeIdentifier.make(String($0)) }.joined(separator: "_")
    }
}
