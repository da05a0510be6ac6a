import GravityModel

/// Builds the complete section a careful lead would propose for each phase, from the industry
/// and the decisions already made, and the same section with one structural fact broken.
struct MockSections {
    let industry: Industry
    let blueprint: Blueprint
    let brief: String

    func ideal(_ phase: Phase, practices: [String]) -> ProposalContent {
        switch phase {
        case .requirements: .requirements(requirements(practices))
        case .architecture: .architecture(architecture(practices))
        case .database: .database(database(practices))
        case .frontend: .frontend(frontend(practices))
        case .backend: .backend(backend(practices))
        case .security: .security(security(practices))
        case .testing: .testing(testing(practices))
        case .deployment: .deployment(deployment(practices))
        }
    }

    // MARK: Inputs from earlier phases, with fallbacks when a phase is missing.

    var entitiesInScope: [String] {
        if let requirements = blueprint.requirements { return requirements.entities }
        return closure(of: industry.features.flatMap(\.entities))
    }

    var roles: [String] { blueprint.requirements?.roles ?? industry.roles }

    var services: [ServiceSpec] { blueprint.architecture?.services ?? architecture([]).services }

    /// The entities named plus everything they refer to, in domain-model order.
    func closure(of names: [String]) -> [String] {
        var included = Set(names)
        var changed = true
        while changed {
            changed = false
            for entity in industry.entities where included.contains(entity.name) {
                for relation in entity.relations where included.insert(relation.entity).inserted { changed = true }
            }
        }
        return industry.entities.map(\.name).filter(included.contains)
    }

    // MARK: Sections

    func requirements(_ practices: [String]) -> RequirementsSection {
        let entities = closure(of: industry.features.flatMap(\.entities))
        return RequirementsSection(
            appName: industry.brand.name,
            summary: brief,
            roles: industry.roles,
            currency: industry.currency,
            features: industry.features,
            entities: entities,
            lifecycles: industry.lifecycles.filter { entities.contains($0.entity) },
            stocks: industry.stocks.filter { entities.contains($0.entity) },
            schedules: industry.schedules.filter { entities.contains($0.entity) },
            claims: industry.claims.filter { entities.contains($0.entity) },
            placements: industry.placements.filter { entities.contains($0.entity) && entities.contains($0.lines) },
            postings: industry.postings.filter { entities.contains($0.entity) },
            practices: practices
        )
    }

    func architecture(_ practices: [String]) -> ArchitectureSection {
        let inScope = Set(entitiesInScope)
        var services: [ServiceSpec] = []
        for context in industry.contexts {
            let owned = industry.entities.filter { $0.context == context.id && inScope.contains($0.name) }
            guard !owned.isEmpty else { continue }
            services.append(
                ServiceSpec(
                    name: context.id,
                    kind: .api,
                    description: context.description,
                    apiPrefix: "/api/\(context.id)",
                    entities: owned.map(\.name),
                    dependsOn: []
                )
            )
        }
        for index in services.indices {
            var dependencies: [String] = []
            for entityName in services[index].entities {
                for relation in industry.entity(named: entityName)?.relations ?? [] {
                    guard let owner = services.first(where: { $0.entities.contains(relation.entity) }),
                        owner.name != services[index].name, !dependencies.contains(owner.name)
                    else { continue }
                    dependencies.append(owner.name)
                }
            }
            services[index].dependsOn = dependencies
        }
        if !roles.isEmpty {
            services.insert(
                ServiceSpec(
                    name: MockSections.identityService,
                    kind: .api,
                    description: "Accounts, sign-in and tokens",
                    apiPrefix: "/api/auth",
                    entities: [],
                    dependsOn: []
                ),
                at: 0
            )
        }
        return ArchitectureSection(style: "one service per bounded context behind an API gateway", services: services, practices: practices)
    }

    static let identityService = "identity"

    func database(_ practices: [String]) -> DatabaseSection {
        var stores: [ServiceStore] = []
        for service in services {
            let scale = industry.contexts.first { $0.id == service.name }?.scale ?? .small
            let engine: DatabaseEngine = scale == .large ? .postgresql : .sqlite
            var tables: [TableSpec] = []
            if service.name == MockSections.identityService {
                tables.append(accountTable())
            }
            for name in service.entities {
                guard let entity = industry.entity(named: name) else { continue }
                tables.append(table(for: entity, in: service))
            }
            stores.append(ServiceStore(service: service.name, engine: engine, database: "\(service.name)_db", tables: tables))
        }
        let stored = Set(stores.flatMap { $0.tables.map(\.entity) })
        // Every store is seeded, and every table records when its rows were created and last
        // changed: both are baseline, whatever the vote.
        let seed = industry.seed.filter { stored.contains($0.entity) }
        return DatabaseSection(stores: stores, seed: seed, practices: practices)
    }

    private func table(for entity: DomainEntity, in service: ServiceSpec) -> TableSpec {
        var columns = [ColumnSpec(name: "id", type: .integer, nullable: false, primaryKey: true)]
        for field in entity.fields {
            columns.append(
                ColumnSpec(
                    name: field.name,
                    type: field.type,
                    nullable: !field.required,
                    unique: field.unique,
                    maxLength: field.maxLength,
                    minimum: field.minimum,
                    values: field.values,
                    indexed: field.unique
                )
            )
        }
        for relation in entity.relations {
            let target = industry.entity(named: relation.entity)
            let local = service.entities.contains(relation.entity)
            columns.append(
                ColumnSpec(
                    name: "\(relation.name)_id",
                    type: .integer,
                    nullable: !relation.required,
                    references: local ? target?.plural : nil,
                    externalEntity: local ? nil : relation.entity,
                    indexed: true
                )
            )
        }
        columns.append(ColumnSpec(name: "created_at", type: .datetime, nullable: false))
        columns.append(ColumnSpec(name: "updated_at", type: .datetime, nullable: false))
        return TableSpec(entity: entity.name, table: entity.plural, columns: columns)
    }

    private func accountTable() -> TableSpec {
        var columns = [
            ColumnSpec(name: "id", type: .integer, nullable: false, primaryKey: true),
            ColumnSpec(name: "email", type: .email, nullable: false, unique: true, maxLength: 254, indexed: true),
            ColumnSpec(name: "display_name", type: .string, nullable: false, maxLength: 120),
            ColumnSpec(name: "password_hash", type: .string, nullable: false, maxLength: 255),
            ColumnSpec(name: "role", type: .choice, nullable: false, values: roles),
        ]
        columns.append(ColumnSpec(name: "created_at", type: .datetime, nullable: false))
        columns.append(ColumnSpec(name: "updated_at", type: .datetime, nullable: false))
        return TableSpec(entity: Blueprint.accountEntity, table: "user_accounts", columns: columns)
    }

    func frontend(_ practices: [String]) -> FrontendSection {
        let pages = entitiesInScope.compactMap { name -> PageSpec? in
            guard let entity = industry.entity(named: name), let owner = services.first(where: { $0.entities.contains(name) })?.name
            else { return nil }
            return PageSpec(
                route: "/\(entity.plural)",
                title: Naming.title(entity.plural),
                entity: name,
                service: owner,
                views: [.list, .detail, .create, .edit]
            )
        }
        let brand = industry.brand
        return FrontendSection(
            title: brand.name,
            palette: Palette(primary: brand.primary, accent: brand.accent, background: brand.background, text: brand.text),
            navigation: pages.map(\.route),
            pages: pages,
            login: !roles.isEmpty,
            practices: practices
        )
    }

    func backend(_ practices: [String]) -> BackendSection {
        var apis: [ServiceAPI] = []
        for service in services {
            if service.name == MockSections.identityService {
                apis.append(ServiceAPI(service: service.name, endpoints: identityEndpoints(service.apiPrefix), calls: []))
                continue
            }
            var endpoints: [EndpointSpec] = []
            var calls: [ServiceCall] = []
            for name in service.entities {
                guard let entity = industry.entity(named: name) else { continue }
                let publicRead = industry.contexts.first { $0.id == service.name }?.publicRead ?? false
                let read: Access = publicRead ? .public : .authenticated
                let write: Access = roles.isEmpty ? .public : .authenticated
                let base = "\(service.apiPrefix)/\(entity.plural)"
                endpoints += [
                    EndpointSpec(method: "GET", path: base, entity: name, action: .list, access: read, role: nil),
                    EndpointSpec(method: "GET", path: "\(base)/{id}", entity: name, action: .get, access: read, role: nil),
                ]
                // An order's lines are written with their order, never on their own.
                let placed = blueprint.requirements?.placements.contains { $0.lines == name } ?? false
                if placed {
                    // Read only.
                } else if let lifecycle = blueprint.requirements?.lifecycle(of: name) {
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
                if (blueprint.requirements?.postings ?? []).contains(where: { industry.account(of: $0) == name }) {
                    // Postings move the balance, and reversals move it back, through the service that keeps it.
                    endpoints += [
                        EndpointSpec(method: "POST", path: "\(base)/movements", entity: name, action: .reserve, access: .authenticated, role: nil),
                        EndpointSpec(
                            method: "DELETE", path: "\(base)/movements/{key}", entity: name, action: .release, access: .authenticated, role: nil
                        ),
                    ]
                }
                if blueprint.requirements?.stock(of: name) != nil {
                    // Orders take stock for all their lines at once, and give it back when cancelled.
                    endpoints += [
                        EndpointSpec(method: "POST", path: "\(base)/reservations", entity: name, action: .reserve, access: .authenticated, role: nil),
                        EndpointSpec(
                            method: "DELETE", path: "\(base)/reservations/{key}", entity: name, action: .release, access: .authenticated, role: nil
                        ),
                    ]
                }
                for relation in entity.relations where !service.entities.contains(relation.entity) {
                    guard let owner = services.first(where: { $0.entities.contains(relation.entity) }) else { continue }
                    calls.append(
                        ServiceCall(
                            service: owner.name,
                            entity: relation.entity,
                            purpose: "check that the \(relation.entity) exists before saving a \(name)"
                        )
                    )
                }
            }
            apis.append(ServiceAPI(service: service.name, endpoints: endpoints, calls: calls))
        }
        return BackendSection(language: "python", framework: "fastapi", pageSize: 20, apis: apis, practices: practices)
    }

    private func identityEndpoints(_ prefix: String) -> [EndpointSpec] {
        [
            EndpointSpec(method: "POST", path: "\(prefix)/register", entity: Blueprint.accountEntity, action: .register, access: .public, role: nil),
            EndpointSpec(method: "POST", path: "\(prefix)/login", entity: Blueprint.accountEntity, action: .login, access: .public, role: nil),
            EndpointSpec(method: "GET", path: "\(prefix)/me", entity: Blueprint.accountEntity, action: .profile, access: .authenticated, role: nil),
        ]
    }

    func security(_ practices: [String]) -> SecuritySection {
        let policies = roles.map { role in
            RolePolicy(
                role: role,
                writes: entitiesInScope.filter { entity in
                    guard let context = industry.entity(named: entity)?.context else { return false }
                    return industry.contexts.first { $0.id == context }?.writers(roles: roles).contains(role) ?? false
                }
            )
        }
        let authentication =
            roles.isEmpty
            ? AuthenticationSpec(scheme: "none", passwordHashing: "none", tokenLifetimeMinutes: 0)
            : AuthenticationSpec(scheme: "jwt", passwordHashing: "pbkdf2_sha256", tokenLifetimeMinutes: 60)
        return SecuritySection(authentication: authentication, policies: policies, practices: practices)
    }

    func testing(_ practices: [String]) -> TestingSection {
        let suites = services.map { service in
            TestSuiteSpec(
                service: service.name,
                kinds: service.dependsOn.isEmpty ? [.unit, .api] : [.unit, .api, .contract],
                minimumCoverage: 80
            )
        }
        return TestingSection(framework: "pytest", suites: suites, practices: practices)
    }

    func deployment(_ practices: [String]) -> DeploymentSection {
        let units = services.map { service in
            let large = industry.contexts.first { $0.id == service.name }?.scale == .large
            return DeploymentUnit(
                service: service.name,
                replicas: large ? 2 : 1,
                healthCheck: "/health",
                cpuLimit: large ? "1000m" : "500m",
                memoryLimit: large ? "512Mi" : "256Mi"
            )
        }
        return DeploymentSection(
            targets: DeploymentTarget.allCases,
            gateways: ["local": "nginx", "compose": "traefik", "kubernetes": "ingress"],
            units: units,
            practices: practices
        )
    }
}
