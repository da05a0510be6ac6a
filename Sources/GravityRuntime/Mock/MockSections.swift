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
        return industry.closure(of: industry.features.flatMap(\.entities))
    }

    var roles: [String] { blueprint.requirements?.roles ?? industry.roles }

    var services: [ServiceSpec] { blueprint.architecture?.services ?? architecture([]).services }

    // MARK: Sections

    func requirements(_ practices: [String]) -> RequirementsSection {
        let entities = industry.closure(of: industry.features.flatMap(\.entities))
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
            preconditions: industry.preconditions.filter { entities.contains($0.entity) && entities.contains($0.exists) },
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
            // The standard pair (SQLite locally, PostgreSQL in production), but for a large context,
            // which is developed on the engine it runs on.
            let engines: StoreEngines = scale == .large ? .everywhere(.postgresql) : .standard
            var tables: [TableSpec] = []
            if service.name == MockSections.identityService {
                tables.append(.accounts(roles: roles))
            }
            for name in service.entities {
                guard let entity = industry.entity(named: name) else { continue }
                tables.append(.standard(for: entity, in: industry, local: service.entities))
            }
            stores.append(ServiceStore(service: service.name, engines: engines, database: "\(service.name)_db", tables: tables))
        }
        let stored = Set(stores.flatMap { $0.tables.map(\.entity) })
        // Every store is seeded, and every table records when its rows were created and last
        // changed: both are baseline, whatever the vote.
        let seed = industry.seed.filter { stored.contains($0.entity) }
        return DatabaseSection(stores: stores, seed: seed, practices: practices)
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
        let apis = services.map { ServiceAPI.standard(for: $0, among: services, blueprint: blueprint, industry: industry) }
        return BackendSection(language: "python", framework: "fastapi", pageSize: 20, apis: apis, practices: practices)
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
            // State lives in PostgreSQL in production, so every service runs at least two replicas:
            // a pod restarting, or a node drained, never takes a service away.
            return DeploymentUnit(
                service: service.name,
                replicas: large ? 3 : 2,
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
