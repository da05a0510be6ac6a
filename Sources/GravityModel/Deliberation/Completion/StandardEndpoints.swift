extension ServiceAPI {
    /// The API a careful lead gives `service`: for each entity it owns, reads (public where its
    /// bounded context is), writes as its rules allow (none for an order's lines, transitions for a
    /// lifecycle, plain updates otherwise), reservations of its stock or balance; a call to the owner
    /// of each entity it refers to elsewhere. The service that owns no entity signs accounts in.
    public static func standard(for service: ServiceSpec, among services: [ServiceSpec], blueprint: Blueprint, industry: Industry) -> ServiceAPI {
        let roles = blueprint.requirements?.roles ?? industry.roles
        if service.entities.isEmpty {
            let prefix = service.apiPrefix
            return ServiceAPI(
                service: service.name,
                endpoints: roles.isEmpty ? [] : [
                    EndpointSpec(method: "POST", path: "\(prefix)/register", entity: Blueprint.accountEntity, action: .register, access: .public, role: nil),
                    EndpointSpec(method: "POST", path: "\(prefix)/login", entity: Blueprint.accountEntity, action: .login, access: .public, role: nil),
                    EndpointSpec(method: "GET", path: "\(prefix)/me", entity: Blueprint.accountEntity, action: .profile, access: .authenticated, role: nil),
                ],
                calls: []
            )
        }
        var endpoints: [EndpointSpec] = []
        var calls: [ServiceCall] = []
        let requirements = blueprint.requirements
        for name in service.entities {
            let entity = industry.entity(named: name)
            let publicRead = industry.contexts.first { $0.id == service.name }?.publicRead ?? false
            let read: Access = publicRead ? .public : .authenticated
            let write: Access = roles.isEmpty ? .public : .authenticated
            let base = "\(service.apiPrefix)/\(entity?.plural ?? SafeIdentifier.make(name) + "_records")"
            endpoints += [
                EndpointSpec(method: "GET", path: base, entity: name, action: .list, access: read, role: nil),
                EndpointSpec(method: "GET", path: "\(base)/{id}", entity: name, action: .get, access: read, role: nil),
            ]
            // An order's lines are written with their order, never on their own.
            let placed = requirements?.placements.contains { $0.lines == name } ?? false
            if placed {
                // Read only.
            } else if let lifecycle = requirements?.lifecycle(of: name) {
                endpoints.append(EndpointSpec(method: "POST", path: base, entity: name, action: .create, access: write, role: nil))
                // Its status moves only through its transitions, so it has no plain update or delete.
                endpoints += lifecycle.transitions.map { transition in
                    EndpointSpec(
                        method: "POST", path: "\(base)/{id}/\(transition.name)", entity: name, action: .transition,
                        access: .authenticated, role: nil, transition: transition.name
                    )
                }
            } else {
                endpoints += [
                    EndpointSpec(method: "POST", path: base, entity: name, action: .create, access: write, role: nil),
                    EndpointSpec(method: "PUT", path: "\(base)/{id}", entity: name, action: .update, access: write, role: nil),
                    EndpointSpec(method: "DELETE", path: "\(base)/{id}", entity: name, action: .delete, access: write, role: nil),
                ]
            }
            if (requirements?.postings ?? []).contains(where: { industry.account(of: $0) == name }) {
                // Postings move the balance, and reversals move it back, through the service that keeps it.
                endpoints += [
                    EndpointSpec(method: "POST", path: "\(base)/movements", entity: name, action: .reserve, access: .authenticated, role: nil),
                    EndpointSpec(method: "DELETE", path: "\(base)/movements/{key}", entity: name, action: .release, access: .authenticated, role: nil),
                ]
            }
            if requirements?.stock(of: name) != nil {
                // Orders take stock for all their lines at once, and give it back when cancelled.
                endpoints += [
                    EndpointSpec(method: "POST", path: "\(base)/reservations", entity: name, action: .reserve, access: .authenticated, role: nil),
                    EndpointSpec(method: "DELETE", path: "\(base)/reservations/{key}", entity: name, action: .release, access: .authenticated, role: nil),
                ]
            }
            for relation in entity?.relations ?? [] where !service.entities.contains(relation.entity) {
                guard let owner = services.first(where: { $0.entities.contains(relation.entity) }) else { continue }
                calls.append(ServiceCall(service: owner.name, entity: relation.entity, purpose: "check that the \(relation.entity) exists before saving a \(name)"))
            }
        }
        return ServiceAPI(service: service.name, endpoints: endpoints, calls: calls)
    }
}
